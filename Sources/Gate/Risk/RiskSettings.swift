import Policy

/// How the risk tier is computed: each factor of a change sets a tier, the tier of the
/// change is the highest of them, and escalations then raise it (production, agents).
///
/// A tier made of named factors, rather than a weighted score, can be explained in one
/// line per factor ("high: new HIGH finding AL-AWS-IAM-001 on aws_iam_policy.admin").
public struct RiskSettings: Sendable, Hashable {
    /// The tier a new failing finding of each severity sets (new: not in the baseline and
    /// not already failing on the resource before the change).
    public var newFindings: [Severity: RiskTier]
    /// The tier a finding the change did not introduce sets.
    public var existingFindings: [Severity: RiskTier]
    /// Deleting a stateful resource (data is lost).
    public var statefulDelete: RiskTier
    /// Replacing a stateful resource (delete and create: data is lost unless restored).
    public var statefulReplace: RiskTier
    /// Deleting or replacing any other resource.
    public var otherDelete: RiskTier
    /// Changing a sensitive type (IAM, network, keys), per category name; `default` for
    /// categories not listed.
    public var sensitiveChange: [String: RiskTier]
    /// Change counts (creates, updates, deletes, replacements) at or above which the
    /// change is at least the given tier.
    public var size: [SizeThreshold]
    public var escalations: [Escalation]

    public init(
        newFindings: [Severity: RiskTier] = [.critical: .critical, .high: .high, .medium: .medium, .low: .low, .info: .low],
        existingFindings: [Severity: RiskTier] = [.critical: .high, .high: .medium, .medium: .low, .low: .low, .info: .low],
        statefulDelete: RiskTier = .high, statefulReplace: RiskTier = .high, otherDelete: RiskTier = .medium,
        sensitiveChange: [String: RiskTier] = ["default": .medium],
        size: [SizeThreshold] = [SizeThreshold(changes: 50, tier: .medium), SizeThreshold(changes: 200, tier: .high)],
        escalations: [Escalation] = [Escalation(environments: ["prod"], steps: 1)]
    ) {
        self.newFindings = newFindings
        self.existingFindings = existingFindings
        self.statefulDelete = statefulDelete
        self.statefulReplace = statefulReplace
        self.otherDelete = otherDelete
        self.sensitiveChange = sensitiveChange
        self.size = size
        self.escalations = escalations
    }

    public func sensitiveTier(_ category: String) -> RiskTier {
        sensitiveChange[category] ?? sensitiveChange["default"] ?? .medium
    }
}

/// A change of at least `changes` resource instances is at least `tier`.
public struct SizeThreshold: Sendable, Hashable {
    public var changes: Int
    public var tier: RiskTier

    public init(changes: Int, tier: RiskTier) {
        self.changes = changes
        self.tier = tier
    }
}

/// Raises the tier of a change in some environments or by some actors. Conditions given
/// together must all hold; a tier already `low` stays low unless `fromLow` is set, so a
/// tag change in production does not need a reviewer just for being in production.
public struct Escalation: Sendable, Hashable {
    public var environments: [String]?
    public var actorKinds: [Actor.Kind]?
    public var steps: Int
    public var fromLow: Bool

    public init(environments: [String]? = nil, actorKinds: [Actor.Kind]? = nil, steps: Int = 1, fromLow: Bool = false) {
        self.environments = environments
        self.actorKinds = actorKinds
        self.steps = steps
        self.fromLow = fromLow
    }
}
