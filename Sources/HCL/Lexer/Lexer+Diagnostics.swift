extension Lexer {
    /// Diagnostics for tokens that are never valid HCL (bitwise operators, single quotes,
    /// broken UTF-8, ...), capped per kind so one mistake does not drown the report.
    static func diagnostics(
        for tokens: [Token], in src: UnsafeBufferPointer<UInt8>, unterminatedComment: SourceRange? = nil
    ) -> [Diagnostic] {
        var diags: [Diagnostic] = []
        var toldBitwise = 0
        var toldBacktick = 0
        var toldApostrophe = 0
        var toldSemicolon = 0
        var toldBadUTF8 = 0
        func add(_ code: DiagnosticCode, _ summary: String, _ detail: String, _ t: Token) {
            diags.append(Diagnostic(code: code, summary: summary, detail: detail, subject: t.range))
        }
        for t in tokens {
            switch t.kind {
            case .bitwiseAnd, .bitwiseOr, .bitwiseXor, .bitwiseNot:
                guard toldBitwise < 4 else { continue }
                let suggestion: String
                switch t.kind {
                case .bitwiseAnd: suggestion = " Did you mean boolean AND (\"&&\")?"
                case .bitwiseOr: suggestion = " Did you mean boolean OR (\"||\")?"
                case .bitwiseNot: suggestion = " Did you mean boolean NOT (\"!\")?"
                default: suggestion = ""
                }
                add(.unsupportedOperator, "Unsupported operator", "Bitwise operators are not supported.\(suggestion)", t)
                toldBitwise += 1
            case .backtick:
                // Report only opening backticks, not both ends of a backtick-quoted string.
                if toldBacktick % 2 == 0 {
                    add(
                        .invalidCharacter, "Invalid character",
                        "The \"`\" character is not valid. To create a multi-line string, use the \"heredoc\" syntax, like \"<<EOT\".", t)
                }
                if toldBacktick <= 2 { toldBacktick += 1 }
            case .apostrophe:
                if toldApostrophe % 2 == 0 {
                    add(.invalidCharacter, "Invalid character", "Single quotes are not valid. Use double quotes (\") to enclose strings.", t)
                }
                if toldApostrophe <= 2 { toldApostrophe += 1 }
            case .semicolon:
                guard toldSemicolon < 1 else { continue }
                add(
                    .invalidCharacter, "Invalid character",
                    "The \";\" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.",
                    t)
                toldSemicolon += 1
            case .badUTF8:
                guard toldBadUTF8 < 1 else { continue }
                add(
                    .invalidEncoding, "Invalid character encoding",
                    "All input files must be UTF-8 encoded. Ensure that UTF-8 encoding is selected in your editor.", t)
                toldBadUTF8 += 1
            case .quotedNewline:
                add(
                    .invalidMultiLineString, "Invalid multi-line string",
                    "Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the \"heredoc\" multi-line template syntax.",
                    t)
            case .invalid:
                let length = t.range.end.byte - t.range.start.byte
                let isCurlyQuote =
                    length == 3 && src[t.range.start.byte] == 0xE2 && src[t.range.start.byte + 1] == 0x80
                    && (src[t.range.start.byte + 2] == 0x9C || src[t.range.start.byte + 2] == 0x9D)
                if isCurlyQuote {
                    add(
                        .curlyQuotes, "Invalid character",
                        "\"Curly quotes\" are not valid here. These can sometimes be inadvertently introduced when sharing code via documents or discussion forums. It might help to replace the character with a \"straight quote\".",
                        t)
                } else {
                    add(.invalidCharacter, "Invalid character", "This character is not used within the language.", t)
                }
            default:
                continue
            }
        }
        if let unterminatedComment {
            diags.append(
                Diagnostic(
                    code: .unterminatedComment, summary: "Unterminated comment",
                    detail: "This \"/*\" comment has no closing \"*/\" before the end of the file, so the rest of the file is read as code. Close the comment with \"*/\".",
                    subject: unterminatedComment))
        }
        return diags
    }
}
