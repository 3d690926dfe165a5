/// A regular expression in RE2 syntax (Go's `regexp`), checked as Go checks it and
/// translated into an ICU pattern that matches the same strings.
///
/// Terraform compiles patterns with Go's `regexp.Compile`: Perl flags, Unicode classes,
/// `$` only at the end of the text, `.` not matching `\n`, ASCII-only `\d \s \w \b`, no
/// backreferences or lookaround. ICU (behind `NSRegularExpression`) is a Perl-style engine
/// with Unicode-aware shorthands, so the translation spells every construct out
/// explicitly rather than passing RE2 text through.
struct RE2Pattern: Sendable {
    /// The pattern for `NSRegularExpression`; capture groups are numbered as in RE2.
    var icuPattern: String
    /// One entry per capture group (group 1 first): its name, or nil when unnamed.
    var groupNames: [String?]

    init(_ pattern: String) throws(RE2SyntaxError) {
        var parser = RE2Parser(pattern)
        let tree = try parser.parse()
        var out = ""
        tree.emitICU(into: &out)
        icuPattern = out.isEmpty ? "(?:)" : out
        groupNames = parser.groupNames
    }
}

/// A pattern Go's `regexp/syntax` rejects, with Go's error code text and the offending part.
struct RE2SyntaxError: Error, Sendable, Hashable {
    enum Code: String, Sendable {
        case invalidCharClass = "invalid character class"
        case invalidCharRange = "invalid character class range"
        case invalidEscape = "invalid escape sequence"
        case invalidNamedCapture = "invalid named capture"
        case invalidPerlOp = "invalid or unsupported Perl syntax"
        case invalidRepeatOp = "invalid nested repetition operator"
        case invalidRepeatSize = "invalid repeat count"
        case missingBracket = "missing closing ]"
        case missingParen = "missing closing )"
        case missingRepeatArgument = "missing argument to repetition operator"
        case trailingBackslash = "trailing backslash at end of expression"
        case unexpectedParen = "unexpected )"
        case nestingDepth = "expression nests too deeply"
    }

    var code: Code
    /// The part of the pattern at fault, as Go reports it.
    var expression: String

    /// Go's `(*syntax.Error).Error()`, which `replace` reports.
    var goDescription: String { "error parsing regexp: \(code.rawValue): `\(expression)`" }
}

// MARK: - Syntax tree

/// The parsed form of an RE2 pattern, with the flags in force already applied to each node.
indirect enum RE2Node: Sendable {
    case empty
    case literal(Unicode.Scalar, foldCase: Bool)
    /// `.`; `matchesNewline` under the `s` flag.
    case anyChar(matchesNewline: Bool)
    case charClass(RE2CharClass, foldCase: Bool)
    /// `^` (`multiLine` under the `m` flag) and `\A`.
    case beginLine(multiLine: Bool)
    /// `$` (`multiLine` under the `m` flag) and `\z`.
    case endLine(multiLine: Bool)
    case wordBoundary(negated: Bool)
    case capture(RE2Node)
    case group(RE2Node)
    /// `max` nil means unbounded; `braces` marks the `{n,m}` form Go limits to 1000 copies.
    case repeatNode(RE2Node, min: Int, max: Int?, greedy: Bool, braces: Bool)
    case concat([RE2Node])
    case alternate([RE2Node])
}

/// A bracketed or shorthand class: a union of items, possibly negated as a whole.
struct RE2CharClass: Sendable {
    enum Item: Sendable {
        /// Code points, which may be surrogates from `\x{D800}` (they never match).
        case range(UInt32, UInt32)
        /// ASCII ranges from a Perl (`\d`) or POSIX (`[:alpha:]`) group.
        case ranges([ClosedRange<UInt32>], negated: Bool)
        /// `\pL`, `\p{Greek}`: a Unicode general category or script, by Go's name.
        case property(String, negated: Bool)
    }

    var items: [Item] = []
    var negated = false
}

// MARK: - Parser

/// Go's `regexp/syntax` parser for the Perl flags `regexp.Compile` uses, over Unicode scalars.
struct RE2Parser {
    private let scalars: [Unicode.Scalar]
    private let whole: String
    private var pos = 0
    private(set) var groupNames: [String?] = []

    private struct Flags {
        var foldCase = false
        var multiLine = false
        var dotNL = false
        var nonGreedy = false
    }
    private var flags = Flags()

    /// One open group: its alternatives so far and what to restore when it closes.
    private struct Frame {
        var alternatives: [[RE2Node]] = [[]]
        var savedFlags: Flags
        /// Whether the group captures (not the whole pattern, not `(?:...)`).
        var captures: Bool
    }
    private var frames: [Frame] = []

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
        whole = pattern
    }

    private func text(_ from: Int, _ to: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[from..<min(to, scalars.count)])
        return String(s)
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        pos + offset < scalars.count ? scalars[pos + offset] : nil
    }

    private mutating func push(_ node: RE2Node) {
        frames[frames.count - 1].alternatives[frames[frames.count - 1].alternatives.count - 1].append(node)
    }

    mutating func parse() throws(RE2SyntaxError) -> RE2Node {
        frames = [Frame(savedFlags: flags, captures: false)]
        // Where the repetition operator just parsed starts, for Go's "a**" check.
        var lastRepeatStart: Int? = nil
        while pos < scalars.count {
            var repeatStart: Int? = nil
            let c = scalars[pos]
            switch c {
            case "(":
                if peek(1) == "?" {
                    try parsePerlFlags()
                } else {
                    groupNames.append(nil)
                    frames.append(Frame(savedFlags: flags, captures: true))
                    pos += 1
                }
            case "|":
                frames[frames.count - 1].alternatives.append([])
                pos += 1
            case ")":
                guard frames.count > 1 else { throw RE2SyntaxError(code: .unexpectedParen, expression: whole) }
                let frame = frames.removeLast()
                flags = frame.savedFlags
                let body = Self.build(frame.alternatives)
                push(frame.captures ? .capture(body) : .group(body))
                pos += 1
            case "^":
                push(.beginLine(multiLine: flags.multiLine))
                pos += 1
            case "$":
                push(.endLine(multiLine: flags.multiLine))
                pos += 1
            case ".":
                push(.anyChar(matchesNewline: flags.dotNL))
                pos += 1
            case "[":
                try parseClass()
            case "*", "+", "?":
                let start = pos
                pos += 1
                try applyRepeat(min: c == "+" ? 1 : 0, max: c == "?" ? 1 : nil, braces: false, start: start, lastRepeatStart: lastRepeatStart)
                repeatStart = start
            case "{":
                let start = pos
                guard let (min, max, end) = parseRepeatBraces() else {
                    push(.literal("{", foldCase: flags.foldCase))
                    pos += 1
                    break
                }
                if min < 0 || min > 1000 || (max ?? 0) > 1000 || (max.map { $0 >= 0 && min > $0 } ?? false) {
                    throw RE2SyntaxError(code: .invalidRepeatSize, expression: text(start, end))
                }
                pos = end
                try applyRepeat(min: min, max: max, braces: true, start: start, lastRepeatStart: lastRepeatStart)
                repeatStart = start
            case "\\":
                try parseBackslash()
            default:
                push(.literal(c, foldCase: flags.foldCase))
                pos += 1
            }
            lastRepeatStart = repeatStart
        }
        if frames.count != 1 { throw RE2SyntaxError(code: .missingParen, expression: whole) }
        return Self.build(frames[0].alternatives)
    }

    private static func build(_ alternatives: [[RE2Node]]) -> RE2Node {
        func concat(_ nodes: [RE2Node]) -> RE2Node {
            nodes.isEmpty ? .empty : nodes.count == 1 ? nodes[0] : .concat(nodes)
        }
        return alternatives.count == 1 ? concat(alternatives[0]) : .alternate(alternatives.map(concat))
    }

    /// Applies `*`, `+`, `?` or `{n,m}` (already consumed) to the previous item.
    private mutating func applyRepeat(min: Int, max: Int?, braces: Bool, start: Int, lastRepeatStart: Int?) throws(RE2SyntaxError) {
        var greedy = !flags.nonGreedy
        if peek() == "?" {
            pos += 1
            greedy.toggle()
        }
        if let last = lastRepeatStart {
            throw RE2SyntaxError(code: .invalidRepeatOp, expression: text(last, pos))
        }
        let f = frames.count - 1
        let a = frames[f].alternatives.count - 1
        guard let sub = frames[f].alternatives[a].popLast() else {
            throw RE2SyntaxError(code: .missingRepeatArgument, expression: text(start, pos))
        }
        let node = RE2Node.repeatNode(sub, min: min, max: max, greedy: greedy, braces: braces)
        if braces, min >= 2 || (max ?? 0) >= 2, !Self.repeatIsValid(node, 1000) {
            throw RE2SyntaxError(code: .invalidRepeatSize, expression: text(start, pos))
        }
        frames[f].alternatives[a].append(node)
    }

    /// Go's limit: nested `{n,m}` repetitions may not ask for more than 1000 copies.
    private static func repeatIsValid(_ node: RE2Node, _ limit: Int) -> Bool {
        var n = limit
        switch node {
        case .repeatNode(let sub, let min, let max, _, let braces):
            if braces {
                let m = max ?? min
                if max == 0 { return true }
                if m > n { return false }
                if m > 0 { n /= m }
            }
            return repeatIsValid(sub, n)
        case .capture(let sub), .group(let sub): return repeatIsValid(sub, n)
        case .concat(let subs), .alternate(let subs): return subs.allSatisfy { repeatIsValid($0, n) }
        case .empty, .literal, .anyChar, .charClass, .beginLine, .endLine, .wordBoundary: return true
        }
    }

    /// Parses `{n}`, `{n,}` or `{n,m}` at `pos` without consuming it: (min, max, end), with
    /// max nil when unbounded and -1 for a number too large; nil when the brace is a literal.
    private func parseRepeatBraces() -> (Int, Int?, Int)? {
        var i = pos + 1
        func number() -> Int? {
            guard i < scalars.count, ("0"..."9").contains(scalars[i]) else { return nil }
            // Go disallows leading zeros.
            if scalars[i] == "0", i + 1 < scalars.count, ("0"..."9").contains(scalars[i + 1]) { return nil }
            var n = 0
            while i < scalars.count, ("0"..."9").contains(scalars[i]) {
                if n >= 100_000_000 { n = -1 } else if n >= 0 { n = n * 10 + Int(scalars[i].value - 48) }
                i += 1
            }
            return n
        }
        guard var min = number(), i < scalars.count else { return nil }
        var max: Int?
        if scalars[i] != "," {
            max = min
        } else {
            i += 1
            guard i < scalars.count else { return nil }
            if scalars[i] != "}" {
                guard let m = number() else { return nil }
                max = m
                if m < 0 { min = -1 }
            }
        }
        guard i < scalars.count, scalars[i] == "}" else { return nil }
        return (min, max, i + 1)
    }

    /// `(?flags)`, `(?flags:`, `(?P<name>` and `(?<name>`, with `pos` at the `(`.
    private mutating func parsePerlFlags() throws(RE2SyntaxError) {
        let start = pos
        let remaining = scalars.count - pos
        let pythonForm = remaining > 4 && scalars[pos + 2] == "P" && scalars[pos + 3] == "<"
        let perlForm = remaining > 3 && scalars[pos + 2] == "<"
        if pythonForm || perlForm {
            let nameStart = perlForm ? pos + 3 : pos + 4
            guard let end = scalars[pos...].firstIndex(of: ">") else {
                throw RE2SyntaxError(code: .invalidNamedCapture, expression: text(start, scalars.count))
            }
            let name = text(nameStart, end)
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0 == "_" || $0.isASCIIAlphanumeric }) else {
                throw RE2SyntaxError(code: .invalidNamedCapture, expression: text(start, end + 1))
            }
            groupNames.append(name)
            frames.append(Frame(savedFlags: flags, captures: true))
            pos = end + 1
            return
        }
        // Flags, then ")" to set them for the rest of the group or ":" to open a group.
        var newFlags = flags
        var negate = false
        var sawFlag = false
        var i = pos + 2
        scan: while i < scalars.count {
            let c = scalars[i]
            i += 1
            switch c {
            case "i": newFlags.foldCase = !negate; sawFlag = true
            case "m": newFlags.multiLine = !negate; sawFlag = true
            case "s": newFlags.dotNL = !negate; sawFlag = true
            case "U": newFlags.nonGreedy = !negate; sawFlag = true
            case "-":
                if negate { break scan }
                negate = true
                sawFlag = false
            case ":", ")":
                if negate && !sawFlag { break scan }
                if c == ":" { frames.append(Frame(savedFlags: flags, captures: false)) }
                flags = newFlags
                pos = i
                return
            default:
                break scan
            }
        }
        throw RE2SyntaxError(code: .invalidPerlOp, expression: text(start, i))
    }

    /// A backslash sequence outside a class.
    private mutating func parseBackslash() throws(RE2SyntaxError) {
        if let next = peek(1) {
            switch next {
            case "A": push(.beginLine(multiLine: false)); pos += 2; return
            case "z": push(.endLine(multiLine: false)); pos += 2; return
            case "b": push(.wordBoundary(negated: false)); pos += 2; return
            case "B": push(.wordBoundary(negated: true)); pos += 2; return
            case "C": throw RE2SyntaxError(code: .invalidEscape, expression: text(pos, pos + 2))
            case "Q":
                // \Q...\E: everything up to \E (or the end) is literal.
                var i = pos + 2
                while i < scalars.count {
                    if scalars[i] == "\\", i + 1 < scalars.count, scalars[i + 1] == "E" {
                        pos = i + 2
                        return
                    }
                    push(.literal(scalars[i], foldCase: flags.foldCase))
                    i += 1
                }
                pos = i
                return
            default: break
            }
        }
        if let item = try parseUnicodeClass() ?? parsePerlClass() {
            push(.charClass(RE2CharClass(items: [item]), foldCase: flags.foldCase))
            return
        }
        let value = try parseEscape()
        if let c = Unicode.Scalar(value) {
            push(.literal(c, foldCase: flags.foldCase))
        } else {
            // A surrogate code point: valid in Go, but no UTF-8 text contains it.
            push(.charClass(RE2CharClass(items: [.range(value, value)]), foldCase: false))
        }
    }

    /// `\d \D \s \S \w \W` at `pos`.
    private mutating func parsePerlClass() -> RE2CharClass.Item? {
        guard peek() == "\\", let c = peek(1) else { return nil }
        let ranges: [ClosedRange<UInt32>]
        switch c {
        case "d", "D": ranges = RE2Groups.digit
        case "s", "S": ranges = RE2Groups.perlSpace
        case "w", "W": ranges = RE2Groups.word
        default: return nil
        }
        pos += 2
        return .ranges(ranges, negated: c == "D" || c == "S" || c == "W")
    }

    /// `\pL`, `\p{Greek}`, `\P{^Lu}` at `pos`.
    private mutating func parseUnicodeClass() throws(RE2SyntaxError) -> RE2CharClass.Item? {
        guard peek() == "\\", let p = peek(1), p == "p" || p == "P", let first = peek(2) else { return nil }
        var negated = p == "P"
        var name: String
        let end: Int
        if first != "{" {
            name = String(first)
            end = pos + 3
        } else {
            guard let close = scalars[pos...].firstIndex(of: "}") else {
                throw RE2SyntaxError(code: .invalidCharRange, expression: text(pos, scalars.count))
            }
            name = text(pos + 3, close)
            end = close + 1
        }
        if name.hasPrefix("^") {
            negated.toggle()
            name.removeFirst()
        }
        guard name == "Any" || RE2Groups.categories.contains(name) || RE2Groups.scripts.contains(name) else {
            throw RE2SyntaxError(code: .invalidCharRange, expression: text(pos, end))
        }
        pos = end
        return .property(name, negated: negated)
    }

    /// An escape that stands for one code point (`\n`, `\x{263a}`, `\.`, `\101`), at `pos`.
    private mutating func parseEscape() throws(RE2SyntaxError) -> UInt32 {
        let start = pos
        pos += 1
        guard pos < scalars.count else { throw RE2SyntaxError(code: .trailingBackslash, expression: "") }
        let c = scalars[pos]
        pos += 1
        func isOctal(_ s: Unicode.Scalar?) -> Bool { s.map { ("0"..."7").contains($0) } ?? false }
        switch c {
        case "1"..."7" where isOctal(peek()), "0":
            var r = c.value - 48
            for _ in 1..<3 {
                guard isOctal(peek()) else { break }
                r = r * 8 + (peek()!.value - 48)
                pos += 1
            }
            return r
        case "x":
            guard let d = peek() else { break }
            pos += 1
            if d == "{" {
                // Any number of hex digits in braces, at least one, up to U+10FFFF.
                var value: UInt32 = 0
                var digits = 0
                while let h = peek() {
                    pos += 1
                    if h == "}" {
                        if digits > 0 { return value }
                        break
                    }
                    guard let v = Self.hexValue(h) else { break }
                    value = value * 16 + v
                    if value > 0x10FFFF { break }
                    digits += 1
                }
                throw RE2SyntaxError(code: .invalidEscape, expression: text(start, pos))
            }
            let x = Self.hexValue(d)
            guard let e = peek() else { throw RE2SyntaxError(code: .invalidEscape, expression: text(start, pos)) }
            pos += 1
            guard let hi = x, let lo = Self.hexValue(e) else { throw RE2SyntaxError(code: .invalidEscape, expression: text(start, pos)) }
            return hi * 16 + lo
        case "a": return 0x07
        case "f": return 0x0C
        case "n": return 0x0A
        case "r": return 0x0D
        case "t": return 0x09
        case "v": return 0x0B
        default:
            // Escaped ASCII punctuation (and space) stands for itself.
            if c.isASCII && !c.isASCIIAlphanumeric { return c.value }
        }
        throw RE2SyntaxError(code: .invalidEscape, expression: text(start, pos))
    }

    private static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": return c.value - 48
        case "a"..."f": return c.value - 87
        case "A"..."F": return c.value - 55
        default: return nil
        }
    }

    /// A bracketed class `[...]`, with `pos` at the `[`.
    private mutating func parseClass() throws(RE2SyntaxError) {
        let classStart = pos
        var cls = RE2CharClass()
        pos += 1
        if peek() == "^" {
            cls.negated = true
            pos += 1
        }
        var first = true
        while pos >= scalars.count || scalars[pos] != "]" || first {
            first = false
            guard pos < scalars.count else {
                throw RE2SyntaxError(code: .missingBracket, expression: text(classStart, scalars.count))
            }
            // POSIX [:alpha:]
            if peek() == "[", peek(1) == ":" {
                if let close = Self.find(":]", in: scalars, from: pos + 2) {
                    let name = text(pos, close + 2)
                    guard let group = RE2Groups.posix[name] else {
                        throw RE2SyntaxError(code: .invalidCharRange, expression: name)
                    }
                    cls.items.append(.ranges(group.ranges, negated: group.negated))
                    pos = close + 2
                    continue
                }
            }
            if let item = try parseUnicodeClass() ?? parsePerlClass() {
                cls.items.append(item)
                continue
            }
            let rangeStart = pos
            let lo = try parseClassChar(classStart)
            var hi = lo
            if peek() == "-", let after = peek(1), after != "]" {
                pos += 1
                hi = try parseClassChar(classStart)
                if hi < lo {
                    throw RE2SyntaxError(code: .invalidCharRange, expression: text(rangeStart, pos))
                }
            }
            cls.items.append(.range(lo, hi))
        }
        pos += 1
        push(.charClass(cls, foldCase: flags.foldCase))
    }

    private mutating func parseClassChar(_ classStart: Int) throws(RE2SyntaxError) -> UInt32 {
        guard let c = peek() else {
            throw RE2SyntaxError(code: .missingBracket, expression: text(classStart, scalars.count))
        }
        if c == "\\" { return try parseEscape() }
        pos += 1
        return c.value
    }

    private static func find(_ needle: String, in scalars: [Unicode.Scalar], from: Int) -> Int? {
        let n = Array(needle.unicodeScalars)
        var i = from
        while i + n.count <= scalars.count {
            if Array(scalars[i..<i + n.count]) == n { return i }
            i += 1
        }
        return nil
    }
}

// MARK: - ICU emission

extension RE2Node {
    /// Appends an ICU pattern for this node; every node becomes one ICU atom or a
    /// sequence that a following quantifier never sees unwrapped.
    func emitICU(into out: inout String) {
        switch self {
        case .empty:
            out += "(?:)"
        case .literal(let c, let fold):
            if fold && (c.properties.changesWhenCaseFolded || c.properties.changesWhenCaseMapped) {
                // A one-element class: ICU folds classes with simple case folding, as Go
                // does, where a bare literal would use full folding ("ß" matching "ss").
                out += "(?i:["
                RE2Node.appendEscaped(c.value, to: &out)
                out += "])"
            } else {
                RE2Node.appendEscaped(c.value, to: &out)
            }
        case .anyChar(let nl):
            out += nl ? "[\\x{0}-\\x{10FFFF}]" : "[^\\n]"
        case .charClass(let cls, let fold):
            cls.emitICU(foldCase: fold, into: &out)
        case .beginLine(let multiLine):
            out += multiLine ? "(?:\\A|(?<=\\n))" : "(?:\\A)"
        case .endLine(let multiLine):
            out += multiLine ? "(?:(?=\\n)|\\z)" : "(?:\\z)"
        case .wordBoundary(let negated):
            let w = "[0-9A-Za-z_]"
            out += negated
                ? "(?:(?<=\(w))(?=\(w))|(?<!\(w))(?!\(w)))"
                : "(?:(?<=\(w))(?!\(w))|(?<!\(w))(?=\(w)))"
        case .capture(let sub):
            out += "("
            sub.emitICU(into: &out)
            out += ")"
        case .group(let sub):
            out += "(?:"
            sub.emitICU(into: &out)
            out += ")"
        case .repeatNode(let sub, let min, let max, let greedy, _):
            out += "(?:"
            sub.emitICU(into: &out)
            out += ")"
            switch (min, max) {
            case (0, nil): out += "*"
            case (1, nil): out += "+"
            case (0, 1?): out += "?"
            case (let n, nil): out += "{\(n),}"
            case (let n, let m?): out += n == m ? "{\(n)}" : "{\(n),\(m)}"
            }
            if !greedy { out += "?" }
        case .concat(let subs):
            for s in subs { s.emitICU(into: &out) }
        case .alternate(let subs):
            out += "(?:"
            for (i, s) in subs.enumerated() {
                if i > 0 { out += "|" }
                s.emitICU(into: &out)
            }
            out += ")"
        }
    }

    /// A code point as ICU pattern text: ASCII letters and digits as themselves, anything
    /// else as `\x{...}`, so that no character is ever read as syntax.
    static func appendEscaped(_ c: UInt32, to out: inout String) {
        if let scalar = Unicode.Scalar(c), scalar.isASCIIAlphanumeric {
            out.unicodeScalars.append(scalar)
        } else {
            out += "\\x{\(String(c, radix: 16))}"
        }
    }
}

extension RE2CharClass {
    func emitICU(foldCase: Bool, into out: inout String) {
        // An empty class ("[^\x00-\x{10FFFF}]") matches nothing; ICU rejects "[]".
        var body = ""
        for item in items {
            switch item {
            case .range(let lo, let hi):
                RE2Node.appendEscaped(lo, to: &body)
                if hi != lo {
                    body += "-"
                    RE2Node.appendEscaped(hi, to: &body)
                }
            case .ranges(let ranges, let negated):
                body += negated ? "[^" : "["
                for r in ranges {
                    body += "\\x{\(String(r.lowerBound, radix: 16))}-\\x{\(String(r.upperBound, radix: 16))}"
                }
                body += "]"
            case .property(let name, let negated):
                body += negated ? "\\P{\(name)}" : "\\p{\(name)}"
            }
        }
        let set = body.isEmpty ? (negated ? "[\\x{0}-\\x{10FFFF}]" : "(?!)") : (negated ? "[^\(body)]" : "[\(body)]")
        out += foldCase && !body.isEmpty ? "(?i:\(set))" : set
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIIAlphanumeric: Bool {
        switch self {
        case "0"..."9", "a"..."z", "A"..."Z": return true
        default: return false
        }
    }
}

/// Go's `regexp/syntax` named groups and the Unicode table names it accepts.
enum RE2Groups {
    static let digit: [ClosedRange<UInt32>] = [0x30...0x39]
    /// RE2's `\s`: tab, newline, form feed, carriage return, space (not vertical tab).
    static let perlSpace: [ClosedRange<UInt32>] = [0x09...0x0A, 0x0C...0x0D, 0x20...0x20]
    static let word: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]

    static let posix: [String: (ranges: [ClosedRange<UInt32>], negated: Bool)] = {
        let groups: [String: [ClosedRange<UInt32>]] = [
            "alnum": [0x30...0x39, 0x41...0x5A, 0x61...0x7A],
            "alpha": [0x41...0x5A, 0x61...0x7A],
            "ascii": [0x00...0x7F],
            "blank": [0x09...0x09, 0x20...0x20],
            "cntrl": [0x00...0x1F, 0x7F...0x7F],
            "digit": [0x30...0x39],
            "graph": [0x21...0x7E],
            "lower": [0x61...0x7A],
            "print": [0x20...0x7E],
            "punct": [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E],
            "space": [0x09...0x0D, 0x20...0x20],
            "upper": [0x41...0x5A],
            "word": [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A],
            "xdigit": [0x30...0x39, 0x41...0x46, 0x61...0x66],
        ]
        var table: [String: (ranges: [ClosedRange<UInt32>], negated: Bool)] = [:]
        for (name, ranges) in groups {
            table["[:\(name):]"] = (ranges, false)
            table["[:^\(name):]"] = (ranges, true)
        }
        return table
    }()

    /// Go's `unicode.Categories`.
    static let categories: Set<String> = [
        "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl",
        "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs",
    ]

    /// Go's `unicode.Scripts` (Unicode 15.0, Go 1.21 and later).
    static let scripts: Set<String> = [
        "Adlam", "Ahom", "Anatolian_Hieroglyphs", "Arabic", "Armenian", "Avestan", "Balinese", "Bamum",
        "Bassa_Vah", "Batak", "Bengali", "Bhaiksuki", "Bopomofo", "Brahmi", "Braille", "Buginese", "Buhid",
        "Canadian_Aboriginal", "Carian", "Caucasian_Albanian", "Chakma", "Cham", "Cherokee", "Chorasmian",
        "Common", "Coptic", "Cuneiform", "Cypriot", "Cypro_Minoan", "Cyrillic", "Deseret", "Devanagari",
        "Dives_Akuru", "Dogra", "Duployan", "Egyptian_Hieroglyphs", "Elbasan", "Elymaic", "Ethiopic", "Georgian",
        "Glagolitic", "Gothic", "Grantha", "Greek", "Gujarati", "Gunjala_Gondi", "Gurmukhi", "Han", "Hangul",
        "Hanifi_Rohingya", "Hanunoo", "Hatran", "Hebrew", "Hiragana", "Imperial_Aramaic", "Inherited",
        "Inscriptional_Pahlavi", "Inscriptional_Parthian", "Javanese", "Kaithi", "Kannada", "Katakana", "Kawi",
        "Kayah_Li", "Kharoshthi", "Khitan_Small_Script", "Khmer", "Khojki", "Khudawadi", "Lao", "Latin", "Lepcha",
        "Limbu", "Linear_A", "Linear_B", "Lisu", "Lycian", "Lydian", "Mahajani", "Makasar", "Malayalam", "Mandaic",
        "Manichaean", "Marchen", "Masaram_Gondi", "Medefaidrin", "Meetei_Mayek", "Mende_Kikakui",
        "Meroitic_Cursive", "Meroitic_Hieroglyphs", "Miao", "Modi", "Mongolian", "Mro", "Multani", "Myanmar",
        "Nabataean", "Nag_Mundari", "Nandinagari", "New_Tai_Lue", "Newa", "Nko", "Nushu", "Nyiakeng_Puachue_Hmong",
        "Ogham", "Ol_Chiki", "Old_Hungarian", "Old_Italic", "Old_North_Arabian", "Old_Permic", "Old_Persian",
        "Old_Sogdian", "Old_South_Arabian", "Old_Turkic", "Old_Uyghur", "Oriya", "Osage", "Osmanya",
        "Pahawh_Hmong", "Palmyrene", "Pau_Cin_Hau", "Phags_Pa", "Phoenician", "Psalter_Pahlavi", "Rejang", "Runic",
        "Samaritan", "Saurashtra", "Sharada", "Shavian", "Siddham", "SignWriting", "Sinhala", "Sogdian",
        "Sora_Sompeng", "Soyombo", "Sundanese", "Syloti_Nagri", "Syriac", "Tagalog", "Tagbanwa", "Tai_Le",
        "Tai_Tham", "Tai_Viet", "Takri", "Tamil", "Tangsa", "Tangut", "Telugu", "Thaana", "Thai", "Tibetan",
        "Tifinagh", "Tirhuta", "Toto", "Ugaritic", "Vai", "Vithkuqi", "Wancho", "Warang_Citi", "Yezidi", "Yi",
        "Zanabazar_Square",
    ]
}
