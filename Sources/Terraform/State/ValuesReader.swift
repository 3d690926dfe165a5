import HCL

/// Reads Terraform's "values representation": `{outputs, root_module}` with resources and
/// `child_modules` nested to any depth. Plans use it for `planned_values` and
/// `prior_state.values`; `terraform show -json` of a state writes it at the top level.
enum ValuesReader {
    /// One resource object of a values representation, its values not yet decoded.
    struct Resource {
        var node: JSONNode
        var address: ResourceInstanceAddress
        /// The address exactly as written.
        var addressText: String
        var provider: String?
        var schemaVersion: Int?
        var values: JSONNode?
        var sensitiveValues: JSONNode?
        var tainted: Bool
        var deposedKey: String?
        var dependsOn: [String]
    }

    /// Every resource of the root module and its descendants, root first, in document order.
    static func resources(in values: JSONNode) throws(TerraformDocumentError) -> [Resource] {
        var out: [Resource] = []
        guard let root = try values.optional("root_module") else { return out }
        try collect(root, into: &out)
        return out
    }

    private static func collect(_ module: JSONNode, into out: inout [Resource]) throws(TerraformDocumentError) {
        _ = try module.members()
        let moduleAddress = try module.optionalString("address")
        let expected: [ModuleStep]?
        if let moduleAddress {
            do throws(Address.ParseError) {
                expected = try Address.parseModule(moduleAddress)
            } catch {
                throw module.error(
                    "Invalid module address",
                    "`\(module.path).address` is \(JSONNode.quoted(moduleAddress)), which is not a module instance address (\(error)).")
            }
        } else {
            expected = nil
        }
        for r in try module.optional("resources")?.arrayOrEmpty() ?? [] {
            _ = try r.members()
            var (address, text) = try ResourceInstanceAddress.read(from: r)
            // Terraform 0.12 wrote the resources of a child module in `prior_state` with
            // module-relative addresses (`data.x.y` under `module.m`): the module is the
            // list's. Otherwise a resource must carry its module's address as its prefix.
            if let expected, !expected.isEmpty, address.module.isEmpty {
                address.module = expected
                text = address.description
            }
            if let expected, address.module != expected {
                throw r.error(
                    "Inconsistent resource address",
                    "\(JSONNode.quoted(text)) at `\(r.path)` is listed in module \(JSONNode.quoted(moduleAddress ?? "")); "
                        + "Terraform lists every resource under its own module.")
            }
            out.append(Resource(
                node: r, address: address, addressText: text,
                provider: try r.optionalString("provider_name"),
                schemaVersion: try r.optionalInt("schema_version"),
                values: try r.optional("values"),
                sensitiveValues: try r.optional("sensitive_values"),
                tainted: try r.optionalBool("tainted") ?? false,
                deposedKey: try r.optionalString("deposed_key"),
                dependsOn: try r.optional("depends_on")?.arrayOrEmpty().map { (n) throws(TerraformDocumentError) in try n.string() } ?? []))
        }
        for child in try module.optional("child_modules")?.arrayOrEmpty() ?? [] {
            try collect(child, into: &out)
        }
    }

    /// The root module outputs, sorted by name. In `planned_values` an output without a
    /// `value` is one only apply can know; elsewhere it is null.
    static func outputs(in values: JSONNode, missingValueIsUnknown: Bool) throws(TerraformDocumentError) -> [OutputValue] {
        var out: [OutputValue] = []
        for (name, o) in try values.optional("outputs")?.members() ?? [] {
            let sensitive = try o.optionalBool("sensitive") ?? false
            let type = try outputType(o)
            var value: Value
            if let v = try o.optional("value") {
                value = try MarkedValueDecoder.decode(v, at: o)
            } else if o.has("value") {
                value = .null(type ?? .any)
            } else {
                value = missingValueIsUnknown ? .unknown(type ?? .any) : .null(type ?? .any)
            }
            if let type, let typed = try? value.converted(to: type) { value = typed }
            out.append(OutputValue(name: name, value: value.marked(sensitive), sensitive: sensitive, type: type))
        }
        return out.sorted { $0.name < $1.name }
    }

    /// An output's `type` in cty's JSON type notation, when written.
    static func outputType(_ output: JSONNode) throws(TerraformDocumentError) -> ValueType? {
        guard let t = try output.optional("type") else { return nil }
        guard let type = ValueType(json: t.value) else {
            throw t.wrongShape(expected: "a type in cty's JSON notation (\"string\", [\"list\",\"string\"], ...)")
        }
        return type
    }
}
