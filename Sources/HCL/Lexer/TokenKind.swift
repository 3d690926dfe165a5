/// The kind of a lexical token of HCL native syntax.
///
/// The set mirrors the token types of HashiCorp's scanner, including the ones that
/// exist only so that the parser can explain a common mistake (bitwise operators,
/// single quotes, semicolons).
public enum TokenKind: UInt8, Sendable {
    case openBrace, closeBrace, openBracket, closeBracket, openParen, closeParen
    case openQuote, closeQuote, openHeredoc, closeHeredoc
    case star, slash, plus, minus, percent
    case equal, equalOp, notEqual, lessThan, lessThanEq, greaterThan, greaterThanEq
    case and, or, bang
    case dot, comma, doubleColon
    case ellipsis, fatArrow
    case question, colon
    case templateInterp, templateControl, templateSeqEnd
    /// A literal piece of a quoted string: may contain backslash escapes.
    case quotedLit
    /// A literal piece of a heredoc or bare template: no backslash escapes.
    case stringLit
    case numberLit, ident, comment, newline, eof
    case bitwiseAnd, bitwiseOr, bitwiseNot, bitwiseXor
    case apostrophe, backtick, semicolon
    case invalid, badUTF8, quotedNewline
}

/// One token: its kind and its range. Its bytes are `source[start.byte..<end.byte]`.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    public var range: SourceRange

    public init(kind: TokenKind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}
