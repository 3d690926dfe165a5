import HCL
import Terraform

/// A check on a module's own blocks rather than on resource instances: `provider` and
/// `terraform` blocks, or the way expressions are written (deprecated syntax).
public struct ModuleCheck: Sendable {
    public var metadata: CheckMetadata
    public var passingExample: String
    public var failingExample: String
    /// One verdict per thing judged, each with where it is written.
    public var evaluate: @Sendable (ModuleConfig) -> [ModuleVerdict]

    public init(
        _ metadata: CheckMetadata, passing: String, failing: String,
        _ evaluate: @escaping @Sendable (ModuleConfig) -> [ModuleVerdict]
    ) {
        self.metadata = metadata
        self.passingExample = passing
        self.failingExample = failing
        self.evaluate = evaluate
    }
}

/// What a module check concluded about one block or expression.
public struct ModuleVerdict: Sendable, Hashable {
    /// What was judged, as an address-like name: `provider.aws`, `terraform`, `aws_s3_bucket.b`.
    public var subject: String
    public var file: String
    public var range: SourceRange
    public var passed: Bool
    public var message: String

    public init(subject: String, file: String, range: SourceRange, passed: Bool, message: String) {
        self.subject = subject
        self.file = file
        self.range = range
        self.passed = passed
        self.message = message
    }
}
