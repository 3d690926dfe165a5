/// Why a decision is what it is: a rule that fired, a limit that was breached, a fact about
/// the plan. Each reason carries the outcome it asked for.
public struct Reason: Sendable, Hashable, Codable {
    /// `rule:NAME`, `limit:NAME` (`limit:max_deletes`), `plan:errored`, `default`.
    public var rule: String
    public var outcome: Outcome
    public var message: String
    /// The resource instance concerned, when one is.
    public var address: String?
    /// For approval rules: what they ask for.
    public var approvals: ApprovalRequirement?

    public init(rule: String, outcome: Outcome, message: String, address: String? = nil, approvals: ApprovalRequirement? = nil) {
        self.rule = rule
        self.outcome = outcome
        self.message = message
        self.address = address
        self.approvals = approvals
    }
}
