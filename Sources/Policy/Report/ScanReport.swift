import HCL
import Terraform

/// The result of one scan, ready to be rendered in any report format.
public struct ScanReport: Sendable {
    /// What was scanned (a directory, a plan or a state file).
    public var target: String
    /// Every finding, passed ones included, in deterministic order.
    public var findings: [Finding]
    /// Problems reading the input (syntax errors, evaluation errors, bad policies).
    public var diagnostics: [Diagnostic]
    public var checksRun: Int
    public var resourcesScanned: Int

    public init(target: String, findings: [Finding], diagnostics: [Diagnostic], checksRun: Int, resourcesScanned: Int) {
        self.target = target
        self.findings = findings
        self.diagnostics = diagnostics
        self.checksRun = checksRun
        self.resourcesScanned = resourcesScanned
    }

    /// Findings a report lists: failed, unknown and suppressed ones.
    public var reported: [Finding] { findings.filter { $0.status != .passed } }

    public func count(_ status: Finding.Status) -> Int { findings.filter { $0.status == status }.count }

    /// Whether a finding at or above `threshold` failed.
    public func fails(at threshold: Severity) -> Bool {
        findings.contains { $0.status == .failed && $0.check.severity >= threshold }
    }
}
