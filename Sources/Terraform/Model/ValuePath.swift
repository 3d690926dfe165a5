import HCL

/// Paths into a value, written as Terraform writes them (`ingress[0].cidr_blocks`, `tags["Name"]`).
public enum ValuePath {
    /// Every maximal unknown part of an object value, in sorted order.
    public static func unknownPaths(in value: Value) -> [String] {
        paths(in: value) { !$0.isKnown }
    }

    /// Every outermost sensitive part.
    public static func sensitivePaths(in value: Value) -> [String] {
        paths(in: value) { $0.isSensitive }
    }

    /// The paths of the outermost parts of `value` that `matches`, in sorted order.
    private static func paths(in value: Value, where matches: (Value) -> Bool) -> [String] {
        var out: [String] = []
        collect(value, path: "", matches, into: &out)
        return out
    }

    private static func collect(_ v: Value, path: String, _ matches: (Value) -> Bool, into out: inout [String]) {
        if matches(v) { out.append(path); return }
        switch v.storage {
        case .unknown, .null, .bool, .number, .string: break
        case .list(let es, _), .set(let es, _), .tuple(let es):
            for (i, e) in es.enumerated() { collect(e, path: "\(path)[\(i)]", matches, into: &out) }
        case .object(let attrs):
            for k in attrs.keys.sorted() { collect(attrs[k]!, path: path.isEmpty ? k : "\(path).\(k)", matches, into: &out) }
        case .map(let es, _):
            for k in es.keys.sorted() { collect(es[k]!, path: "\(path)[\(Address.quoted(k))]", matches, into: &out) }
        }
    }
}
