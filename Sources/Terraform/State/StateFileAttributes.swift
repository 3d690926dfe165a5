import HCL

/// The `attributes` of an instance in a state file, decoded: dynamic-typed attributes
/// unwrapped and typed, and `sensitive_attributes` paths marked.
enum StateFileAttributes {
    static func decode(_ attributes: JSONNode, sensitivePaths: JSONNode?) throws(TerraformDocumentError) -> Value {
        var attrs: [String: Value] = [:]
        for (name, member) in try attributes.members() {
            if let unwrapped = try unwrapDynamic(member) {
                attrs[name] = unwrapped
            } else {
                attrs[name] = try MarkedValueDecoder.decode(member, at: attributes)
            }
        }
        var value = Value.object(attrs)
        for path in try sensitivePaths?.arrayOrEmpty() ?? [] {
            value = marking(value, along: try steps(path))
        }
        return value
    }

    /// An attribute of the dynamic type, which Terraform stores with its type:
    /// `{"value": …, "type": <cty type JSON>}`. Only top-level attributes are considered, and
    /// only when the object has exactly these two members, the type parses and the value
    /// has its shape and converts to it; otherwise the object is an ordinary value.
    ///
    /// Without the provider's schema an object attribute that happens to be exactly
    /// `{value, type}` with a cty type in `type` would be read as a wrapper; no real schema
    /// in the AWS provider has such an attribute.
    static func unwrapDynamic(_ node: JSONNode) throws(TerraformDocumentError) -> Value? {
        guard case .object(let members) = node.value, members.count == 2,
            let valueJSON = node.value["value"], let typeJSON = node.value["type"],
            let type = ValueType(json: typeJSON), shapeMatches(valueJSON, type)
        else { return nil }
        let raw = try MarkedValueDecoder.decode(try node.optional("value"), at: node)
        return try? raw.converted(to: type)
    }

    private static func shapeMatches(_ json: JSONValue, _ type: ValueType) -> Bool {
        switch (json, type) {
        case (.null, _), (_, .any): return true
        case (.string, .string), (.number, .number), (.bool, .bool): return true
        case (.array, .list), (.array, .set), (.array, .tuple): return true
        case (.object, .map), (.object, .object): return true
        default: return false
        }
    }

    /// One step of a `sensitive_attributes` path.
    enum Step: Equatable {
        case attribute(String)
        case key(String)
        case index(Int)
        /// A step Airlock does not understand; marking stops there, conservatively.
        case unrecognized
    }

    /// `[{"type":"get_attr","value":"a"},{"type":"index","value":{"value":0,"type":"number"}}]`.
    static func steps(_ path: JSONNode) throws(TerraformDocumentError) -> [Step] {
        var out: [Step] = []
        for s in try path.array() {
            _ = try s.members()
            let kind = try s.optionalString("type")
            let v = try s.optional("value")
            switch kind {
            case "get_attr"?:
                guard let name = v?.value.stringValue else { out.append(.unrecognized); return out }
                out.append(.attribute(name))
            case "index"?:
                switch v?.value["value"] {
                case .string(let k)?: out.append(.key(k))
                case .number(let n)?:
                    guard let i = Int(n) else { out.append(.unrecognized); return out }
                    out.append(.index(i))
                default:
                    out.append(.unrecognized)
                    return out
                }
            default:
                out.append(.unrecognized)
                return out
            }
        }
        return out
    }

    /// The value with the part at `steps` marked sensitive. A path that leads nowhere marks
    /// nothing (there is no value to reveal); a path that goes deeper than the value, or
    /// through a step Airlock does not understand, marks the part where it stops.
    static func marking(_ v: Value, along steps: [Step]) -> Value {
        marking(v, steps[...])
    }

    private static func marking(_ v: Value, _ steps: ArraySlice<Step>) -> Value {
        guard let step = steps.first else { return v.marked(true) }
        let rest = steps.dropFirst()
        var out = v
        switch (step, v.storage) {
        case (.unrecognized, _):
            return v.marked(true)
        case (_, .null):
            return v
        case (.attribute(let k), .object(var attrs)), (.key(let k), .object(var attrs)):
            guard let child = attrs[k] else { return v }
            attrs[k] = marking(child, rest)
            out.storage = .object(attrs)
        case (.attribute(let k), .map(var elements, let t)), (.key(let k), .map(var elements, let t)):
            guard let child = elements[k] else { return v }
            elements[k] = marking(child, rest)
            out.storage = .map(elements, element: t)
        case (.index(let i), .list(var es, let t)):
            guard es.indices.contains(i) else { return v }
            es[i] = marking(es[i], rest)
            out.storage = .list(es, element: t)
        case (.index(let i), .tuple(var es)):
            guard es.indices.contains(i) else { return v }
            es[i] = marking(es[i], rest)
            out.storage = .tuple(es)
        default:
            // A primitive, an unknown, a set (whose elements' marks cty keeps on the set
            // itself) or a step of the wrong kind: mark what the path reached.
            return v.marked(true)
        }
        return out
    }
}
