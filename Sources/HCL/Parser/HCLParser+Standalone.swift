extension HCLParser {
    /// Parses a standalone expression, such as a `-var` value or a console line.
    public static func parseExpression(_ bytes: [UInt8], path: String) -> (Expression, [Diagnostic]) {
        bytes.withUnsafeBufferPointer { buffer in
            let (tokens, _, unterminatedComment) = Lexer.tokenize(buffer)
            var diagnostics = Lexer.diagnostics(for: tokens, in: buffer, unterminatedComment: unterminatedComment)
            var parser = Parser(src: buffer, tokens: tokens)
            let expression = parser.parseExpression()
            diagnostics.append(contentsOf: parser.diagnostics)
            // Only newlines and comments may follow the expression.
            while parser.peek().kind == .newline || parser.peek().kind == .comment { _ = parser.read() }
            let next = parser.peek()
            if next.kind != .eof, !diagnostics.hasErrors {
                diagnostics.append(Diagnostic(
                    code: .invalidExpression, summary: "Extra characters after expression",
                    detail: "An expression was successfully parsed, but extra characters were found after it.",
                    subject: next.range, file: path))
            }
            return (expression, diagnostics)
        }
    }

    /// Parses a whole file as a bare template (`templatefile`), where `${` and `%{` start
    /// interpolations and directives and everything else is literal text.
    public static func parseTemplate(_ bytes: [UInt8], path: String) -> (Expression, [Diagnostic]) {
        bytes.withUnsafeBufferPointer { buffer in
            let (tokens, _, unterminatedComment) = Lexer.tokenize(buffer, mode: .template)
            var diagnostics = Lexer.diagnostics(for: tokens, in: buffer, unterminatedComment: unterminatedComment)
            var parser = Parser(src: buffer, tokens: tokens)
            let (parts, passthrough, range) = parser.parseTemplateInner(end: .eof, flushHeredoc: false)
            diagnostics.append(contentsOf: parser.diagnostics)
            let expression: Expression
            if passthrough, parts.count == 1 {
                expression = .templateWrap(parts[0], range: range)
            } else {
                expression = .template(parts: parts, range: range)
            }
            return (expression, diagnostics)
        }
    }
}
