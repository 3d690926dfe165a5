import Foundation

/// What the gate decided for one plan by one actor: the outcome, the tier, every reason,
/// and the digests that bind it to the plan and to the policy in force.
public struct Decision: Sendable, Hashable, Codable {
    public var id: String
    public var outcome: Outcome
    public var tier: RiskTier
    public var reasons: [Reason]
    public var riskFactors: [RiskFactor]
    /// For `approval_required`: what the approving rules ask for, merged.
    public var approvals: ApprovalRequirement?
    /// `sha256:` of the plan JSON in canonical form (see `PlanDigest`).
    public var planDigest: String
    /// `sha256:` of the binary plan file, when the gate saw it.
    public var planFileDigest: String?
    /// `sha256:` of the configuration, checks and baseline in force.
    public var policyDigest: String
    public var actor: Actor
    public var environment: ResolvedEnvironment?
    public var changes: ChangeSummary
    public var findings: FindingsSummary
    public var createdAt: Date
    /// After this, the decision no longer lets apply through; plan and gate again.
    public var expiresAt: Date
    public var terraformVersion: String?

    enum CodingKeys: String, CodingKey {
        case id = "decision_id", outcome = "decision", tier, reasons
        case riskFactors = "risk_factors", approvals = "approvals_required", planDigest = "plan_digest"
        case planFileDigest = "plan_file_digest", policyDigest = "policy_digest", actor, environment, changes
        case findings = "findings_summary", createdAt = "created_at", expiresAt = "expires_at"
        case terraformVersion = "terraform_version"
    }

    public init(
        id: String, outcome: Outcome, tier: RiskTier, reasons: [Reason], riskFactors: [RiskFactor], approvals: ApprovalRequirement?,
        planDigest: String, planFileDigest: String?, policyDigest: String, actor: Actor, environment: ResolvedEnvironment?,
        changes: ChangeSummary, findings: FindingsSummary, createdAt: Date, expiresAt: Date, terraformVersion: String?
    ) {
        self.id = id
        self.outcome = outcome
        self.tier = tier
        self.reasons = reasons
        self.riskFactors = riskFactors
        self.approvals = approvals
        self.planDigest = planDigest
        self.planFileDigest = planFileDigest
        self.policyDigest = policyDigest
        self.actor = actor
        self.environment = environment
        self.changes = changes
        self.findings = findings
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.terraformVersion = terraformVersion
    }

    /// A new decision ID: `dec_` and 20 random base32 characters (100 bits).
    public static func newID() -> String { randomID(prefix: "dec_") }
}

/// `prefix` and 20 random lower-case base32 characters: 100 bits, unguessable, easy to type.
func randomID(prefix: String) -> String {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
    var generator = SystemRandomNumberGenerator()
    return prefix + String((0..<20).map { _ in alphabet[Int(generator.next() % 32)] })
}

/// Counts of what the plan does, and the addresses of what it destroys.
public struct ChangeSummary: Sendable, Hashable, Codable {
    public var create: Int
    public var update: Int
    public var delete: Int
    public var replace: Int
    public var noOp: Int
    /// Addresses deleted or replaced, in plan order (the changes a reviewer must see).
    public var destroyed: [String]
    /// Every effective change, `address` → kind, for the reviewer's list (plan order).
    public var items: [ChangeItem]

    enum CodingKeys: String, CodingKey {
        case create, update, delete, replace, noOp = "no_op", destroyed, items
    }

    public init(_ changes: ChangeSet) {
        create = changes.count(.create)
        update = changes.count(.update)
        delete = changes.count(.delete)
        replace = changes.count(.replace)
        noOp = changes.count(.noOp)
        destroyed = changes.effective.filter(\.kind.destroys).map(\.address)
        items = changes.effective.map { ChangeItem(address: $0.address, type: $0.type, action: $0.kind) }
    }

    public var total: Int { create + update + delete + replace }
}

public struct ChangeItem: Sendable, Hashable, Codable {
    public var address: String
    public var type: String
    public var action: ChangeKind
}
