import Foundation
import HCL
@testable import Policy
import Terraform
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

// MARK: - Fixtures

/// A check's metadata for report tests, with characters reports must escape.
private func metadata(_ id: String, severity: Severity, title: String = "A <check> & \"its\" 'title'") -> CheckMetadata {
    CheckMetadata(
        id: id, aliases: ["CKV_AWS_\(id.suffix(3))"], title: title, description: "Why it matters.", severity: severity,
        category: .encryption, service: "s3", resourceTypes: ["aws_s3_bucket"], remediation: "Fix it.",
        snippet: "resource \"aws_s3_bucket\" \"b\" {\n  # ```\n}", references: ["https://example.org/doc", "https://example.org/more"])
}

private func range(_ l1: Int, _ c1: Int, _ b1: Int, _ l2: Int, _ c2: Int, _ b2: Int) -> SourceRange {
    SourceRange(start: SourcePos(line: l1, column: c1, byte: b1), end: SourcePos(line: l2, column: c2, byte: b2))
}

/// A directory with `main.tf` and `plan.json`, removed when the test ends.
private struct Workspace: ~Copyable {
    let root: String
    init(main: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("airlock-report-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/modules/x", withIntermediateDirectories: true)
        try main.write(toFile: root + "/main.tf", atomically: true, encoding: .utf8)
        try "{}".write(toFile: root + "/plan.json", atomically: true, encoding: .utf8)
        try "resource \"aws_s3_bucket\" \"m\" {}\n".write(toFile: root + "/modules/x/main.tf", atomically: true, encoding: .utf8)
    }
    deinit { try? FileManager.default.removeItem(atPath: root) }
}

/// `main.tf` of the synthetic report: line 2 holds non-ASCII text before the attribute, so
/// grapheme and UTF-16 columns differ there.
private let mainTF = """
    resource "aws_s3_bucket" "b" {
      tags = { n = "👩‍💻é" } ; acl = "public-read"
      password = "hunter2-do-not-print"
    }

    """

/// One finding of each kind a report must render.
private func syntheticReport(root: String) -> ScanReport {
    let high = metadata("AL-AWS-S3-900", severity: .high)
    let low = metadata("AL-AWS-S3-901", severity: .low, title: "Low")
    let critical = metadata("AL-AWS-S3-902", severity: .critical, title: "Critical")
    let main = root + "/main.tf"
    // `acl` on line 2: grapheme column 25 (the emoji and é count one each), UTF-16 column 29.
    let line2 = "  tags = { n = \"👩‍💻é\" } ; "
    let aclByte = "resource \"aws_s3_bucket\" \"b\" {\n".utf8.count + line2.utf8.count
    let acl = range(2, line2.count + 1, aclByte, 2, line2.count + 20, aclByte + 19)
    let block = range(1, 1, 0, 5, 1, mainTF.utf8.count)
    return ScanReport(
        target: root,
        findings: [
            Finding(check: low, status: .passed, resource: "aws_s3_bucket.ok", resourceType: "aws_s3_bucket", file: main, range: .at(.start), message: "Low"),
            Finding(check: high, status: .failed, resource: "aws_s3_bucket.b", resourceType: "aws_s3_bucket", file: main, range: acl,
                    path: "acl", message: "Bucket is public: <acl> & \"x\"\u{1}\u{FFFE}."),
            Finding(check: low, status: .failed, resource: "aws_s3_bucket.b", resourceType: "aws_s3_bucket", file: main, range: .at(.start),
                    message: "Something is missing."),
            Finding(check: critical, status: .failed, resource: "aws_s3_bucket.b", resourceType: "aws_s3_bucket", file: main, range: block,
                    message: "The whole block."),
            Finding(check: high, status: .unknown, resource: "aws_s3_bucket.u[\"k\"]", resourceType: "aws_s3_bucket", file: root + "/plan.json",
                    range: nil, path: "policy", message: "The policy is computed", unknownPaths: ["policy", "grant[0].id"]),
            Finding(check: high, status: .suppressed, resource: "module.x.aws_s3_bucket.m", resourceType: "aws_s3_bucket",
                    file: root + "/modules/x/main.tf", range: range(1, 1, 0, 1, 10, 9), message: "Suppressed one.",
                    suppression: Suppression(id: "AL-AWS-S3-900", reason: "Public website", expires: "2030-01-01", source: "airlock:ignore")),
            Finding(check: low, status: .suppressed, resource: "aws_s3_bucket.c", resourceType: "aws_s3_bucket", file: main, range: .at(.start),
                    message: "In the baseline.", suppression: Suppression(id: "AL-AWS-S3-901", reason: nil, source: "baseline")),
            Finding(check: low, status: .failed, resource: "aws_s3_bucket.cloud", resourceType: "aws_s3_bucket", file: nil, range: nil,
                    message: "Seen in the cloud."),
        ],
        diagnostics: [
            Diagnostic(code: .attributeRedefined, summary: "Attribute redefined", detail: "An argument named \"x\" is not expected here.",
                       subject: range(3, 3, 80, 3, 4, 81), file: main),
        ],
        checksRun: 3, resourcesScanned: 5)
}

// MARK: - SARIF invariants (what the schema cannot say; scripts/validate-reports.sh checks the schema)

/// Problems with a SARIF log that GitHub code scanning or the SARIF spec would reject.
func sarifProblems(_ text: String) -> [String] {
    var problems: [String] = []
    guard let log = try? JSONParser.parse(text) else { return ["not JSON"] }
    if log["version"]?.stringValue != "2.1.0" { problems.append("version is not 2.1.0") }
    if log["$schema"]?.stringValue != SARIFReport.schemaURI { problems.append("$schema missing") }
    guard let runs = log["runs"]?.arrayValue, runs.count == 1, let run = runs.first else { return problems + ["not exactly one run"] }
    guard let driver = run["tool"]?["driver"], driver["name"]?.stringValue == "airlock", driver["version"]?.stringValue?.isEmpty == false else {
        return problems + ["tool.driver lacks name or version"]
    }
    let rules = driver["rules"]?.arrayValue ?? []
    let ids = rules.compactMap { $0["id"]?.stringValue }
    if ids != ids.sorted() || Set(ids).count != ids.count || ids.count != rules.count { problems.append("rule IDs not unique and sorted: \(ids)") }
    for rule in rules {
        let id = rule["id"]?.stringValue ?? "?"
        for key in ["shortDescription", "fullDescription", "help"] where (rule[key]?["text"]?.stringValue ?? "").isEmpty {
            problems.append("\(id): \(key).text is empty")
        }
        if rule["help"]?["markdown"]?.stringValue?.isEmpty != false { problems.append("\(id): help.markdown is empty") }
        if !["note", "warning", "error"].contains(rule["defaultConfiguration"]?["level"]?.stringValue ?? "") { problems.append("\(id): bad default level") }
        if let score = rule["properties"]?["security-severity"]?.stringValue.flatMap(Double.init), score > 0, score <= 10 {} else {
            problems.append("\(id): security-severity is not a score in (0, 10]")
        }
        if rule["properties"]?["tags"]?.arrayValue?.contains(.string("security")) != true { problems.append("\(id): no security tag") }
    }
    let bases = run["originalUriBaseIds"]
    if run["columnKind"]?.stringValue != "utf16CodeUnits" { problems.append("columnKind is not utf16CodeUnits") }
    for (i, result) in (run["results"]?.arrayValue ?? []).enumerated() {
        let at = "results[\(i)]"
        let ruleId = result["ruleId"]?.stringValue
        guard let index = result["ruleIndex"].flatMap({ if case .number(let n) = $0 { return Int(n) } else { return nil } }),
              index >= 0, index < ids.count, ids[index] == ruleId else {
            problems.append("\(at): ruleIndex does not name rule \(ruleId ?? "nil")")
            continue
        }
        let kind = result["kind"]?.stringValue ?? "fail", level = result["level"]?.stringValue
        if kind == "fail", !["note", "warning", "error"].contains(level ?? "") { problems.append("\(at): failing result with level \(level ?? "nil")") }
        // SARIF §3.27.10: any kind but "fail" has level "none".
        if kind != "fail", level != "none" { problems.append("\(at): kind \(kind) with level \(level ?? "nil")") }
        if (result["message"]?["text"]?.stringValue ?? "").isEmpty { problems.append("\(at): empty message") }
        let hash = result["partialFingerprints"]?["primaryLocationLineHash"]?.stringValue ?? ""
        if hash.count != 16 || !hash.allSatisfy(\.isHexDigit) { problems.append("\(at): fingerprint \(hash)") }
        let locations = result["locations"]?.arrayValue ?? []
        if locations.count != 1 { problems.append("\(at): \(locations.count) locations") }
        for location in locations {
            if location["logicalLocations"]?.arrayValue?.first?["fullyQualifiedName"]?.stringValue?.isEmpty != false {
                problems.append("\(at): no logical location")
            }
            guard let physical = location["physicalLocation"] else { continue }
            let artifact = physical["artifactLocation"]
            let uri = artifact?["uri"]?.stringValue ?? ""
            if uri.isEmpty || uri.contains("://") || uri.hasPrefix("/") { problems.append("\(at): uri \(uri) is not relative") }
            if let base = artifact?["uriBaseId"]?.stringValue, bases?[base]?["uri"]?.stringValue?.hasSuffix("/") == true {} else {
                problems.append("\(at): uriBaseId not declared in originalUriBaseIds")
            }
            if let region = physical["region"] { problems += regionProblems(region, at: at) }
        }
        for s in result["suppressions"]?.arrayValue ?? [] where !["inSource", "external"].contains(s["kind"]?.stringValue ?? "") {
            problems.append("\(at): suppression kind \(s["kind"]?.stringValue ?? "nil")")
        }
    }
    return problems
}

private func regionProblems(_ region: JSONValue, at: String) -> [String] {
    func int(_ key: String) -> Int? {
        if case .number(let n)? = region[key] { return Int(n) }
        return nil
    }
    guard let startLine = int("startLine"), startLine >= 1 else { return ["\(at): startLine is not 1-based"] }
    let startColumn = int("startColumn") ?? 1, endLine = int("endLine") ?? startLine
    var problems: [String] = []
    if startColumn < 1 { problems.append("\(at): startColumn \(startColumn) is not 1-based") }
    if endLine < startLine { problems.append("\(at): endLine before startLine") }
    if let endColumn = int("endColumn") {
        if int("startColumn") == nil { problems.append("\(at): endColumn without startColumn") }
        if endColumn < 1 || (endLine == startLine && endColumn < startColumn) { problems.append("\(at): endColumn \(endColumn) before startColumn \(startColumn)") }
    }
    return problems
}

private func region(_ log: String, result: Int) -> [String: Int] {
    let value = try! JSONParser.parse(log)
    let region = value["runs"]?.arrayValue?[0]["results"]?.arrayValue?[result]["locations"]?.arrayValue?[0]["physicalLocation"]?["region"]
    var out: [String: Int] = [:]
    for (k, v) in region?.objectMembers ?? [] { if case .number(let n) = v { out[k] = Int(n) } }
    return out
}

// MARK: - JUnit parsing

/// The elements of an XML document in order (name and attributes), or the parser's error.
final class XMLElements: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text: [String: String] = [:]
    private var current: [String] = []

    static func parse(_ xml: String) -> Result<XMLElements, Error> {
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = XMLElements()
        parser.delegate = collector
        // XMLParser on Linux can return true while recording an error: check both.
        let ok = parser.parse()
        if let error = parser.parserError { return .failure(error) }
        if !ok { return .failure(CocoaError(.propertyListReadCorrupt)) }
        return .success(collector)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes))
        current.append(name)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        current.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let name = current.last { text[name, default: ""] += string }
    }

    func all(_ name: String) -> [[String: String]] { elements.filter { $0.name == name }.map(\.attributes) }
}

// MARK: - Tests

@Suite struct ReportTests {
    @Test func sarifOfEveryKindOfFindingHoldsTheInvariants() throws {
        let ws = try Workspace(main: mainTF)
        let log = SARIFReport.render(syntheticReport(root: ws.root), tool: .airlock, sourceRoot: ws.root)
        #expect(sarifProblems(log) == [])
        let value = try JSONParser.parse(log)
        let run = value["runs"]!.arrayValue![0]
        let results = run["results"]!.arrayValue!
        #expect(results.count == 7, "passed findings are not results")
        #expect(run["tool"]?["driver"]?["rules"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["AL-AWS-S3-900", "AL-AWS-S3-901", "AL-AWS-S3-902"])
        #expect(results.map { $0["level"]?.stringValue } == ["error", "note", "error", "none", "error", "note", "note"])
        #expect(results.map { $0["kind"]?.stringValue } == ["fail", "fail", "fail", "review", "fail", "fail", "fail"])
        #expect(results[3]["message"]?["text"]?.stringValue == "The policy is computed. Known only after apply: policy, grant[0].id.")
        #expect(results[4]["suppressions"]?.arrayValue?.first?["kind"]?.stringValue == "inSource")
        #expect(results[4]["suppressions"]?.arrayValue?.first?["justification"]?.stringValue == "Public website (until 2030-01-01) [airlock:ignore]")
        #expect(results[5]["suppressions"]?.arrayValue?.first?["kind"]?.stringValue == "external")
        #expect(results[4]["locations"]?.arrayValue?[0]["physicalLocation"]?["artifactLocation"]?["uri"]?.stringValue == "modules/x/main.tf")
        #expect(run["originalUriBaseIds"]?["%SRCROOT%"]?["uri"]?.stringValue == "file://" + ReportPaths(root: ws.root).root + "/")
        #expect(run["invocations"]?.arrayValue?[0]["executionSuccessful"] == .bool(false), "an error diagnostic means the scan is incomplete")
        #expect(run["invocations"]?.arrayValue?[0]["toolExecutionNotifications"]?.arrayValue?.count == 1)
    }

    @Test func sarifColumnsAreUTF16AndEndColumnsExclusive() throws {
        let ws = try Workspace(main: mainTF)
        let log = SARIFReport.render(syntheticReport(root: ws.root), tool: .airlock, sourceRoot: ws.root)
        // `acl = "public-read"` after 👩‍💻 (5 UTF-16 units, 1 grapheme) and é (1 and 1).
        let prefix = "  tags = { n = \"👩‍💻é\" } ; "
        #expect(region(log, result: 0) == ["startLine": 2, "startColumn": prefix.utf16.count + 1, "endLine": 2, "endColumn": prefix.utf16.count + 20])
        // Something missing: the resource's first line, whole.
        #expect(region(log, result: 1) == ["startLine": 1])
        // A block that ends at the start of line 5 ends, for a reader, after `}` on line 4.
        #expect(region(log, result: 2) == ["startLine": 1, "startColumn": 1, "endLine": 4, "endColumn": 2])
        // A plan has no ranges: the file only.
        let plan = try JSONParser.parse(log)["runs"]!.arrayValue![0]["results"]!.arrayValue![3]["locations"]!.arrayValue![0]
        #expect(plan["physicalLocation"]?["region"] == nil)
        #expect(plan["physicalLocation"]?["artifactLocation"]?["uri"]?.stringValue == "plan.json")
    }

    @Test func columnsFallBackToGraphemesWhenTheSourceIsGone() {
        var columns = SourceColumns(read: { _ in nil })
        let r = columns.region(range(2, 26, 60, 2, 45, 79), in: "/nonexistent.tf")
        #expect(r?.start == .init(line: 2, column: 26) && r?.end == .init(line: 2, column: 45))
        #expect(columns.region(.at(SourcePos(line: 3, column: 1, byte: 9)), in: "/x.tf") == nil)
    }

    @Test func reportsAreTheSameBytesEveryTime() throws {
        let ws = try Workspace(main: mainTF)
        let report = syntheticReport(root: ws.root)
        #expect(SARIFReport.render(report, tool: .airlock, sourceRoot: ws.root) == SARIFReport.render(report, tool: .airlock, sourceRoot: ws.root))
        #expect(JUnitReport.render(report, sourceRoot: ws.root) == JUnitReport.render(report, sourceRoot: ws.root))
    }

    @Test func reportsCopyNoSourceText() throws {
        let ws = try Workspace(main: mainTF)
        let report = syntheticReport(root: ws.root)
        for text in [SARIFReport.render(report, tool: .airlock, sourceRoot: ws.root), JUnitReport.render(report, sourceRoot: ws.root)] {
            #expect(!text.contains("hunter2"), "a value from the source reached the report")
            #expect(!text.contains("public-read"))
        }
    }

    @Test func fingerprintIgnoresLinesButNotResourceRuleOrFile() {
        let paths = ReportPaths(root: "/repo")
        let m = metadata("AL-AWS-S3-900", severity: .high)
        func f(_ resource: String, _ line: Int, file: String = "/repo/main.tf", check: CheckMetadata? = nil) -> String {
            let finding = Finding(check: check ?? m, status: .failed, resource: resource, resourceType: "aws_s3_bucket", file: file,
                                  range: range(line, 3, line * 10, line, 9, line * 10 + 6), message: "m")
            return SARIFReport.fingerprints(finding, paths: paths).first?.1.stringValue ?? ""
        }
        #expect(f("aws_s3_bucket.b", 3) == f("aws_s3_bucket.b", 40))
        #expect(f("aws_s3_bucket.b", 3) != f("aws_s3_bucket.c", 3))
        #expect(f("aws_s3_bucket.b", 3) != f("aws_s3_bucket.b", 3, file: "/repo/other.tf"))
        #expect(f("aws_s3_bucket.b", 3) != f("aws_s3_bucket.b", 3, check: metadata("AL-AWS-S3-901", severity: .high)))
    }

    /// FNV-1a 64 reference values from the algorithm's published test suite.
    @Test(arguments: [("", 0xcbf2_9ce4_8422_2325 as UInt64), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8)])
    func fnv1aMatchesItsReferenceValues(_ input: String, _ expected: UInt64) {
        #expect(StableHash.fnv1a64(Array(input.utf8)) == expected)
    }

    @Test(arguments: [
        (Severity.critical, "error", "9.5"), (.high, "error", "8.0"), (.medium, "warning", "5.5"), (.low, "note", "3.0"), (.info, "note", "1.0"),
    ])
    func severityMapsToGitHubLevelsAndScores(_ s: Severity, _ level: String, _ score: String) {
        #expect(SARIFReport.level(s) == level)
        #expect(SARIFReport.securitySeverity(s) == score)
    }

    @Test(arguments: [
        ("/repo", "/repo/main.tf", "main.tf"),
        ("/repo", "/repo/modules/a b/main.tf", "modules/a%20b/main.tf"),
        ("/repo/infra", "/repo/modules/x/main.tf", "../modules/x/main.tf"),
        ("/repo", "/repo/./x/../main.tf", "main.tf"),
        ("/repo", "/repo/#100%.tf", "%23100%25.tf"),
    ])
    func urisAreRelativeAndPercentEncoded(_ root: String, _ file: String, _ uri: String) {
        #expect(ReportPaths(root: root).uri(file) == uri)
    }

    @Test func theSourceRootIsTheWorkingDirectoryWhenItHoldsTheTarget() throws {
        let ws = try Workspace(main: mainTF)
        let canonical = ReportPaths(root: ws.root).root
        #expect(ReportPaths(target: ws.root + "/modules", workingDirectory: ws.root).root == canonical)
        #expect(ReportPaths(target: ws.root + "/plan.json", workingDirectory: ws.root).root == canonical)
        #expect(ReportPaths(target: ws.root + "/modules/x", workingDirectory: "/nonexistent-cwd").root == canonical + "/modules/x")
        #expect(ReportPaths(target: ws.root + "/plan.json", workingDirectory: "/nonexistent-cwd").root == canonical)
    }

    @Test func junitIsWellFormedWithCountsThatAddUp() throws {
        let ws = try Workspace(main: mainTF)
        let xml = JUnitReport.render(syntheticReport(root: ws.root), sourceRoot: ws.root)
        let doc = try XMLElements.parse(xml).get()
        #expect(doc.elements.first?.name == "testsuites")
        let suites = doc.all("testsuite")
        #expect(suites.map { $0["name"] ?? "" } == [
            "AL-AWS-S3-900 A <check> & \"its\" 'title'", "AL-AWS-S3-901 Low", "AL-AWS-S3-902 Critical", "Input diagnostics",
        ])
        #expect(suites.map { [$0["tests"], $0["failures"], $0["errors"], $0["skipped"]] } == [
            ["3", "1", "0", "2"], ["4", "2", "0", "1"], ["1", "1", "0", "0"], ["1", "0", "1", "0"],
        ])
        #expect(doc.all("testsuites").first.map { [$0["tests"], $0["failures"], $0["errors"]] } == ["9", "4", "1"])
        #expect(doc.all("testcase").count == 9)
        let failure = doc.all("failure").first
        // Quotes and markup survive; control characters and U+FFFE are gone.
        #expect(failure?["message"] == "Bucket is public: <acl> & \"x\".")
        #expect(failure?["type"] == "high")
        #expect(doc.all("skipped").map { $0["message"] ?? "" } == [
            "Unknown until apply (policy, grant[0].id): The policy is computed",
            "Suppressed by airlock:ignore: Public website (until 2030-01-01)",
            "Suppressed by baseline: no reason given",
        ])
        #expect(doc.all("testcase").first.map { [$0["classname"], $0["name"]] } == ["aws_s3_bucket", "aws_s3_bucket.b"])
        #expect(doc.text["failure"]?.contains("main.tf:2:25: Bucket is public") == true)
        #expect(doc.text["failure"]?.contains("Remediation: Fix it.") == true)
    }

    @Test(arguments: [
        ("a & b", "a &amp; b"), ("<x>", "&lt;x&gt;"), ("\"q\" 'a'", "&quot;q&quot; &apos;a&apos;"),
        ("line\nnext\ttab\r", "line&#10;next&#9;tab&#13;"), ("bell\u{7}\u{0}\u{1B}[31m\u{FFFE}\u{85}", "bell[31m"), ("é👩‍💻", "é👩‍💻"),
    ])
    func xmlAttributesAreEscaped(_ input: String, _ escaped: String) throws {
        #expect(XMLEscaping.attribute(input) == escaped)
        let doc = try XMLElements.parse("<a v=\"\(escaped)\"/>").get()
        #expect(doc.elements.first?.attributes["v"] == String(String.UnicodeScalarView(input.unicodeScalars.filter(XMLEscaping.isAllowed))))
    }

    @Test func xmlTextEscapesMarkupAndKeepsLines() throws {
        let input = "]]> <tag> & \"quotes\"\nnext\u{1}"
        let doc = try XMLElements.parse("<a>\(XMLEscaping.text(input))</a>").get()
        #expect(doc.text["a"] == "]]> <tag> & \"quotes\"\nnext")
    }

    /// Every check's failing example, rendered: real ranges from the evaluator, so every
    /// region must satisfy the invariants and lie inside the file it names.
    @Test func everyCatalogFailureRendersAValidSARIFRegion() throws {
        for check in Catalog.all {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airlock-report-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try check.failingExample.write(toFile: dir + "/main.tf", atomically: true, encoding: .utf8)
            let evaluated = TerraformEvaluator.evaluate(directory: dir)
            let findings = PolicyEngine(checks: [check], moduleChecks: []).run(evaluated.instances, modules: evaluated.modules)
            let report = ScanReport(target: dir, findings: findings, diagnostics: [], checksRun: 1, resourcesScanned: evaluated.instances.count)
            let log = SARIFReport.render(report, tool: .airlock, sourceRoot: dir)
            #expect(sarifProblems(log) == [], "\(check.id)")
            let lines = try String(contentsOfFile: dir + "/main.tf", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            let results = try JSONParser.parse(log)["runs"]?.arrayValue?[0]["results"]?.arrayValue ?? []
            for (i, _) in results.enumerated() {
                let r = region(log, result: i)
                guard let line = r["startLine"] else { continue }
                #expect(line <= lines.count, "\(check.id): line \(line) past the end")
                if let end = r["endLine"], let endColumn = r["endColumn"], end <= lines.count {
                    #expect(endColumn <= lines[end - 1].utf16.count + 1, "\(check.id): endColumn \(endColumn) past line \(end)")
                }
            }
            #expect(try XMLElements.parse(JUnitReport.render(report, sourceRoot: dir)).get().all("testsuite").count == 1, "\(check.id)")
        }
    }

    /// The secrets checks' failing examples hold literal credentials: no literal value of
    /// the example (a quoted string of 8 characters or more that is not a name the report
    /// legitimately shows) may reach either report.
    @Test func secretsFromFailingExamplesNeverReachAReport() throws {
        let resourceChecks = Catalog.all.filter { $0.metadata.category == .secrets }.map { ($0.metadata, $0.failingExample, [$0], [ModuleCheck]()) }
        let moduleChecks = Catalog.moduleChecks.filter { $0.metadata.category == .secrets }.map { ($0.metadata, $0.failingExample, [Check](), [$0]) }
        // Some examples hold only literals the check's own text quotes ("changeme123").
        var examined = 0
        defer { #expect(examined >= 5, "only \(examined) secrets examples had a literal to look for") }
        for (m, example, checks, modules) in resourceChecks + moduleChecks {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airlock-report-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try example.write(toFile: dir + "/main.tf", atomically: true, encoding: .utf8)
            let evaluated = TerraformEvaluator.evaluate(directory: dir)
            let findings = PolicyEngine(checks: checks, moduleChecks: modules).run(evaluated.instances, modules: evaluated.modules)
            #expect(findings.contains { $0.status == .failed }, "\(m.id)")
            let report = ScanReport(target: dir, findings: findings, diagnostics: evaluated.diagnostics, checksRun: 1, resourcesScanned: 0)
            let shown = ([m.title, m.description, m.remediation, m.remediationSnippet] + findings.flatMap { [$0.resource, $0.resourceType] }).joined(separator: "\n")
            // The quoted strings of each line: every other piece between quotes.
            let quoted = example.split(separator: "\n").flatMap { line in
                line.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            }
            let values = quoted.filter { $0.count >= 8 && !shown.contains($0) }
            if !values.isEmpty { examined += 1 }
            for text in [SARIFReport.render(report, tool: .airlock, sourceRoot: dir), JUnitReport.render(report, sourceRoot: dir)] {
                for value in values { #expect(!text.contains(value), "\(m.id): the value \(value) reached a report") }
            }
        }
    }

    static let corpus: [String] = {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Corpus/eval").standardized.path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.map { dir + "/" + $0 }
    }()

    /// The whole catalog over the evaluation corpus, configuration and plan alike.
    @Test func corpusScansRenderValidReports() throws {
        #expect(Self.corpus.count >= 40, "the evaluation corpus is missing")
        for dir in Self.corpus {
            var reports: [ScanReport] = []
            let evaluated = TerraformEvaluator.evaluate(directory: dir)
            let engine = PolicyEngine()
            reports.append(ScanReport(target: dir, findings: engine.run(evaluated.instances, modules: evaluated.modules),
                                      diagnostics: evaluated.diagnostics, checksRun: engine.checks.count, resourcesScanned: evaluated.instances.count))
            if case .plan(let plan)? = try? TerraformDocument.read(path: dir + "/plan.json") {
                reports.append(ScanReport(target: dir + "/plan.json", findings: engine.run(plan.resourceInstances), diagnostics: [],
                                          checksRun: engine.checks.count, resourcesScanned: plan.resourceInstances.count))
            }
            for report in reports {
                #expect(sarifProblems(SARIFReport.render(report, tool: .airlock, sourceRoot: dir)) == [], "\(report.target)")
                let junit = JUnitReport.render(report, sourceRoot: dir)
                let doc = try XMLElements.parse(junit).get()
                #expect(doc.all("testcase").count == report.findings.count + report.diagnostics.count, "\(report.target)")
            }
        }
    }
}
