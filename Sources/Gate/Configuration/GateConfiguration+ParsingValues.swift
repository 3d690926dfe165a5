import Foundation
import Yams

/// A value in the file and where it hangs: the key it is under (nil for list items and the
/// root) and its path for messages (`rules[2].when.tier`).
struct Entry {
    var key: Node?
    var value: Node
    var path: String

    /// The node a message about this value points at: the value itself, or its key when
    /// the value is empty (`key:` with nothing after it has no position worth showing).
    var anchor: Node {
        if let key, case .scalar(let scalar) = value, scalar.string.isEmpty, scalar.style == .plain || scalar.style == .any {
            return key
        }
        return value
    }
}

/// The keys of one mapping of the schema, each looked up once.
struct Fields {
    /// The mapping itself.
    let entry: Entry
    fileprivate var byKey: [String: Entry] = [:]

    subscript(_ key: String) -> Entry? { byKey[key] }
}

extension ConfigurationReader {
    // MARK: Mappings

    /// The keys of a mapping whose keys the schema fixes. Unknown keys (with a suggestion)
    /// and repeated keys are reported and skipped; an empty value (`limits:`) reads as an
    /// empty mapping.
    mutating func fields(_ entry: Entry, allowed: [String]) -> Fields? {
        var result = Fields(entry: entry)
        if isNull(entry.value) { return result }
        guard let pairs = pairs(entry, expecting: "a mapping", hint: "It takes the keys \(allowed.joined(separator: ", ")).") else { return nil }
        for (name, child) in pairs {
            guard allowed.contains(name) else {
                let keyNode = child.key ?? child.value
                if name == "<<" {
                    report(.unknownKey, keyNode, "YAML merge keys are not supported",
                           "`<<` merges another mapping in YAML 1.1, but Airlock reads every key of \(entry.path) literally, so merged settings would be lost. Write the keys out in full.")
                } else {
                    report(.unknownKey, keyNode, "Unknown key \"\(name)\" in \(entry.path)",
                           "\"\(name)\" is not a key of \(entry.path), and a setting Airlock would ignore is a rule you think you have.\(didYouMean(name, among: allowed)) The keys are \(allowed.joined(separator: ", ")).")
                }
                continue
            }
            result.byKey[name] = child
        }
        return result
    }

    /// The pairs of a mapping in file order, keys as names. A key that is not a name, or
    /// that repeats an earlier one, is reported and skipped: YAML forbids repeated keys,
    /// and which copy a tool keeps differs, so neither is guessed at.
    mutating func pairs(_ entry: Entry, expecting: String = "a mapping", hint: String = "") -> [(name: String, entry: Entry)]? {
        guard case .mapping(let mapping) = entry.value else {
            wrongType(entry, expected: expecting, hint: hint)
            return nil
        }
        var seen: [String: Node] = [:]
        var result: [(name: String, entry: Entry)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                report(.wrongType, key, "A key in \(entry.path) is not a name",
                       "Found \(describe(key)) used as a key. Keys in airlock.yaml are plain names; write the key as text.")
                continue
            }
            let name = scalar.string
            if let first = seen[name] {
                report(.duplicateKey, key, "Duplicate key \"\(name)\" in \(entry.path)",
                       "\"\(name)\" is already set at line \(first.mark?.line ?? 1), column \(first.mark?.column ?? 1). YAML forbids repeating a key, and tools disagree on which copy wins; keep one and delete the other.")
                continue
            }
            seen[name] = key
            let path = entry.path == ConfigurationReader.rootPath ? name : "\(entry.path).\(name)"
            result.append((name, Entry(key: key, value: value, path: path)))
        }
        return result
    }

    // MARK: Lists

    /// The items of a list; a single scalar is read as a one-item list (`tier: high` for
    /// `tier: [high]`). `required` refuses an empty list.
    mutating func items(_ entry: Entry, required: Bool = false) -> [Entry]? {
        switch entry.value {
        case .sequence(let sequence):
            if required, sequence.isEmpty {
                report(.emptyList, entry.anchor, "\(entry.path) is empty",
                       "\(entry.path) needs at least one item; an empty list would match nothing. Add an item, or remove the key.")
                return nil
            }
            return sequence.enumerated().map { Entry(key: nil, value: $0.element, path: "\(entry.path)[\($0.offset)]") }
        case .scalar where isNull(entry.value):
            wrongType(entry, expected: "a list", hint: "Write [] for none, or remove the key to keep the default.")
            return nil
        case .scalar:
            return [entry]
        case .mapping:
            wrongType(entry, expected: "a list")
            return nil
        }
    }

    mutating func strings(_ entry: Entry, required: Bool = false) -> [String]? {
        guard let items = items(entry, required: required) else { return nil }
        return items.compactMap { string($0) }
    }

    mutating func globs(_ entry: Entry, required: Bool = false) -> [GlobPattern]? {
        strings(entry, required: required).map { $0.map { GlobPattern($0) } }
    }

    // MARK: Scalars

    /// A scalar's text, whatever YAML would resolve it to (`2024` is the name "2024").
    mutating func string(_ entry: Entry) -> String? {
        guard case .scalar(let scalar) = entry.value, !isNull(entry.value) else {
            wrongType(entry, expected: "a string")
            return nil
        }
        return scalar.string
    }

    /// A plain decimal whole number, at least `minimum`.
    mutating func integer(_ entry: Entry, minimum: Int? = nil) -> Int? {
        guard case .scalar(let scalar) = entry.value, isDecimal(scalar.string) else {
            wrongType(entry, expected: "a whole number")
            return nil
        }
        if scalar.style != .plain && scalar.style != .any {
            wrongType(entry, expected: "a whole number", hint: "It is quoted, which makes it a string: remove the quotes.")
            return nil
        }
        guard let value = Int(scalar.string) else {
            report(.numberOutOfRange, entry.value, "\(entry.path) is too large",
                   "\(scalar.string) does not fit in a 64-bit integer. Use a smaller number.")
            return nil
        }
        if let minimum, value < minimum {
            let why = minimum == 0 ? "cannot be negative" : "must be at least \(minimum)"
            report(.numberOutOfRange, entry.value, "\(entry.path) \(why)",
                   "Found \(value); \(entry.path) \(why). Write a number of \(minimum) or more.")
            return nil
        }
        return value
    }

    /// `true` or `false`. YAML 1.1's `yes`/`no`/`on`/`off` are refused: YAML 1.2 reads them
    /// as strings, so what they mean depends on the reader.
    mutating func boolean(_ entry: Entry) -> Bool? {
        if case .scalar(let scalar) = entry.value, scalar.style == .plain || scalar.style == .any {
            switch scalar.string {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        wrongType(entry, expected: "true or false")
        return nil
    }

    /// One value of a closed set (tier, outcome, action, actor kind, severity).
    mutating func choice<E: RawRepresentable & CaseIterable>(_ entry: Entry, of _: E.Type, allowed: [E]? = nil) -> E? where E.RawValue == String {
        let allowed = allowed ?? Array(E.allCases)
        let names = allowed.map(\.rawValue)
        guard case .scalar(let scalar) = entry.value, !isNull(entry.value) else {
            wrongType(entry, expected: "one of \(names.joined(separator: ", "))")
            return nil
        }
        let text = scalar.string
        if let value = E(rawValue: text), allowed.contains(where: { $0.rawValue == text }) { return value }
        report(.invalidValue, entry.value, "\"\(text)\" is not a valid \(entry.path)",
               "\(entry.path) must be one of \(names.joined(separator: ", ")); found \"\(text)\".\(didYouMean(text, among: names))")
        return nil
    }

    /// A list of values of a closed set; never empty (an empty list would match nothing).
    mutating func choices<E: RawRepresentable & CaseIterable>(_ entry: Entry, of type: E.Type) -> [E]? where E.RawValue == String {
        guard let items = items(entry, required: true) else { return nil }
        return items.compactMap { choice($0, of: type) }
    }

    /// Seconds, from `90`, `90s`, `30m`, `24h` or `7d`; above zero.
    mutating func duration(_ entry: Entry) -> Int? {
        guard let text = string(entry) else { return nil }
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        var digits = Substring(text)
        var unit = 1
        if let last = text.last, let multiplier = units[last] {
            digits = text.dropLast()
            unit = multiplier
        }
        if isDecimal(String(digits)), !digits.hasPrefix("-"), !digits.hasPrefix("+"), let n = Int(digits), n > 0 {
            let (seconds, overflow) = n.multipliedReportingOverflow(by: unit)
            if !overflow { return seconds }
        }
        report(.invalidDuration, entry.value, "\"\(text)\" is not a duration",
               "\(entry.path) is a time span: a whole number above zero followed by s, m, h or d (`90s`, `30m`, `24h`, `7d`), or a number of seconds.")
        return nil
    }

    /// An actor pattern, `KIND:NAME` with KIND human, agent, ci or `*`, or `*` alone.
    mutating func actorPattern(_ entry: Entry) -> GlobPattern? {
        guard let text = string(entry) else { return nil }
        if text == "*" { return GlobPattern(text) }
        let kinds = Actor.Kind.allCases.map(\.rawValue) + ["*"]
        guard let colon = text.firstIndex(of: ":") else {
            report(.invalidActorPattern, entry.value, "\"\(text)\" is not an actor pattern",
                   "Actors are matched as KIND:NAME, where KIND is human, agent, ci or *: write `agent:\(text)`, `human:\(text)` or `*:\(text)`. A bare name would match no actor.")
            return nil
        }
        let kind = String(text[..<colon])
        let name = text[text.index(after: colon)...]
        guard kinds.contains(kind) else {
            report(.invalidActorPattern, entry.value, "\"\(kind)\" is not an actor kind",
                   "In \"\(text)\", the part before the colon must be human, agent, ci or *; no actor has kind \"\(kind)\", so the pattern would match nothing.\(didYouMean(kind, among: kinds))")
            return nil
        }
        guard !name.isEmpty else {
            report(.invalidActorPattern, entry.value, "\"\(text)\" has no name after the kind",
                   "Write a name or a pattern after the colon: `\(kind):*` for every \(kind == "*" ? "actor" : kind), `\(kind):claude-code` for one.")
            return nil
        }
        return GlobPattern(text)
    }

    mutating func actorPatterns(_ entry: Entry) -> [GlobPattern]? {
        guard let items = items(entry, required: true) else { return nil }
        return items.compactMap { actorPattern($0) }
    }

    /// AWS account IDs: 12 digits, best quoted.
    mutating func accounts(_ entry: Entry) -> [String]? {
        guard let items = items(entry) else { return nil }
        return items.compactMap { account($0) }
    }

    private mutating func account(_ entry: Entry) -> String? {
        guard let text = string(entry) else { return nil }
        let digits = text.count == 12 && text.allSatisfy { $0.isASCII && $0.isNumber }
        guard case .scalar(let scalar) = entry.value else { return nil }
        let plainNumber = (scalar.style == .plain || scalar.style == .any) && isNumeric(text)
        if !digits {
            let zeros = plainNumber ? " Written unquoted it is a YAML number, and YAML drops leading zeros: quote account IDs (\"012345678901\")." : ""
            report(.invalidAccount, entry.value, "\"\(text)\" is not an AWS account ID",
                   "An AWS account ID is exactly 12 digits; \"\(text)\" would never match a plan's account.\(zeros)")
            return nil
        }
        if plainNumber {
            report(.unquotedAccount, entry.value, "Quote the account ID \(text)",
                   "Unquoted, \(text) is a YAML number; Airlock reads the digits as written, but other YAML tools drop leading zeros (or read 0-prefixed numbers as octal). Write \"\(text)\".")
        }
        return text
    }

    // MARK: Helpers

    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// Digits with an optional sign: the only integers the schema takes (no `0x`, `1_000`,
    /// or YAML 1.1's sexagesimal `1:30`).
    func isDecimal<S: StringProtocol>(_ text: S) -> Bool {
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Whether a plain scalar would be a number to a YAML reader.
    private func isNumeric(_ text: String) -> Bool {
        isDecimal(text) || Double(text.replacingOccurrences(of: "_", with: "")) != nil
    }

    /// A short description of a node for "found ..." messages.
    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            if isNull(node) { return "nothing" }
            let text = scalar.string.count > 40 ? scalar.string.prefix(40) + "…" : scalar.string[...]
            if scalar.style == .plain || scalar.style == .any {
                if isNumeric(scalar.string) { return "the number \(text)" }
                if ["true", "false", "True", "False", "TRUE", "FALSE"].contains(scalar.string) { return text.lowercased() }
            }
            return "\"\(text)\""
        }
    }

    /// A value of the wrong shape: `expected` is what the path takes ("a list"), `hint` how
    /// to write it.
    mutating func wrongType(_ entry: Entry, expected: String, hint: String = "") {
        let found = describe(entry.value)
        let summary = found == "nothing" ? "\(entry.path) has no value" : "\(entry.path) must be \(expected)"
        report(.wrongType, entry.anchor, summary, "Found \(found) where \(entry.path) needs \(expected).\(hint.isEmpty ? "" : " " + hint)")
    }

    /// " Did you mean "x"?" for the candidate closest to `given`, or "" when none is close:
    /// within a third of the candidate's length in edits (at least one), ignoring case and
    /// `-`/`_`; failing that, a candidate of four or more characters that starts the other
    /// (`approval` for `approval_required`, `networking` for `network`).
    func didYouMean(_ given: String, among candidates: [String]) -> String {
        let normalised = given.lowercased().replacingOccurrences(of: "-", with: "_")
        var best: (name: String, rank: Int)?
        for candidate in candidates.sorted() {
            let target = candidate.lowercased()
            let distance = Self.editDistance(Array(normalised), Array(target))
            let rank: Int
            if distance <= max(1, target.count / 3) {
                rank = distance
            } else if min(normalised.count, target.count) >= 4, target.hasPrefix(normalised) || normalised.hasPrefix(target) {
                rank = 1_000 + abs(target.count - normalised.count)
            } else {
                continue
            }
            if rank < (best?.rank ?? .max) { best = (candidate, rank) }
        }
        return best.map { " Did you mean \"\($0.name)\"?" } ?? ""
    }

    /// Edit distance counting insertions, deletions, substitutions and swaps of two
    /// neighbouring characters (`hihg` is one edit from `high`), one row at a time.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
