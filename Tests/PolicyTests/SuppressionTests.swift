import Foundation
import HCL
@testable import Policy
import Terraform
import Testing

/// A configuration written to a fresh directory, evaluated and scanned as `airlock scan` does.
struct ScannedConfiguration {
    var directory: String
    var findings: [Finding]
    var modules: [ModuleConfig]

    init(_ files: [String: String], checks: [Check] = [Catalog.check(named: "AL-AWS-S3-001")!], directory: String? = nil) throws {
        let dir = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("airlock-suppress-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        let result = TerraformEvaluator.evaluate(directory: dir)
        self.directory = dir
        self.modules = result.modules
        self.findings = PolicyEngine(checks: checks, moduleChecks: []).run(result.instances, modules: result.modules)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}

struct SuppressionCase: CustomTestStringConvertible, Sendable {
    var name: String
    var source: String
    var status: Finding.Status
    var suppressionSource: String?
    var messageNote: String?
    var diagnostic: String?
    var testDescription: String { name }
}

@Suite struct SuppressionTests {
    static let today = "2026-06-01"

    static let cases: [SuppressionCase] = [
        SuppressionCase(
            name: "airlock:ignore inside the block, by ID",
            source: """
                resource "aws_s3_bucket" "b" {
                  # airlock:ignore AL-AWS-S3-001 reason="static site, rebuilt from git"
                  bucket = "b"
                }
                """,
            status: .suppressed, suppressionSource: "airlock:ignore"),
        SuppressionCase(
            name: "airlock:ignore above the header with //, by Checkov alias, not yet expired",
            source: """
                // Website bucket.
                // airlock:ignore CKV_AWS_21 reason='no versioning: public website' expires=2026-06-01
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }
                """,
            status: .suppressed, suppressionSource: "airlock:ignore"),
        SuppressionCase(
            name: "several IDs in one directive",
            source: """
                resource "aws_s3_bucket" "b" { # airlock:ignore AL-AWS-S3-002,AL-AWS-S3-001 reason="legacy"
                  bucket = "b"
                }
                """,
            status: .suppressed, suppressionSource: "airlock:ignore"),
        SuppressionCase(
            name: "checkov:skip inside the block, through the alias",
            source: """
                resource "aws_s3_bucket" "b" {
                  #checkov:skip=CKV_AWS_21:The bucket holds disposable build output
                  bucket = "b"
                }
                """,
            status: .suppressed, suppressionSource: "checkov:skip"),
        SuppressionCase(
            name: "a suppression without a reason is not applied",
            source: """
                resource "aws_s3_bucket" "b" {
                  # airlock:ignore AL-AWS-S3-001
                  bucket = "b"
                }
                """,
            status: .failed, messageNote: "it gives no reason", diagnostic: "Suppression without a reason"),
        SuppressionCase(
            name: "checkov:skip without a reason is not applied",
            source: """
                resource "aws_s3_bucket" "b" {
                  #checkov:skip=CKV_AWS_21
                  bucket = "b"
                }
                """,
            status: .failed, messageNote: "it gives no reason", diagnostic: "Suppression without a reason"),
        SuppressionCase(
            name: "an expired suppression fails again",
            source: """
                resource "aws_s3_bucket" "b" {
                  # airlock:ignore AL-AWS-S3-001 reason="migrating" expires=2026-05-31
                  bucket = "b"
                }
                """,
            status: .failed, messageNote: "expired on 2026-05-31", diagnostic: "Suppression expired on 2026-05-31"),
        SuppressionCase(
            name: "an impossible date is malformed",
            source: """
                resource "aws_s3_bucket" "b" {
                  # airlock:ignore AL-AWS-S3-001 reason="x" expires=2026-02-30
                  bucket = "b"
                }
                """,
            status: .failed, messageNote: "malformed", diagnostic: "Malformed suppression"),
        SuppressionCase(
            name: "another check's ID leaves the finding alone",
            source: """
                resource "aws_s3_bucket" "b" {
                  # airlock:ignore AL-AWS-S3-002 reason="encryption is handled elsewhere"
                  bucket = "b"
                }
                """,
            status: .failed),
        SuppressionCase(
            name: "an unknown ID is reported",
            source: """
                resource "aws_s3_bucket" "b" {
                  # airlock:ignore AL-AWS-S3-999 reason="typo"
                  bucket = "b"
                }
                """,
            status: .failed, diagnostic: "Suppression of an unknown check AL-AWS-S3-999"),
        SuppressionCase(
            name: "a blank line separates a comment from the block below",
            source: """
                # airlock:ignore AL-AWS-S3-001 reason="far away"

                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }
                """,
            status: .failed, diagnostic: "Suppression outside any block"),
        SuppressionCase(
            name: "checkov:skip above the block is not Checkov's syntax",
            source: """
                #checkov:skip=CKV_AWS_21:above
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }
                """,
            status: .failed, diagnostic: "Suppression outside any block"),
        SuppressionCase(
            name: "a directive inside a string is text",
            source: """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                  tags = {
                    Note = "# airlock:ignore AL-AWS-S3-001 reason=\\"not a comment\\""
                  }
                }
                """,
            status: .failed),
        SuppressionCase(
            name: "a directive in another block does not apply",
            source: """
                resource "aws_s3_bucket" "a" {
                  bucket = "a"
                }
                resource "aws_s3_bucket_versioning" "other" {
                  # airlock:ignore AL-AWS-S3-001 reason="wrong block"
                  bucket = "elsewhere"
                  versioning_configuration {
                    status = "Suspended"
                  }
                }
                """,
            status: .failed),
    ]

    @Test(arguments: cases)
    func inlineSuppression(_ c: SuppressionCase) throws {
        let scanned = try ScannedConfiguration(["main.tf": c.source])
        defer { scanned.remove() }
        let (findings, diagnostics) = Suppressions.apply(scanned.findings, modules: scanned.modules, today: Self.today)
        let f = try #require(findings.first { $0.check.id == "AL-AWS-S3-001" })
        #expect(f.status == c.status, "\(f.message)")
        #expect(f.suppression?.source == c.suppressionSource)
        if let note = c.messageNote { #expect(f.message.contains(note), "\(f.message)") }
        if let summary = c.diagnostic {
            let d = try #require(diagnostics.first { $0.summary == summary }, "\(diagnostics.map(\.summary))")
            #expect(d.severity == .warning && d.file == scanned.directory + "/main.tf" && d.subject != nil)
        } else {
            #expect(diagnostics.isEmpty, "\(diagnostics.map(\.summary))")
        }
    }

    @Test func suppressionKeepsReasonExpiryAndTheNameUsed() throws {
        let scanned = try ScannedConfiguration(["main.tf": """
            resource "aws_s3_bucket" "b" {
              count  = 2
              # airlock:ignore ckv_aws_21 reason="two legacy buckets" expires=2027-01-31
              bucket = "b-${count.index}"
            }
            """])
        defer { scanned.remove() }
        let (findings, _) = Suppressions.apply(scanned.findings, modules: scanned.modules, today: Self.today)
        #expect(findings.count == 2, "one suppression covers every instance of the block")
        for f in findings {
            #expect(f.status == .suppressed)
            #expect(f.suppression == Suppression(id: "ckv_aws_21", reason: "two legacy buckets", expires: "2027-01-31", source: "airlock:ignore"))
        }
    }

    @Test func unknownFindingsCanBeSuppressedAndPassedOnesStayPassed() throws {
        let scanned = try ScannedConfiguration(["main.tf": """
            variable "status" {
              type = string
            }
            resource "aws_s3_bucket" "u" {
              # airlock:ignore AL-AWS-S3-001 reason="status comes from the pipeline"
              bucket = "u"
            }
            resource "aws_s3_bucket_versioning" "u" {
              bucket = aws_s3_bucket.u.id
              versioning_configuration {
                status = timestamp()
              }
            }
            resource "aws_s3_bucket" "ok" {
              # airlock:ignore AL-AWS-S3-001 reason="not needed"
              bucket = "ok"
            }
            resource "aws_s3_bucket_versioning" "ok" {
              bucket = aws_s3_bucket.ok.id
              versioning_configuration {
                status = "Enabled"
              }
            }
            """])
        defer { scanned.remove() }
        #expect(scanned.findings.map(\.status).sorted { $0.rawValue < $1.rawValue } == [.passed, .unknown])
        let (findings, _) = Suppressions.apply(scanned.findings, modules: scanned.modules, today: Self.today)
        #expect(findings.first { $0.resource == "aws_s3_bucket.u" }?.status == .suppressed)
        #expect(findings.first { $0.resource == "aws_s3_bucket.ok" }?.status == .passed)
    }

    // MARK: Comments and directives

    struct CommentCase: CustomTestStringConvertible, Sendable {
        var name: String
        var source: String
        var comments: [String]
        var testDescription: String { name }
    }

    static let commentCases: [CommentCase] = [
        CommentCase(name: "hash and slashes", source: "a = 1 # one\n// two\nb = 2", comments: [" one", " two"]),
        CommentCase(name: "hash in a string", source: "a = \"x # y\" # real", comments: [" real"]),
        CommentCase(name: "escaped quote in a string", source: "a = \"x \\\" # y\" # real", comments: [" real"]),
        CommentCase(name: "string inside an interpolation", source: "a = \"${lookup(m, \"#k\")} # in\" # out", comments: [" out"]),
        CommentCase(name: "heredoc", source: "a = <<-EOT\n  # not a comment\n  EOT\n# after", comments: [" after"]),
        CommentCase(name: "block comment", source: "/* # no\n // no */ b = 1 // yes", comments: [" yes"]),
        CommentCase(name: "division is not a comment", source: "a = 4 / 2 # half", comments: [" half"]),
    ]

    @Test(arguments: commentCases)
    func commentScanner(_ c: CommentCase) {
        #expect(CommentScanner.comments(in: Array(c.source.utf8)).map(\.text) == c.comments)
    }

    @Test func commentRangesAndPlacement() {
        let comments = CommentScanner.comments(in: Array("x = 1\n  # alone\ny = 2 # trailing\n".utf8))
        #expect(comments.map(\.range.start.line) == [2, 3])
        #expect(comments.map(\.range.start.column) == [3, 7])
        #expect(comments.map(\.standsAlone) == [true, false])
    }

    struct DirectiveCase: CustomTestStringConvertible, Sendable {
        var comment: String
        var ids: [String]
        var reason: String?
        var expires: String?
        var problems: Int = 0
        var testDescription: String { comment }
    }

    static let directiveCases: [DirectiveCase] = [
        DirectiveCase(comment: " airlock:ignore AL-AWS-S3-001 reason=\"public website\" expires=2027-01-31",
                      ids: ["AL-AWS-S3-001"], reason: "public website", expires: "2027-01-31"),
        DirectiveCase(comment: " airlock:ignore A,B reason=plain", ids: ["A", "B"], reason: "plain"),
        DirectiveCase(comment: " airlock:ignore A reason=\"say \\\"hi\\\"\"", ids: ["A"], reason: "say \"hi\""),
        DirectiveCase(comment: " airlock:ignore A reason=\"  \"", ids: ["A"], reason: nil),
        DirectiveCase(comment: " airlock:ignore reason=\"x\"", ids: [], reason: "x", problems: 1),
        DirectiveCase(comment: " airlock:ignore A because", ids: ["A"], reason: nil, problems: 1),
        DirectiveCase(comment: " airlock:ignore A reason=x until=2027-01-01", ids: ["A"], reason: "x", problems: 1),
        DirectiveCase(comment: " airlock:ignore A reason=x expires=31/01/2027", ids: ["A"], reason: "x", expires: "31/01/2027", problems: 1),
        DirectiveCase(comment: "checkov:skip=CKV_AWS_20:The bucket is a public website", ids: ["CKV_AWS_20"], reason: "The bucket is a public website"),
        DirectiveCase(comment: " checkov:skip= CKV_AWS_20,CKV2_AWS_6: two", ids: ["CKV_AWS_20", "CKV2_AWS_6"], reason: "two"),
        DirectiveCase(comment: " bridgecrew:skip=CKV_AWS_20:old name", ids: ["CKV_AWS_20"], reason: "old name"),
    ]

    @Test(arguments: directiveCases)
    func directiveParsing(_ c: DirectiveCase) throws {
        let comment = LineComment(text: c.comment, range: .at(.start), standsAlone: true)
        let d = try #require(SuppressionDirective.parse(comment))
        #expect(d.ids == c.ids)
        #expect(d.reason == c.reason)
        #expect(d.expires == c.expires)
        #expect(d.problems.count == c.problems, "\(d.problems)")
    }

    @Test func ordinaryCommentsAreNotDirectives() {
        #expect(SuppressionDirective.parse(LineComment(text: " ignore AL-AWS-S3-001", range: .at(.start), standsAlone: true)) == nil)
    }

    // MARK: Baselines

    static let baselineSource = """
        resource "aws_s3_bucket" "a" {
          bucket = "a"
        }
        resource "aws_s3_bucket" "b" {
          bucket = "b"
        }
        """

    @Test func baselineAcceptsRecordedFindingsOnly() throws {
        let scanned = try ScannedConfiguration(["main.tf": Self.baselineSource])
        defer { scanned.remove() }
        let path = scanned.directory + "/.airlock-baseline.json"
        try Baseline.write(scanned.findings, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"file\": \"main.tf\""), "paths relative to the baseline's directory")
        #expect(!text.contains("\"line\""), "no line numbers")

        // Lines move and a new bucket appears: only the new one fails.
        let moved = try ScannedConfiguration(["main.tf": "# moved down\n\n" + Self.baselineSource + "\nresource \"aws_s3_bucket\" \"c\" {\n  bucket = \"c\"\n}\n"], directory: scanned.directory)
        let applied = try Baseline.apply(moved.findings, baselinePath: path)
        #expect(outcomes(applied) == ["aws_s3_bucket.a: suppressed", "aws_s3_bucket.b: suppressed", "aws_s3_bucket.c: failed"])
        #expect(applied.first?.suppression?.source == "baseline")
    }

    @Test func baselineIsDeterministic() throws {
        let scanned = try ScannedConfiguration(["main.tf": Self.baselineSource])
        defer { scanned.remove() }
        try Baseline.write(scanned.findings, to: scanned.directory + "/one.json")
        try Baseline.write(scanned.findings.reversed(), to: scanned.directory + "/two.json")
        let one = try String(contentsOfFile: scanned.directory + "/one.json", encoding: .utf8)
        #expect(one == (try String(contentsOfFile: scanned.directory + "/two.json", encoding: .utf8)))
        #expect(one.hasPrefix("{\n  \"airlock_baseline\": 1,"))
    }

    @Test func changingTheAttributeAtFaultMakesTheFindingNew() throws {
        let policyText = policy("cond_type: attribute\nresource_types: [aws_security_group_rule]\nattribute: cidr_blocks\noperator: not_contains\nvalue: 0.0.0.0/0")
        let (checks, _, _) = try loadPolicies(["p.yaml": policyText])
        let rule = { (cidrs: String) in
            """
            resource "aws_security_group_rule" "r" {
              type              = "ingress"
              from_port         = 22
              to_port           = 22
              protocol          = "tcp"
              security_group_id = "sg-123"
              cidr_blocks       = \(cidrs)
            }
            """
        }
        let before = try ScannedConfiguration(["main.tf": rule("[\"0.0.0.0/0\"]")], checks: checks)
        defer { before.remove() }
        try Baseline.write(before.findings, to: before.directory + "/b.json")
        let same = try ScannedConfiguration(["main.tf": "\n" + rule("[ \"0.0.0.0/0\" ]")], checks: checks, directory: before.directory)
        #expect(try Baseline.apply(same.findings, baselinePath: before.directory + "/b.json").map(\.status) == [.suppressed])
        let wider = try ScannedConfiguration(["main.tf": rule("[\"0.0.0.0/0\", \"10.0.0.0/8\"]")], checks: checks, directory: before.directory)
        #expect(try Baseline.apply(wider.findings, baselinePath: before.directory + "/b.json").map(\.status) == [.failed])
    }

    @Test func checkovBaselinesAreReadThroughAliases() throws {
        let scanned = try ScannedConfiguration(["main.tf": Self.baselineSource])
        defer { scanned.remove() }
        let path = scanned.directory + "/.checkov.baseline"
        try """
            {
              "failed_checks": [
                {"file": "/main.tf", "findings": [{"resource": "aws_s3_bucket.a", "check_ids": ["CKV_AWS_18", "CKV_AWS_21"]}]}
              ]
            }
            """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(outcomes(try Baseline.apply(scanned.findings, baselinePath: path)) == ["aws_s3_bucket.a: suppressed", "aws_s3_bucket.b: failed"])
    }

    struct BadBaseline: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var summary: String
        var line: Int?
        var column: Int?
        var testDescription: String { name }
    }

    static let badBaselines: [BadBaseline] = [
        BadBaseline(name: "truncated JSON", text: "{\n  \"airlock_baseline\": 1,\n  \"findings\": [\n", summary: "not valid JSON", line: 4, column: 1),
        BadBaseline(name: "trailing comma", text: "{\"airlock_baseline\": 1, \"findings\": [],}", summary: "not valid JSON", line: 1, column: 40),
        BadBaseline(name: "not a baseline", text: "{\"results\": []}", summary: "Not a baseline file", line: 1, column: 1),
        BadBaseline(name: "future version", text: "{\"airlock_baseline\": 2, \"findings\": []}", summary: "Unsupported baseline version"),
        BadBaseline(name: "entry without fingerprint", text: "{\"airlock_baseline\": 1, \"findings\": [{\"check\": \"X\"}]}", summary: "no fingerprint"),
    ]

    @Test(arguments: badBaselines)
    func malformedBaselineIsAClearError(_ c: BadBaseline) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airlock-baseline-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try c.text.write(toFile: dir + "/b.json", atomically: true, encoding: .utf8)
        do {
            _ = try Baseline.apply([], baselinePath: dir + "/b.json")
            Issue.record("no error for \(c.name)")
        } catch let e as BaselineError {
            #expect(e.summary.contains(c.summary), "\(e.summary)")
            #expect(e.line == c.line && e.column == c.column, "\(e.description)")
            #expect(e.diagnostic.code == .invalidBaseline && e.diagnostic.file == dir + "/b.json")
            #expect(e.description.hasPrefix(dir + "/b.json"))
        }
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256Hash.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Hash.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Hash.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}
