import HCL

/// Reads Terraform state in either of its JSON forms into `State`.
///
/// - A state file (`terraform.tfstate`, `"version": 4`, Terraform 0.12 and later):
///   `resources[]` with `module`, `mode`, `type`, `name`, `provider` and `instances[]`
///   holding `index_key`, `attributes` and `sensitive_attributes` (a list of paths).
///   Versions 3 and below (Terraform 0.11 and earlier) are refused with the version named.
/// - `terraform show -json` of a state: `format_version` plus `values.root_module`, the
///   same representation a plan's `prior_state` uses, with `sensitive_values` trees.
///
/// Every instance's origin is `.state(path:)`. Values follow `MarkedValueDecoder`; in a
/// state file, attributes of the dynamic type (`terraform_data`'s `input` and `output`,
/// `terraform_remote_state`'s `outputs`) are wrapped by Terraform as `{"value": …, "type": …}`
/// and are unwrapped and typed (see `StateFileAttributes`).
public enum StateReader {
    /// Reads a state file or `terraform show -json` output from disk.
    public static func read(path: String) throws(TerraformDocumentError) -> State {
        try parse(try DocumentSource.bytes(atPath: path), path: path)
    }

    /// Reads state from the bytes of a file; `path` names it in origins and errors.
    public static func parse(_ bytes: [UInt8], path: String) throws(TerraformDocumentError) -> State {
        let root = try DocumentSource.json(bytes, context: context(path))
        return try state(from: root)
    }

    static func context(_ path: String) -> JSONNode.Context {
        JSONNode.Context(file: path, code: .invalidStateFile, document: "state")
    }

    static func state(from root: JSONNode) throws(TerraformDocumentError) -> State {
        guard case .object = root.value else {
            throw root.error(
                "Not a Terraform state",
                "The file is \(root.value.kindDescription), not a JSON object; a state file is an object with "
                    + "`\"version\": 4` and `resources`.")
        }
        if root.has("format_version") {
            if PlanReader.looksLikePlan(root) {
                throw root.error(
                    "This is a plan, not a state",
                    "The file has `planned_values` / `resource_changes`: it is a plan (`terraform show -json` of a "
                        + "saved plan). Read it as a plan, or give the state file (`terraform.tfstate`).")
            }
            return try valuesState(from: root, origin: .state(path: root.context.file))
        }
        guard root.has("version") else {
            throw root.error(
                "Not a Terraform state",
                "The JSON object has neither `version` (a state file) nor `format_version` (`terraform show -json` "
                    + "output); it is not Terraform state.")
        }
        return try StateFileReader.read(root)
    }

    /// A state in the values representation: `terraform show -json` of a state, or a
    /// plan's `prior_state` (whose instances have the plan's origin).
    static func valuesState(from root: JSONNode, origin: Origin) throws(TerraformDocumentError) -> State {
        let version = try DocumentSource.formatVersion(of: root)
        var state = State(
            path: root.context.file, format: .values(formatVersion: version),
            terraformVersion: try root.optionalString("terraform_version"))
        guard let values = try root.optional("values") else { return state }
        for r in try ValuesReader.resources(in: values) {
            let value = try MarkedValueDecoder.decode(r.values, sensitive: r.sensitiveValues, at: r.node)
            let instance = ResourceInstance(
                module: r.address.module, mode: r.address.mode, type: r.address.type, name: r.address.name,
                key: r.address.key, provider: r.provider, values: value.isNull ? .emptyObject : value, origin: origin)
            state.objects.append(StateObject(
                instance: instance, deposed: r.deposedKey, tainted: r.tainted, schemaVersion: r.schemaVersion,
                dependencies: r.dependsOn))
        }
        state.outputs = try ValuesReader.outputs(in: values, missingValueIsUnknown: false)
        return state
    }
}
