import Foundation
import HCL
import Policy
import Terraform
import Testing

@Suite struct EngineTests {
    static var versioning: Check { Catalog.check(named: "AL-AWS-S3-001")! }

    @Test func connectionThroughALocalIsSeen() throws {
        let findings = try scan("""
            resource "aws_s3_bucket" "logs" {
              bucket = "logs"
            }
            locals {
              bucket_id = aws_s3_bucket.logs.id
            }
            resource "aws_s3_bucket_versioning" "logs" {
              bucket = local.bucket_id
              versioning_configuration {
                status = "Enabled"
              }
            }
            """, checks: [Self.versioning])
        #expect(findings.map(\.status) == [.passed])
    }

    @Test func forEachConnectsInstancesWithTheSameKey() throws {
        let findings = try scan("""
            resource "aws_s3_bucket" "b" {
              for_each = toset(["a", "b", "c"])
              bucket   = "bucket-${each.key}"
            }
            resource "aws_s3_bucket_versioning" "v" {
              for_each = toset(["a", "c"])
              bucket   = aws_s3_bucket.b[each.key].id
              versioning_configuration {
                status = "Enabled"
              }
            }
            """, checks: [Self.versioning])
        let failed = findings.filter { $0.status == .failed }.map(\.resource)
        #expect(failed == ["aws_s3_bucket.b[\"b\"]"])
        #expect(findings.filter { $0.status == .passed }.count == 2)
    }

    @Test func forEachOverTheBucketsConnectsEachInstance() throws {
        let findings = try scan("""
            resource "aws_s3_bucket" "b" {
              for_each = toset(["a", "b"])
              bucket   = "bucket-${each.key}"
            }
            resource "aws_s3_bucket_versioning" "v" {
              for_each = aws_s3_bucket.b
              bucket   = each.value.id
              versioning_configuration {
                status = "Enabled"
              }
            }
            """, checks: [Self.versioning])
        #expect(findings.map(\.status) == [.passed, .passed])
    }

    @Test func unknownStatusIsReportedUnknown() throws {
        let findings = try scan("""
            resource "terraform_data" "mode" {}
            resource "aws_s3_bucket" "b" {
              bucket = "b"
            }
            resource "aws_s3_bucket_versioning" "v" {
              bucket = aws_s3_bucket.b.id
              versioning_configuration {
                status = terraform_data.mode.output
              }
            }
            """, checks: [Self.versioning])
        #expect(findings.map(\.status) == [.unknown])
        #expect(findings.first?.unknownPaths.first?.contains("versioning_configuration") == true)
    }

    @Test func findingsPointAtTheAttribute() throws {
        let findings = try scan("""
            resource "aws_s3_bucket" "b" {
              bucket = "b"
            }
            resource "aws_s3_bucket_versioning" "v" {
              bucket = aws_s3_bucket.b.id
              versioning_configuration {
                status = "Suspended"
              }
            }
            """, checks: [Self.versioning])
        #expect(findings.first?.status == .failed)
        #expect(findings.first?.range?.start.line == 1)
    }

    @Test func planConnectionsComeFromTheConfigurationSection() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let plan = root.appendingPathComponent("Tests/Corpus/eval/20-module-basic-bucket/plan.json").path
        guard case .plan(let p) = try TerraformDocument.read(path: plan) else {
            Issue.record("not read as a plan")
            return
        }
        let findings = PolicyEngine(checks: [Self.versioning], moduleChecks: []).run(p.resourceInstances)
        #expect(findings.filter { $0.status == .failed }.map(\.resource) == ["module.logs.aws_s3_bucket.this"])
        #expect(findings.filter { $0.status == .passed }.map(\.resource) == ["module.assets.aws_s3_bucket.this"])
    }
}
