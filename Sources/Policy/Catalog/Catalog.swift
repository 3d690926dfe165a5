/// The built-in catalog: one explicit list, by family (one file each under `Catalog/AWS`).
public enum Catalog {
    public static let all: [Check] = AWSChecks.s3 + AWSChecks.iam + AWSChecks.network + AWSChecks.compute
        + AWSChecks.databases + AWSChecks.encryption + AWSChecks.logging + AWSChecks.secrets
        + AWSChecks.outdated + AWSChecks.cost

    /// Checks on modules' own blocks (`provider`, `terraform`, expression syntax).
    public static let moduleChecks: [ModuleCheck] = AWSChecks.outdatedModule + AWSChecks.secretsModule

    /// A check by ID or alias.
    public static func check(named name: String) -> Check? {
        all.first { $0.metadata.id == name || $0.metadata.aliases.contains(name) }
    }
}

/// Namespace of the AWS check families.
public enum AWSChecks {}
