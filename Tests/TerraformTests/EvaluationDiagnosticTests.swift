import Foundation
import HCL
import Terraform
import Testing

/// A small configuration and the diagnostic Terraform would report for it.
struct DiagnosticCase: CustomTestStringConvertible, Sendable {
    var name: String
    var files: [String: String]
    var code: DiagnosticCode
    /// The file and line the diagnostic must point at.
    var file: String = "main.tf"
    var line: Int
    var options: EvaluationOptions = EvaluationOptions()
    var testDescription: String { name }
}

/// Writes a configuration to a fresh directory and evaluates it.
func evaluate(files: [String: String], options: EvaluationOptions = EvaluationOptions()) throws -> (EvaluationResult, String) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airlock-eval-\(UUID().uuidString)").path
    for (name, text) in files {
        let path = (dir as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
    return (TerraformEvaluator.evaluate(directory: dir, options: options), dir)
}

@Suite struct EvaluationDiagnosticTests {
    static let cases: [DiagnosticCase] = [
        DiagnosticCase(name: "undeclared variable", files: ["main.tf": """
            resource "terraform_data" "a" {
              input = var.missing
            }
            """], code: .undeclaredVariable, line: 2),
        DiagnosticCase(name: "undeclared local", files: ["main.tf": """
            output "x" {
              value = local.nope
            }
            """], code: .undeclaredLocal, line: 2),
        DiagnosticCase(name: "undeclared resource", files: ["main.tf": """
            resource "terraform_data" "a" {
              input = aws_s3_bucket.nowhere.arn
            }
            """], code: .undeclaredResource, line: 2),
        DiagnosticCase(name: "cycle between locals", files: ["main.tf": """
            locals {
              a = local.b
              b = local.c
              c = local.a
            }
            resource "terraform_data" "x" {
              input = local.a
            }
            """], code: .referenceCycle, line: 2),
        DiagnosticCase(name: "wrong variable type", files: ["main.tf": """
            variable "ports" {
              type    = list(number)
              default = ["eighty"]
            }
            """], code: .invalidVariableValue, line: 1),
        DiagnosticCase(name: "wrong -var type", files: ["main.tf": """
            variable "replicas" {
              type = number
            }
            """], code: .invalidVariableValue, line: 1,
            options: EvaluationOptions(vars: ["replicas=three"])),
        DiagnosticCase(name: "failed validation", files: ["main.tf": """
            variable "env" {
              type    = string
              default = "qa"
              validation {
                condition     = contains(["dev", "prod"], var.env)
                error_message = "env must be dev or prod."
              }
            }
            """], code: .variableValidationFailed, line: 5),
        DiagnosticCase(name: "missing required variable", files: ["main.tf": """
            variable "region" {}
            resource "terraform_data" "a" {
              input = var.region
            }
            """], code: .missingRequiredVariable, line: 1),
        DiagnosticCase(name: "count from a computed attribute", files: ["main.tf": """
            resource "terraform_data" "a" {}
            resource "terraform_data" "b" {
              count = length(terraform_data.a.id)
            }
            """], code: .invalidCount, line: 3),
        DiagnosticCase(name: "for_each over a list", files: ["main.tf": """
            resource "terraform_data" "a" {
              for_each = ["x", "y"]
            }
            """], code: .invalidForEach, line: 2),
        DiagnosticCase(name: "unsupported argument", files: ["main.tf": """
            resource "aws_s3_bucket" "b" {
              bucket   = "x"
              acl_mode = "public-read"
            }
            """], code: .unsupportedArgument, line: 3),
        DiagnosticCase(name: "undeclared module argument", files: [
            "main.tf": """
            module "m" {
              source = "./mod"
              colour = "red"
            }
            """,
            "mod/main.tf": "variable \"size\" {\n  default = 1\n}\n",
        ], code: .unsupportedArgument, line: 3),
        DiagnosticCase(name: "missing local module", files: ["main.tf": """
            module "m" {
              source = "./nowhere"
            }
            """], code: .moduleNotFound, line: 1),
        DiagnosticCase(name: "function error", files: ["main.tf": """
            locals {
              n = parseint("zz", 10)
            }
            resource "terraform_data" "a" {
              input = local.n
            }
            """], code: .invalidFunctionArgument, line: 2),
        DiagnosticCase(name: "syntax error", files: ["main.tf": """
            resource "terraform_data" "a" {
              input = [1, 2
            }
            """], code: .missingItemSeparator, line: 3),
        DiagnosticCase(name: "tfvars with an undeclared name is a warning", files: [
            "main.tf": "variable \"a\" {\n  default = 1\n}\n",
            "terraform.tfvars": "b = 2\n",
        ], code: .undeclaredVariable, file: "terraform.tfvars", line: 0),
    ]

    @Test(arguments: cases)
    func reportsLikeTerraform(_ c: DiagnosticCase) throws {
        let (result, dir) = try evaluate(files: c.files, options: c.options)
        let matching = result.diagnostics.filter { $0.code == c.code }
        #expect(!matching.isEmpty, "expected \(c.code.rawValue), got \(result.diagnostics.map { "\($0.code.rawValue) \($0.summary)" })")
        guard let d = matching.first else { return }
        #expect(d.file == (dir as NSString).appendingPathComponent(c.file), "file of \(d.summary)")
        if c.line > 0 { #expect(d.subject?.start.line == c.line, "line of \(d.summary): \(d.detail)") }
        #expect(!d.detail.isEmpty)
    }

    /// Evaluation goes on after an error: the other resources still get their values.
    @Test func evaluationContinuesAfterAnError() throws {
        let (result, _) = try evaluate(files: ["main.tf": """
            resource "terraform_data" "broken" {
              input = var.missing
            }
            resource "terraform_data" "fine" {
              input = upper("ok")
            }
            """])
        #expect(result.diagnostics.hasErrors)
        let fine = result.instances.first { $0.address == "terraform_data.fine" }
        #expect(fine?.values.attributes?["input"]?.stringValue == "OK")
        #expect(result.instances.contains { $0.address == "terraform_data.broken" })
    }
}
