import Foundation
import Testing

@testable import HCL

/// One small file per grammar production and per diagnostic, under `Cases/`, each beside
/// the output of HashiCorp's parser for it (`scripts/update-golden.sh` writes them). The
/// whole tree must match, every range and expression node included, and so must every
/// diagnostic's severity, summary and range.
@Suite struct GoldenCaseTests {
    /// Diagnostics Airlock adds on top of HashiCorp's, where its message would be unclear.
    static let additions: Set<String> = [DiagnosticCode.unterminatedComment.rawValue]

    /// Cases where HashiCorp's partial tree of a broken file is not worth copying.
    static let knownDivergences: [String: String] = [
        "errors/031-unterminated-call-after-comma.hcl":
            "HashiCorp leaves the closing-parenthesis range zeroed (line 0, byte 0) when it recovers from a broken argument; Airlock ends the call where recovery stopped.",
    ]

    static func cases(_ folder: String) -> [String] {
        Repository.files(under: "Tests/HCLTests/Cases/\(folder)", extensions: [".hcl"]).map {
            String($0.split(separator: "/").last!)
        }
    }

    static func check(folder: String, name: String) throws {
        let dir = Repository.path("Tests/HCLTests/Cases/\(folder)")
        let source = try #require(FileManager.default.contents(atPath: "\(dir)/\(name)"))
        let goldenPath = "\(dir)/" + name.replacingOccurrences(of: ".hcl", with: ".json")
        let golden = try JSONDiff.decode([UInt8](try #require(FileManager.default.contents(atPath: goldenPath))))

        let file = HCLParser.parse([UInt8](source), path: name)
        var w = JSONWriter()
        file.writeJSON(to: &w, expressions: true)
        let ours = try JSONDiff.decode(w.bytes)
        if let difference = JSONDiff.firstDifference(golden, ours, ignoring: ["diagnostics", "code"]),
            knownDivergences["\(folder)/\(name)"] == nil
        {
            Issue.record("\(folder)/\(name): tree differs at \(difference)")
        }

        let summarize = { (file: Any) -> [String] in
            ((file as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []).compactMap { d in
                if let code = d["code"] as? String, additions.contains(code) { return nil }
                let r = d["range"] as? [String: Any]
                let at = { (k: String) -> String in
                    let p = r?[k] as? [String: Any]
                    return "\(p?["line"] ?? 0):\(p?["column"] ?? 0)@\(p?["byte"] ?? 0)"
                }
                return "\(d["severity"] ?? "") \(d["summary"] ?? "") \(r == nil ? "-" : at("start") + "-" + at("end"))"
            }
        }
        #expect(summarize(ours) == summarize(golden), "\(folder)/\(name): diagnostics differ")
    }

    @Test("Grammar productions match HashiCorp's parser", arguments: cases("syntax"))
    func syntax(name: String) throws {
        try Self.check(folder: "syntax", name: name)
    }

    @Test("Diagnostics match HashiCorp's parser, with exact ranges", arguments: cases("errors"))
    func errors(name: String) throws {
        try Self.check(folder: "errors", name: name)
    }

    @Test("The case folders are populated")
    func populated() {
        #expect(Self.cases("syntax").count >= 70)
        #expect(Self.cases("errors").count >= 40)
    }
}
