import HCL
import Terraform

/// A custom policy in Checkov's YAML format, as read from one file.
///
/// ```yaml
/// metadata:
///   id: "CKV2_CUSTOM_1"
///   name: "S3 buckets have a public access block"
///   category: "NETWORKING"
///   severity: "HIGH"          # optional: INFO, LOW, MEDIUM (default), HIGH, CRITICAL
///   guideline: "https://..."  # optional
/// definition:
///   cond_type: connection
///   resource_types: [aws_s3_bucket]
///   connected_resource_types: [aws_s3_bucket_public_access_block]
///   operator: exists
/// ```
struct CheckovPolicy: Sendable {
    var id: String
    var name: String
    /// Checkov's category name as written (`GENERAL_SECURITY`).
    var category: String
    var severity: Severity
    var guideline: String?
    var definition: CheckovCondition
    /// The file the policy was read from.
    var file: String

    /// Checkov's categories in Airlock's terms.
    static func category(named name: String) -> Category? {
        switch name.uppercased() {
        case "IAM": return .iam
        case "NETWORKING": return .publicExposure
        case "ENCRYPTION": return .encryption
        case "LOGGING": return .logging
        case "BACKUP_AND_RECOVERY": return .resilience
        case "SECRETS": return .secrets
        case "GENERAL_SECURITY", "CONVENTION", "KUBERNETES", "APPLICATION_SECURITY", "SUPPLY_CHAIN", "API_SECURITY",
            "SAST", "AI_AND_ML":
            return .general
        default: return nil
        }
    }

    /// Checkov's severity names (with its synonyms MODERATE and IMPORTANT) in Airlock's terms.
    static func severity(named name: String) -> Severity? {
        switch name.uppercased() {
        case "INFO", "NONE": return .info
        case "LOW": return .low
        case "MEDIUM", "MODERATE": return .medium
        case "HIGH", "IMPORTANT": return .high
        case "CRITICAL": return .critical
        default: return nil
        }
    }

    /// The policy as a check the engine runs like a built-in one.
    var check: Check {
        let judged = definition.judgedTypes
        let types = judged.isAll ? [Check.everyResourceType] : judged.types.sorted()
        let prefixes = Set(types.map { $0.split(separator: "_").first.map(String.init) ?? $0 })
        let metadata = CheckMetadata(
            id: id, title: name,
            description: "Custom policy (\(file)): \(definition.summary).",
            severity: severity, category: Self.category(named: category) ?? .general,
            provider: prefixes.count == 1 && !judged.isAll ? prefixes.first! : "terraform", service: "custom",
            resourceTypes: types,
            remediation: guideline.map { "Make the resource satisfy the policy (\(definition.summary)); see \($0)." }
                ?? "Make the resource satisfy the policy: \(definition.summary).",
            snippet: "", references: guideline.map { [$0] } ?? [])
        let condition = definition
        let filters = definition.filters
        let inGroup = definition.isConnectionGroup
        return Check(metadata, passing: "", failing: "") { instance, context in
            for filter in filters where !filter.contains(instance.type) { return .notApplicable }
            let evaluator = CheckovEvaluator(graph: context.graph)
            switch evaluator.evaluate(condition, instance, inGroup: inGroup) {
            case .pass: return .passed
            case .neutral: return .notApplicable
            case .fail(let path, let reason): return .failed(path: path, message: reason)
            case .unknown(let paths, let reason): return .unknown(paths: paths, message: reason)
            }
        }
    }
}

extension Check {
    /// The resource type a check names to judge every resource (`resource_types: all`).
    public static let everyResourceType = "*"
}
