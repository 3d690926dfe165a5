import HCL

/// Reads a plan as `terraform show -json` writes it (format versions 0.1 to 1.x) into `Plan`.
///
/// - `resourceInstances` come from `planned_values` (root module and `child_modules` at
///   any depth). Their values are completed from the matching current-object entry of
///   `resource_changes`: every part `after_unknown` marks becomes an unknown value (a
///   `true` at any level makes that whole subtree unknown), and `sensitive_values` marks
///   sensitive parts. Origin: `.plan(path:)`.
/// - `changes` come from `resource_changes`, `drift` from `resource_drift`: actions (a
///   replacement is `[delete, create]`, or `[create, delete]` under
///   `create_before_destroy`), `action_reason`, `previous_address` (after a `moved`
///   block), `replace_paths` rendered as path strings, `before` with `before_sensitive`,
///   and `after` with `after_unknown` and `after_sensitive`.
/// - `priorState` from `prior_state`, outputs from `planned_values.outputs` and
///   `output_changes`; `configuration` is kept as raw JSON.
///
/// Values follow `MarkedValueDecoder`: objects become objects, arrays tuples, numbers are
/// exact. Any member with a shape Terraform does not write is an error naming its JSON
/// path; nothing is guessed, since a gate decides on what this reader returns.
public enum PlanReader {
    /// Reads a plan JSON file from disk.
    public static func read(path: String) throws(TerraformDocumentError) -> Plan {
        try parse(try DocumentSource.bytes(atPath: path), path: path)
    }

    /// Reads a plan from the bytes of a JSON document; `path` names it in origins and errors.
    public static func parse(_ bytes: [UInt8], path: String) throws(TerraformDocumentError) -> Plan {
        let root = try DocumentSource.json(bytes, context: context(path))
        return try plan(from: root)
    }

    /// Reads a plan and also returns the JSON document it was read from, so a caller that
    /// hashes the document (the gate's plan digest) does not parse it twice.
    public static func parseKeepingDocument(_ bytes: [UInt8], path: String) throws(TerraformDocumentError) -> (plan: Plan, document: JSONValue) {
        let root = try DocumentSource.json(bytes, context: context(path))
        return (try plan(from: root), root.value)
    }

    static func context(_ path: String) -> JSONNode.Context {
        JSONNode.Context(file: path, code: .invalidPlanFile, document: "plan")
    }

    /// Members only a plan has; `terraform show -json` of a state has none of them.
    static let planMembers = [
        "planned_values", "resource_changes", "resource_drift", "output_changes", "prior_state",
        "configuration", "relevant_attributes", "variables", "applyable", "complete", "errored",
    ]

    static func looksLikePlan(_ root: JSONNode) -> Bool { planMembers.contains { root.has($0) } }

    static func plan(from root: JSONNode) throws(TerraformDocumentError) -> Plan {
        guard case .object = root.value else {
            throw root.error(
                "Not a Terraform plan",
                "The file is \(root.value.kindDescription), not a JSON object; a plan is the object written by "
                    + "`terraform show -json PLANFILE`.")
        }
        guard root.has("format_version") else {
            if root.has("version") {
                throw root.error(
                    "This is a state file, not a plan",
                    "The file has `version` and no `format_version`: it is a Terraform state file. Read it as state, "
                        + "or give the JSON of a saved plan (`terraform show -json PLANFILE`).")
            }
            throw root.error(
                "Not a Terraform plan",
                "The JSON object has no `format_version`; a plan is the output of `terraform show -json PLANFILE`.")
        }
        let version = try DocumentSource.formatVersion(of: root)
        guard looksLikePlan(root) else {
            throw root.error(
                "This is a state, not a plan",
                "The file has `format_version` but none of a plan's members (`planned_values`, `resource_changes`, …): "
                    + "it is `terraform show -json` of a state. Read it as state, or give the JSON of a saved plan.")
        }
        let path = root.context.file
        var plan = Plan(path: path, formatVersion: version, terraformVersion: try root.optionalString("terraform_version"))

        let changeNodes = try root.optional("resource_changes")?.arrayOrEmpty() ?? []
        plan.changeEntries = try changeNodes.map { (n) throws(TerraformDocumentError) in try changeEntry(n) }
        plan.driftEntries = try (root.optional("resource_drift")?.arrayOrEmpty() ?? []).map { (n) throws(TerraformDocumentError) in
            try changeEntry(n)
        }

        // The current object's change for each address; deposed objects have their own entries.
        var current: [ResourceInstanceAddress: JSONNode] = [:]
        for (entry, node) in zip(plan.changeEntries, changeNodes) where entry.deposed == nil {
            if current[entry.parsedAddress] != nil {
                throw node.error(
                    "Duplicate resource change",
                    "\(JSONNode.quoted(entry.address)) has more than one change for its current object (again at "
                        + "`\(node.path)`); Terraform writes one.")
            }
            current[entry.parsedAddress] = node
        }

        for (name, node) in try root.optional("output_changes")?.members() ?? [] {
            plan.outputChanges.append(try outputChange(name: name, node))
        }
        plan.outputChanges.sort { $0.name < $1.name }

        if let planned = try root.optional("planned_values") {
            for r in try ValuesReader.resources(in: planned) {
                let unknown = try current[r.address]?.required("change").optional("after_unknown")
                let values = try MarkedValueDecoder.decode(r.values, unknown: unknown, sensitive: r.sensitiveValues, at: r.node)
                plan.resourceInstances.append(ResourceInstance(
                    module: r.address.module, mode: r.address.mode, type: r.address.type, name: r.address.name,
                    key: r.address.key, provider: r.provider,
                    values: values.isNull ? .emptyObject : values, origin: .plan(path: path)))
            }
            plan.plannedOutputs = try ValuesReader.outputs(in: planned, missingValueIsUnknown: true)
            // `planned_values` leaves out an output that is not wholly known; its change
            // says which parts are known.
            for i in plan.plannedOutputs.indices where !plan.plannedOutputs[i].value.isKnown {
                if let change = plan.outputChanges.first(where: { $0.name == plan.plannedOutputs[i].name }), let after = change.after {
                    plan.plannedOutputs[i].value = after.marked(plan.plannedOutputs[i].sensitive)
                }
            }
        }

        // Terraform 0.12 left the resources of modules nested two deep out of
        // `planned_values`. An object a change leaves behind is never dropped: one missing
        // from `planned_values` is taken from its change's `after`.
        let plannedAddresses = Set(plan.resourceInstances.map(\.parsedAddress))
        for entry in plan.changeEntries where entry.deposed == nil && !plannedAddresses.contains(entry.parsedAddress) {
            guard let after = entry.change.after, entry.change.actions != [.delete] else { continue }
            let c = entry.change
            plan.resourceInstances.append(ResourceInstance(
                module: entry.module, mode: c.mode, type: c.type, name: c.name, key: entry.key, provider: entry.provider,
                values: after.isNull ? .emptyObject : after, origin: .plan(path: path)))
        }

        if let prior = try root.optional("prior_state") {
            _ = try prior.members()
            plan.priorState = try StateReader.valuesState(from: prior, origin: .plan(path: path))
        }
        plan.variables = try variables(root)
        plan.relevantAttributes = try (root.optional("relevant_attributes")?.arrayOrEmpty() ?? []).map {
            (n) throws(TerraformDocumentError) in try relevantAttribute(n)
        }
        plan.configuration = try root.optional("configuration")?.value
        plan.resourceInstances = PlanDependencies.attach(plan.resourceInstances, configuration: plan.configuration)
        plan.applyable = try root.optionalBool("applyable")
        plan.complete = try root.optionalBool("complete")
        plan.errored = try root.optionalBool("errored")
        plan.timestamp = try root.optionalString("timestamp")
        return plan
    }

    // MARK: Changes

    static func changeEntry(_ node: JSONNode) throws(TerraformDocumentError) -> ResourceChangeEntry {
        _ = try node.members()
        let (address, text) = try ResourceInstanceAddress.read(from: node)
        if let moduleNode = try node.optional("module_address") {
            let moduleText = try moduleNode.string()
            guard let steps = try? Address.parseModule(moduleText), steps == address.module else {
                throw moduleNode.error(
                    "Inconsistent resource address",
                    "`\(moduleNode.path)` is \(JSONNode.quoted(moduleText)), which is not the module of \(JSONNode.quoted(text)).")
            }
        }
        var previous: String?
        if let p = try node.optional("previous_address") {
            let s = try p.string()
            guard (try? Address.parseInstance(s)) != nil else {
                throw p.error("Invalid resource address", "`\(p.path)` is \(JSONNode.quoted(s)), which is not a resource instance address.")
            }
            previous = s
        }
        let change = try node.required("change")
        _ = try change.members()
        let actions = try self.actions(try change.required("actions"))

        var replacePaths: [String] = []
        for p in try change.optional("replace_paths")?.arrayOrEmpty() ?? [] {
            guard let rendered = ValuePath.render(steps: try p.array().map(\.value)) else {
                throw p.wrongShape(expected: "a path: an array of attribute names, map keys and list indexes")
            }
            replacePaths.append(rendered)
        }

        let before = try change.optional("before")
        let after = try change.optional("after")
        let afterUnknown = try change.optional("after_unknown")
        let beforeValue: Value? = before == nil
            ? nil
            : try MarkedValueDecoder.decode(before, sensitive: try change.optional("before_sensitive"), at: change)
        var afterValue: Value?
        let afterIsUnknown = afterUnknown.map { Self.marksAnything($0.value) } ?? false
        if after != nil || afterIsUnknown {
            afterValue = try MarkedValueDecoder.decode(
                after, unknown: afterUnknown, sensitive: try change.optional("after_sensitive"), at: change)
        }

        var importing: ResourceChangeEntry.Importing?
        if let imp = try change.optional("importing") {
            _ = try imp.members()
            importing = .init(id: try imp.optionalString("id"))
        }

        return ResourceChangeEntry(
            change: ResourceChange(
                address: text, previousAddress: previous, mode: address.mode, type: address.type, name: address.name,
                actions: actions, actionReason: try node.optionalString("action_reason"),
                before: beforeValue, after: afterValue, replacePaths: replacePaths),
            module: address.module, key: address.key, provider: try node.optionalString("provider_name"),
            deposed: try node.optionalString("deposed"), importing: importing,
            generatedConfig: try change.optionalString("generated_config"))
    }

    static func actions(_ node: JSONNode) throws(TerraformDocumentError) -> [ResourceChange.Action] {
        let elements = try node.array()
        guard !elements.isEmpty else { throw node.wrongShape(expected: "a non-empty array of actions") }
        return try elements.map { (e) throws(TerraformDocumentError) in
            let s = try e.string()
            guard let action = ResourceChange.Action(rawValue: s) else {
                throw e.error(
                    "Unknown change action",
                    "`\(e.path)` is \(JSONNode.quoted(s)); Airlock knows no-op, create, read, update, delete and forget. "
                        + "An action it does not know could be anything, so the plan is refused.")
            }
            return action
        }
    }

    private static func marksAnything(_ t: JSONValue) -> Bool {
        switch t {
        case .bool(let b): return b
        case .object(let members): return members.contains { marksAnything($0.1) }
        case .array(let es): return es.contains(where: marksAnything)
        case .null, .number, .string: return false
        }
    }

    // MARK: Outputs, variables, relevant attributes

    static func outputChange(name: String, _ node: JSONNode) throws(TerraformDocumentError) -> OutputChange {
        _ = try node.members()
        let actions = try self.actions(try node.required("actions"))
        let before = try node.optional("before")
        let after = try node.optional("after")
        let afterUnknown = try node.optional("after_unknown")
        let beforeValue: Value? = before == nil
            ? nil : try MarkedValueDecoder.decode(before, sensitive: try node.optional("before_sensitive"), at: node)
        var afterValue: Value?
        if after != nil || (afterUnknown.map { marksAnything($0.value) } ?? false) {
            afterValue = try MarkedValueDecoder.decode(after, unknown: afterUnknown, sensitive: try node.optional("after_sensitive"), at: node)
        }
        return OutputChange(name: name, actions: actions, before: beforeValue, after: afterValue)
    }

    /// `variables`, marked sensitive where `configuration` declares the variable sensitive.
    static func variables(_ root: JSONNode) throws(TerraformDocumentError) -> [String: Value] {
        var sensitive: Set<String> = []
        if let declared = root.value["configuration"]?["root_module"]?["variables"], case .object(let members) = declared {
            for (name, decl) in members where decl["sensitive"]?.boolValue == true { sensitive.insert(name) }
        }
        var out: [String: Value] = [:]
        for (name, v) in try root.optional("variables")?.members() ?? [] {
            _ = try v.members()
            let value = try MarkedValueDecoder.decode(try v.optional("value"), at: v)
            out[name] = value.marked(sensitive.contains(name))
        }
        return out
    }

    static func relevantAttribute(_ node: JSONNode) throws(TerraformDocumentError) -> RelevantAttribute {
        let resource = try node.required("resource").string()
        let steps = try node.required("attribute")
        guard let path = ValuePath.render(steps: try steps.array().map(\.value)) else {
            throw steps.wrongShape(expected: "a path: an array of attribute names, map keys and list indexes")
        }
        return RelevantAttribute(resource: resource, path: path)
    }
}
