import HCL

/// The instances a `count` or `for_each` argument asks for.
enum Expansion {
    /// One instance key with the names it binds (`count.index` or `each.key`/`each.value`).
    struct Instance {
        var key: InstanceKey?
        var bound: [String: Value]
    }

    /// The instances, or nil when they cannot be known before apply (after a diagnostic).
    static func instances(
        count: Expression?, forEach: Expression?, scope: ModuleScope, file: String, what: String
    ) -> [Instance]? {
        if let count {
            let value = scope.evaluate(count, file: file)
            if value.isNull {
                scope.session.report(.invalidCount, "Invalid count argument",
                    "The given \"count\" argument value is null. An integer is required.", count.range, file: file)
                return nil
            }
            guard value.isKnown else {
                scope.session.report(.invalidCount, "Invalid count argument",
                    "The \"count\" value depends on resource attributes that cannot be determined until apply, so Terraform cannot predict how many instances will be created. Airlock reports the instances of \(what) as unknown.",
                    count.range, file: file)
                return nil
            }
            guard let n = (try? value.converted(to: .number))?.numberValue, n.isInteger, let c = n.int, c >= 0 else {
                scope.session.report(.invalidCount, "Invalid count argument",
                    "The given \"count\" argument value is unsuitable: must be a whole number greater than or equal to 0.", count.range, file: file)
                return nil
            }
            return (0..<c).map { Instance(key: .int($0), bound: ["count": Value.object(["index": Value.number($0)])]) }
        }
        if let forEach {
            let value = scope.evaluate(forEach, file: file)
            func invalid(_ detail: String) -> [Instance]? {
                scope.session.report(.invalidForEach, "Invalid for_each argument", detail, forEach.range, file: file)
                return nil
            }
            if value.containsSensitive {
                return invalid("Sensitive values, or values derived from sensitive values, cannot be used as for_each arguments. If used, the sensitive value could be exposed as a resource instance key.")
            }
            if value.isNull {
                return invalid("The given \"for_each\" argument value is unsuitable: the given \"for_each\" argument value is null. A map, or set of strings is allowed.")
            }
            guard value.isWhollyKnown || (value.attributes != nil && value.isKnown) else {
                return invalid("The \"for_each\" value depends on resource attributes that cannot be determined until apply, so Terraform cannot predict how many instances will be created. Airlock reports the instances of \(what) as unknown.")
            }
            switch value.storage {
            case .map(let es, _), .object(let es):
                return es.keys.sorted().map { k in
                    Instance(key: .string(k), bound: ["each": .object(["key": .string(k), "value": es[k]!])])
                }
            case .set(let es, _):
                var out: [Instance] = []
                for e in es {
                    guard let s = e.stringValue else {
                        if !e.isKnown {
                            return invalid("The \"for_each\" set includes values derived from resource attributes that cannot be determined until apply.")
                        }
                        return invalid("The given \"for_each\" argument value is unsuitable: \"for_each\" supports maps and sets of strings, but you have provided a set containing type \(e.type.friendlyName).")
                    }
                    out.append(Instance(key: .string(s), bound: ["each": .object(["key": .string(s), "value": .string(s)])]))
                }
                return out
            case .list, .tuple:
                return invalid("The given \"for_each\" argument value is unsuitable: the \"for_each\" argument must be a map, or set of strings, and you have provided a value of type \(value.type.friendlyName == "tuple" ? "tuple" : value.type.friendlyName). Convert it with toset() if it holds strings.")
            case .null, .unknown, .bool, .number, .string:
                return invalid("The given \"for_each\" argument value is unsuitable: the \"for_each\" argument must be a map, or set of strings, and you have provided a value of type \(value.type.friendlyName).")
            }
        }
        return [Instance(key: nil, bound: [:])]
    }

    /// The value a reference to all instances sees: one object, a tuple by index, or an object by key.
    static func referenceValue(count: Expression?, forEach: Expression?, instances: [(InstanceKey?, Value)]?) -> Value {
        guard let instances else { return .dynamicUnknown }
        if count != nil { return .tuple(instances.map(\.1)) }
        if forEach != nil {
            var attrs: [String: Value] = [:]
            for (key, value) in instances {
                if case .string(let k) = key { attrs[k] = value }
            }
            return .object(attrs)
        }
        return instances.first?.1 ?? .dynamicUnknown
    }
}
