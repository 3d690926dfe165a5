import HCL

/// What a provider declares about one resource or data source type: its attributes and
/// nested blocks. Static evaluation uses it the way Terraform does: to convert configured
/// values to the declared types, to know which attributes only apply can compute, and to
/// shape nested blocks as `planned_values` shows them.
public struct ResourceSchema: Sendable {
    public struct Attribute: Sendable {
        public var type: ValueType
        public var required: Bool
        public var optional: Bool
        public var computed: Bool
        public var sensitive: Bool
    }

    public struct NestedBlock: Sendable {
        public enum Nesting: String, Sendable {
            case single, group, list, set, map
        }
        public var nesting: Nesting
        public var minItems: Int
        public var maxItems: Int
        public var schema: ResourceSchema
    }

    public var attributes: [String: Attribute]
    public var blocks: [String: NestedBlock]
}

extension ResourceSchema {
    /// Reads the compact form written by `scripts/gen-provider-schema.sh`.
    init?(compact json: JSONValue) {
        guard let attrs = json["a"]?.objectMembers else { return nil }
        var attributes: [String: Attribute] = [:]
        for (name, spec) in attrs {
            guard let pair = spec.arrayValue, pair.count == 2, let type = ValueType(json: pair[0]), let flags = pair[1].stringValue
            else { continue }
            attributes[name] = Attribute(
                type: type, required: flags.contains("r"), optional: flags.contains("o"),
                computed: flags.contains("c"), sensitive: flags.contains("s"))
        }
        var blocks: [String: NestedBlock] = [:]
        for (name, spec) in json["b"]?.objectMembers ?? [] {
            guard let parts = spec.arrayValue, parts.count == 4, let mode = parts[0].stringValue,
                let nesting = NestedBlock.Nesting(rawValue: mode), let inner = ResourceSchema(compact: parts[3])
            else { continue }
            let minItems = parts[1].numberText.flatMap { Int($0) } ?? 0
            let maxItems = parts[2].numberText.flatMap { Int($0) } ?? 0
            blocks[name] = NestedBlock(nesting: nesting, minItems: minItems, maxItems: maxItems, schema: inner)
        }
        self.init(attributes: attributes, blocks: blocks)
    }
}

extension JSONValue {
    var numberText: String? {
        if case .number(let n) = self { return n }
        return nil
    }
}
