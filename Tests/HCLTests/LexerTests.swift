import Testing

@testable import HCL

/// Token boundaries and ranges for the cases where HashiCorp's scanner is subtle. Each
/// expectation was checked against `hclsyntax.LexConfig`.
@Suite struct LexerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var source: String
        /// `kind "text" line:column-line:column`, one per token, EOF left out.
        var tokens: [String]
        var testDescription: String { name }
    }

    static func describe(_ source: String) -> [String] {
        let bytes = Array(source.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            Lexer.tokenize(buffer).tokens.dropLast().map { t in
                let text = String(decoding: buffer[t.range.start.byte..<t.range.end.byte], as: UTF8.self)
                let shown = text.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
                return "\(t.kind) \"\(shown)\" \(t.range.start.line):\(t.range.start.column)-\(t.range.end.line):\(t.range.end.column)"
            }
        }
    }

    static let cases: [Case] = [
        Case(name: "attribute with a template", source: "a = \"x${b}\"\n", tokens: [
            "ident \"a\" 1:1-1:2", "equal \"=\" 1:3-1:4", "openQuote \"\"\" 1:5-1:6", "quotedLit \"x\" 1:6-1:7",
            "templateInterp \"${\" 1:7-1:9", "ident \"b\" 1:9-1:10", "templateSeqEnd \"}\" 1:10-1:11", "closeQuote \"\"\" 1:11-1:12",
            "newline \"\\n\" 1:12-2:1",
        ]),
        Case(name: "tabs count as one column each", source: "\ta\t= 1\n", tokens: [
            "ident \"a\" 1:2-1:3", "equal \"=\" 1:4-1:5", "numberLit \"1\" 1:6-1:7", "newline \"\\n\" 1:7-2:1",
        ]),
        Case(name: "line comment keeps its newline", source: "# c\r\nx // d", tokens: [
            "comment \"# c\\r\\n\" 1:1-2:1", "ident \"x\" 2:1-2:2", "comment \"// d\" 2:3-2:7",
        ]),
        Case(name: "numbers: exponents, trailing dot, legacy index text", source: "1.5e3 1e 1. 1.2.3", tokens: [
            "numberLit \"1.5e3\" 1:1-1:6", "numberLit \"1\" 1:7-1:8", "ident \"e\" 1:8-1:9", "numberLit \"1\" 1:10-1:11",
            "dot \".\" 1:11-1:12", "numberLit \"1.2.3\" 1:13-1:18",
        ]),
        Case(name: "identifiers may contain dashes and non-ASCII letters", source: "été_x-1", tokens: ["ident \"été_x-1\" 1:1-1:8"]),
        Case(name: "escaped template openers are literal tokens", source: "\"a$b$${x}%%{y}\"", tokens: [
            "openQuote \"\"\" 1:1-1:2", "quotedLit \"a\" 1:2-1:3", "quotedLit \"$\" 1:3-1:4", "quotedLit \"b\" 1:4-1:5",
            "quotedLit \"$${\" 1:5-1:8", "quotedLit \"x}\" 1:8-1:10", "quotedLit \"%%{\" 1:10-1:13", "quotedLit \"y}\" 1:13-1:15",
            "closeQuote \"\"\" 1:15-1:16",
        ]),
        Case(name: "heredoc: sign then one byte at a line end is one token", source: "a = <<EOT\n$x\n$xy\nEOT\n", tokens: [
            "ident \"a\" 1:1-1:2", "equal \"=\" 1:3-1:4", "openHeredoc \"<<EOT\\n\" 1:5-2:1", "stringLit \"$x\" 2:1-2:3",
            "stringLit \"\\n\" 2:3-3:1", "stringLit \"$\" 3:1-3:2", "stringLit \"xy\\n\" 3:2-4:1", "closeHeredoc \"EOT\" 4:1-4:4",
            "newline \"\\n\" 4:4-5:1",
        ]),
        Case(name: "heredoc closes on an indented marker, CRLF", source: "a = <<-EOT\r\n  x\r\n  EOT\r\n", tokens: [
            "ident \"a\" 1:1-1:2", "equal \"=\" 1:3-1:4", "openHeredoc \"<<-EOT\\r\\n\" 1:5-2:1", "stringLit \"  x\\r\\n\" 2:1-3:1",
            "closeHeredoc \"  EOT\" 3:1-3:6", "newline \"\\r\\n\" 3:6-4:1",
        ]),
        Case(name: "not a heredoc without a newline after the marker", source: "<<EOT x", tokens: [
            "lessThan \"<\" 1:1-1:2", "lessThan \"<\" 1:2-1:3", "ident \"EOT\" 1:3-1:6", "ident \"x\" 1:7-1:8",
        ]),
        Case(name: "unterminated block comment is slash and star", source: "/* x", tokens: [
            "slash \"/\" 1:1-1:2", "star \"*\" 1:2-1:3", "ident \"x\" 1:4-1:5",
        ]),
        Case(name: "strip marker closes a template sequence", source: "\"${ {} ~}\"", tokens: [
            "openQuote \"\"\" 1:1-1:2", "templateInterp \"${\" 1:2-1:4", "openBrace \"{\" 1:5-1:6", "closeBrace \"}\" 1:6-1:7",
            "templateSeqEnd \"~}\" 1:8-1:10", "closeQuote \"\"\" 1:10-1:11",
        ]),
        Case(name: "grapheme clusters are one column", source: "\"e\u{301}👩‍💻🇩🇪\" x", tokens: [
            "openQuote \"\"\" 1:1-1:2", "quotedLit \"e\u{301}👩‍💻🇩🇪\" 1:2-1:5", "closeQuote \"\"\" 1:5-1:6", "ident \"x\" 1:7-1:8",
        ]),
        Case(name: "Indic conjuncts split as Unicode 15.0 does", source: "\"नमस्ते\"", tokens: [
            "openQuote \"\"\" 1:1-1:2", "quotedLit \"नमस्ते\" 1:2-1:6", "closeQuote \"\"\" 1:6-1:7",
        ]),
        Case(name: "byte order mark is skipped", source: "\u{FEFF}a", tokens: ["ident \"a\" 1:1-1:2"]),
        Case(name: "operators and characters HCL does not use", source: "!= => ... && || ; & ' ` @ ::", tokens: [
            "notEqual \"!=\" 1:1-1:3", "fatArrow \"=>\" 1:4-1:6", "ellipsis \"...\" 1:7-1:10", "and \"&&\" 1:11-1:13",
            "or \"||\" 1:14-1:16", "semicolon \";\" 1:17-1:18", "bitwiseAnd \"&\" 1:19-1:20", "apostrophe \"'\" 1:21-1:22",
            "backtick \"`\" 1:23-1:24", "invalid \"@\" 1:25-1:26", "doubleColon \"::\" 1:27-1:29",
        ]),
        Case(name: "a lone carriage return in a heredoc ends scanning", source: "a = <<EOT\nab\rc\n", tokens: [
            "ident \"a\" 1:1-1:2", "equal \"=\" 1:3-1:4", "openHeredoc \"<<EOT\\n\" 1:5-2:1", "stringLit \"ab\" 2:1-2:3",
            "invalid \"\\rc\\n\" 2:3-3:1",
        ]),
        Case(name: "newline inside a quoted string", source: "\"a\r\nb\"", tokens: [
            "openQuote \"\"\" 1:1-1:2", "quotedLit \"a\" 1:2-1:3", "quotedNewline \"\\r\\n\" 1:3-2:1", "quotedLit \"b\" 2:1-2:2",
            "closeQuote \"\"\" 2:2-2:3",
        ]),
    ]

    @Test("Token boundaries and ranges", arguments: cases)
    func tokens(_ c: Case) {
        #expect(Self.describe(c.source) == c.tokens)
    }
}
