/// What `airlock.yaml` declares: environments, per-actor blast-radius limits, how risk is
/// tiered, the rules from tier to outcome, and who may approve.
///
/// `GateConfiguration.defaults` is what a repository without `airlock.yaml` gets; the file
/// format is documented in docs/airlock-yaml.md.
public struct GateConfiguration: Sendable, Hashable {
    /// The schema version this Airlock reads (`version: 1`).
    public static let schemaVersion = 1

    /// Named environments, most sensitive first: the first one a plan matches is its
    /// environment.
    public var environments: [EnvironmentDefinition]
    /// Limits per actor pattern; every entry whose pattern matches the actor applies.
    public var actorLimits: [ActorLimits]
    public var risk: RiskSettings
    /// Rules from tier and conditions to an outcome; the strictest outcome of all the rules
    /// that match wins.
    public var rules: [GateRule]
    /// The outcome when no rule matches.
    public var defaultOutcome: Outcome
    public var approvals: ApprovalSettings
    /// Resource type patterns whose destruction loses data (databases, buckets, keys, state stores).
    public var statefulTypes: [GlobPattern]
    /// Resource type patterns whose change is sensitive, by category (`iam`, `network`, ...).
    public var sensitiveTypes: [SensitiveCategory]
    /// A scan baseline (path relative to the configuration file): findings recorded in it
    /// are "existing" and weigh less than new ones.
    public var baseline: String?
    /// Where this configuration came from: the file's path, or nil for the defaults.
    public var path: String?

    public init(
        environments: [EnvironmentDefinition] = [], actorLimits: [ActorLimits] = [], risk: RiskSettings = RiskSettings(),
        rules: [GateRule] = [], defaultOutcome: Outcome = .allow, approvals: ApprovalSettings = ApprovalSettings(),
        statefulTypes: [GlobPattern] = GateConfiguration.defaultStatefulTypes,
        sensitiveTypes: [SensitiveCategory] = GateConfiguration.defaultSensitiveTypes,
        baseline: String? = nil, path: String? = nil
    ) {
        self.environments = environments
        self.actorLimits = actorLimits
        self.risk = risk
        self.rules = rules
        self.defaultOutcome = defaultOutcome
        self.approvals = approvals
        self.statefulTypes = statefulTypes
        self.sensitiveTypes = sensitiveTypes
        self.baseline = baseline
        self.path = path
    }
}

/// A named environment and how a plan is recognised as belonging to it. A plan belongs
/// to it when any one selector matches: a plan that looks like production in any way is
/// treated as production.
public struct EnvironmentDefinition: Sendable, Hashable {
    public var name: String
    /// Terraform workspace patterns (`prod`, `prod-*`).
    public var workspaces: [GlobPattern]
    /// Patterns of the plan's directory, relative to the repository root (`envs/prod/**`).
    public var directories: [GlobPattern]
    /// AWS account IDs.
    public var accounts: [String]
    /// AWS region patterns (`eu-*`).
    public var regions: [GlobPattern]
    /// The line of the definition in `airlock.yaml`, for messages.
    public var line: Int?

    public init(name: String, workspaces: [GlobPattern] = [], directories: [GlobPattern] = [], accounts: [String] = [], regions: [GlobPattern] = [], line: Int? = nil) {
        self.name = name
        self.workspaces = workspaces
        self.directories = directories
        self.accounts = accounts
        self.regions = regions
        self.line = line
    }
}

/// Blast-radius limits for the actors that match `actors`.
public struct ActorLimits: Sendable, Hashable {
    /// Actor patterns: `agent:*`, `human:alice`, `ci:*`, `*`.
    public var actors: [GlobPattern]
    public var limits: BlastRadiusLimits
    /// What a breach leads to: deny (the default) or approval.
    public var onViolation: Outcome
    public var line: Int?

    public init(actors: [GlobPattern], limits: BlastRadiusLimits, onViolation: Outcome = .deny, line: Int? = nil) {
        self.actors = actors
        self.limits = limits
        self.onViolation = onViolation
        self.line = line
    }
}

/// What one actor may touch. Every limit left nil is not enforced.
public struct BlastRadiusLimits: Sendable, Hashable {
    /// Resource types the actor may change (`allow`) and may never change (`deny`).
    public var resourceTypes: AllowDeny?
    /// Provider names (`aws`, `hashicorp/aws`, `registry.terraform.io/hashicorp/aws`).
    public var providers: [GlobPattern]?
    public var accounts: [String]?
    public var regions: [GlobPattern]?
    public var environments: [String]?
    /// Resource instances created, updated, replaced or deleted (no-ops and reads excluded).
    public var maxChanges: Int?
    public var maxDeletes: Int?
    public var maxReplacements: Int?
    /// No delete or replacement of a stateful resource (databases, buckets, KMS keys, state stores).
    public var protectStateful: Bool?
    /// Instance classes the actor may plan (`t3.*`, `db.t4g.*`).
    public var instanceTypes: AllowDeny?
    /// The largest instance size the actor may plan (`xlarge`): the cost ceiling.
    public var maxInstanceSize: String?

    public init(
        resourceTypes: AllowDeny? = nil, providers: [GlobPattern]? = nil, accounts: [String]? = nil, regions: [GlobPattern]? = nil,
        environments: [String]? = nil, maxChanges: Int? = nil, maxDeletes: Int? = nil, maxReplacements: Int? = nil,
        protectStateful: Bool? = nil, instanceTypes: AllowDeny? = nil, maxInstanceSize: String? = nil
    ) {
        self.resourceTypes = resourceTypes
        self.providers = providers
        self.accounts = accounts
        self.regions = regions
        self.environments = environments
        self.maxChanges = maxChanges
        self.maxDeletes = maxDeletes
        self.maxReplacements = maxReplacements
        self.protectStateful = protectStateful
        self.instanceTypes = instanceTypes
        self.maxInstanceSize = maxInstanceSize
    }
}

/// An allow list and a deny list of patterns; deny wins, and an empty allow list allows all.
public struct AllowDeny: Sendable, Hashable {
    public var allow: [GlobPattern]
    public var deny: [GlobPattern]

    public init(allow: [GlobPattern] = [], deny: [GlobPattern] = []) {
        self.allow = allow
        self.deny = deny
    }

    /// Nil when `name` is permitted; otherwise why not.
    public func refusal(of name: String) -> String? {
        if let hit = deny.first(where: { $0.matches(name) }) { return "denied by \"\(hit.text)\"" }
        if !allow.isEmpty, !allow.contains(where: { $0.matches(name) }) {
            return "not in the allowed list (\(allow.map(\.text).joined(separator: ", ")))"
        }
        return nil
    }
}

/// Sensitive resource types of one kind (IAM, network, encryption keys).
public struct SensitiveCategory: Sendable, Hashable {
    public var name: String
    public var types: [GlobPattern]

    public init(name: String, types: [GlobPattern]) {
        self.name = name
        self.types = types
    }
}

/// How long approvals and decisions stay good.
public struct ApprovalSettings: Sendable, Hashable {
    /// Seconds an approval counts after it is given.
    public var approvalLifetime: Int
    /// Seconds a decision can be applied after it is made.
    public var decisionLifetime: Int
    /// Who holds each role (`security: [human:carol]`). A role with no list is taken as
    /// asserted by the reviewer; the server's tokens enforce it.
    public var roleMembers: [String: [GlobPattern]]

    public init(approvalLifetime: Int = 24 * 3600, decisionLifetime: Int = 72 * 3600, roleMembers: [String: [GlobPattern]] = [:]) {
        self.approvalLifetime = approvalLifetime
        self.decisionLifetime = decisionLifetime
        self.roleMembers = roleMembers
    }
}
