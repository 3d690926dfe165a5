import Foundation
import HCL
import Terraform
import Testing

/// One attribute of one instance and what Terraform's plan would show for it.
struct AttributeCase: CustomTestStringConvertible, Sendable {
    enum Expected: Sendable {
        case json(String)
        case unknown
        case sensitive(String)
    }
    var name: String
    var files: [String: String]
    var address: String
    var attribute: String
    var expected: Expected
    var testDescription: String { name }
}

@Suite struct EvaluationTests {
    static let modules: [String: String] = [
        "main.tf": """
            module "a" {
              source   = "./modules/a"
              for_each = toset(["x", "y"])
              name     = each.key
            }
            """,
        "modules/a/main.tf": """
            variable "name" {}
            module "b" {
              source = "../b"
              prefix = "${var.name}-b"
            }
            """,
        "modules/b/main.tf": """
            variable "prefix" {}
            resource "aws_s3_bucket" "c" {
              count  = 2
              bucket = "${var.prefix}-${count.index}"
            }
            output "ids" {
              value = aws_s3_bucket.c[*].id
            }
            """,
    ]

    static let cases: [AttributeCase] = [
        AttributeCase(name: "computed attribute is unknown", files: ["main.tf": """
            resource "aws_s3_bucket" "b" {
              bucket = "logs"
            }
            """], address: "aws_s3_bucket.b", attribute: "arn", expected: .unknown),
        AttributeCase(name: "configured attribute is known", files: ["main.tf": """
            resource "aws_s3_bucket" "b" {
              bucket = "logs"
            }
            """], address: "aws_s3_bucket.b", attribute: "bucket", expected: .json("\"logs\"")),
        AttributeCase(name: "reference to a computed attribute is unknown", files: ["main.tf": """
            resource "aws_s3_bucket" "b" {
              bucket = "logs"
            }
            resource "aws_s3_bucket_versioning" "v" {
              bucket = aws_s3_bucket.b.id
              versioning_configuration {
                status = "Enabled"
              }
            }
            """], address: "aws_s3_bucket_versioning.v", attribute: "bucket", expected: .unknown),
        AttributeCase(name: "reference to a configured attribute is known", files: ["main.tf": """
            resource "aws_s3_bucket" "b" {
              bucket = "logs"
            }
            resource "terraform_data" "d" {
              input = "${aws_s3_bucket.b.bucket}-copy"
            }
            """], address: "terraform_data.d", attribute: "input", expected: .json("\"logs-copy\"")),
        AttributeCase(name: "timestamp is unknown", files: ["main.tf": """
            resource "terraform_data" "d" {
              input = "built ${timestamp()}"
            }
            """], address: "terraform_data.d", attribute: "input", expected: .unknown),
        AttributeCase(name: "schema converts numbers to strings", files: ["main.tf": """
            resource "aws_s3_bucket" "b" {
              bucket = "logs"
              tags   = { port = 8080, public = true }
            }
            """], address: "aws_s3_bucket.b", attribute: "tags", expected: .json("{\"port\":\"8080\",\"public\":\"true\"}")),
        AttributeCase(name: "dynamic blocks expand", files: ["main.tf": """
            variable "ports" {
              default = [22, 443]
            }
            resource "aws_security_group" "sg" {
              name = "web"
              dynamic "ingress" {
                for_each = var.ports
                content {
                  from_port   = ingress.value
                  to_port     = ingress.value
                  protocol    = "tcp"
                  cidr_blocks = ["0.0.0.0/0"]
                }
              }
            }
            """], address: "aws_security_group.sg", attribute: "ingress",
            expected: .json("[{\"cidr_blocks\":[\"0.0.0.0/0\"],\"description\":null,\"from_port\":22,\"ipv6_cidr_blocks\":null,\"prefix_list_ids\":null,\"protocol\":\"tcp\",\"security_groups\":null,\"self\":null,\"to_port\":22},{\"cidr_blocks\":[\"0.0.0.0/0\"],\"description\":null,\"from_port\":443,\"ipv6_cidr_blocks\":null,\"prefix_list_ids\":null,\"protocol\":\"tcp\",\"security_groups\":null,\"self\":null,\"to_port\":443}]")),
        AttributeCase(name: "sensitive variable stays sensitive", files: ["main.tf": """
            variable "password" {
              default   = "hunter2"
              sensitive = true
            }
            resource "terraform_data" "d" {
              input = "pw=${var.password}"
            }
            """], address: "terraform_data.d", attribute: "input", expected: .sensitive("\"pw=hunter2\"")),
        AttributeCase(name: "optional attributes take their defaults", files: ["main.tf": """
            variable "cfg" {
              type = object({
                name = string
                size = optional(number, 10)
                tags = optional(map(string), {})
              })
              default = { name = "a" }
            }
            resource "terraform_data" "d" {
              input = var.cfg
            }
            """], address: "terraform_data.d", attribute: "input", expected: .json("{\"name\":\"a\",\"size\":10,\"tags\":{}}")),
        AttributeCase(name: "nested module instances get Terraform's addresses", files: modules,
            address: "module.a[\"x\"].module.b.aws_s3_bucket.c[1]", attribute: "bucket", expected: .json("\"x-b-1\"")),
    ]

    @Test(arguments: cases)
    func attribute(_ c: AttributeCase) throws {
        let (result, _) = try evaluate(files: c.files)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map { "\($0.summary): \($0.detail)" })")
        guard let instance = result.instances.first(where: { $0.address == c.address }) else {
            Issue.record("no instance \(c.address); have \(result.instances.map(\.address))")
            return
        }
        guard let value = instance.values.attributes?[c.attribute] else {
            Issue.record("\(c.address) has no attribute \(c.attribute)")
            return
        }
        switch c.expected {
        case .unknown:
            #expect(!value.isWhollyKnown, "\(c.attribute) should be unknown, is \(value.jsonValue.compactText)")
            #expect(instance.unknownPaths.contains { $0 == c.attribute || $0.hasPrefix(c.attribute) })
        case .json(let text):
            #expect(value.jsonValue.compactText == text)
            #expect(!value.containsSensitive)
        case .sensitive(let text):
            #expect(value.jsonValue.compactText == text)
            #expect(value.containsSensitive)
        }
    }

    @Test func moduleExpansionAddresses() throws {
        let (result, _) = try evaluate(files: Self.modules)
        #expect(result.instances.map(\.address) == [
            "module.a[\"x\"].module.b.aws_s3_bucket.c[0]", "module.a[\"x\"].module.b.aws_s3_bucket.c[1]",
            "module.a[\"y\"].module.b.aws_s3_bucket.c[0]", "module.a[\"y\"].module.b.aws_s3_bucket.c[1]",
        ])
    }

    @Test func remoteModuleWithoutInitIsUnknownWithAReason() throws {
        let (result, _) = try evaluate(files: ["main.tf": """
            module "vpc" {
              source  = "terraform-aws-modules/vpc/aws"
              version = "5.0.0"
            }
            resource "terraform_data" "d" {
              input = module.vpc.vpc_id
            }
            """])
        #expect(result.diagnostics.contains { $0.code == .moduleNotInstalled && $0.severity == .warning })
        let d = result.instances.first { $0.address == "terraform_data.d" }
        #expect(d?.unknownPaths.contains("input") == true)
    }

    @Test func remoteModuleInstalledByInitIsEvaluated() throws {
        let (result, _) = try evaluate(files: [
            "main.tf": """
                module "vpc" {
                  source  = "terraform-aws-modules/vpc/aws"
                  version = "5.0.0"
                  cidr    = "10.1.0.0/16"
                }
                resource "terraform_data" "d" {
                  input = module.vpc.cidr
                }
                """,
            ".terraform/modules/modules.json": """
                {"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"vpc","Source":"registry.terraform.io/terraform-aws-modules/vpc/aws","Version":"5.0.0","Dir":".terraform/modules/vpc"}]}
                """,
            ".terraform/modules/vpc/main.tf": """
                variable "cidr" {}
                resource "aws_vpc" "this" {
                  cidr_block = var.cidr
                }
                output "cidr" {
                  value = aws_vpc.this.cidr_block
                }
                """,
        ])
        #expect(!result.diagnostics.contains { $0.code == .moduleNotInstalled })
        #expect(result.instances.contains { $0.address == "module.vpc.aws_vpc.this" })
        let d = result.instances.first { $0.address == "terraform_data.d" }
        #expect(d?.values.attributes?["input"]?.stringValue == "10.1.0.0/16")
    }

    @Test func deeplyNestedExpressionEvaluates() throws {
        // Each parenthesis is two levels of the parser's 2,000-level guard.
        let depth = 900
        let expr = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        let (result, _) = try evaluate(files: ["main.tf": "resource \"terraform_data\" \"d\" {\n  input = \(expr)\n}\n"])
        #expect(result.instances.first?.values.attributes?["input"]?.jsonValue.compactText == "1")
    }
}
