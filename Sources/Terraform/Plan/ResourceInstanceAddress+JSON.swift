extension ResourceInstanceAddress {
    /// The address of a resource object in Terraform's JSON output (`planned_values`,
    /// `resource_changes`, `prior_state`): `address` parsed, and checked against the
    /// `mode`, `type`, `name` and `index` members written beside it.
    static func read(from node: JSONNode) throws(TerraformDocumentError) -> (ResourceInstanceAddress, String) {
        let addressNode = try node.required("address")
        let text = try addressNode.string()
        var address: ResourceInstanceAddress
        do throws(Address.ParseError) {
            address = try Address.parseInstance(text)
        } catch {
            throw node.error(
                "Invalid resource address",
                "`\(addressNode.path)` is \(JSONNode.quoted(text)), which is not a resource instance address "
                    + "(\(error)). Terraform writes addresses such as `module.a[\"x\"].aws_s3_bucket.b[0]`.")
        }
        func mismatch(_ member: String, _ found: String) -> TerraformDocumentError {
            node.error(
                "Inconsistent resource address",
                "`\(node.path).\(member)` is \(found), but the address \(JSONNode.quoted(text)) says otherwise; "
                    + "the entry was not written by Terraform.")
        }
        if let mode = try node.optionalString("mode") {
            guard let parsed = ResourceInstance.Mode(rawValue: mode) else {
                throw node.error(
                    "Unknown resource mode",
                    "`\(node.path).mode` is \(JSONNode.quoted(mode)); Terraform writes \"managed\" or \"data\".")
            }
            guard parsed == address.mode else { throw mismatch("mode", JSONNode.quoted(mode)) }
        }
        if let type = try node.optionalString("type"), type != address.type { throw mismatch("type", JSONNode.quoted(type)) }
        if let name = try node.optionalString("name"), name != address.name { throw mismatch("name", JSONNode.quoted(name)) }
        if let index = try node.optional("index") {
            let key = try InstanceKey.read(from: index)
            if address.key == nil {
                // Terraform 0.12 wrote `prior_state` addresses without the key that
                // `index` gives (`null_resource.baz` with `"index": 0`).
                address.key = key
                return (address, address.description)
            }
            guard key == address.key else { throw mismatch("index", index.value.kindDescription) }
        }
        return (address, text)
    }
}

extension InstanceKey {
    /// An instance key written as JSON: a whole number (`count`) or a string (`for_each`).
    static func read(from node: JSONNode) throws(TerraformDocumentError) -> InstanceKey {
        switch node.value {
        case .string(let s): return .string(s)
        case .number: return .int(try node.int())
        case .null, .bool, .array, .object: throw node.wrongShape(expected: "a number or a string (the instance key)")
        }
    }
}
