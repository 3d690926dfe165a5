/// What a caller asks the audit log to record: who did what, to which plan, under which policy.
///
/// `details` are flat facts, already strings; a caller with structure JSON-encodes it into
/// one value, so the log's format never depends on a caller's types.
public struct AuditRecord: Sendable, Hashable, Codable {
    public var kind: AuditEventKind
    /// Canonical actor id, e.g. `agent:claude-code` or `human:alice`.
    public var actor: String
    /// What else is known about the actor: kind, model, tool, session, on_behalf_of.
    public var actorDetails: [String: String]
    /// `sha256:<hex>` of the plan the event is about.
    public var planDigest: String?
    /// `sha256:<hex>` of the checks and configuration in force.
    public var policyDigest: String?
    public var decisionID: String?
    /// One human-readable line.
    public var summary: String
    public var details: [String: String]

    public init(
        kind: AuditEventKind, actor: String, actorDetails: [String: String] = [:],
        planDigest: String? = nil, policyDigest: String? = nil, decisionID: String? = nil,
        summary: String, details: [String: String] = [:]
    ) {
        self.kind = kind
        self.actor = actor
        self.actorDetails = actorDetails
        self.planDigest = planDigest
        self.policyDigest = policyDigest
        self.decisionID = decisionID
        self.summary = summary
        self.details = details
    }
}
