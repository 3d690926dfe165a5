import Foundation
import HCL

/// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
///
/// One run; `tool.driver.rules` holds every check that judged a resource, sorted by ID,
/// and `results` the failed, unknown and suppressed findings in report order. Locations
/// are relative to `%SRCROOT%` (see `ReportPaths`), regions in UTF-16 columns (see
/// `SourceColumns`); plans and state have no source ranges, so their results name the
/// file only. Each result carries a fingerprint of rule, resource address and file, so an
/// alert keeps its identity when lines move. No source text or attribute value is copied
/// into the log: only check metadata, finding messages, addresses and attribute paths.
public enum SARIFReport {
    /// The schema the output conforms to (OASIS SARIF 2.1.0, errata 01).
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The key GitHub code scanning matches alerts by; it uses no other fingerprint.
    static let githubFingerprintKey = "primaryLocationLineHash"
    /// Our own, versioned fingerprint key (SARIF §3.27.17 recommends a version suffix).
    static let fingerprintKey = "airlockFindingHash/v1"
    static let sourceRootId = "%SRCROOT%"

    public static func render(_ report: ScanReport) -> String {
        render(report, tool: .airlock, paths: ReportPaths(target: report.target), readSource: readFile)
    }

    /// The log for `report`, produced by `tool`, with locations relative to `sourceRoot`.
    public static func render(_ report: ScanReport, tool: ReportTool, sourceRoot: String) -> String {
        render(report, tool: tool, paths: ReportPaths(root: sourceRoot), readSource: readFile)
    }

    static func readFile(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    static func render(_ report: ScanReport, tool: ReportTool, paths: ReportPaths, readSource: @escaping (String) -> [UInt8]?) -> String {
        var columns = SourceColumns(read: readSource)
        let rules = ReportRules(report)

        var results: [JSONValue] = []
        for finding in report.reported {
            results.append(result(finding, ruleIndex: rules.index[finding.check.id] ?? 0, paths: paths, columns: &columns))
        }

        var driver: [(String, JSONValue)] = [("name", .string(tool.name)), ("version", .string(tool.version))]
        if let uri = tool.informationUri { driver.append(("informationUri", .string(uri))) }
        driver.append(("rules", .array(rules.checks.map(rule))))

        var invocation: [(String, JSONValue)] = [("executionSuccessful", .bool(!report.diagnostics.hasErrors))]
        if !report.diagnostics.isEmpty {
            invocation.append(("toolExecutionNotifications", .array(report.diagnostics.map { notification($0, paths: paths, columns: &columns) })))
        }

        let run: JSONValue = .object([
            ("tool", .object([("driver", .object(driver))])),
            ("invocations", .array([.object(invocation)])),
            ("originalUriBaseIds", .object([(sourceRootId, .object([("uri", .string(paths.rootURI))]))])),
            ("columnKind", .string("utf16CodeUnits")),
            ("results", .array(results)),
            ("properties", .object([
                ("resources", int(report.resourcesScanned)),
                ("checks", int(report.checksRun)),
                ("passed", int(report.count(.passed))),
                ("failed", int(report.count(.failed))),
                ("unknown", int(report.count(.unknown))),
                ("suppressed", int(report.count(.suppressed))),
            ])),
        ])
        return JSONValue.object([
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).prettyText
    }

    // MARK: Rules

    private static func rule(_ m: CheckMetadata) -> JSONValue {
        var tags = ["security", m.category.rawValue, m.provider, m.service] + m.aliases
        var seen = Set<String>()
        tags = tags.filter { !$0.isEmpty && seen.insert($0).inserted }
        var members: [(String, JSONValue)] = [
            ("id", .string(m.id)),
            ("name", .string(ruleName(m))),
            // GitHub shows both descriptions and limits each to 1024 characters.
            ("shortDescription", .object([("text", .string(limit(nonEmpty(m.title, m.id), 1024)))])),
            ("fullDescription", .object([("text", .string(limit(nonEmpty(m.description, m.title, m.id), 1024)))])),
            ("defaultConfiguration", .object([("level", .string(level(m.severity)))])),
        ]
        if let uri = m.references.first(where: isWebURI) { members.append(("helpUri", .string(uri))) }
        members.append(("help", .object([("text", .string(helpText(m))), ("markdown", .string(helpMarkdown(m)))])))
        members.append(("properties", .object([
            ("tags", .array(tags.map { .string($0) })),
            ("precision", .string("high")),
            ("security-severity", .string(securitySeverity(m.severity))),
            ("severity", .string(m.severity.rawValue)),
            ("aliases", .array(m.aliases.map { .string($0) })),
            ("resourceTypes", .array(m.resourceTypes.map { .string($0) })),
        ])))
        return .object(members)
    }

    /// A Pascal-case name from the title ("S3 bucket versioning is enabled" →
    /// "S3BucketVersioningIsEnabled"), as SARIF viewers expect a name distinct from the ID;
    /// GitHub caps it at 255 characters.
    static func ruleName(_ m: CheckMetadata) -> String {
        var name = ""
        for word in m.title.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            name += word.prefix(1).uppercased() + word.dropFirst()
        }
        return limit(name.isEmpty ? m.id.replacingOccurrences(of: "-", with: "") : name, 255)
    }

    private static func helpText(_ m: CheckMetadata) -> String {
        var parts = [nonEmpty(m.title, m.id)]
        if !m.description.isEmpty { parts.append(m.description) }
        if !m.remediation.isEmpty { parts.append("Remediation: " + m.remediation) }
        if !m.remediationSnippet.isEmpty { parts.append(m.remediationSnippet) }
        var facts: [String] = []
        if !m.aliases.isEmpty { facts.append("Checkov: " + m.aliases.joined(separator: ", ")) }
        if !m.resourceTypes.isEmpty { facts.append("Resource types: " + m.resourceTypes.joined(separator: ", ")) }
        if !facts.isEmpty { parts.append(facts.joined(separator: "\n")) }
        if !m.references.isEmpty { parts.append("References:\n" + m.references.map { "- " + $0 }.joined(separator: "\n")) }
        return parts.joined(separator: "\n\n")
    }

    private static func helpMarkdown(_ m: CheckMetadata) -> String {
        var heading = "**\(nonEmpty(m.title, m.id))** (`\(m.id)`"
        if !m.aliases.isEmpty { heading += "; Checkov " + m.aliases.map { "`\($0)`" }.joined(separator: ", ") }
        var parts = [heading + ")"]
        if !m.description.isEmpty { parts.append(m.description) }
        if !m.remediation.isEmpty || !m.remediationSnippet.isEmpty {
            parts.append("## Remediation")
            if !m.remediation.isEmpty { parts.append(m.remediation) }
            if !m.remediationSnippet.isEmpty {
                // A fence longer than any run of backticks in the snippet (CommonMark §4.5).
                var longest = 0, run = 0
                for c in m.remediationSnippet {
                    run = c == "`" ? run + 1 : 0
                    longest = max(longest, run)
                }
                let fence = String(repeating: "`", count: max(3, longest + 1))
                parts.append(fence + "hcl\n" + m.remediationSnippet + "\n" + fence)
            }
        }
        if !m.resourceTypes.isEmpty { parts.append("Resource types: " + m.resourceTypes.map { "`\($0)`" }.joined(separator: ", ")) }
        if !m.references.isEmpty {
            parts.append("## References")
            parts.append(m.references.map { "- <\($0)>" }.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n")
    }

    // MARK: Results

    private static func result(_ f: Finding, ruleIndex: Int, paths: ReportPaths, columns: inout SourceColumns) -> JSONValue {
        let kind: String
        let levelText: String
        var message = nonEmpty(f.message, f.check.title)
        switch f.status {
        case .failed, .suppressed, .passed:
            kind = "fail"
            levelText = level(f.check.severity)
        case .unknown:
            // SARIF §3.27.10: a result whose kind is not "fail" has level "none".
            kind = "review"
            levelText = "none"
            let unknown = f.unknownPaths.isEmpty ? (f.path.isEmpty ? [] : [f.path]) : f.unknownPaths
            if !unknown.isEmpty {
                message += (message.hasSuffix(".") ? " " : ". ") + "Known only after apply: " + unknown.joined(separator: ", ") + "."
            }
        }
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(f.check.id)),
            ("ruleIndex", int(ruleIndex)),
            ("kind", .string(kind)),
            ("level", .string(levelText)),
            ("message", .object([("text", .string(message))])),
            ("locations", .array([location(file: f.file, range: f.range, resource: f.resource, paths: paths, columns: &columns)])),
            ("partialFingerprints", .object(fingerprints(f, paths: paths))),
        ]
        if let s = f.suppression { members.append(("suppressions", .array([suppression(s)]))) }
        var properties: [(String, JSONValue)] = [
            ("severity", .string(f.check.severity.rawValue)),
            ("status", .string(f.status.rawValue)),
            ("resource", .string(f.resource)),
            ("resourceType", .string(f.resourceType)),
        ]
        if !f.path.isEmpty { properties.append(("attributePath", .string(f.path))) }
        if !f.unknownPaths.isEmpty { properties.append(("unknownPaths", .array(f.unknownPaths.map { .string($0) }))) }
        members.append(("properties", .object(properties)))
        return .object(members)
    }

    private static func location(file: String?, range: SourceRange?, resource: String?, paths: ReportPaths, columns: inout SourceColumns) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let file {
            var physical: [(String, JSONValue)] = [
                ("artifactLocation", .object([("uri", .string(paths.uri(file))), ("uriBaseId", .string(sourceRootId))])),
            ]
            if let range { physical.append(("region", region(range, file: file, columns: &columns))) }
            members.append(("physicalLocation", .object(physical)))
        }
        if let resource, !resource.isEmpty {
            members.append(("logicalLocations", .array([.object([("fullyQualifiedName", .string(resource)), ("kind", .string("resource"))])])))
        }
        return .object(members)
    }

    /// SARIF regions (§3.30) are 1-based with an exclusive end column, as our ranges are;
    /// only the column unit differs. An empty range (something missing, pointed at by the
    /// resource's first line) becomes the whole start line: `endColumn` absent means the
    /// end of the line (§3.30.8).
    private static func region(_ range: SourceRange, file: String, columns: inout SourceColumns) -> JSONValue {
        guard let r = columns.region(range, in: file) else {
            return .object([("startLine", int(max(1, range.start.line)))])
        }
        return .object([
            ("startLine", int(r.start.line)), ("startColumn", int(r.start.column)),
            ("endLine", int(r.end.line)), ("endColumn", int(r.end.column)),
        ])
    }

    /// Rule, resource address and file: stable when lines move, different for each module
    /// instance or `for_each` key. GitHub uses only `primaryLocationLineHash`, so ours is
    /// given under that key too; the upload action then keeps it instead of a line hash.
    static func fingerprints(_ f: Finding, paths: ReportPaths) -> [(String, JSONValue)] {
        let hash = StableHash.hex([f.check.id, f.resource, f.file.map(paths.relative) ?? ""])
        return [(fingerprintKey, .string(hash)), (githubFingerprintKey, .string(hash))]
    }

    private static func suppression(_ s: Suppression) -> JSONValue {
        // In-source: a comment in the Terraform; external: a baseline file.
        let kind: String
        switch s.source {
        case "airlock:ignore", "checkov:skip": kind = "inSource"
        default: kind = "external"
        }
        var justification = s.reason.map { nonEmpty($0, "No reason given.") } ?? "No reason given."
        if let expires = s.expires { justification += " (until \(expires))" }
        justification += " [\(s.source)]"
        return .object([("kind", .string(kind)), ("status", .string("accepted")), ("justification", .string(justification))])
    }

    private static func notification(_ d: Diagnostic, paths: ReportPaths, columns: inout SourceColumns) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("level", .string(d.severity == .error ? "error" : "warning")),
            ("message", .object([("text", .string(d.detail.isEmpty ? d.summary : "\(d.summary): \(d.detail)"))])),
            ("descriptor", .object([("id", .string(d.code.rawValue))])),
        ]
        if let file = d.file {
            members.append(("locations", .array([location(file: file, range: d.subject, resource: nil, paths: paths, columns: &columns)])))
        }
        return .object(members)
    }

    // MARK: Mappings

    /// GitHub shows error, warning and note; critical and high findings must stop a merge.
    static func level(_ s: Severity) -> String {
        switch s {
        case .critical, .high: return "error"
        case .medium: return "warning"
        case .low, .info: return "note"
        }
    }

    /// GitHub's numeric score: over 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low.
    static func securitySeverity(_ s: Severity) -> String {
        switch s {
        case .critical: return "9.5"
        case .high: return "8.0"
        case .medium: return "5.5"
        case .low: return "3.0"
        case .info: return "1.0"
        }
    }

    private static func int(_ n: Int) -> JSONValue { .number(String(n)) }

    private static func nonEmpty(_ candidates: String...) -> String {
        candidates.first { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? ""
    }

    private static func limit(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }

    private static func isWebURI(_ s: String) -> Bool {
        guard s.hasPrefix("https://") || s.hasPrefix("http://"), !s.contains(where: \.isWhitespace) else { return false }
        return URL(string: s) != nil
    }
}
