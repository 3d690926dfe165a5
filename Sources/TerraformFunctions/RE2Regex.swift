import Foundation

/// A compiled RE2 pattern that finds and replaces matches with Go's `regexp` semantics.
///
/// Matching runs on ICU through `NSRegularExpression`; what differs from ICU is done
/// here: Go drops an empty match that starts where the previous match ended, and Go's
/// replacement template syntax is `$1`, `${1}`, `$name`, `${name}`, `$$`.
/// Compiled patterns are cached, since a configuration applies the same few patterns
/// to many values.
final class RE2Regex: @unchecked Sendable {
    let pattern: RE2Pattern
    private let regex: NSRegularExpression

    /// A match: the UTF-16 range of the whole match, then one per group (nil when the group
    /// did not take part). ICU never splits a surrogate pair, so every range is whole scalars.
    typealias Match = [NSRange?]

    private init(pattern: RE2Pattern) throws(RE2SyntaxError) {
        self.pattern = pattern
        do {
            regex = try NSRegularExpression(pattern: pattern.icuPattern, options: [])
        } catch {
            // The translation only produces valid ICU; this is a safety net.
            throw RE2SyntaxError(code: .invalidPerlOp, expression: pattern.icuPattern)
        }
    }

    private static let cache = RegexCache()

    /// The compiled pattern, from the cache when it was compiled before.
    static func compile(_ source: String) throws(RE2SyntaxError) -> RE2Regex {
        if let cached = cache.lookup(source) { return try cached.get() }
        let result: Result<RE2Regex, RE2SyntaxError>
        do {
            result = .success(try RE2Regex(pattern: try RE2Pattern(source)))
        } catch {
            result = .failure(error)
        }
        cache.store(source, result)
        return try result.get()
    }

    private static func match(_ result: NSTextCheckingResult) -> Match {
        (0..<result.numberOfRanges).map { i in
            let r = result.range(at: i)
            return r.location == NSNotFound ? nil : r
        }
    }

    /// All non-overlapping matches in `s`, as Go's `FindAllStringSubmatchIndex(s, -1)`.
    func allMatches(in s: NSString) -> [Match] {
        var out: [Match] = []
        var previousEnd = -1
        for result in regex.matches(in: s as String, options: [], range: NSRange(location: 0, length: s.length)) {
            let whole = result.range
            // Go skips an empty match right after the previous match; ICU reports it.
            let isEmptyAfterPrevious = whole.length == 0 && whole.location == previousEnd
            previousEnd = whole.location + whole.length
            if !isEmptyAfterPrevious { out.append(Self.match(result)) }
        }
        return out
    }

    /// The first match in `s`, as Go's `FindStringSubmatchIndex`.
    func firstMatch(in s: NSString) -> Match? {
        regex.firstMatch(in: s as String, options: [], range: NSRange(location: 0, length: s.length)).map(Self.match)
    }

    /// `s` with every match replaced by the expanded template, as Go's `ReplaceAllString`.
    func replaceAll(in string: String, with template: String) -> String {
        let s = string as NSString
        let matches = allMatches(in: s)
        if matches.isEmpty { return string }
        let expansion = Template(template)
        var out = ""
        var last = 0
        for m in matches {
            guard let whole = m[0] else { continue }
            out += s.substring(with: NSRange(location: last, length: whole.location - last))
            expansion.append(match: m, in: s, names: pattern.groupNames, to: &out)
            last = whole.location + whole.length
        }
        out += s.substring(from: last)
        return out
    }

    /// A Go replacement template, split once into literal text and group references.
    private struct Template {
        enum Piece {
            case text(String)
            case number(Int)
            case name(String)
        }
        var pieces: [Piece] = []

        init(_ template: String) {
            let t = Array(template.unicodeScalars)
            var literal = String.UnicodeScalarView()
            var i = 0
            while i < t.count {
                guard t[i] == "$" else {
                    literal.append(t[i])
                    i += 1
                    continue
                }
                i += 1
                if i < t.count, t[i] == "$" {
                    literal.append("$")
                    i += 1
                    continue
                }
                guard let (name, after) = Self.extractName(t, from: i) else {
                    // Malformed: the "$" is literal text.
                    literal.append("$")
                    continue
                }
                pieces.append(.text(String(literal)))
                literal = String.UnicodeScalarView()
                i = after
                if let n = Self.groupNumber(name) { pieces.append(.number(n)) } else { pieces.append(.name(name)) }
            }
            pieces.append(.text(String(literal)))
        }

        /// `name` or `{name}` (letters, digits, underscore) at `from`: the name and where it ends.
        private static func extractName(_ t: [Unicode.Scalar], from: Int) -> (String, Int)? {
            var i = from
            let braced = i < t.count && t[i] == "{"
            if braced { i += 1 }
            let start = i
            while i < t.count, t[i] == "_" || GoUnicode.isLetter(t[i]) || GoUnicode.isDigit(t[i]) { i += 1 }
            guard i > start else { return nil }
            var name = String.UnicodeScalarView()
            name.append(contentsOf: t[start..<i])
            if braced {
                guard i < t.count, t[i] == "}" else { return nil }
                i += 1
            }
            return (String(name), i)
        }

        /// The group number a name means: ASCII digits without a leading zero.
        private static func groupNumber(_ name: String) -> Int? {
            let digits = name.utf8
            guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }), digits.count <= 8 else { return nil }
            if digits.count > 1 && digits.first == 48 { return nil }
            return Int(name)
        }

        func append(match: Match, in s: NSString, names: [String?], to out: inout String) {
            for piece in pieces {
                switch piece {
                case .text(let t):
                    out += t
                case .number(let n):
                    if n < match.count, let r = match[n] { out += s.substring(with: r) }
                case .name(let name):
                    // The first group of that name that took part in the match.
                    for (i, groupName) in names.enumerated() where groupName == name {
                        if let r = match[i + 1] {
                            out += s.substring(with: r)
                            break
                        }
                    }
                }
            }
        }
    }
}

/// Compiled patterns by source text, shared by every evaluation.
private final class RegexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: Result<RE2Regex, RE2SyntaxError>] = [:]

    func lookup(_ source: String) -> Result<RE2Regex, RE2SyntaxError>? {
        lock.lock()
        defer { lock.unlock() }
        return entries[source]
    }

    func store(_ source: String, _ result: Result<RE2Regex, RE2SyntaxError>) {
        lock.lock()
        defer { lock.unlock() }
        // Patterns are few in practice; bound the cache anyway so generated ones cannot grow it forever.
        if entries.count >= 512 { entries.removeAll(keepingCapacity: true) }
        entries[source] = result
    }
}
