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
        if json.isNull { return true }
        switch type {
        case .any: return true
        case .string: return json.stringValue != nil
        case .bool: return json.boolValue != nil
        case .number:
            if case .number = json { return true }
            return false
        case .list, .set, .tuple: return json.arrayValue != nil
        case .map, .object: return json.objectMembers != nil
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
                if let k = v?.value["value"]?.stringValue {
                    out.append(.key(k))
                } else if case .number(let n)? = v?.value["value"], let i = Int(n) {
                    out.append(.index(i))
                } else {
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
        switch step {
        case .unrecognized:
            return v.marked(true)
        case .attribute(let k), .key(let k):
            switch v.storage {
            case .null: return v
            case .object(var attrs):
                guard let child = attrs[k] else { return v }
                attrs[k] = marking(child, rest)
                out.storage = .object(attrs)
            case .map(var elements, let t):
                guard let child = elements[k] else { return v }
                elements[k] = marking(child, rest)
                out.storage = .map(elements, element: t)
            case .unknown, .bool, .number, .string, .list, .set, .tuple:
                // The path goes deeper than the value, or by name into a sequence: mark
                // what it reached.
                return v.marked(true)
            }
        case .index(let i):
            switch v.storage {
            case .null: return v
            case .list(var es, let t):
                guard es.indices.contains(i) else { return v }
                es[i] = marking(es[i], rest)
                out.storage = .list(es, element: t)
            case .tuple(var es):
                guard es.indices.contains(i) else { return v }
                es[i] = marking(es[i], rest)
                out.storage = .tuple(es)
            case .unknown, .bool, .number, .string, .set, .map, .object:
                // A set keeps its elements' marks on itself (cty); anything else is a path
                // deeper than the value: mark what it reached.
                return v.marked(true)
            }
        }
        return out
    }
}
