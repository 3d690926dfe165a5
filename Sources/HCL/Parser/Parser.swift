/// A recovering recursive-descent parser for HCL native syntax.
///
/// It follows the grammar and the error recovery of HashiCorp's `hclsyntax` parser, so that
/// it builds the same tree with the same ranges and accepts exactly what Terraform accepts.
/// It never throws: every problem becomes a diagnostic and parsing goes on.
struct Parser {
    let src: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    var nextIndex = 0
    var includeNewlines: [Bool] = [true]
    /// Set once recovery has been attempted: errors that follow are likely noise from a
    /// wrong resynchronisation, so most are suppressed, as in HashiCorp's parser.
    var recovery = false
    var diagnostics: [Diagnostic] = []
    var errorCount = 0
    /// How deep the parser has recursed into nested constructs.
    var depth = 0
    var tooDeepReported = false

    /// The deepest nesting of blocks and expressions parsed (each bracket level counts
    /// about twice); deeper input is reported, not parsed, so no input can exhaust the
    /// stack. Real configurations stay far below it.
    static let maxDepth = 2_000

    init(src: UnsafeBufferPointer<UInt8>, tokens: [Token]) {
        self.src = src
        self.tokens = tokens
    }

    // MARK: - Diagnostics

    mutating func report(
        _ code: DiagnosticCode, _ summary: String, _ detail: String, _ subject: SourceRange?, context: SourceRange? = nil
    ) {
        diagnostics.append(Diagnostic(code: code, summary: summary, detail: detail, subject: subject, context: context))
        errorCount += 1
    }

    // MARK: - Peeking

    private func nextToken() -> (Token, Int) {
        let newlines = includeNewlines[includeNewlines.count - 1]
        var i = nextIndex
        while i < tokens.count {
            let t = tokens[i]
            switch t.kind {
            case .comment:
                // A line comment ends with its newline, which still ends an attribute.
                if newlines, t.range.end.byte > t.range.start.byte, src[t.range.end.byte - 1] == 0x0A {
                    return (Token(kind: .newline, range: t.range), i + 1)
                }
                i += 1
                continue
            case .newline where !newlines:
                i += 1
                continue
            default:
                return (t, i + 1)
            }
        }
        return (tokens[tokens.count - 1], tokens.count)
    }

    /// The next token and the index after it, valid while `nextIndex` and the newline mode
    /// are unchanged; the parser peeks far more often than it reads.
    private var peeked: (token: Token, next: Int, from: Int, newlines: Bool)?

    mutating func peek() -> Token {
        let newlines = includeNewlines[includeNewlines.count - 1]
        if let p = peeked, p.from == nextIndex, p.newlines == newlines { return p.token }
        let (t, next) = nextToken()
        peeked = (t, next, nextIndex, newlines)
        return t
    }

    @discardableResult
    mutating func read() -> Token {
        let t = peek()
        nextIndex = peeked!.next
        return t
    }

    var nextRange: SourceRange { mutating get { peek().range } }

    var previousRange: SourceRange {
        mutating get { nextIndex == 0 ? nextRange : tokens[nextIndex - 1].range }
    }

    mutating func pushNewlines(_ include: Bool) { includeNewlines.append(include) }
    mutating func popNewlines() { includeNewlines.removeLast() }

    func text(_ range: SourceRange) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: src[range.start.byte..<range.end.byte]), as: UTF8.self)
    }

    func tokenIs(_ t: Token, keyword: StaticString) -> Bool {
        guard t.kind == .ident, t.range.end.byte - t.range.start.byte == keyword.utf8CodeUnitCount else { return false }
        let k = keyword.utf8Start
        for i in 0..<keyword.utf8CodeUnitCount where src[t.range.start.byte + i] != k[i] { return false }
        return true
    }

    // MARK: - Recovery

    static func opposite(_ kind: TokenKind) -> TokenKind? {
        switch kind {
        case .openBrace: return .closeBrace
        case .openBracket: return .closeBracket
        case .openParen: return .closeParen
        case .openQuote: return .closeQuote
        case .openHeredoc: return .closeHeredoc
        case .closeBrace: return .openBrace
        case .closeBracket: return .openBracket
        case .closeParen: return .openParen
        case .closeQuote: return .openQuote
        case .closeHeredoc: return .openHeredoc
        case .templateControl, .templateInterp: return .templateSeqEnd
        case .templateSeqEnd: return .templateInterp
        default: return nil
        }
    }

    /// Skips to just after the `end` token that closes the current construct, counting
    /// nested pairs of the same bracket; stops at the end of the file.
    @discardableResult
    mutating func recover(_ end: TokenKind) -> Token {
        let start = Parser.opposite(end)
        recovery = true
        var nest = 0
        while true {
            let t = read()
            var kind = t.kind
            if end == .templateSeqEnd, kind == .templateControl { kind = .templateInterp }
            if kind == end {
                if nest < 1 { return t }
                nest -= 1
            } else if kind == start {
                nest += 1
            } else if kind == .eof {
                return t
            }
        }
    }

    /// Skips to the end of the current body item: the next newline outside any brackets.
    mutating func recoverAfterBodyItem() {
        recovery = true
        var open: [TokenKind] = []
        while true {
            let t = read()
            switch t.kind {
            case .newline:
                if open.isEmpty { return }
            case .eof:
                return
            case .openBrace, .openBracket, .openParen, .openQuote, .openHeredoc, .templateInterp, .templateControl:
                open.append(t.kind)
            case .closeBrace, .closeBracket, .closeParen, .closeQuote, .closeHeredoc:
                let opener = Parser.opposite(t.kind)
                while let last = open.last, last != opener { open.removeLast() }
                if !open.isEmpty { open.removeLast() }
            case .templateSeqEnd:
                while let last = open.last, last != .templateInterp, last != .templateControl { open.removeLast() }
                if !open.isEmpty { open.removeLast() }
            default:
                break
            }
        }
    }

    // MARK: - Depth guard

    /// Enters one level of nesting; false (after one diagnostic) when the input nests too deeply.
    mutating func enter(_ at: SourceRange) -> Bool {
        depth += 1
        if depth <= Parser.maxDepth { return true }
        if !tooDeepReported {
            tooDeepReported = true
            report(
                .nestingTooDeep, "Nesting too deep",
                "Blocks and expressions here are nested too deeply (more than \(Parser.maxDepth) levels of expressions and blocks). No real configuration needs this; the file may be generated or corrupted, so the rest of this construct was skipped.",
                at)
        }
        recovery = true
        return false
    }

    mutating func leave() { depth -= 1 }
}
