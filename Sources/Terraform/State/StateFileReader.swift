import HCL

/// Reads a state file, format version 4 (`terraform.tfstate`, Terraform 0.12 and later).
enum StateFileReader {
    /// The only state file version Airlock reads.
    static let supportedVersion = 4

    static func read(_ root: JSONNode) throws(TerraformDocumentError) -> State {
        let versionNode = try root.required("version")
        let version = try versionNode.int()
        guard version == supportedVersion else {
            let hint = version < supportedVersion
                ? "Version \(version) is written by Terraform 0.11 and earlier. Run `terraform plan` once with "
                    + "Terraform 0.12 or later, which upgrades the state to version 4, then give Airlock the new file."
                : "Version \(version) is newer than any Airlock knows; read it with an Airlock that supports it."
            throw root.error("Unsupported state file version \(version)", "The state file has `\"version\": \(version)`; Airlock reads version 4. " + hint)
        }
        let path = root.context.file
        var state = State(
            path: path, format: .stateFile(version: version),
            terraformVersion: try root.optionalString("terraform_version"),
            serial: try root.optionalInt("serial"), lineage: try root.optionalString("lineage"))

        for resource in try root.optional("resources")?.arrayOrEmpty() ?? [] {
            state.objects += try objects(of: resource, path: path)
        }
        var outputs: [OutputValue] = []
        for (name, o) in try root.optional("outputs")?.members() ?? [] {
            let sensitive = try o.optionalBool("sensitive") ?? false
            let type = try ValuesReader.outputType(o)
            var value = try MarkedValueDecoder.decode(try o.optional("value"), at: o)
            if let type, let typed = try? value.converted(to: type) { value = typed }
            outputs.append(OutputValue(name: name, value: value.marked(sensitive), sensitive: sensitive, type: type))
        }
        state.outputs = outputs.sorted { $0.name < $1.name }
        return state
    }

    private static func objects(of resource: JSONNode, path: String) throws(TerraformDocumentError) -> [StateObject] {
        _ = try resource.members()
        var module: [ModuleStep] = []
        if let moduleNode = try resource.optional("module") {
            let text = try moduleNode.string()
            do throws(Address.ParseError) {
                module = try Address.parseModule(text)
            } catch {
                throw moduleNode.error(
                    "Invalid module address",
                    "`\(moduleNode.path)` is \(JSONNode.quoted(text)), which is not a module instance address (\(error)); "
                        + "Terraform writes `module.a[\"x\"].module.b`.")
            }
        }
        let modeNode = try resource.required("mode")
        guard let mode = ResourceInstance.Mode(rawValue: try modeNode.string()) else {
            throw modeNode.wrongShape(expected: "\"managed\" or \"data\"")
        }
        let type = try resource.required("type").string()
        let name = try resource.required("name").string()
        guard Identifier.isIdentifier(type), Identifier.isIdentifier(name) else {
            throw resource.error(
                "Invalid resource name",
                "`\(resource.path)` has type \(JSONNode.quoted(type)) and name \(JSONNode.quoted(name)); both must be identifiers.")
        }
        let provider = try resource.optionalString("provider").map(providerSource)

        var out: [StateObject] = []
        for inst in try resource.optional("instances")?.arrayOrEmpty() ?? [] {
            _ = try inst.members()
            let key = try inst.optional("index_key").map { (n) throws(TerraformDocumentError) in try InstanceKey.read(from: n) }
            let values: Value
            if let attributes = try inst.optional("attributes") {
                values = try StateFileAttributes.decode(attributes, sensitivePaths: try inst.optional("sensitive_attributes"))
            } else if try inst.optional("attributes_flat") != nil {
                // Flatmap attributes (state upgraded from Terraform 0.11) cannot be typed
                // without the provider's schema: nothing about them is claimed.
                values = .dynamicUnknown
            } else {
                values = .emptyObject
            }
            let instance = ResourceInstance(
                module: module, mode: mode, type: type, name: name, key: key, provider: provider,
                values: values, origin: .state(path: path))
            let status = try inst.optionalString("status")
            // Terraform 0.12.0 to 0.12.5 wrote `depends_on`; later versions `dependencies`.
            var dependencyNode = try inst.optional("dependencies")
            if dependencyNode == nil { dependencyNode = try inst.optional("depends_on") }
            let dependencies = try dependencyNode?.arrayOrEmpty().map { (n) throws(TerraformDocumentError) in try n.string() } ?? []
            out.append(StateObject(
                instance: instance, deposed: try inst.optionalString("deposed"), tainted: status == "tainted",
                schemaVersion: try inst.optionalInt("schema_version"), dependencies: dependencies))
        }
        return out
    }

    /// `provider["registry.terraform.io/hashicorp/aws"].alias` → `registry.terraform.io/hashicorp/aws`,
    /// the form plans use in `provider_name`; other text is kept as it is.
    static func providerSource(_ config: String) -> String {
        guard let open = config.range(of: "provider[\""),
            let close = config.range(of: "\"]", range: open.upperBound..<config.endIndex)
        else { return config }
        return String(config[open.upperBound..<close.lowerBound])
    }
}
