import HCL
import Terraform

/// `--format json`: the contract other tools read.
///
/// `{"findings": [{"id", "aliases", "severity", "title", "status", "resource", "file",
/// "range", "message", "remediation", ...}], "summary": {...}}`.
public enum JSONReport {
    public static func render(_ report: ScanReport) -> String {
        var findings: [JSONValue] = []
        for f in report.reported {
            var members: [(String, JSONValue)] = [
                ("id", .string(f.check.id)),
                ("aliases", .array(f.check.aliases.map { .string($0) })),
                ("severity", .string(f.check.severity.rawValue)),
                ("category", .string(f.check.category.rawValue)),
                ("title", .string(f.check.title)),
                ("status", .string(f.status.rawValue)),
                ("resource", .string(f.resource)),
                ("resource_type", .string(f.resourceType)),
                ("file", f.file.map { .string($0) } ?? .null),
                ("range", f.range?.jsonValue ?? .null),
                ("path", .string(f.path)),
                ("message", .string(f.message)),
                ("remediation", .string(f.check.remediation)),
                ("remediation_snippet", .string(f.check.remediationSnippet)),
            ]
            if !f.unknownPaths.isEmpty { members.append(("unknown", .array(f.unknownPaths.map { .string($0) }))) }
            if let s = f.suppression {
                members.append(("suppression", .object([
                    ("source", .string(s.source)), ("reason", s.reason.map { .string($0) } ?? .null),
                    ("expires", s.expires.map { .string($0) } ?? .null),
                ])))
            }
            findings.append(.object(members))
        }
        var bySeverity: [(String, JSONValue)] = []
        for severity in Severity.allCases.reversed() {
            let n = report.findings.filter { $0.status == .failed && $0.check.severity == severity }.count
            bySeverity.append((severity.rawValue, .number(String(n))))
        }
        let summary: JSONValue = .object([
            ("target", .string(report.target)),
            ("resources", .number(String(report.resourcesScanned))),
            ("checks", .number(String(report.checksRun))),
            ("passed", .number(String(report.count(.passed)))),
            ("failed", .number(String(report.count(.failed)))),
            ("unknown", .number(String(report.count(.unknown)))),
            ("suppressed", .number(String(report.count(.suppressed)))),
            ("failed_by_severity", .object(bySeverity)),
        ])
        let diagnostics: [JSONValue] = report.diagnostics.map { d in
            .object([
                ("severity", .string(d.severity.rawValue)), ("code", .string(d.code.rawValue)),
                ("summary", .string(d.summary)), ("detail", .string(d.detail)),
                ("file", d.file.map { .string($0) } ?? .null), ("range", d.subject?.jsonValue ?? .null),
            ])
        }
        return JSONValue.object([("findings", .array(findings)), ("summary", summary), ("diagnostics", .array(diagnostics))]).prettyText
    }
}
