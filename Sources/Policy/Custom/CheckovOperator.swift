import Foundation
import HCL

/// The attribute operators of Checkov's policy language, with Checkov's semantics.
///
/// Each case is decided as Checkov's solver of the same name decides it (its
/// `checks_infra/solvers/attribute_solvers`), including the edges a ported policy may
/// rely on: a missing attribute is Python's `None`, so `not_equals`, `not_contains`,
/// `is_false` and `length_not_equals` hold for it while `equals`, `greater_than` and
/// `is_empty` do not; `length_*` counts a map as one (Checkov's own rule). Values only
/// apply can know never reach these functions: the evaluation reports them as unknown.
enum CheckovOperator: String, Sendable, Hashable, CaseIterable {
    case equals, notEquals = "not_equals"
    case regexMatch = "regex_match", notRegexMatch = "not_regex_match"
    case exists, notExists = "not_exists"
    case any
    case contains, notContains = "not_contains"
    case within, notWithin = "not_within"
    case startingWith = "starting_with", notStartingWith = "not_starting_with"
    case endingWith = "ending_with", notEndingWith = "not_ending_with"
    case greaterThan = "greater_than", greaterThanOrEqual = "greater_than_or_equal"
    case lessThan = "less_than", lessThanOrEqual = "less_than_or_equal"
    case subset, notSubset = "not_subset"
    case isEmpty = "is_empty", isNotEmpty = "is_not_empty"
    case lengthEquals = "length_equals", lengthNotEquals = "length_not_equals"
    case lengthGreaterThan = "length_greater_than", lengthGreaterThanOrEqual = "length_greater_than_or_equal"
    case lengthLessThan = "length_less_than", lengthLessThanOrEqual = "length_less_than_or_equal"
    case isTrue = "is_true", isFalse = "is_false"
    case intersects, notIntersects = "not_intersects"
    case equalsIgnoreCase = "equals_ignore_case", notEqualsIgnoreCase = "not_equals_ignore_case"
    case rangeIncludes = "range_includes", rangeNotIncludes = "range_not_includes"
    case numberOfWordsEquals = "number_of_words_equals", numberOfWordsNotEquals = "number_of_words_not_equals"
    case numberOfWordsGreaterThan = "number_of_words_greater_than"
    case numberOfWordsGreaterThanOrEqual = "number_of_words_greater_than_or_equal"
    case numberOfWordsLessThan = "number_of_words_less_than"
    case numberOfWordsLessThanOrEqual = "number_of_words_less_than_or_equal"
    case cidrRangeSubset = "cidr_range_subset", cidrRangeNotSubset = "cidr_range_not_subset"

    /// Whether the operator only asks if the attribute is there, so that a value known
    /// only after apply still answers it (Checkov's `is_value_attribute_check = False`).
    var isPresenceCheck: Bool { Self.presenceChecks.contains(self) }

    private static let presenceChecks: Set<CheckovOperator> = [.exists, .notExists, .any]

    /// Whether a wildcard path must satisfy the operator at every match rather than at one
    /// (Checkov checks all matches only for `not_contains`).
    var appliesToAllMatches: Bool { self == .notContains }

    /// Whether the policy must give a `value` for this operator.
    var needsValue: Bool { !Self.valueless.contains(self) }

    private static let valueless: Set<CheckovOperator> = [.exists, .notExists, .any, .isEmpty, .isNotEmpty, .isTrue, .isFalse]

    /// Whether `attribute` (`.null` when absent) satisfies the operator against `value`.
    /// `regex` is `value` compiled, for the two regex operators.
    func holds(_ attribute: PolicyValue, _ value: PolicyValue, regex: NSRegularExpression? = nil) -> Bool {
        switch self {
        case .equals: return attribute.looselyEquals(value)
        case .notEquals: return !CheckovOperator.equals.holds(attribute, value)
        case .regexMatch:
            // Python's re.match: anchored at the start only.
            guard let regex else { return false }
            let text = attribute.pythonString
            let range = NSRange(text.startIndex..., in: text)
            return regex.firstMatch(in: text, options: [.anchored], range: range) != nil
        case .notRegexMatch: return !CheckovOperator.regexMatch.holds(attribute, value, regex: regex)
        case .exists: return !attribute.isNull
        case .notExists: return attribute.isNull
        case .any: return true
        case .contains: return Self.contains(attribute, value)
        case .notContains: return !Self.contains(attribute, value)
        case .within: return value.pythonContains(attribute)
        case .notWithin: return !value.pythonContains(attribute)
        case .startingWith:
            guard case .string(let s) = attribute else { return false }
            return s.hasPrefix(value.pythonString)
        case .notStartingWith: return !CheckovOperator.startingWith.holds(attribute, value)
        case .endingWith:
            guard case .string(let s) = attribute else { return false }
            return s.hasSuffix(value.pythonString)
        case .notEndingWith: return !CheckovOperator.endingWith.holds(attribute, value)
        case .greaterThan: return Self.compare(attribute, value).map { $0 > 0 } ?? false
        case .greaterThanOrEqual: return Self.compare(attribute, value).map { $0 >= 0 } ?? false
        case .lessThan: return Self.compare(attribute, value).map { $0 < 0 } ?? false
        case .lessThanOrEqual: return Self.compare(attribute, value).map { $0 <= 0 } ?? false
        case .subset: return Self.subset(attribute, value)
        case .notSubset: return !Self.subset(attribute, value)
        case .isEmpty: return Self.isEmpty(attribute)
        case .isNotEmpty: return !Self.isEmpty(attribute)
        case .lengthEquals: return Self.length(attribute, value, ==)
        case .lengthNotEquals: return !Self.length(attribute, value, ==)
        case .lengthGreaterThan: return Self.length(attribute, value, >)
        case .lengthGreaterThanOrEqual: return Self.length(attribute, value, >=)
        case .lengthLessThan: return Self.length(attribute, value, <)
        case .lengthLessThanOrEqual: return Self.length(attribute, value, <=)
        case .isTrue: return attribute == .bool(true)
        case .isFalse: return attribute != .bool(true)
        case .intersects: return Self.intersects(attribute, value)
        case .notIntersects: return !Self.intersects(attribute, value)
        case .equalsIgnoreCase: return attribute.pythonString.lowercased() == value.pythonString.lowercased()
        case .notEqualsIgnoreCase: return attribute.pythonString.lowercased() != value.pythonString.lowercased()
        case .rangeIncludes: return Self.rangeIncludes(attribute, value)
        case .rangeNotIncludes: return !Self.rangeIncludes(attribute, value)
        case .numberOfWordsEquals: return Self.words(attribute, value, ==)
        case .numberOfWordsNotEquals: return !Self.words(attribute, value, ==)
        case .numberOfWordsGreaterThan: return Self.words(attribute, value, >)
        case .numberOfWordsGreaterThanOrEqual: return Self.words(attribute, value, >=)
        case .numberOfWordsLessThan: return Self.words(attribute, value, <)
        case .numberOfWordsLessThanOrEqual: return Self.words(attribute, value, <=)
        case .cidrRangeSubset: return Self.cidrSubset(attribute, value)
        case .cidrRangeNotSubset: return !Self.cidrSubset(attribute, value)
        }
    }

    // MARK: Checkov's solvers, one helper each

    /// `contains`: a string attribute holding JSON (an IAM policy) is searched as the
    /// document; a map matches a key or a value that contains the needle.
    private static func contains(_ attribute: PolicyValue, _ value: PolicyValue) -> Bool {
        var subject = attribute
        if case .null = attribute { subject = .string("{}") }
        if case .string(let s) = subject, let json = try? JSONParser.parse(s.replacingOccurrences(of: "'", with: "\"")) {
            subject = PolicyValue(json)
        }
        if case .map(let m) = subject {
            if subject.pythonContains(value) { return true }
            return m.values.contains { v in
                switch v {
                case .string, .list, .map: return v.pythonContains(value)
                case .null, .bool, .number: return false
                }
            }
        }
        return subject.pythonContains(value)
    }

    /// The sign of `attribute - value`: numerically when both are numbers, else by text;
    /// nil for a missing attribute (Checkov's comparisons are false then).
    private static func compare(_ attribute: PolicyValue, _ value: PolicyValue) -> Int? {
        if attribute.isNull { return nil }
        if let a = attribute.pythonFloat, let b = value.pythonFloat {
            return a < b ? -1 : (a > b ? 1 : 0)
        }
        let a = attribute.pythonString, b = value.pythonString
        return a == b ? 0 : (PolicyValue.pythonLess(a, b) ? -1 : 1)
    }

    /// `subset`: the attribute's elements (a scalar is a set of one) all appear in `value`.
    private static func subset(_ attribute: PolicyValue, _ value: PolicyValue) -> Bool {
        let elements: [PolicyValue]
        switch attribute {
        case .list(let es): elements = es
        case .map(let m): elements = m.keys.map { .string($0) }
        case .null, .bool, .number, .string: elements = [attribute]
        }
        return elements.allSatisfy { value.pythonContainsElement($0) }
    }

    private static func isEmpty(_ attribute: PolicyValue) -> Bool {
        switch attribute {
        case .list, .map, .string: return attribute.pythonLength == 0
        case .null, .bool, .number: return false
        }
    }

    /// `length_*`: strings and lists by length, a map as one, anything else fails.
    private static func length(_ attribute: PolicyValue, _ value: PolicyValue, _ op: (Int, Int) -> Bool) -> Bool {
        guard let expected = value.pythonInt else { return false }
        switch attribute {
        case .map: return op(1, expected)
        case .list, .string: return op(attribute.pythonLength ?? 0, expected)
        case .null, .bool, .number: return false
        }
    }

    private static func intersects(_ attribute: PolicyValue, _ value: PolicyValue) -> Bool {
        if case .string = value { return attribute.pythonContains(value) }
        guard let items = attribute.pythonIteration else { return false }
        switch value {
        case .list, .map: return items.contains { value.pythonContains($0) }
        case .null, .bool, .number, .string: return false
        }
    }

    /// `range_includes`: `value` is a port or ports (`22`, `"1000-2000"`, a list of them);
    /// the attribute is a port, a range string, `*`, or a list of those.
    private static func rangeIncludes(_ attribute: PolicyValue, _ value: PolicyValue) -> Bool {
        if attribute.isNull { return false }
        var ports: [Int] = []
        let items: [PolicyValue]
        if case .list(let es) = value { items = es } else { items = [value] }
        for item in items {
            if case .string(let s) = item, s.contains("-") {
                let parts = s.split(separator: "-", omittingEmptySubsequences: false)
                if parts.count == 2, let a = Int(parts[0].trimmingCharacters(in: .whitespaces)),
                    let b = Int(parts[1].trimmingCharacters(in: .whitespaces)), a <= b
                {
                    ports.append(contentsOf: a...b)
                }
            } else if let p = item.pythonInt {
                ports.append(p)
            }
        }
        func includes(_ port: Int, _ a: PolicyValue) -> Bool {
            if case .string(let s) = a {
                if s == "*" { return true }
                let parts = s.split(separator: "-", omittingEmptySubsequences: false)
                if parts.count == 2 {
                    guard let lo = Int(parts[0].trimmingCharacters(in: .whitespaces)),
                        let hi = Int(parts[1].trimmingCharacters(in: .whitespaces))
                    else { return false }
                    return lo <= port && port <= hi
                }
            }
            return a.pythonInt == port
        }
        let attributes: [PolicyValue]
        if case .list(let es) = attribute { attributes = es } else { attributes = [attribute] }
        return attributes.contains { a in ports.contains { includes($0, a) } }
    }

    /// `number_of_words_*`: the attribute must be a string; words are split on whitespace.
    private static func words(_ attribute: PolicyValue, _ value: PolicyValue, _ op: (Int, Int) -> Bool) -> Bool {
        guard case .string(let s) = attribute, let expected = value.pythonInt else { return false }
        return op(s.split(whereSeparator: { $0.isWhitespace }).count, expected)
    }

    /// `cidr_range_subset`: every CIDR of the attribute lies inside one of `value`'s, IPv4
    /// and IPv6 separately; an empty or missing attribute, or one that is not CIDR, fails.
    private static func cidrSubset(_ attribute: PolicyValue, _ value: PolicyValue) -> Bool {
        func networks(_ v: PolicyValue) -> [CIDRBlock]? {
            switch v {
            case .string(let s): return CIDRBlock(s).map { [$0] }
            case .list(let es):
                var out: [CIDRBlock] = []
                for e in es {
                    guard case .string(let s) = e, let n = CIDRBlock(s) else { return nil }
                    out.append(n)
                }
                return out
            case .null, .bool, .number, .map: return nil
            }
        }
        // Python's `if not attr_val`: None, "" and [] fail.
        if attribute.isNull || attribute == .string("") || attribute == .list([]) { return false }
        guard let inner = networks(attribute), let outer = networks(value) else { return false }
        return inner.allSatisfy { n in outer.contains { $0.contains(n) } }
    }
}

extension PolicyValue {
    /// Python's `element in self` for `set.issubset(self)`: a string is its characters.
    func pythonContainsElement(_ element: PolicyValue) -> Bool {
        if case .string(let s) = self {
            guard case .string(let e) = element, e.count == 1 else { return false }
            return s.contains(e)
        }
        return pythonContains(element)
    }
}

/// An IPv4 or IPv6 network, as Python's `ip_network(strict=False)` reads one: host bits
/// are allowed, and an address without a prefix is a network of one.
struct CIDRBlock: Sendable, Hashable {
    var bytes: [UInt8]
    var prefix: Int

    init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let address = String(parts[0])
        if address.contains(":") {
            var storage = in6_addr()
            guard inet_pton(AF_INET6, address, &storage) == 1 else { return nil }
            bytes = withUnsafeBytes(of: &storage) { Array($0) }
        } else {
            let octets = address.split(separator: ".", omittingEmptySubsequences: false)
            guard octets.count == 4 else { return nil }
            var out: [UInt8] = []
            for o in octets {
                guard !o.isEmpty, o.allSatisfy(\.isASCII), let v = UInt8(o) else { return nil }
                out.append(v)
            }
            bytes = out
        }
        if parts.count == 2 {
            guard let p = Int(parts[1]), p >= 0, p <= bytes.count * 8 else { return nil }
            prefix = p
        } else {
            prefix = bytes.count * 8
        }
    }

    /// Whether `other` lies inside this network (same address family only).
    func contains(_ other: CIDRBlock) -> Bool {
        guard other.bytes.count == bytes.count, other.prefix >= prefix else { return false }
        var bits = prefix
        for i in 0..<bytes.count where bits > 0 {
            let mask: UInt8 = bits >= 8 ? 0xFF : ~(0xFF >> UInt8(bits))
            if bytes[i] & mask != other.bytes[i] & mask { return false }
            bits -= 8
        }
        return true
    }
}
