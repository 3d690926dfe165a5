import HCL
import Terraform

/// One resource instance change of a plan, with what the gate needs to judge it.
public struct PlannedChange: Sendable, Hashable {
    public var address: String
    public var type: String
    /// The provider's short name (`aws`), from `registry.terraform.io/hashicorp/aws`.
    public var provider: String
    /// The provider as the plan names it.
    public var providerSource: String
    public var kind: ChangeKind
    /// Terraform's reason for a replacement or delete (`replace_because_cannot_update`).
    public var reason: String?
    public var isStateful: Bool
    /// The sensitive category (`iam`, `network`, `encryption`), if the type is sensitive.
    public var sensitiveCategory: String?
    /// Region and account, when the plan shows them (an ARN, a `region` argument, the
    /// provider configuration); nil when only apply can know.
    public var region: String?
    public var account: String?
    /// The instance classes the resource asks for (`m5.24xlarge`, `db.r6g.large`).
    public var instanceTypes: [String]

    public init(
        address: String, type: String, provider: String, providerSource: String, kind: ChangeKind, reason: String? = nil,
        isStateful: Bool = false, sensitiveCategory: String? = nil, region: String? = nil, account: String? = nil,
        instanceTypes: [String] = []
    ) {
        self.address = address
        self.type = type
        self.provider = provider
        self.providerSource = providerSource
        self.kind = kind
        self.reason = reason
        self.isStateful = isStateful
        self.sensitiveCategory = sensitiveCategory
        self.region = region
        self.account = account
        self.instanceTypes = instanceTypes
    }
}

extension PlannedChange {
    /// Reads one `resource_changes` entry. `defaultRegion` is the provider configuration's
    /// region when the plan states it as a constant.
    /// `classified` memoises the pattern matching per type: a plan of thousands of
    /// instances has a handful of types.
    init(
        entry: ResourceChangeEntry, configuration: GateConfiguration, defaultRegion: String?,
        classified: inout [String: (stateful: Bool, category: String?)]
    ) {
        let change = entry.change
        let source = entry.provider ?? ""
        let short = source.split(separator: "/").last.map(String.init) ?? source
        let kind = ChangeKind(change.actions)
        let value = (kind == .delete ? change.before : change.after) ?? change.before
        let arn = value.flatMap { Self.string($0, "arn") }.flatMap(ARN.init)
        let region = value.flatMap { Self.string($0, "region") } ?? arn?.region ?? defaultRegion
        let account = arn?.account ?? value.flatMap { Self.string($0, "owner_id") }
        let type = change.type
        let classes = classified[type] ?? {
            let found = (
                stateful: configuration.statefulTypes.contains { $0.matches(type) },
                category: configuration.sensitiveTypes.first { $0.types.contains { $0.matches(type) } }?.name)
            classified[type] = found
            return found
        }()
        self.init(
            address: change.address, type: change.type, provider: short.isEmpty ? Self.provider(ofType: change.type) : short,
            providerSource: source, kind: kind, reason: change.actionReason,
            isStateful: classes.stateful, sensitiveCategory: classes.category,
            region: region?.isEmpty == false ? region : nil, account: account?.isEmpty == false ? account : nil,
            instanceTypes: value.map { Self.instanceTypes(of: change.type, in: $0) } ?? [])
    }

    /// `aws_s3_bucket` → `aws`: Terraform's implied provider when the plan does not name one.
    static func provider(ofType type: String) -> String {
        type.split(separator: "_").first.map(String.init) ?? type
    }

    static func string(_ value: Value, _ name: String) -> String? {
        value.attributes?[name]?.stringValue
    }

    /// The arguments that choose a machine size, by resource type. Only the classes a plan
    /// knows are returned: an unknown class cannot be judged and is left to the scan.
    static let instanceTypeArguments: [String: [String]] = [
        "aws_instance": ["instance_type"], "aws_spot_instance_request": ["instance_type"],
        "aws_launch_template": ["instance_type"], "aws_launch_configuration": ["instance_type"],
        "aws_db_instance": ["instance_class"], "aws_rds_cluster_instance": ["instance_class"],
        "aws_rds_cluster": ["db_cluster_instance_class"], "aws_docdb_cluster_instance": ["instance_class"],
        "aws_neptune_cluster_instance": ["instance_class"], "aws_elasticache_cluster": ["node_type"],
        "aws_elasticache_replication_group": ["node_type"], "aws_redshift_cluster": ["node_type"],
        "aws_memorydb_cluster": ["node_type"], "aws_dax_cluster": ["node_type"],
        "aws_eks_node_group": ["instance_types"], "aws_opensearch_domain": ["cluster_config.instance_type"],
        "aws_elasticsearch_domain": ["cluster_config.instance_type"], "aws_emr_cluster": ["master_instance_group.instance_type", "core_instance_group.instance_type"],
    ]

    static func instanceTypes(of type: String, in value: Value) -> [String] {
        guard let paths = instanceTypeArguments[type] else { return [] }
        var out: [String] = []
        for path in paths {
            var current = [value]
            for step in path.split(separator: ".") {
                // Blocks are lists of objects; look into each element.
                current = current.flatMap { v -> [Value] in
                    guard let next = v.attributes?[String(step)] else { return [] }
                    return next.elements ?? [next]
                }
            }
            for v in current {
                if let s = v.stringValue, !s.isEmpty { out.append(s) }
                for e in v.elements ?? [] { if let s = e.stringValue, !s.isEmpty { out.append(s) } }
            }
        }
        return out
    }
}

/// The parts of an ARN the gate uses: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`.
struct ARN: Sendable, Hashable {
    var region: String?
    var account: String?

    init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn" else { return nil }
        region = parts[3].isEmpty ? nil : String(parts[3])
        account = parts[4].isEmpty || parts[4] == "aws" ? nil : String(parts[4])
    }
}
