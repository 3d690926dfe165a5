import HCL

/// A Terraform JSON document of either kind, recognised by its content.
public enum TerraformDocument: Sendable, Hashable {
    case plan(Plan)
    case state(State)

    /// Reads a file and decides what it is:
    /// - `format_version` with any of a plan's members (`planned_values`,
    ///   `resource_changes`, …): a plan (`terraform show -json PLANFILE`);
    /// - `format_version` without them: `terraform show -json` of a state;
    /// - `version` (and no `format_version`): a state file.
    ///
    /// Anything else — not JSON, a binary saved plan, JSON of another kind — is an error
    /// that says what the file was taken for and why.
    public static func read(path: String) throws(TerraformDocumentError) -> TerraformDocument {
        try parse(try DocumentSource.bytes(atPath: path), path: path)
    }

    /// Like `read(path:)`, from bytes already in memory.
    public static func parse(_ bytes: [UInt8], path: String) throws(TerraformDocumentError) -> TerraformDocument {
        let root = try DocumentSource.json(bytes, context: PlanReader.context(path))
        guard case .object = root.value else {
            throw root.error(
                "Neither a plan nor a state",
                "The file is \(root.value.kindDescription), not a JSON object. Airlock reads the JSON of a plan "
                    + "(`terraform show -json PLANFILE`), a state file (`terraform.tfstate`) or `terraform show -json` of a state.")
        }
        if root.has("format_version") {
            if PlanReader.looksLikePlan(root) { return .plan(try PlanReader.plan(from: root)) }
            return .state(try StateReader.state(from: JSONNode(root.value, context: StateReader.context(path))))
        }
        if root.has("version") {
            return .state(try StateReader.state(from: JSONNode(root.value, context: StateReader.context(path))))
        }
        let keys = (root.value.objectMembers ?? []).prefix(5).map { "`\($0.0)`" }.joined(separator: ", ")
        throw root.error(
            "Neither a plan nor a state",
            "The JSON object has neither `format_version` (plans and `terraform show -json` output) nor `version` "
                + "(state files)\(keys.isEmpty ? "" : "; its members start with \(keys)"). Give the JSON of a saved "
                + "plan (`terraform show -json PLANFILE`) or a state file.")
    }
}
