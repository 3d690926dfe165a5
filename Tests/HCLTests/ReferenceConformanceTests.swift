import Foundation
import Testing

@testable import HCL

/// Differential conformance against HashiCorp's own parser (HCL 2.14 from Debian's
/// `golang-github-hashicorp-hcl-v2-dev`, built by `scripts/build-hclref.sh`): same blocks,
/// attributes, every range and every expression node, and the same error verdict.
@Suite struct ReferenceConformanceTests {
    /// The corpus of `scripts/hcl-corpus.sh`: HashiCorp's own test files from the Debian
    /// packages, and our realistic Terraform under `Tests/Corpus/hcl2`.
    static func corpus() -> [String] {
        var files: [String] = []
        for dir in ["/usr/share/gocode/src/github.com/hashicorp/hcl/v2", "/usr/share/gocode/src/github.com/hashicorp/terraform-json"] {
            guard let walker = FileManager.default.enumerator(atPath: dir) else { continue }
            while let item = walker.nextObject() as? String {
                if item.hasSuffix(".tf") || item.hasSuffix(".hcl") { files.append(dir + "/" + item) }
            }
        }
        files += Repository.files(under: "Tests/Corpus/hcl2", extensions: [".tf", ".tfvars", ".hcl", ".tfbackend"])
        return files.sorted()
    }

    static var referenceAvailable: Bool { ExternalTool.hashicorpParser != nil }

    /// Whether Airlock's output for one file agrees with the reference's, and how not.
    static func disagreement(reference: Any, ours: Any) -> String? {
        let errors = { (file: Any) -> Bool in
            ((file as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []).contains { $0["severity"] as? String == "error" }
        }
        if errors(reference) != errors(ours) {
            return errors(reference) ? "only HashiCorp's parser reports an error" : "only Airlock reports an error"
        }
        // Partial trees of broken files may differ; valid files must be identical.
        guard !errors(reference) else { return nil }
        return JSONDiff.firstDifference(reference, ours, ignoring: ["diagnostics", "code"])
    }

    @Test(
        "The corpus parses exactly as HashiCorp's parser parses it",
        .enabled(if: referenceAvailable || Repository.inCI, "HashiCorp's parser is not built: run scripts/build-hclref.sh"))
    func corpusMatchesHashiCorp() throws {
        guard let reference = ExternalTool.hashicorpParser else {
            Issue.record("HashiCorp's parser is missing in CI: scripts/build-hclref.sh must run before the tests")
            return
        }
        let files = Self.corpus()
        let own = files.filter { $0.contains("/Tests/Corpus/hcl2/") }
        #expect(own.count >= 100, "the corpus of our own Terraform must hold at least 100 files")

        let (_, output) = try ExternalTool.run(reference, ["-exprs"] + files)
        let expected = try #require(try JSONDiff.decode(output) as? [[String: Any]])
        #expect(expected.count == files.count)

        var identical = 0
        for (path, referenceFile) in zip(files, expected) {
            var w = JSONWriter()
            HCLParser.parse(contentsOf: path).writeJSON(to: &w, expressions: true)
            let ours = try JSONDiff.decode(w.bytes)
            if let problem = Self.disagreement(reference: referenceFile, ours: ours) {
                Issue.record("\(path): \(problem)")
            } else {
                identical += 1
            }
        }
        print("HCL conformance: \(identical) of \(files.count) files agree with HashiCorp's parser (\(own.count) of them ours)")
        #expect(identical == files.count)
    }

    /// Syntax newer than HCL 2.14 (provider-defined functions, Terraform 1.8+): Terraform
    /// 1.11 itself is the oracle, through `terraform fmt`, which rejects a file with a syntax
    /// error (exit 2) and accepts any other.
    @Test(
        "Modern and invalid files: same verdict as Terraform",
        .enabled(if: ExternalTool.terraform != nil || Repository.inCI, "terraform is not installed"))
    func verdictsMatchTerraform() throws {
        guard let terraform = ExternalTool.terraform else {
            Issue.record("terraform is missing in CI")
            return
        }
        let files = Repository.files(under: "Tests/Corpus/modern", extensions: [".tf"])
            + Repository.files(under: "Tests/Corpus/invalid", extensions: [".tf"])
        #expect(files.count >= 30)
        for path in files {
            let (status, _) = try ExternalTool.run(terraform, ["fmt", "-write=false", "-list=false", "-no-color", path])
            let terraformRejects = status == 2
            let file = HCLParser.parse(contentsOf: path)
            #expect(
                terraformRejects == file.diagnostics.hasErrors,
                "\(path): terraform fmt exit \(status), Airlock: \(file.diagnostics.map(\.summary))")
        }
    }

    @Test("Provider-defined function names keep their namespaces")
    func providerFunctions() throws {
        let source = "a = provider::aws::arn_parse(\"arn:aws:iam::123:role/x\").account_id\n"
        let file = HCLParser.parse(Array(source.utf8), path: "p.tf")
        #expect(file.diagnostics.isEmpty)
        let expression = try #require(file.body.attribute("a")?.expression)
        guard case .relativeTraversal(.functionCall(let call), let steps, _) = expression else {
            Issue.record("unexpected tree \(expression)")
            return
        }
        #expect(call.name == "provider::aws::arn_parse")
        #expect(call.nameRange == SourceRange(start: SourcePos(line: 1, column: 5, byte: 4), end: SourcePos(line: 1, column: 29, byte: 28)))
        #expect(steps.count == 1)
    }
}
