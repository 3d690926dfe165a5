import Foundation
import Testing

@testable import HCL

/// Bad input never crashes the parser, never hangs, and every range it reports lies inside
/// the file.
@Suite struct RobustnessTests {
    static func assertRangesInside(_ file: ConfigFile, _ label: String) {
        let size = file.source.count
        for r in RangeWalker.ranges(of: file) {
            let ok =
                r.start.byte >= 0 && r.start.byte <= r.end.byte && r.end.byte <= size && r.start.line >= 1
                && r.start.column >= 1 && r.end.line >= r.start.line
            #expect(ok, "\(label): range \(r) (bytes \(r.start.byte)..<\(r.end.byte)) is outside the file of \(size) bytes")
            if !ok { return }
        }
    }

    /// Shapes that nest: each is (prefix, middle, suffix) repeated `depth` times.
    static let nestings: [(name: String, open: String, middle: String, close: String)] = [
        ("tuples", "[", "1", "]"),
        ("objects", "{a = ", "1", "}"),
        ("parentheses", "(", "1", ")"),
        ("function calls", "f(", "1", ")"),
        ("indexes", "a[", "1", "]"),
        ("negations", "!", "true", ""),
        ("unary minus", "-", "1", ""),
        ("conditionals", "a ? b : ", "c", ""),
        ("templates", "\"${", "1", "}\""),
        ("for expressions", "[for x in ", "y", " : x]"),
    ]

    /// An attribute whose value nests the named shape `depth` times.
    static func nested(_ name: String, depth: Int) -> [UInt8] {
        let shape = nestings.first { $0.name == name }!
        let text = "x = " + String(repeating: shape.open, count: depth) + shape.middle
            + String(repeating: shape.close, count: depth) + "\n"
        return Array(text.utf8)
    }

    @Test("10,000 levels of nesting get a diagnostic, not a crash", arguments: nestings.map(\.name))
    func deepNesting(name: String) {
        let file = HCLParser.parse(Self.nested(name, depth: 10_000), path: "deep.tf")
        #expect(file.diagnostics.contains { $0.code == .nestingTooDeep }, "\(name): \(file.diagnostics.map(\.summary))")
        #expect(file.diagnostics.filter { $0.code == .nestingTooDeep }.count == 1)
        Self.assertRangesInside(file, name)
    }

    @Test("Nesting well beyond real configurations still parses", arguments: nestings.map(\.name))
    func moderateNesting(name: String) {
        let file = HCLParser.parse(Self.nested(name, depth: 200), path: "nested.tf")
        #expect(file.diagnostics.isEmpty, "\(name): \(file.diagnostics.map(\.summary))")
    }

    @Test("10,000 nested blocks get a diagnostic, not a crash")
    func deepBlocks() {
        let depth = 10_000
        let text = String(repeating: "a {\n", count: depth) + String(repeating: "}\n", count: depth)
        let file = HCLParser.parse(Array(text.utf8), path: "blocks.tf")
        #expect(file.diagnostics.contains { $0.code == .nestingTooDeep })
        Self.assertRangesInside(file, "blocks")
    }

    @Test("Unterminated constructs at the end of the file", arguments: [
        ("string", "a = \"abc", DiagnosticCode.unterminatedTemplate),
        ("heredoc", "a = <<EOT\nline\n", .unterminatedTemplate),
        ("block comment", "a = 1 /* open\n", .unterminatedComment),
        ("block", "a {\n b = 1\n", .unclosedBlock),
        ("interpolation", "a = \"${b\n", .unclosedInterpolation),
        ("tuple", "a = [1, 2\n", .unterminatedTuple),
        ("object", "a = {\n b = 1\n", .missingExpression),
        ("call", "a = f(1", .unterminatedFunctionCall),
    ])
    func unterminated(name: String, source: String, code: DiagnosticCode) {
        let file = HCLParser.parse(Array(source.utf8), path: "\(name).tf")
        #expect(file.diagnostics.contains { $0.code == code }, "\(name): \(file.diagnostics.map { "\($0.code) \($0.summary)" })")
        Self.assertRangesInside(file, name)
    }

    @Test("Binary garbage, invalid UTF-8 and NUL bytes are diagnosed", arguments: [UInt64(1), 2, 3, 4, 5])
    func garbage(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let file = HCLParser.parse(bytes, path: "garbage.bin")
        #expect(file.diagnostics.hasErrors)
        Self.assertRangesInside(file, "garbage \(seed)")
    }

    @Test("A large file parses completely")
    func largeFile() {
        var text = ""
        for i in 0..<20_000 {
            text += "resource \"aws_s3_bucket\" \"b\(i)\" {\n  bucket = \"name-${var.env}-\(i)\"\n  tags = { Name = \"b\(i)\", Index = \(i) }\n}\n"
        }
        let file = HCLParser.parse(Array(text.utf8), path: "large.tf")
        #expect(file.diagnostics.isEmpty)
        #expect(file.body.blocks.count == 20_000)
        #expect(file.body.blocks.last?.range.end.line == 80_000)
    }

    /// Every file of the corpus, each mutated many times: bytes flipped, deleted, duplicated
    /// and HCL punctuation inserted. The seed is fixed, so a failure repeats.
    @Test("Seeded mutations of the corpus never crash and keep ranges inside the file")
    func mutations() {
        let files = Repository.files(under: "Tests/Corpus")
        #expect(files.count > 100)
        let sources = files.compactMap { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
        let snippets: [[UInt8]] = ["${", "%{", "}", "~}", "\"", "\n", "<<EOT\n", "<<-EOT\n", "EOT\n", "$${", "\\", "{", "[", "(",
            ")", "]", "::", "...", ".", "*", "#", "/*", "*/", "\r", "=", ",", "?", ":", "for x in y :", "!", "-", "=>",
            "%{ if x }", "%{ endif }", "%{ for a in b }", "%{ endfor }", "$", "%", "e\u{301}", "👩‍💻"].map { Array($0.utf8) }
            + [[0xFF], [0xC3], [0x00], [0xE2, 0x80, 0x9C]]
        var rng = SeededGenerator(seed: 20_261_121)
        let iterations = 3_000
        for i in 0..<iterations {
            var bytes = sources[Int.random(in: 0..<sources.count, using: &rng)]
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let at = Int.random(in: 0...bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0 where !bytes.isEmpty:
                    bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...8, using: &rng)))
                case 1:
                    bytes.insert(contentsOf: snippets[Int.random(in: 0..<snippets.count, using: &rng)], at: at)
                case 2 where !bytes.isEmpty:
                    let from = Int.random(in: 0..<bytes.count, using: &rng)
                    let piece = Array(bytes[from..<min(bytes.count, from + Int.random(in: 1...40, using: &rng))])
                    bytes.insert(contentsOf: piece, at: at)
                case 3 where !bytes.isEmpty:
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                default:
                    break
                }
            }
            let file = HCLParser.parse(bytes, path: "mutant-\(i).tf")
            Self.assertRangesInside(file, "mutant \(i)")
        }
    }

    @Test("Every file in the invalid corpus is rejected with a located diagnostic")
    func invalidCorpus() {
        let files = Repository.files(under: "Tests/Corpus/invalid")
        #expect(files.count >= 25)
        for path in files {
            let file = HCLParser.parse(contentsOf: path)
            #expect(file.diagnostics.hasErrors, "\(path) was accepted")
            #expect(file.diagnostics.allSatisfy { $0.subject != nil }, "\(path) has a diagnostic without a range")
            Self.assertRangesInside(file, path)
        }
    }
}
