import Foundation
import HCL
import Testing
import TerraformFunctions

/// One expression and what Terraform 1.11 made of it (`scripts/gen-function-cases.sh`).
struct FunctionCase: CustomTestStringConvertible, Sendable {
    var family: String
    var name: String
    var expression: String
    var expectedType: JSONValue?
    var expectedValue: JSONValue?
    var expectedError: String?

    var testDescription: String { "\(family)/\(name)" }

    static let directory = "Tests/TerraformTests/Cases/functions"

    static let all: [FunctionCase] = {
        var cases: [FunctionCase] = []
        for file in Repository.list("\(directory)/expected") where file.hasSuffix(".json") {
            let family = String(file.dropLast(5))
            guard let bytes = try? Repository.read("\(directory)/expected/\(file)"),
                let records = (try? JSONParser.parse(bytes))?.arrayValue
            else { continue }
            for r in records {
                cases.append(FunctionCase(
                    family: family, name: r["name"]?.stringValue ?? "?", expression: r["expr"]?.stringValue ?? "",
                    expectedType: r["type"], expectedValue: r["value"],
                    expectedError: r["error"].map { $0["summary"]?.stringValue ?? "error" }))
            }
        }
        return cases
    }()

    /// Evaluates the expression as Terraform would in the case directory.
    func evaluate() -> (Value, [Diagnostic]) {
        let (expression, parseDiagnostics) = HCLParser.parseExpression(Array((self.expression + "\n").utf8), path: "<case>")
        if parseDiagnostics.hasErrors { return (.dynamicUnknown, parseDiagnostics) }
        let base = Repository.path(Self.directory)
        let context = EvalContext(
            resolver: VariableTable([
                "path": .object(["module": .string("."), "root": .string("."), "cwd": .string(base)]),
                "terraform": .object(["workspace": .string("default")]),
            ]),
            functions: TerraformFunctionLibrary.standard, baseDirectory: base)
        var evaluator = Evaluator()
        let value = evaluator.evaluate(expression, in: context)
        return (value, evaluator.diagnostics)
    }
}

@Suite struct FunctionCaseTests {
    /// Cases where Airlock knowingly differs from Terraform, with the reason.
    static let knownDivergences: [String: String] = [
        // Terraform's result is itself unknown ("known after apply" in the console); apply
        // stores unknown outputs as null, which is what the generated table recorded.
        "format/format_v_null": "unknown in Terraform too; the table holds apply's null",
        "format/format_hash_v_null": "unknown in Terraform too; the table holds apply's null",
    ]

    @Test func tableIsLargeEnough() {
        #expect(FunctionCase.all.count >= 300, "the function table must hold at least 300 Terraform-generated cases")
    }

    @Test(arguments: FunctionCase.all)
    func matchesTerraform(_ c: FunctionCase) {
        if Self.knownDivergences[c.testDescription] != nil { return }
        let (value, diagnostics) = c.evaluate()
        if let error = c.expectedError {
            #expect(diagnostics.hasErrors, "Terraform reports \"\(error)\" for \(c.expression), Airlock evaluated \(value.jsonValue.compactText)")
            return
        }
        #expect(!diagnostics.hasErrors, "\(c.expression): \(diagnostics.map { "\($0.summary): \($0.detail)" })")
        guard !diagnostics.hasErrors else { return }
        #expect(value.isWhollyKnown, "\(c.expression) evaluated to an unknown value")
        if let type = c.expectedType {
            #expect(value.type.jsonValue.compactText == type.compactText, "type of \(c.expression)")
        }
        if let expected = c.expectedValue {
            #expect(value.jsonValue.compactText == expected.compactText, "value of \(c.expression)")
        }
    }
}
