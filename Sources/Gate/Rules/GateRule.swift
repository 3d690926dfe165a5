/// One rule of `airlock.yaml`: when its conditions hold, it asks for an outcome.
public struct GateRule: Sendable, Hashable {
    public var name: String
    public var when: RuleCondition
    public var outcome: Outcome
    /// For `approval_required`: how many approvals, from which roles.
    public var approvals: ApprovalRequirement?
    /// Said to the actor when the rule fires; a default is built from the conditions.
    public var message: String?
    public var line: Int?

    public init(name: String, when: RuleCondition, outcome: Outcome, approvals: ApprovalRequirement? = nil, message: String? = nil, line: Int? = nil) {
        self.name = name
        self.when = when
        self.outcome = outcome
        self.approvals = approvals
        self.message = message
        self.line = line
    }
}

/// The conditions of a rule. All the conditions given must hold (an empty condition always
/// holds); a list holds when any item does. Resource conditions (`actions`,
/// `resource_types`, `stateful`, `sensitive`) hold when one changed resource meets all of them.
public struct RuleCondition: Sendable, Hashable {
    /// Tiers at which the rule applies (`[high, critical]`).
    public var tiers: [RiskTier]?
    public var actorKinds: [Actor.Kind]?
    public var actors: [GlobPattern]?
    public var environments: [String]?
    public var actions: [ChangeKind]?
    public var resourceTypes: [GlobPattern]?
    public var stateful: Bool?
    /// True: a sensitive type (any category) changes. A category name list is in `sensitiveCategories`.
    public var sensitive: Bool?
    public var sensitiveCategories: [String]?
    /// Holds when a new failing finding of one of these severities exists.
    public var newFindingSeverities: [String]?

    public init(
        tiers: [RiskTier]? = nil, actorKinds: [Actor.Kind]? = nil, actors: [GlobPattern]? = nil, environments: [String]? = nil,
        actions: [ChangeKind]? = nil, resourceTypes: [GlobPattern]? = nil, stateful: Bool? = nil, sensitive: Bool? = nil,
        sensitiveCategories: [String]? = nil, newFindingSeverities: [String]? = nil
    ) {
        self.tiers = tiers
        self.actorKinds = actorKinds
        self.actors = actors
        self.environments = environments
        self.actions = actions
        self.resourceTypes = resourceTypes
        self.stateful = stateful
        self.sensitive = sensitive
        self.sensitiveCategories = sensitiveCategories
        self.newFindingSeverities = newFindingSeverities
    }

    var hasResourceConditions: Bool {
        actions != nil || resourceTypes != nil || stateful != nil || sensitive != nil || sensitiveCategories != nil
    }
}

/// How many approvals a decision needs and from whom.
public struct ApprovalRequirement: Sendable, Hashable, Codable {
    /// Distinct reviewers needed.
    public var count: Int
    /// Roles of which at least one approval each is needed (`[security]`); empty: any role.
    public var roles: [String]

    public init(count: Int = 1, roles: [String] = []) {
        self.count = count
        self.roles = roles
    }

    /// Two rules asking for approvals ask for both: the larger count and every role.
    public func merged(with other: ApprovalRequirement) -> ApprovalRequirement {
        ApprovalRequirement(count: max(count, other.count, Set(roles + other.roles).count), roles: Array(Set(roles + other.roles)).sorted())
    }
}
