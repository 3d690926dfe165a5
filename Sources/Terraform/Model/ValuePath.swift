import HCL

/// Paths into a value, written as Terraform writes them (`ingress[0].cidr_blocks`, `tags["Name"]`).
public enum ValuePath {
    /// Every maximal unknown part of an object value, in sorted order.
    public static func unknownPaths(in value: Value) -> [String] {
        var out: [String] = []
        collect(value, path: "", into: &out)
        return out
    }

    private static func collect(_ v: Value, path: String, into out: inout [String]) {
        switch v.storage {
        case .unknown: out.append(path)
        case .null, .bool, .number, .string: break
        case .list(let es, _), .set(let es, _), .tuple(let es):
            for (i, e) in es.enumerated() { collect(e, path: "\(path)[\(i)]", into: &out) }
        case .object(let attrs):
            for k in attrs.keys.sorted() {
                collect(attrs[k]!, path: path.isEmpty ? k : "\(path).\(k)", into: &out)
            }
        case .map(let es, _):
            for k in es.keys.sorted() { collect(es[k]!, path: "\(path)[\(Address.quoted(k))]", into: &out) }
        }
    }
}

extension ValuePath {
    /// Every outermost sensitive part of a value.
    public static func sensitivePaths(in value: Value) -> [String] {
        var out: [String] = []
        collectSensitive(value, path: "", into: &out)
        return out
    }

    private static func collectSensitive(_ v: Value, path: String, into out: inout [String]) {
        if v.isSensitive { out.append(path); return }
        switch v.storage {
        case .unknown, .null, .bool, .number, .string: break
        case .list(let es, _), .set(let es, _), .tuple(let es):
            for (i, e) in es.enumerated() { collectSensitive(e, path: "\(path)[\(i)]", into: &out) }
        case .object(let attrs):
            for k in attrs.keys.sorted() { collectSensitive(attrs[k]!, path: path.isEmpty ? k : "\(path).\(k)", into: &out) }
        case .map(let es, _):
            for k in es.keys.sorted() { collectSensitive(es[k]!, path: "\(path)[\(Address.quoted(k))]", into: &out) }
        }
    }
}
