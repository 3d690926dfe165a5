import HCL

extension ValuePath {
    /// A path written as JSON steps (`replace_paths`, `relevant_attributes`) in Airlock's
    /// path syntax: `["ingress", 0, "cidr_blocks"]` → `ingress[0].cidr_blocks`.
    ///
    /// Terraform writes attribute names and map keys both as strings, so they cannot be
    /// told apart without the schema: a string that is an identifier becomes `.name`,
    /// any other string an index `["key"]`. Returns nil for a step that is neither a
    /// string nor a whole number.
    public static func render(steps: [JSONValue]) -> String? {
        var out = ""
        for step in steps {
            switch step {
            case .string(let s):
                if Identifier.isIdentifier(s) {
                    out += out.isEmpty ? s : ".\(s)"
                } else {
                    out += "[\(Address.quoted(s))]"
                }
            case .number(let n):
                guard let i = Int(n) else { return nil }
                out += "[\(i)]"
            case .null, .bool, .array, .object:
                return nil
            }
        }
        return out
    }

}
