import HCL
import Terraform

/// The outcome of one check on one resource instance.
public struct Finding: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case passed, failed, unknown, suppressed
    }

    public var check: CheckMetadata
    public var status: Status
    /// The full address of the resource instance, exactly as Terraform writes it.
    public var resource: String
    public var resourceType: String
    /// The file the finding points into (a `.tf` file, or the plan or state file).
    public var file: String?
    /// The attribute at fault; the resource block's first line when the problem is
    /// something missing. Nil for plans and state, which have no source ranges.
    public var range: SourceRange?
    /// The attribute path at fault, when there is one.
    public var path: String
    public var message: String
    /// For `unknown`: the values only apply can know that the check needed.
    public var unknownPaths: [String]
    /// For `suppressed`: why, and until when.
    public var suppression: Suppression?

    public init(
        check: CheckMetadata, status: Status, resource: String, resourceType: String, file: String?, range: SourceRange?,
        path: String = "", message: String, unknownPaths: [String] = [], suppression: Suppression? = nil
    ) {
        self.check = check
        self.status = status
        self.resource = resource
        self.resourceType = resourceType
        self.file = file
        self.range = range
        self.path = path
        self.message = message
        self.unknownPaths = unknownPaths
        self.suppression = suppression
    }
}

/// Why a finding does not count, as the user wrote it.
public struct Suppression: Sendable, Hashable {
    public var id: String
    public var reason: String?
    /// `YYYY-MM-DD`; after it the suppression lapses and the finding counts again.
    public var expires: String?
    /// `airlock:ignore`, `checkov:skip`, or `baseline`.
    public var source: String

    public init(id: String, reason: String?, expires: String? = nil, source: String) {
        self.id = id
        self.reason = reason
        self.expires = expires
        self.source = source
    }
}
