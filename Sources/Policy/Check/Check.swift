import HCL
import Terraform

/// One policy check: metadata, one pure function over a resource instance (with the
/// instances connected to it), and a passing and a failing example side by side.
public struct Check: Sendable {
    public var metadata: CheckMetadata
    /// Terraform that must pass this check, and Terraform that must fail it: the catalog
    /// test evaluates both.
    public var passingExample: String
    public var failingExample: String
    public var evaluate: @Sendable (ResourceInstance, CheckContext) -> Verdict

    public init(
        _ metadata: CheckMetadata, passing: String, failing: String,
        _ evaluate: @escaping @Sendable (ResourceInstance, CheckContext) -> Verdict
    ) {
        self.metadata = metadata
        self.passingExample = passing
        self.failingExample = failing
        self.evaluate = evaluate
    }

    public var id: String { metadata.id }
}

/// What a check concluded about one resource instance.
public enum Verdict: Sendable, Hashable {
    case passed
    /// Failed: `path` is the attribute at fault (`ingress[0].cidr_blocks`), empty for the
    /// resource as a whole; the finding points at that attribute in the source.
    case failed(path: String, message: String)
    /// The check depends on values only apply can know; `paths` says which.
    case unknown(paths: [String], message: String)
    /// The check does not concern this instance (e.g. a rule for ingress on an egress rule).
    case notApplicable
}

/// What a check may look at besides the instance itself.
public struct CheckContext: Sendable {
    public var graph: ResourceGraph
    public var settings: PolicySettings

    public init(graph: ResourceGraph, settings: PolicySettings) {
        self.graph = graph
        self.settings = settings
    }
}

/// Tunable thresholds, with defaults a platform team would pick.
public struct PolicySettings: Sendable {
    /// Instance sizes above which a cost finding is raised (`8xlarge`, `12xlarge` ...).
    public var maxInstanceSize: String = "4xlarge"
    public init() {}
}
