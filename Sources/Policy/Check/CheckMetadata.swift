/// Everything about a check except its logic.
public struct CheckMetadata: Sendable, Hashable {
    /// Our stable ID, `AL-AWS-S3-001`: provider, service, number. Never reused.
    public var id: String
    /// Equivalent Checkov IDs (`CKV_AWS_20`, `CKV2_AWS_6`), so existing suppressions carry over.
    public var aliases: [String]
    public var title: String
    public var description: String
    public var severity: Severity
    public var category: Category
    public var provider: String
    public var service: String
    /// The resource types the check judges.
    public var resourceTypes: [String]
    /// How to fix it, in words.
    public var remediation: String
    /// Corrected Terraform.
    public var remediationSnippet: String
    public var references: [String]

    public init(
        id: String, aliases: [String] = [], title: String, description: String, severity: Severity, category: Category,
        provider: String = "aws", service: String, resourceTypes: [String], remediation: String, snippet: String,
        references: [String] = []
    ) {
        self.id = id
        self.aliases = aliases
        self.title = title
        self.description = description
        self.severity = severity
        self.category = category
        self.provider = provider
        self.service = service
        self.resourceTypes = resourceTypes
        self.remediation = remediation
        self.remediationSnippet = snippet
        self.references = references
    }
}

public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case info, low, medium, high, critical

    public var rank: Int {
        switch self {
        case .info: return 0
        case .low: return 1
        case .medium: return 2
        case .high: return 3
        case .critical: return 4
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

public enum Category: String, Sendable, Hashable, CaseIterable {
    case iam
    case publicExposure = "public-exposure"
    case encryption
    case logging
    case resilience
    case secrets
    case instanceMetadata = "instance-metadata"
    case outdated
    case cost
    case general
}
