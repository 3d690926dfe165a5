import HCL

/// A Terraform plan as `terraform show -json` writes it, read into Airlock's model.
///
/// `resourceInstances` are what the plan says will exist after apply (`planned_values`),
/// with every part only apply can know as an unknown value and sensitive parts marked;
/// `changes` are what apply will do (`resource_changes`). See `PlanReader` for the rules.
public struct Plan: Sendable, Hashable {
    /// The file the plan was read from.
    public var path: String
    public var formatVersion: FormatVersion
    /// The Terraform version that made the plan (`1.11.4`).
    public var terraformVersion: String?
    /// Every resource instance in `planned_values`, root module first, in Terraform's order.
    /// Deleted instances are absent (Terraform leaves them out); so are data sources that
    /// were read while planning — those are in `priorState`.
    public var resourceInstances: [ResourceInstance]
    /// `resource_changes` in Terraform's order, with what `ResourceChange` does not hold.
    public var changeEntries: [ResourceChangeEntry]
    /// `resource_drift`: changes made outside Terraform, found while refreshing.
    public var driftEntries: [ResourceChangeEntry]
    /// Root module outputs after apply (`planned_values.outputs`), sorted by name.
    public var plannedOutputs: [OutputValue]
    /// `output_changes`, sorted by name.
    public var outputChanges: [OutputChange]
    /// The state the plan was made against, refreshed (`prior_state`); nil for a first plan.
    public var priorState: State?
    /// Root module input variables (`variables`). Terraform writes sensitive values in
    /// clear here; those declared sensitive in `configuration` carry the mark.
    public var variables: [String: Value]
    /// `relevant_attributes` (format 1.1+).
    public var relevantAttributes: [RelevantAttribute]
    /// The configuration section, kept as Terraform wrote it.
    public var configuration: JSONValue?
    /// Whether apply would do anything (format 1.2+); nil when the plan does not say.
    public var applyable: Bool?
    /// Whether the plan covers every change (format 1.2+; false with deferred changes).
    public var complete: Bool?
    /// Whether planning failed part-way (format 1.2+): such a plan cannot be applied.
    public var errored: Bool?
    /// When the plan was made (`timestamp`, RFC 3339).
    public var timestamp: String?

    public init(
        path: String, formatVersion: FormatVersion, terraformVersion: String? = nil,
        resourceInstances: [ResourceInstance] = [], changeEntries: [ResourceChangeEntry] = [],
        driftEntries: [ResourceChangeEntry] = [], plannedOutputs: [OutputValue] = [],
        outputChanges: [OutputChange] = [], priorState: State? = nil, variables: [String: Value] = [:],
        relevantAttributes: [RelevantAttribute] = [], configuration: JSONValue? = nil,
        applyable: Bool? = nil, complete: Bool? = nil, errored: Bool? = nil, timestamp: String? = nil
    ) {
        self.path = path
        self.formatVersion = formatVersion
        self.terraformVersion = terraformVersion
        self.resourceInstances = resourceInstances
        self.changeEntries = changeEntries
        self.driftEntries = driftEntries
        self.plannedOutputs = plannedOutputs
        self.outputChanges = outputChanges
        self.priorState = priorState
        self.variables = variables
        self.relevantAttributes = relevantAttributes
        self.configuration = configuration
        self.applyable = applyable
        self.complete = complete
        self.errored = errored
        self.timestamp = timestamp
    }

    /// What apply will do, one change per resource instance object (`resource_changes`).
    public var changes: [ResourceChange] { changeEntries.map(\.change) }

    /// Changes made outside Terraform (`resource_drift`).
    public var drift: [ResourceChange] { driftEntries.map(\.change) }

    /// The planned instance at an address (as Terraform writes it), if the plan keeps one.
    public func instance(at address: String) -> ResourceInstance? {
        guard let parsed = try? Address.parseInstance(address) else { return nil }
        return resourceInstances.first { $0.parsedAddress == parsed }
    }
}
