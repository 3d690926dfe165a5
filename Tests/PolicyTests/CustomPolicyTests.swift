import Foundation
import HCL
@testable import Policy
import Terraform
import Testing

/// Writes policy files to a fresh directory and loads them as `--policy-dir` does.
func loadPolicies(_ files: [String: String]) throws -> (checks: [Check], diagnostics: [Diagnostic], directory: String) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airlock-policies-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    for (name, text) in files {
        let path = dir + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
    let (checks, diagnostics) = CustomPolicies.load(directory: dir)
    return (checks, diagnostics, dir)
}

/// A policy file around one `definition` body (indented by two spaces).
func policy(id: String = "CKV2_CUSTOM_1", name: String = "test policy", severity: String = "HIGH", _ definition: String) -> String {
    """
    metadata:
      id: "\(id)"
      name: "\(name)"
      category: "GENERAL_SECURITY"
      severity: "\(severity)"
    definition:
    \(definition.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))

    """
}

/// Runs checks on every managed instance whose type they judge, `*` (resource_types: all)
/// included, as the engine does.
func judge(_ checks: [Check], _ source: String) throws -> [Finding] {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airlock-custom-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try source.write(toFile: dir + "/main.tf", atomically: true, encoding: .utf8)
    let result = TerraformEvaluator.evaluate(directory: dir)
    let everything = checks.filter { $0.metadata.resourceTypes.contains(Check.everyResourceType) }
    var findings = PolicyEngine(checks: checks.filter { !everything.map(\.id).contains($0.id) }, moduleChecks: []).run(result.instances)
    let context = CheckContext(graph: ResourceGraph(result.instances), settings: PolicySettings())
    for check in everything {
        for instance in result.instances where instance.mode == .managed {
            switch check.evaluate(instance, context) {
            case .passed:
                findings.append(Finding(check: check.metadata, status: .passed, resource: instance.address, resourceType: instance.type, file: nil, range: nil, message: ""))
            case .failed(let path, let message):
                findings.append(Finding(check: check.metadata, status: .failed, resource: instance.address, resourceType: instance.type, file: nil, range: nil, path: path, message: message))
            case .unknown(let paths, let message):
                findings.append(Finding(check: check.metadata, status: .unknown, resource: instance.address, resourceType: instance.type, file: nil, range: nil, message: message, unknownPaths: paths))
            case .notApplicable: break
            }
        }
    }
    return findings
}

/// `resource: status` for each finding, sorted, for compact expectations.
func outcomes(_ findings: [Finding]) -> [String] {
    findings.map { "\($0.resource): \($0.status.rawValue)" }.sorted()
}

struct OperatorCase: CustomTestStringConvertible, Sendable {
    var attribute: String
    var op: String
    var value: String?
    var holds: Bool
    var testDescription: String { "\(attribute) \(op)\(value.map { " \($0)" } ?? "") → \(holds ? "pass" : "fail")" }

    init(_ attribute: String, _ op: String, _ value: String?, _ holds: Bool) {
        self.attribute = attribute
        self.op = op
        self.value = value
        self.holds = holds
    }
}

@Suite struct CustomPolicyTests {
    /// One resource whose `input` holds a value of every shape the operators look at.
    static let subject = """
        resource "terraform_data" "t" {
          input = {
            name    = "web-prod"
            port    = 22
            ratio   = 0.5
            enabled = true
            off     = false
            tags    = ["a", "b"]
            empty   = []
            labels  = { Team = "core", Env = "prod" }
            text    = "hello big world"
            cidrs   = ["10.0.0.0/24", "10.1.0.0/16"]
            ports   = "1000-2000"
            nothing = null
            rules   = [{ cidr = "0.0.0.0/0", port = 22 }, { cidr = "10.0.0.0/8", port = 443 }]
            policy  = jsonencode({ Statement = [{ Action = "s3:*" }] })
          }
        }
        """

    static let subjectInstance: ResourceInstance = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airlock-operators-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try! subject.write(toFile: dir + "/main.tf", atomically: true, encoding: .utf8)
        return TerraformEvaluator.evaluate(directory: dir).instances[0]
    }()

    /// Every operator, each with a case that holds and one that does not, following
    /// Checkov's solvers (a missing attribute is Python's None).
    static let operatorCases: [OperatorCase] = [
        .init("input.name", "equals", "web-prod", true),
        .init("input.name", "equals", "web", false),
        .init("input.port", "equals", "22", true),
        .init("input.port", "equals", "\"22\"", true),
        .init("input.enabled", "equals", "true", true),
        .init("input.enabled", "equals", "\"True\"", true),
        .init("input.tags", "equals", "[a, b]", true),
        .init("input.missing", "equals", "x", false),
        .init("input.name", "not_equals", "web", true),
        .init("input.name", "not_equals", "web-prod", false),
        .init("input.missing", "not_equals", "x", true),
        .init("input.name", "regex_match", "\"^web-.*$\"", true),
        .init("input.name", "regex_match", "prod", false),
        .init("input.name", "not_regex_match", "\"^db\"", true),
        .init("input.name", "not_regex_match", "web", false),
        .init("input.name", "exists", nil, true),
        .init("input.missing", "exists", nil, false),
        .init("input.nothing", "exists", nil, false),
        .init("input.missing", "not_exists", nil, true),
        .init("input.name", "not_exists", nil, false),
        .init("input.tags", "contains", "a", true),
        .init("input.tags", "contains", "c", false),
        .init("input.text", "contains", "big", true),
        .init("input.labels", "contains", "Team", true),
        .init("input.labels", "contains", "core", true),
        .init("input.policy", "contains", "Statement", true),
        .init("input.missing", "contains", "x", false),
        .init("input.tags", "not_contains", "c", true),
        .init("input.tags", "not_contains", "a", false),
        .init("input.missing", "not_contains", "x", true),
        .init("input.name", "within", "[web-prod, db]", true),
        .init("input.name", "within", "[db]", false),
        .init("input.name", "not_within", "[db]", true),
        .init("input.name", "not_within", "[web-prod]", false),
        .init("input.name", "starting_with", "web", true),
        .init("input.name", "starting_with", "prod", false),
        .init("input.port", "starting_with", "\"2\"", false),
        .init("input.name", "not_starting_with", "db", true),
        .init("input.name", "not_starting_with", "web", false),
        .init("input.name", "ending_with", "prod", true),
        .init("input.name", "ending_with", "web", false),
        .init("input.name", "not_ending_with", "web", true),
        .init("input.name", "not_ending_with", "prod", false),
        .init("input.port", "greater_than", "21", true),
        .init("input.port", "greater_than", "22", false),
        .init("input.ratio", "greater_than", "0.1", true),
        .init("input.missing", "greater_than", "1", false),
        .init("input.name", "greater_than", "a", true),
        .init("input.port", "greater_than_or_equal", "22", true),
        .init("input.port", "greater_than_or_equal", "23", false),
        .init("input.port", "less_than", "23", true),
        .init("input.port", "less_than", "22", false),
        .init("input.missing", "less_than", "5", false),
        .init("input.port", "less_than_or_equal", "22", true),
        .init("input.port", "less_than_or_equal", "21", false),
        .init("input.tags", "subset", "[a, b, c]", true),
        .init("input.tags", "subset", "[a]", false),
        .init("input.tags", "not_subset", "[a]", true),
        .init("input.tags", "not_subset", "[a, b]", false),
        .init("input.empty", "is_empty", nil, true),
        .init("input.tags", "is_empty", nil, false),
        .init("input.missing", "is_empty", nil, false),
        .init("input.tags", "is_not_empty", nil, true),
        .init("input.empty", "is_not_empty", nil, false),
        .init("input.missing", "is_not_empty", nil, true),
        .init("input.tags", "length_equals", "2", true),
        .init("input.tags", "length_equals", "3", false),
        .init("input.text", "length_equals", "15", true),
        .init("input.labels", "length_equals", "1", true),
        .init("input.missing", "length_equals", "0", false),
        .init("input.tags", "length_not_equals", "3", true),
        .init("input.tags", "length_not_equals", "2", false),
        .init("input.tags", "length_greater_than", "1", true),
        .init("input.tags", "length_greater_than", "2", false),
        .init("input.tags", "length_greater_than_or_equal", "2", true),
        .init("input.tags", "length_greater_than_or_equal", "3", false),
        .init("input.tags", "length_less_than", "3", true),
        .init("input.tags", "length_less_than", "2", false),
        .init("input.tags", "length_less_than_or_equal", "2", true),
        .init("input.tags", "length_less_than_or_equal", "1", false),
        .init("input.enabled", "is_true", nil, true),
        .init("input.off", "is_true", nil, false),
        .init("input.missing", "is_true", nil, false),
        .init("input.name", "is_true", nil, false),
        .init("input.off", "is_false", nil, true),
        .init("input.enabled", "is_false", nil, false),
        .init("input.missing", "is_false", nil, true),
        .init("input.tags", "intersects", "[b, z]", true),
        .init("input.tags", "intersects", "[y, z]", false),
        .init("input.tags", "intersects", "a", true),
        .init("input.tags", "not_intersects", "[y, z]", true),
        .init("input.tags", "not_intersects", "[a]", false),
        .init("input.name", "equals_ignore_case", "WEB-PROD", true),
        .init("input.name", "equals_ignore_case", "web", false),
        .init("input.name", "not_equals_ignore_case", "web", true),
        .init("input.name", "not_equals_ignore_case", "Web-Prod", false),
        .init("input.ports", "range_includes", "1500", true),
        .init("input.ports", "range_includes", "22", false),
        .init("input.port", "range_includes", "22", true),
        .init("input.port", "range_includes", "\"20-30\"", true),
        .init("input.missing", "range_includes", "22", false),
        .init("input.ports", "range_not_includes", "22", true),
        .init("input.ports", "range_not_includes", "1000", false),
        .init("input.text", "number_of_words_equals", "3", true),
        .init("input.text", "number_of_words_equals", "2", false),
        .init("input.text", "number_of_words_not_equals", "2", true),
        .init("input.text", "number_of_words_greater_than", "2", true),
        .init("input.text", "number_of_words_greater_than", "3", false),
        .init("input.text", "number_of_words_greater_than_or_equal", "3", true),
        .init("input.text", "number_of_words_less_than", "4", true),
        .init("input.text", "number_of_words_less_than", "3", false),
        .init("input.text", "number_of_words_less_than_or_equal", "3", true),
        .init("input.text", "number_of_words_less_than_or_equal", "2", false),
        .init("input.cidrs", "cidr_range_subset", "10.0.0.0/8", true),
        .init("input.cidrs", "cidr_range_subset", "10.0.0.0/16", false),
        .init("input.cidrs", "cidr_range_not_subset", "10.0.0.0/16", true),
        .init("input.cidrs", "cidr_range_not_subset", "[10.0.0.0/16, 10.1.0.0/16]", false),
        // Wildcards: any match decides, except for not_contains, where every match must.
        .init("input.rules.*.cidr", "equals", "0.0.0.0/0", true),
        .init("input.rules.*.cidr", "equals", "192.168.0.0/16", false),
        .init("input.rules.*.port", "greater_than", "100", true),
        .init("input.rules.*.cidr", "not_contains", "0.0.0.0", false),
        .init("input.rules.*.cidr", "not_contains", "192.168", true),
        .init("input.rules.1.port", "equals", "443", true),
        // Several blocks and no wildcard: the path reaches nothing, as in Checkov.
        .init("input.rules.cidr", "equals", "0.0.0.0/0", false),
        .init("input.rules.cidr", "not_exists", nil, true),
    ]

    @Test(arguments: operatorCases)
    func attributeOperator(_ c: OperatorCase) throws {
        var definition = "cond_type: attribute\nresource_types: [terraform_data]\nattribute: \(c.attribute)\noperator: \(c.op)"
        if let v = c.value { definition += "\nvalue: \(v)" }
        let (checks, diagnostics, _) = try loadPolicies(["p.yaml": policy(definition)])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.summary))")
        let check = try #require(checks.first)
        let verdict = check.evaluate(Self.subjectInstance, CheckContext(graph: ResourceGraph([Self.subjectInstance]), settings: PolicySettings()))
        if c.holds {
            #expect(verdict == .passed, "\(verdict)")
        } else {
            guard case .failed = verdict else {
                Issue.record("expected a failure, got \(verdict)")
                return
            }
        }
    }

    @Test func everyOperatorIsCovered() {
        let tested = Set(Self.operatorCases.map(\.op))
        let missing = CheckovOperator.allCases.map(\.rawValue).filter { !tested.contains($0) && $0 != "any" }
        #expect(missing.isEmpty, "untested operators: \(missing)")
    }

    @Test func anyOperatorPassesEveryResourceOfItsTypes() throws {
        let (checks, _, _) = try loadPolicies(["p.yaml": policy("cond_type: attribute\nresource_types: [terraform_data]\noperator: any")])
        let findings = try judge(checks, Self.subject)
        #expect(outcomes(findings) == ["terraform_data.t: passed"])
    }

    // MARK: Terraform shapes

    @Test func nestedBlocksReadAsCheckovReadsThem() throws {
        let (checks, diagnostics, _) = try loadPolicies([
            "versioning.yaml": policy(id: "CKV2_CUSTOM_1", "cond_type: attribute\nresource_types: [aws_s3_bucket]\nattribute: versioning.enabled\noperator: equals\nvalue: true"),
            "ingress.yaml": policy(id: "CKV2_CUSTOM_2", "cond_type: attribute\nresource_types: [aws_security_group]\nattribute: ingress.*.cidr_blocks\noperator: not_contains\nvalue: 0.0.0.0/0"),
            "from-port.yaml": policy(id: "CKV2_CUSTOM_3", "cond_type: attribute\nresource_types: [aws_security_group]\nattribute: ingress.from_port\noperator: equals\nvalue: 22"),
        ])
        #expect(diagnostics.isEmpty)
        let findings = try judge(checks, """
            resource "aws_s3_bucket" "versioned" {
              bucket = "versioned"
              versioning {
                enabled = true
              }
            }
            resource "aws_s3_bucket" "plain" {
              bucket = "plain"
            }
            resource "aws_security_group" "single" {
              ingress {
                from_port   = 22
                to_port     = 22
                protocol    = "tcp"
                cidr_blocks = ["10.0.0.0/8"]
              }
            }
            resource "aws_security_group" "multi" {
              ingress {
                from_port   = 22
                to_port     = 22
                protocol    = "tcp"
                cidr_blocks = ["10.0.0.0/8"]
              }
              ingress {
                from_port   = 443
                to_port     = 443
                protocol    = "tcp"
                cidr_blocks = ["0.0.0.0/0"]
              }
            }
            """)
        let byCheck = Dictionary(grouping: findings, by: \.check.id).mapValues(outcomes)
        #expect(byCheck["CKV2_CUSTOM_1"] == ["aws_s3_bucket.plain: failed", "aws_s3_bucket.versioned: passed"])
        #expect(byCheck["CKV2_CUSTOM_2"] == ["aws_security_group.multi: failed", "aws_security_group.single: passed"])
        // One ingress block stands for the block itself; two need an index or `*` (Checkov).
        #expect(byCheck["CKV2_CUSTOM_3"] == ["aws_security_group.multi: failed", "aws_security_group.single: passed"])
        let multi = try #require(findings.first { $0.check.id == "CKV2_CUSTOM_2" && $0.status == .failed })
        // `ingress` is a set: its elements are in Terraform's set order, not source order.
        #expect(multi.path.hasPrefix("ingress[") && multi.path.hasSuffix("].cidr_blocks"), "\(multi.path)")
    }

    @Test func valueKnownOnlyAfterApplyIsUnknownNamingThePath() throws {
        let (checks, _, _) = try loadPolicies([
            "name.yaml": policy(id: "CKV2_CUSTOM_1", "cond_type: attribute\nresource_types: [aws_s3_bucket_public_access_block]\nattribute: bucket\noperator: equals\nvalue: logs"),
            "exists.yaml": policy(id: "CKV2_CUSTOM_2", "cond_type: attribute\nresource_types: [aws_s3_bucket_public_access_block]\nattribute: bucket\noperator: exists"),
        ])
        let findings = try judge(checks, """
            resource "aws_s3_bucket" "logs" {
              bucket_prefix = "logs-"
            }
            resource "aws_s3_bucket_public_access_block" "logs" {
              bucket = aws_s3_bucket.logs.id
            }
            """)
        let unknown = try #require(findings.first { $0.check.id == "CKV2_CUSTOM_1" })
        #expect(unknown.status == .unknown)
        #expect(unknown.unknownPaths == ["bucket"])
        // The attribute is written, so it exists even though its value waits for apply.
        #expect(findings.first { $0.check.id == "CKV2_CUSTOM_2" }?.status == .passed)
    }

    // MARK: Connections, filters and logic

    static let buckets = """
        resource "aws_s3_bucket" "guarded" {
          bucket = "guarded"
        }
        resource "aws_s3_bucket_public_access_block" "guarded" {
          bucket                  = aws_s3_bucket.guarded.id
          block_public_acls       = true
          block_public_policy     = true
          ignore_public_acls      = true
          restrict_public_buckets = true
        }
        resource "aws_s3_bucket" "half" {
          bucket = "half"
        }
        resource "aws_s3_bucket_public_access_block" "half" {
          bucket            = aws_s3_bucket.half.id
          block_public_acls = false
        }
        resource "aws_s3_bucket" "bare" {
          bucket = "bare"
        }
        resource "aws_s3_bucket_public_access_block" "orphan" {
          bucket = "someone-elses-bucket"
        }
        """

    @Test func connectionExistsJudgesBothEnds() throws {
        // As in Checkov's docs: every bucket must have a public access block connected.
        let (checks, diagnostics, _) = try loadPolicies(["pab.yaml": policy("""
            cond_type: connection
            resource_types:
              - aws_s3_bucket
            connected_resource_types:
              - aws_s3_bucket_public_access_block
            operator: exists
            """)])
        #expect(diagnostics.isEmpty)
        // Checkov reports the unconnected access block too; this was checked against checkov 3.3.
        #expect(outcomes(try judge(checks, Self.buckets)) == [
            "aws_s3_bucket.bare: failed", "aws_s3_bucket.guarded: passed", "aws_s3_bucket.half: passed",
            "aws_s3_bucket_public_access_block.guarded: passed", "aws_s3_bucket_public_access_block.half: passed",
            "aws_s3_bucket_public_access_block.orphan: failed",
        ])
        let bare = try #require(try judge(checks, Self.buckets).first { $0.resource == "aws_s3_bucket.bare" })
        #expect(bare.message.contains("connected to no aws_s3_bucket_public_access_block"))
    }

    @Test func connectionWithAttributeConditionsAndFilter() throws {
        // The connected access block must also block public ACLs; only buckets are reported.
        let (checks, diagnostics, _) = try loadPolicies(["pab.yaml": policy("""
            and:
              - cond_type: connection
                resource_types: [aws_s3_bucket]
                connected_resource_types: [aws_s3_bucket_public_access_block]
                operator: exists
              - cond_type: attribute
                resource_types: [aws_s3_bucket_public_access_block]
                attribute: block_public_acls
                operator: equals
                value: true
              - cond_type: filter
                attribute: resource_type
                operator: within
                value: [aws_s3_bucket]
            """)])
        #expect(diagnostics.isEmpty)
        #expect(checks.first?.metadata.resourceTypes == ["aws_s3_bucket"])
        let findings = try judge(checks, Self.buckets)
        #expect(outcomes(findings) == ["aws_s3_bucket.bare: failed", "aws_s3_bucket.guarded: passed", "aws_s3_bucket.half: failed"])
        let half = try #require(findings.first { $0.resource == "aws_s3_bucket.half" })
        #expect(half.message.contains("aws_s3_bucket_public_access_block.half"), "\(half.message)")
    }

    @Test func connectionNotExists() throws {
        let (checks, _, _) = try loadPolicies(["p.yaml": policy("""
            and:
              - cond_type: connection
                resource_types: [aws_s3_bucket]
                connected_resource_types: [aws_s3_bucket_public_access_block]
                operator: not_exists
              - cond_type: filter
                attribute: resource_type
                operator: within
                value: [aws_s3_bucket]
            """)])
        #expect(outcomes(try judge(checks, Self.buckets)) == [
            "aws_s3_bucket.bare: passed", "aws_s3_bucket.guarded: failed", "aws_s3_bucket.half: failed",
        ])
    }

    @Test func orAndNotMix() throws {
        // A bucket ACL may be public only when the bucket is tagged as a public website, and
        // a bucket may never be public-read-write.
        let (checks, diagnostics, _) = try loadPolicies(["acl.yaml": policy("""
            and:
              - or:
                  - not:
                      cond_type: attribute
                      resource_types: [aws_s3_bucket_acl]
                      attribute: acl
                      operator: within
                      value: [public-read, public-read-write]
                  - cond_type: attribute
                    resource_types: [aws_s3_bucket_acl]
                    attribute: tags.Purpose
                    operator: equals
                    value: website
                  - cond_type: attribute
                    resource_types: [aws_s3_bucket_acl]
                    attribute: expected_bucket_owner
                    operator: exists
              - cond_type: attribute
                resource_types: [aws_s3_bucket_acl]
                attribute: acl
                operator: not_equals
                value: public-read-write
            """)])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.detail))")
        let findings = try judge(checks, """
            resource "aws_s3_bucket_acl" "private" {
              bucket = "a"
              acl    = "private"
            }
            resource "aws_s3_bucket_acl" "public" {
              bucket = "b"
              acl    = "public-read"
            }
            resource "aws_s3_bucket_acl" "owned" {
              bucket                = "c"
              acl                   = "public-read"
              expected_bucket_owner = "123456789012"
            }
            resource "aws_s3_bucket_acl" "open" {
              bucket                = "d"
              acl                   = "public-read-write"
              expected_bucket_owner = "123456789012"
            }
            """)
        #expect(outcomes(findings) == [
            "aws_s3_bucket_acl.open: failed", "aws_s3_bucket_acl.owned: passed", "aws_s3_bucket_acl.private: passed",
            "aws_s3_bucket_acl.public: failed",
        ])
        let open = try #require(findings.first { $0.resource == "aws_s3_bucket_acl.open" })
        #expect(open.path == "acl" && open.range?.start.line == 16)
    }

    @Test func plainAndOverTwoTypesFailsTheOtherType() throws {
        // Checkov: outside a connection, an attribute condition on another type is false.
        let (checks, _, _) = try loadPolicies(["p.yaml": policy("""
            or:
              - cond_type: attribute
                resource_types: [aws_s3_bucket]
                attribute: force_destroy
                operator: is_false
              - cond_type: attribute
                resource_types: [aws_sqs_queue]
                attribute: sqs_managed_sse_enabled
                operator: is_true
            """)])
        #expect(checks.first?.metadata.resourceTypes == ["aws_s3_bucket", "aws_sqs_queue"])
        #expect(outcomes(try judge(checks, """
            resource "aws_s3_bucket" "b" {
              bucket        = "b"
              force_destroy = true
            }
            resource "aws_sqs_queue" "q" {
              sqs_managed_sse_enabled = true
            }
            """)) == ["aws_s3_bucket.b: failed", "aws_sqs_queue.q: passed"])
    }

    @Test func resourceTypesAllAndResourceDenyList() throws {
        let (checks, _, _) = try loadPolicies([
            "tags.yaml": policy(id: "CKV2_CUSTOM_1", "cond_type: attribute\nresource_types: all\nattribute: tags.Owner\noperator: exists"),
            "deny.yaml": policy(id: "CKV2_CUSTOM_2", "cond_type: resource\nresource_types: [aws_iam_user]\noperator: not_exists"),
        ])
        #expect(checks.map(\.metadata.resourceTypes) == [["*"], ["*"]])
        let findings = try judge(checks, """
            resource "aws_s3_bucket" "b" {
              bucket = "b"
              tags   = { Owner = "team-a" }
            }
            resource "aws_iam_user" "u" {
              name = "u"
            }
            """)
        let byCheck = Dictionary(grouping: findings, by: \.check.id).mapValues(outcomes)
        #expect(byCheck["CKV2_CUSTOM_1"] == ["aws_iam_user.u: failed", "aws_s3_bucket.b: passed"])
        #expect(byCheck["CKV2_CUSTOM_2"] == ["aws_iam_user.u: failed"])
    }

    // MARK: Loading

    @Test func metadataBecomesCheckMetadata() throws {
        let (checks, diagnostics, dir) = try loadPolicies(["p.yml": """
            metadata:
              id: "CKV2_CUSTOM_7"
              name: "Buckets have an owner tag"
              category: "LOGGING"
              severity: "critical"
              guideline: "https://wiki.example.com/tagging"
            definition:
              cond_type: attribute
              resource_types: [aws_s3_bucket]
              attribute: tags.Owner
              operator: exists
            """])
        #expect(diagnostics.isEmpty)
        let m = try #require(checks.first?.metadata)
        #expect(m.id == "CKV2_CUSTOM_7" && m.title == "Buckets have an owner tag")
        #expect(m.severity == .critical && m.category == .logging && m.provider == "aws" && m.service == "custom")
        #expect(m.references == ["https://wiki.example.com/tagging"])
        #expect(m.description.contains(dir + "/p.yml"))
    }

    struct BadPolicy: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var summary: String
        var line: Int
        var column: Int?
        var testDescription: String { name }
    }

    static let badPolicies: [BadPolicy] = [
        BadPolicy(name: "YAML syntax error", text: "metadata:\n  id: \"X\n  name: a\n", summary: "not valid YAML", line: 4),
        BadPolicy(name: "bad indentation", text: "metadata:\n  id: X\n name: y\n", summary: "not valid YAML", line: 3),
        BadPolicy(name: "missing metadata.id", text: policy("cond_type: attribute\nattribute: a\noperator: exists").replacingOccurrences(of: "  id: \"CKV2_CUSTOM_1\"\n", with: ""),
                  summary: "no metadata.id", line: 1, column: 1),
        BadPolicy(name: "definition is not a mapping", text: "metadata:\n  id: A\n  name: B\n  category: IAM\ndefinition: [1]\n",
                  summary: "A condition must be a mapping", line: 5, column: 13),
        BadPolicy(name: "unknown operator", text: policy("cond_type: attribute\nresource_types: [aws_s3_bucket]\nattribute: acl\noperator: equal\nvalue: private"),
                  summary: "Unknown operator \"equal\"", line: 10, column: 13),
        BadPolicy(name: "unknown cond_type", text: policy("cond_type: attribut\nresource_types: [aws_s3_bucket]\nattribute: acl\noperator: equals\nvalue: private"),
                  summary: "Unknown cond_type \"attribut\"", line: 7, column: 14),
        BadPolicy(name: "missing value", text: policy("cond_type: attribute\nresource_types: [aws_s3_bucket]\nattribute: acl\noperator: equals"),
                  summary: "no value", line: 7),
        BadPolicy(name: "jsonpath operator", text: policy("cond_type: attribute\nresource_types: [aws_s3_bucket]\nattribute: acl\noperator: jsonpath_equals\nvalue: private"),
                  summary: "JSONPath operators are not supported", line: 10),
        BadPolicy(name: "invalid regex", text: policy("cond_type: attribute\nresource_types: [aws_s3_bucket]\nattribute: acl\noperator: regex_match\nvalue: \"(unclosed\""),
                  summary: "Invalid regular expression", line: 11, column: 10),
        BadPolicy(name: "not with two children", text: policy("not:\n  - cond_type: attribute\n    attribute: a\n    operator: exists\n  - cond_type: attribute\n    attribute: b\n    operator: exists"),
                  summary: "`not` takes exactly one condition", line: 8),
        BadPolicy(name: "missing cond_type", text: policy("resource_types: [aws_s3_bucket]\nattribute: acl\noperator: exists"),
                  summary: "no cond_type", line: 7),
        BadPolicy(name: "connection without connected types", text: policy("cond_type: connection\nresource_types: [aws_s3_bucket]\noperator: exists"),
                  summary: "no connected_resource_types", line: 7),
        BadPolicy(name: "unknown severity", text: policy(severity: "SEVERE", "cond_type: attribute\nattribute: a\noperator: exists"),
                  summary: "Unknown severity", line: 5, column: 13),
    ]

    @Test(arguments: badPolicies)
    func malformedPolicyIsADiagnosticWithItsPosition(_ c: BadPolicy) throws {
        let (checks, diagnostics, dir) = try loadPolicies(["bad.yaml": c.text])
        #expect(checks.isEmpty)
        let d = try #require(diagnostics.first { $0.severity == .error }, "no error for \(c.name)")
        #expect(d.code == .invalidPolicyFile)
        #expect(d.summary.contains(c.summary), "\(d.summary)")
        #expect(d.file == dir + "/bad.yaml")
        #expect(d.subject?.start.line == c.line, "\(d.summary) at \(d.subject.map(\.description) ?? "nil")")
        if let column = c.column { #expect(d.subject?.start.column == column, "\(d.subject.map(\.description) ?? "nil")") }
    }

    @Test func unknownOperatorSuggestsTheClosest() throws {
        let (_, diagnostics, _) = try loadPolicies(["p.yaml": policy("cond_type: attribute\nattribute: acl\noperator: not_equal\nvalue: x")])
        #expect(diagnostics.first?.detail.contains("Did you mean \"not_equals\"?") == true)
    }

    @Test func customIDsMayNotReuseBuiltInIDsOrAliasesOrEachOther() throws {
        let body = "cond_type: attribute\nattribute: acl\noperator: exists"
        let (checks, diagnostics, _) = try loadPolicies([
            "a.yaml": policy(id: "AL-AWS-S3-001", body),
            "b.yaml": policy(id: "ckv_aws_21", body),
            "c.yaml": policy(id: "CKV2_CUSTOM_1", body),
            "d/e.yaml": policy(id: "CKV2_CUSTOM_1", body),
        ])
        #expect(checks.map(\.id) == ["CKV2_CUSTOM_1"])
        #expect(diagnostics.map(\.summary) == [
            "Policy ID AL-AWS-S3-001 is already taken", "Policy ID ckv_aws_21 is already taken", "Policy ID CKV2_CUSTOM_1 is already taken",
        ])
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.subject?.start.line == 2 })
        #expect(diagnostics[1].detail.contains("AL-AWS-S3-001"), "the alias names the built-in check it belongs to")
    }

    @Test func checkovDocumentationExamplesLoad() throws {
        let dir = Repository.path("Tests/Corpus/policies/checkov")
        let files = CustomPolicies.policyFiles(in: dir)
        #expect(files.count >= 6)
        let (checks, diagnostics) = CustomPolicies.load(directory: dir)
        #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.file ?? ""): \($0.summary)" })")
        #expect(checks.count == files.count)
    }
}

/// Paths inside the repository, found from this file's location.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
