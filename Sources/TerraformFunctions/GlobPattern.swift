import Foundation

/// A `fileset` glob, with the syntax of the `doublestar` library Terraform uses.
///
/// `*` matches any run of characters but `/`, `?` one such character, `[abc]`, `[a-z]` and
/// `[^a-z]` one character of (or not of) a class, `{a,b}` either alternative, `**` as a
/// whole path element any number of directories, and `\` escapes the next character.
/// Unlike shells, `[!a]` is not a negation: `!` is just a member of the class.
struct GlobPattern {
    struct SyntaxError: Error {}

    /// One path element of the pattern, its brace alternatives expanded.
    enum Element {
        case literal(String)
        case anyDirectories
        case wildcard([[PatternToken]])
    }

    enum PatternToken: Equatable {
        case character(Character)
        case anyRun
        case anyOne
        case characterClass(ranges: [ClosedRange<Character>], negated: Bool)
    }

    let elements: [Element]

    init(_ pattern: String) throws(SyntaxError) {
        var elements: [Element] = []
        for part in pattern.split(separator: "/", omittingEmptySubsequences: true) {
            let text = String(part)
            if text == "**" {
                elements.append(.anyDirectories)
                continue
            }
            var alternatives: [[PatternToken]] = []
            for expanded in try Self.expandBraces(text) {
                alternatives.append(try Self.tokenize(expanded))
            }
            if alternatives.count == 1, let literal = Self.literalText(alternatives[0]) {
                elements.append(.literal(literal))
            } else {
                elements.append(.wildcard(alternatives))
            }
        }
        self.elements = elements
    }

    /// The paths under `root` (an absolute directory) that match, files and directories.
    func matches(under root: String) -> [String] {
        var found: [String] = []
        var seen: Set<String> = []
        walk(root, elements[...], &found, &seen)
        return found
    }

    private func walk(_ directory: String, _ rest: ArraySlice<Element>, _ found: inout [String], _ seen: inout Set<String>) {
        guard let element = rest.first else {
            if seen.insert(directory).inserted { found.append(directory) }
            return
        }
        let tail = rest.dropFirst()
        switch element {
        case .literal(let name):
            let path = Self.child(directory, name)
            if FileManager.default.fileExists(atPath: path) { walk(path, tail, &found, &seen) }
        case .anyDirectories:
            // Zero or more directories: try the rest here and in every directory below.
            walk(directory, tail, &found, &seen)
            for sub in Self.entries(of: directory) {
                let path = Self.child(directory, sub)
                if Self.isDirectory(path) { walk(path, rest, &found, &seen) }
                else if tail.isEmpty, seen.insert(path).inserted { found.append(path) }
            }
        case .wildcard(let alternatives):
            for name in Self.entries(of: directory) where alternatives.contains(where: { Self.match($0[...], Array(name)[...]) }) {
                let path = Self.child(directory, name)
                if tail.isEmpty || Self.isDirectory(path) { walk(path, tail, &found, &seen) }
            }
        }
    }

    private static func child(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func entries(of directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    // MARK: Matching one element

    private static func match(_ pattern: ArraySlice<PatternToken>, _ name: ArraySlice<Character>) -> Bool {
        var p = pattern
        var n = name
        while let token = p.first {
            switch token {
            case .anyRun:
                let rest = p.dropFirst()
                if rest.isEmpty { return true }
                var candidate = n
                while true {
                    if match(rest, candidate) { return true }
                    guard !candidate.isEmpty else { return false }
                    candidate = candidate.dropFirst()
                }
            case .anyOne:
                guard !n.isEmpty else { return false }
            case .character(let c):
                guard n.first == c else { return false }
            case .characterClass(let ranges, let negated):
                guard let c = n.first else { return false }
                if ranges.contains(where: { $0.contains(c) }) == negated { return false }
            }
            p = p.dropFirst()
            n = n.dropFirst()
        }
        return n.isEmpty
    }

    // MARK: Parsing

    private static func literalText(_ tokens: [PatternToken]) -> String? {
        var s = ""
        for t in tokens {
            guard case .character(let c) = t else { return nil }
            s.append(c)
        }
        return s
    }

    /// `a{b,c{d,e}}f` becomes `abf`, `acdf`, `acef`; escaped braces and commas stay.
    static func expandBraces(_ text: String) throws(SyntaxError) -> [String] {
        let chars = Array(text)
        var i = 0
        var open: Int?
        var depth = 0
        while i < chars.count {
            switch chars[i] {
            case "\\": i += 1
            case "{":
                if depth == 0 { open = i }
                depth += 1
            case "}":
                depth -= 1
                if depth < 0 { throw SyntaxError() }
                if depth == 0, let start = open {
                    let prefix = String(chars[..<start])
                    let suffix = String(chars[(i + 1)...])
                    var results: [String] = []
                    for alternative in splitAlternatives(Array(chars[(start + 1)..<i])) {
                        results.append(contentsOf: try expandBraces(prefix + alternative + suffix))
                    }
                    return results
                }
            default: break
            }
            i += 1
        }
        if depth != 0 { throw SyntaxError() }
        return [text]
    }

    private static func splitAlternatives(_ chars: [Character]) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count {
                current.append(c)
                current.append(chars[i + 1])
                i += 2
                continue
            }
            if c == "{" { depth += 1 }
            if c == "}" { depth -= 1 }
            if c == ",", depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
            i += 1
        }
        parts.append(current)
        return parts
    }

    static func tokenize(_ text: String) throws(SyntaxError) -> [PatternToken] {
        let chars = Array(text)
        var tokens: [PatternToken] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "*":
                if tokens.last != .anyRun { tokens.append(.anyRun) }
            case "?":
                tokens.append(.anyOne)
            case "\\":
                i += 1
                guard i < chars.count else { throw SyntaxError() }
                tokens.append(.character(chars[i]))
            case "[":
                i += 1
                var negated = false
                if i < chars.count, chars[i] == "^" {
                    negated = true
                    i += 1
                }
                var ranges: [ClosedRange<Character>] = []
                while true {
                    guard i < chars.count else { throw SyntaxError() }
                    if chars[i] == "]", !ranges.isEmpty { break }
                    var lo = chars[i]
                    if lo == "\\" {
                        i += 1
                        guard i < chars.count else { throw SyntaxError() }
                        lo = chars[i]
                    }
                    i += 1
                    var hi = lo
                    if i + 1 < chars.count, chars[i] == "-", chars[i + 1] != "]" {
                        i += 1
                        hi = chars[i]
                        if hi == "\\" {
                            i += 1
                            guard i < chars.count else { throw SyntaxError() }
                            hi = chars[i]
                        }
                        i += 1
                    }
                    guard lo <= hi else { throw SyntaxError() }
                    ranges.append(lo...hi)
                }
                tokens.append(.characterClass(ranges: ranges, negated: negated))
            default:
                tokens.append(.character(c))
            }
            i += 1
        }
        return tokens
    }
}
