import Foundation
import HCL

/// `--format junit`: JUnit XML, one test suite per check and one test case per check and
/// resource, for CI systems that show test results (Jenkins, GitLab, Azure DevOps).
///
/// A passed finding is a passing test case; a failed one carries `<failure>` with the
/// file and line, the message and the remediation; a suppressed or unknown one is
/// `<skipped>` with the reason. Problems reading the input form one more suite whose
/// errors fail the run. The document validates against the JUnit schema Jenkins and
/// Surefire publish (`junit-10.xsd`): no timings (the output is the same bytes for the same
/// input) and no attributes that schema lacks. No source text or attribute value is
/// copied in: only check metadata, messages, addresses and attribute paths.
public enum JUnitReport {
    public static func render(_ report: ScanReport) -> String {
        render(report, paths: ReportPaths(target: report.target))
    }

    /// The document for `report`, with file names relative to `sourceRoot`.
    public static func render(_ report: ScanReport, sourceRoot: String) -> String {
        render(report, paths: ReportPaths(root: sourceRoot))
    }

    static func render(_ report: ScanReport, paths: ReportPaths) -> String {
        let rules = ReportRules(report)
        var byCheck: [String: [Finding]] = [:]
        for f in report.findings { byCheck[f.check.id, default: []].append(f) }

        var suites: [String] = []
        var tests = 0, failures = 0, errors = 0
        for check in rules.checks {
            let findings = byCheck[check.id] ?? []
            let failed = findings.filter { $0.status == .failed }.count
            let skipped = findings.filter { $0.status == .suppressed || $0.status == .unknown }.count
            tests += findings.count
            failures += failed
            var xml = "  <testsuite" + attributes([
                ("name", "\(check.id) \(check.title)"), ("tests", String(findings.count)), ("failures", String(failed)),
                ("errors", "0"), ("skipped", String(skipped)),
            ]) + ">\n"
            xml += properties([
                ("severity", check.severity.rawValue), ("category", check.category.rawValue),
                ("aliases", check.aliases.joined(separator: ",")),
            ])
            for f in findings { xml += testCase(f, paths: paths) }
            xml += "  </testsuite>\n"
            suites.append(xml)
        }
        if !report.diagnostics.isEmpty {
            let suite = diagnosticsSuite(report.diagnostics, paths: paths)
            tests += report.diagnostics.count
            errors += suite.errors
            suites.append(suite.xml)
        }

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites" + attributes([
            ("name", "airlock scan \(report.target)"), ("tests", String(tests)), ("failures", String(failures)), ("errors", String(errors)),
        ]) + ">\n"
        out += suites.joined()
        out += "</testsuites>\n"
        return out
    }

    private static func testCase(_ f: Finding, paths: ReportPaths) -> String {
        let open = "    <testcase" + attributes([("name", f.resource), ("classname", f.resourceType)])
        let location = f.file.map { file in
            paths.relative(file) + (f.range.map { ":\($0.start.line):\($0.start.column)" } ?? "")
        }
        switch f.status {
        case .passed:
            return open + "/>\n"
        case .failed:
            var body: [String] = []
            body.append((location.map { $0 + ": " } ?? "") + f.message)
            if !f.path.isEmpty { body.append("Attribute: " + f.path) }
            if !f.check.remediation.isEmpty { body.append("Remediation: " + f.check.remediation) }
            if !f.check.remediationSnippet.isEmpty { body.append(f.check.remediationSnippet) }
            if !f.check.aliases.isEmpty { body.append("Checkov: " + f.check.aliases.joined(separator: ", ")) }
            return open + ">\n      <failure" + attributes([("message", f.message), ("type", f.check.severity.rawValue)]) + ">"
                + XMLEscaping.text(body.joined(separator: "\n")) + "</failure>\n    </testcase>\n"
        case .unknown:
            let unknown = f.unknownPaths.isEmpty ? (f.path.isEmpty ? [] : [f.path]) : f.unknownPaths
            var message = "Unknown until apply"
            if !unknown.isEmpty { message += " (" + unknown.joined(separator: ", ") + ")" }
            message += ": " + f.message
            return open + ">\n      <skipped" + attributes([("message", message)]) + "/>\n" + systemOut(location) + "    </testcase>\n"
        case .suppressed:
            var message = "Suppressed"
            if let s = f.suppression {
                message += " by \(s.source)"
                message += ": " + ((s.reason?.isEmpty ?? true) ? "no reason given" : s.reason!)
                if let expires = s.expires { message += " (until \(expires))" }
            }
            return open + ">\n      <skipped" + attributes([("message", message)]) + "/>\n" + systemOut(location) + "    </testcase>\n"
        }
    }

    private static func diagnosticsSuite(_ diagnostics: [Diagnostic], paths: ReportPaths) -> (xml: String, errors: Int) {
        let errors = diagnostics.filter { $0.severity == .error }.count
        var xml = "  <testsuite" + attributes([
            ("name", "Input diagnostics"), ("tests", String(diagnostics.count)), ("failures", "0"), ("errors", String(errors)), ("skipped", "0"),
        ]) + ">\n"
        for d in diagnostics {
            let location = d.file.map { paths.relative($0) + (d.subject.map { ":\($0.start.line):\($0.start.column)" } ?? "") }
            let open = "    <testcase" + attributes([("name", [location, d.code.rawValue].compactMap { $0 }.joined(separator: " ")), ("classname", "diagnostic")])
            let text = (location.map { $0 + ": " } ?? "") + d.summary + (d.detail.isEmpty ? "" : "\n" + d.detail)
            switch d.severity {
            case .error:
                xml += open + ">\n      <error" + attributes([("message", d.summary), ("type", d.code.rawValue)]) + ">"
                    + XMLEscaping.text(text) + "</error>\n    </testcase>\n"
            case .warning:
                xml += open + ">\n      <system-out>" + XMLEscaping.text("warning: " + text) + "</system-out>\n    </testcase>\n"
            }
        }
        xml += "  </testsuite>\n"
        return (xml, errors)
    }

    private static func systemOut(_ location: String?) -> String {
        location.map { "      <system-out>" + XMLEscaping.text($0) + "</system-out>\n" } ?? ""
    }

    private static func properties(_ pairs: [(String, String)]) -> String {
        let present = pairs.filter { !$0.1.isEmpty }
        if present.isEmpty { return "" }
        return "    <properties>\n" + present.map { "      <property" + attributes([("name", $0.0), ("value", $0.1)]) + "/>\n" }.joined()
            + "    </properties>\n"
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(XMLEscaping.attribute($0.1))\"" }.joined()
    }
}
