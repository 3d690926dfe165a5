import HCL
import Terraform

/// Everything a plan will do to managed resources, read for the gate.
public struct ChangeSet: Sendable, Hashable {
    /// Every managed resource instance change in the plan's order, no-ops included.
    public var changes: [PlannedChange]
    /// Regions and accounts the provider configuration states as constants
    /// (`region = "eu-west-1"`, `allowed_account_ids = [...]`).
    public var configuredRegions: [String]
    public var configuredAccounts: [String]

    public init(changes: [PlannedChange], configuredRegions: [String] = [], configuredAccounts: [String] = []) {
        self.changes = changes
        self.configuredRegions = configuredRegions
        self.configuredAccounts = configuredAccounts
    }

    public init(plan: Plan, configuration: GateConfiguration) {
        let providers = Self.providerConstants(plan.configuration)
        let defaultRegion = Set(providers.regions).count == 1 ? providers.regions.first : nil
        var changes: [PlannedChange] = []
        var classified: [String: (stateful: Bool, category: String?)] = [:]
        for entry in plan.changeEntries where entry.change.mode == .managed {
            var change = PlannedChange(entry: entry, configuration: configuration, defaultRegion: defaultRegion, classified: &classified)
            if change.account == nil, providers.accounts.count == 1 { change.account = providers.accounts.first }
            changes.append(change)
        }
        self.init(changes: changes, configuredRegions: providers.regions, configuredAccounts: providers.accounts)
    }

    /// The changes that do something: creates, updates, deletes and replacements.
    public var effective: [PlannedChange] { changes.filter { $0.kind.isChange } }

    public func count(_ kind: ChangeKind) -> Int { changes.reduce(0) { $0 + ($1.kind == kind ? 1 : 0) } }

    /// Every region the change touches: each change's, else the configured ones.
    public var regions: [String] {
        Array(Set(effective.compactMap(\.region) + configuredRegions)).sorted()
    }

    public var accounts: [String] {
        Array(Set(effective.compactMap(\.account) + configuredAccounts)).sorted()
    }

    /// The `region` and `allowed_account_ids` constants of every AWS provider configuration.
    static func providerConstants(_ configuration: JSONValue?) -> (regions: [String], accounts: [String]) {
        guard let members = configuration?["provider_config"]?.objectMembers else { return ([], []) }
        var regions: [String] = []
        var accounts: [String] = []
        for (_, provider) in members where provider["name"]?.stringValue == "aws" {
            let expressions = provider["expressions"]
            if let region = expressions?["region"]?["constant_value"]?.stringValue { regions.append(region) }
            for id in expressions?["allowed_account_ids"]?["constant_value"]?.arrayValue ?? [] {
                if let s = id.stringValue { accounts.append(s) }
            }
        }
        return (Array(Set(regions)).sorted(), Array(Set(accounts)).sorted())
    }
}

/// What the gate knows about where a plan runs, beyond the plan itself.
public struct GateContext: Sendable, Hashable {
    /// The Terraform workspace (`terraform workspace show`, `TF_WORKSPACE`).
    public var workspace: String?
    /// The plan's directory relative to the repository root (`envs/prod`), `.` for the root.
    public var directory: String?
    /// The AWS account and region, when the caller knows them better than the plan does.
    public var account: String?
    public var region: String?

    public init(workspace: String? = nil, directory: String? = nil, account: String? = nil, region: String? = nil) {
        self.workspace = workspace
        self.directory = directory
        self.account = account
        self.region = region
    }
}

/// The environment a plan belongs to and why.
public struct ResolvedEnvironment: Sendable, Hashable, Codable {
    public var name: String
    /// What matched: `workspace "prod" matches "prod*"`.
    public var because: String

    public init(name: String, because: String) {
        self.name = name
        self.because = because
    }

    /// The first environment (in the order of `airlock.yaml`) any selector of which matches.
    public static func resolve(_ definitions: [EnvironmentDefinition], context: GateContext, changes: ChangeSet) -> ResolvedEnvironment? {
        let accounts = context.account.map { [$0] } ?? changes.accounts
        let regions = context.region.map { [$0] } ?? changes.regions
        for env in definitions {
            if let workspace = context.workspace, let p = env.workspaces.first(where: { $0.matches(workspace) }) {
                return ResolvedEnvironment(name: env.name, because: "workspace \"\(workspace)\" matches \"\(p.text)\"")
            }
            if let directory = context.directory, let p = env.directories.first(where: { $0.matches(directory) }) {
                return ResolvedEnvironment(name: env.name, because: "directory \"\(directory)\" matches \"\(p.text)\"")
            }
            if let account = accounts.first(where: { env.accounts.contains($0) }) {
                return ResolvedEnvironment(name: env.name, because: "account \(account)")
            }
            for region in regions {
                if let p = env.regions.first(where: { $0.matches(region) }) {
                    return ResolvedEnvironment(name: env.name, because: "region \"\(region)\" matches \"\(p.text)\"")
                }
            }
        }
        return nil
    }
}
