/// Splits HCL native syntax into tokens with exact ranges.
///
/// It reproduces the token boundaries of HashiCorp's scanner (`scan_tokens.rl`), so that
/// every range the parser builds from them is the one HashiCorp's parser would report.
/// The lexer never fails: bytes it cannot place become `.invalid` or `.badUTF8` tokens,
/// which the parser turns into capped, helpful diagnostics.
///
/// It works on bytes and counts columns byte by byte; only a token that holds non-ASCII
/// text takes the slow path of grapheme-cluster segmentation.
struct Lexer {
    /// What the start of the input is: a configuration file, or a bare template
    /// (the contents of a `templatefile`).
    enum Mode: Sendable {
        case config
        case template
    }

    /// The scanner's sub-machines, as in HashiCorp's `fcall`/`fret` stack.
    private enum Machine {
        case main
        case quoted
        case heredoc
        case bareTemplate
    }

    private struct Heredoc {
        var markerStart: Int
        var markerEnd: Int
        var startOfLine: Bool
    }

    private let src: UnsafeBufferPointer<UInt8>
    private var p: Int
    private var pos: SourcePos
    private(set) var tokens: [Token] = []
    private var machines: [Machine]
    private var braces = 0
    private var returnBraces: [Int] = []
    private var heredocs: [Heredoc] = []
    private var depth = 0
    /// The deepest bracket/template nesting seen, plus a count of unary and conditional
    /// operators: a cheap upper bound on how deep the parser will recurse.
    private(set) var recursionHazard = 0
    /// Where the first `/*` without a closing `*/` starts. HashiCorp's scanner lexes it as
    /// `/` and `*`, which gives a confusing message; we add a clear one.
    private(set) var unterminatedComment: Int?

    init(_ src: UnsafeBufferPointer<UInt8>, start: SourcePos = .start, mode: Mode = .config) {
        self.src = src
        var begin = start.byte
        var startPos = start
        // A UTF-8 byte order mark is skipped and does not count as a column.
        if src.count >= begin + 3, src[begin] == 0xEF, src[begin + 1] == 0xBB, src[begin + 2] == 0xBF {
            begin += 3
            startPos.byte = begin
        }
        self.p = begin
        self.pos = startPos
        self.machines = [mode == .config ? .main : .bareTemplate]
        tokens.reserveCapacity(src.count / 4 + 16)
    }

    /// Tokenizes the whole input; the last token is always `.eof`.
    mutating func run() {
        let end = src.count
        var failedAt: Int? = nil
        while p < end {
            let ok: Bool
            switch machines[machines.count - 1] {
            case .main: ok = scanMain()
            case .quoted: ok = scanQuoted()
            case .heredoc: ok = scanHeredoc()
            case .bareTemplate: ok = scanBareTemplate()
            }
            if !ok {
                failedAt = p
                break
            }
        }
        if let failedAt {
            // HashiCorp's scanner gives up on input no rule matches and turns the rest of the
            // file into one token; in a bare template the rest is literal text.
            let literal = machines.count == 1 && machines[0] == .bareTemplate
            emit(literal ? .stringLit : .invalid, failedAt, end)
        }
        emit(.eof, end, end)
    }

    // MARK: - Emitting

    private mutating func emit(_ kind: TokenKind, _ ts: Int, _ te: Int) {
        // Only ASCII spaces and tabs can lie between tokens, so the gap counts byte by byte.
        let start = SourcePos(line: pos.line, column: pos.column + (ts - pos.byte), byte: ts)
        let end = advance(from: start, over: ts, te)
        pos = end
        tokens.append(Token(kind: kind, range: SourceRange(start: start, end: end)))
    }

    private func advance(from start: SourcePos, over ts: Int, _ te: Int) -> SourcePos {
        var line = start.line
        var column = start.column
        var i = ts
        while i < te {
            let b = src[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b == 0x0D {
                if i + 1 < te, src[i + 1] == 0x0A {
                    i += 1
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            } else if b < 0x80 {
                column += 1
            } else {
                return GraphemeCounter.advance(from: start, over: UnsafeBufferPointer(rebasing: src[ts..<te]))
            }
            i += 1
        }
        return SourcePos(line: line, column: column, byte: te)
    }

    private func byte(_ i: Int) -> UInt8? { i < src.count ? src[i] : nil }

    // MARK: - Main machine

    private mutating func scanMain() -> Bool {
        let c = src[p]
        let ts = p
        switch c {
        case 0x20, 0x09:  // spaces and tabs separate tokens
            var q = p + 1
            while q < src.count, src[q] == 0x20 || src[q] == 0x09 { q += 1 }
            p = q
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            p = numberEnd(from: p)
            emit(.numberLit, ts, p)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            p = identEnd(from: p + 1)
            emit(.ident, ts, p)
        case UInt8(ascii: "#"):
            p = lineCommentEnd(from: p + 1)
            emit(.comment, ts, p)
        case UInt8(ascii: "/"):
            if byte(p + 1) == UInt8(ascii: "/") {
                p = lineCommentEnd(from: p + 2)
                emit(.comment, ts, p)
            } else if byte(p + 1) == UInt8(ascii: "*"), let close = blockCommentEnd(from: p + 2) {
                p = close
                emit(.comment, ts, p)
            } else {
                if byte(p + 1) == UInt8(ascii: "*"), unterminatedComment == nil { unterminatedComment = tokens.count }
                single(.slash)
            }
        case 0x0A:
            single(.newline)
        case 0x0D:
            if byte(p + 1) == 0x0A {
                p += 2
                emit(.newline, ts, p)
            } else {
                single(.invalid)
            }
        case UInt8(ascii: "="):
            switch byte(p + 1) {
            case UInt8(ascii: "="): double(.equalOp)
            case UInt8(ascii: ">"): double(.fatArrow)
            default: single(.equal)
            }
        case UInt8(ascii: "!"):
            if byte(p + 1) == UInt8(ascii: "=") { double(.notEqual) } else { recursionHazard += 1; single(.bang) }
        case UInt8(ascii: ">"):
            if byte(p + 1) == UInt8(ascii: "=") { double(.greaterThanEq) } else { single(.greaterThan) }
        case UInt8(ascii: "<"):
            if byte(p + 1) == UInt8(ascii: "=") {
                double(.lessThanEq)
            } else if byte(p + 1) == UInt8(ascii: "<"), let heredoc = heredocIntroducer(at: p) {
                p = heredoc.end
                emit(.openHeredoc, ts, p)
                heredocs.append(Heredoc(markerStart: heredoc.markerStart, markerEnd: heredoc.markerEnd, startOfLine: true))
                machines.append(.heredoc)
                open()
            } else {
                single(.lessThan)
            }
        case UInt8(ascii: "&"):
            if byte(p + 1) == UInt8(ascii: "&") { double(.and) } else { single(.bitwiseAnd) }
        case UInt8(ascii: "|"):
            if byte(p + 1) == UInt8(ascii: "|") { double(.or) } else { single(.bitwiseOr) }
        case UInt8(ascii: "."):
            if byte(p + 1) == UInt8(ascii: "."), byte(p + 2) == UInt8(ascii: ".") {
                p += 3
                emit(.ellipsis, ts, p)
            } else {
                single(.dot)
            }
        case UInt8(ascii: ":"):
            // `::` namespaces provider-defined functions (HCL 2.20, Terraform 1.8).
            if byte(p + 1) == UInt8(ascii: ":") { double(.doubleColon) } else { single(.colon) }
        case UInt8(ascii: "{"):
            braces += 1
            open()
            single(.openBrace)
        case UInt8(ascii: "}"):
            closeBrace(length: 1)
        case UInt8(ascii: "~"):
            if byte(p + 1) == UInt8(ascii: "}") { closeBrace(length: 2) } else { single(.bitwiseNot) }
        case UInt8(ascii: "\""):
            single(.openQuote)
            machines.append(.quoted)
            open()
        case UInt8(ascii: "["): open(); single(.openBracket)
        case UInt8(ascii: "]"): close(); single(.closeBracket)
        case UInt8(ascii: "("): open(); single(.openParen)
        case UInt8(ascii: ")"): close(); single(.closeParen)
        case UInt8(ascii: ","): single(.comma)
        case UInt8(ascii: "*"): single(.star)
        case UInt8(ascii: "%"): single(.percent)
        case UInt8(ascii: "+"): single(.plus)
        case UInt8(ascii: "-"): recursionHazard += 1; single(.minus)
        case UInt8(ascii: "?"): recursionHazard += 1; single(.question)
        case UInt8(ascii: "^"): single(.bitwiseXor)
        case UInt8(ascii: ";"): single(.semicolon)
        case UInt8(ascii: "`"): single(.backtick)
        case UInt8(ascii: "'"): single(.apostrophe)
        case 0x80...0xFF:
            let n = UTF8Scan.sequenceLength(src, at: p)
            if n == 0 {
                single(.badUTF8)
            } else if UTF8Scan.isIDStart(src, at: p, length: n) {
                p = identEnd(from: p + n)
                emit(.ident, ts, p)
            } else {
                p += n
                emit(.invalid, ts, p)
            }
        default:
            single(.invalid)
        }
        return true
    }

    private mutating func single(_ kind: TokenKind) {
        p += 1
        emit(kind, p - 1, p)
    }

    private mutating func double(_ kind: TokenKind) {
        p += 2
        emit(kind, p - 2, p)
    }

    private mutating func open() {
        depth += 1
        if depth > recursionHazard { recursionHazard = depth }
    }

    private mutating func close() {
        if depth > 0 { depth -= 1 }
    }

    /// `}` or `~}`: ends a template sequence when the brace level matches the one that
    /// opened it, otherwise closes an ordinary brace (a `~}` stays a sequence end so the
    /// parser can report it).
    private mutating func closeBrace(length: Int) {
        let ts = p
        p += length
        close()
        if let last = returnBraces.last, last == braces {
            emit(.templateSeqEnd, ts, p)
            braces -= 1
            returnBraces.removeLast()
            machines.removeLast()
        } else {
            emit(length == 2 ? .templateSeqEnd : .closeBrace, ts, p)
            braces -= 1
        }
    }

    /// The end of a number literal: a digit, then digits, dots and exponents, never ending
    /// on a dot (so `1.` is a number and a dot, and `1.2.3` is one invalid number).
    private func numberEnd(from start: Int) -> Int {
        var q = start + 1
        var accepted = q
        while q < src.count {
            let c = src[q]
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                q += 1
                accepted = q
            } else if c == UInt8(ascii: ".") {
                q += 1
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                var r = q + 1
                if let s = byte(r), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { r += 1 }
                guard let d = byte(r), d >= UInt8(ascii: "0") && d <= UInt8(ascii: "9") else { break }
                q = r + 1
                accepted = q
            } else {
                break
            }
        }
        return accepted
    }

    private func identEnd(from start: Int) -> Int {
        var q = start
        while q < src.count {
            let c = src[q]
            if c < 0x80 {
                let isContinue =
                    (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
                    || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
                guard isContinue else { return q }
                q += 1
            } else {
                let n = UTF8Scan.sequenceLength(src, at: q)
                guard n > 0, UTF8Scan.isIDContinue(src, at: q, length: n) else { return q }
                q += n
            }
        }
        return q
    }

    /// A `#` or `//` comment runs to and includes the end of its line.
    private func lineCommentEnd(from start: Int) -> Int {
        var q = start
        while q < src.count {
            if src[q] == 0x0A { return q + 1 }
            q += 1
        }
        return q
    }

    /// A `/*` comment ends at the first `*/`; an unterminated one is not a comment at all.
    private func blockCommentEnd(from start: Int) -> Int? {
        var q = start
        while q + 1 < src.count {
            if src[q] == UInt8(ascii: "*"), src[q + 1] == UInt8(ascii: "/") { return q + 2 }
            q += 1
        }
        return nil
    }

    /// `<<` or `<<-`, an identifier, then a newline: the start of a heredoc.
    private func heredocIntroducer(at start: Int) -> (end: Int, markerStart: Int, markerEnd: Int)? {
        var q = start + 2
        if byte(q) == UInt8(ascii: "-") { q += 1 }
        guard let c = byte(q) else { return nil }
        let markerStart = q
        if c < 0x80 {
            let isStart = (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: "_")
            guard isStart else { return nil }
            q = identEnd(from: q + 1)
        } else {
            let n = UTF8Scan.sequenceLength(src, at: q)
            guard n > 0, UTF8Scan.isIDStart(src, at: q, length: n) else { return nil }
            q = identEnd(from: q + n)
        }
        let markerEnd = q
        if byte(q) == 0x0D { q += 1 }
        guard byte(q) == 0x0A else { return nil }
        return (q + 1, markerStart, markerEnd)
    }

    // MARK: - Template machines

    /// `${`/`%{` (with an optional `~`) at `p`: enters the main machine until the matching `}`.
    private mutating func templateOpener() -> Bool {
        guard let next = byte(p + 1), next == UInt8(ascii: "{") else { return false }
        let c = src[p]
        let ts = p
        p += byte(p + 2) == UInt8(ascii: "~") ? 3 : 2
        emit(c == UInt8(ascii: "$") ? .templateInterp : .templateControl, ts, p)
        braces += 1
        returnBraces.append(braces)
        if !heredocs.isEmpty { heredocs[heredocs.count - 1].startOfLine = false }
        machines.append(.main)
        open()
        return true
    }

    /// The length of a literal that starts with `$` or `%` not followed by `{`: the escape
    /// `$${`/`%%{` (with an optional `~`) or the lone sign; `nil` at the end of input, where
    /// HashiCorp's scanner needs one more byte to decide and so gives up.
    private func signLiteralLength() -> Int? {
        let c = src[p]
        guard let next = byte(p + 1) else { return nil }
        if next == c, byte(p + 2) == UInt8(ascii: "{") {
            return byte(p + 3) == UInt8(ascii: "~") ? 4 : 3
        }
        return 1
    }

    private mutating func scanQuoted() -> Bool {
        let c = src[p]
        let ts = p
        switch c {
        case UInt8(ascii: "$"), UInt8(ascii: "%"):
            if templateOpener() { return true }
            guard let n = signLiteralLength() else { return false }
            p += n
            emit(.quotedLit, ts, p)
        case UInt8(ascii: "\""):
            single(.closeQuote)
            machines.removeLast()
            close()
        case 0x0A, 0x0D:
            var q = p + 1
            while q < src.count, src[q] == 0x0A || src[q] == 0x0D { q += 1 }
            p = q
            emit(.quotedNewline, ts, p)
        default:
            var q = p
            while q < src.count {
                let b = src[q]
                if b == UInt8(ascii: "\\") {
                    guard let next = byte(q + 1), next != 0x0A, next != 0x0D else { break }
                    let n = next < 0x80 ? 1 : UTF8Scan.sequenceLength(src, at: q + 1)
                    if n == 0 { break }
                    q += 1 + n
                } else if b == UInt8(ascii: "$") || b == UInt8(ascii: "%") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D {
                    break
                } else if b < 0x80 {
                    q += 1
                } else {
                    let n = UTF8Scan.sequenceLength(src, at: q)
                    if n == 0 { break }
                    q += n
                }
            }
            if q > p {
                p = q
                emit(.quotedLit, ts, p)
            } else if c == UInt8(ascii: "\\") {
                single(.invalid)
            } else {
                single(.badUTF8)
            }
        }
        return true
    }

    /// The end of a run of literal template text: anything but `$`, `%` and line breaks.
    private func literalRunEnd(from start: Int) -> Int {
        var q = start
        while q < src.count {
            let b = src[q]
            if b == UInt8(ascii: "$") || b == UInt8(ascii: "%") || b == 0x0A || b == 0x0D { break }
            if b < 0x80 {
                q += 1
            } else {
                let n = UTF8Scan.sequenceLength(src, at: q)
                if n == 0 { break }
                q += n
            }
        }
        return q
    }

    /// The length of a line ending (`\n` or `\r\n`) at `i`, or 0.
    private func lineEndLength(at i: Int) -> Int {
        guard let b = byte(i) else { return 0 }
        if b == 0x0A { return 1 }
        if b == 0x0D, byte(i + 1) == 0x0A { return 2 }
        return 0
    }

    /// The literal text at `p` in a heredoc or bare template (after any `${`/`%{` opener
    /// has been handled): where it ends, and whether it is a lone `$`/`%` (which never takes
    /// the line ending with it). `nil` where HashiCorp's scanner matches no rule.
    private func templateLiteral(keepsByteBeforeLineEnd: Bool) -> (end: Int, loneSign: Bool)? {
        let c = src[p]
        guard c == UInt8(ascii: "$") || c == UInt8(ascii: "%") else { return (literalRunEnd(from: p), false) }
        guard var n = signLiteralLength() else { return nil }
        // In a heredoc, HashiCorp's scanner keeps the byte after a lone sign in the same
        // token when a line ending follows it (`"$"` at the end of a line is one token `$"`).
        if keepsByteBeforeLineEnd, n == 1, lineEndLength(at: p + 2) > 0 { n = 2 }
        return (p + n, n <= 2)
    }

    private mutating func scanHeredoc() -> Bool {
        let c = src[p]
        let ts = p
        if (c == UInt8(ascii: "$") || c == UInt8(ascii: "%")) && templateOpener() { return true }
        guard let (q, loneSign) = templateLiteral(keepsByteBeforeLineEnd: true) else { return false }
        let eol = loneSign ? 0 : lineEndLength(at: q)
        if eol > 0 {
            p = q + eol
            heredocLineEnd(ts: ts, te: p, eolLength: eol)
        } else if q > ts {
            p = q
            heredocs[heredocs.count - 1].startOfLine = false
            emit(.stringLit, ts, p)
        } else if c >= 0x80 {
            single(.badUTF8)
        } else {
            return false  // a carriage return alone: no rule matches
        }
        return true
    }

    /// A heredoc line that ends with a newline: either the closing marker or literal text.
    private mutating func heredocLineEnd(ts: Int, te: Int, eolLength: Int) {
        let doc = heredocs[heredocs.count - 1]
        if doc.startOfLine, UTF8Scan.trimmedEquals(src, ts, te, markerStart: doc.markerStart, markerEnd: doc.markerEnd) {
            // The marker and the newline after it are two tokens, so that the newline
            // still ends the attribute that holds the heredoc.
            emit(.closeHeredoc, ts, te - eolLength)
            emit(.newline, te - eolLength, te)
            heredocs.removeLast()
            machines.removeLast()
            close()
            return
        }
        heredocs[heredocs.count - 1].startOfLine = true
        emit(.stringLit, ts, te)
    }

    private mutating func scanBareTemplate() -> Bool {
        let c = src[p]
        let ts = p
        if (c == UInt8(ascii: "$") || c == UInt8(ascii: "%")) && templateOpener() { return true }
        guard let (end, loneSign) = templateLiteral(keepsByteBeforeLineEnd: false) else { return false }
        let q = loneSign ? end : end + lineEndLength(at: end)
        if q > ts {
            p = q
            emit(.stringLit, ts, p)
        } else if c >= 0x80 {
            single(.badUTF8)
        } else {
            return false
        }
        return true
    }
}

extension Lexer {
    /// Tokenizes `bytes` and returns the tokens (ending in `.eof`) and a bound on parser depth.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, mode: Mode = .config) -> (tokens: [Token], hazard: Int, unterminatedComment: SourceRange?) {
        var lexer = Lexer(bytes, mode: mode)
        lexer.run()
        // The `/` and `*` tokens of the unclosed comment opener.
        let comment = lexer.unterminatedComment.map { SourceRange.between(lexer.tokens[$0].range, lexer.tokens[$0 + 1].range) }
        return (lexer.tokens, lexer.recursionHazard, comment)
    }
}
