import Foundation
import HCL

/// A value as a Checkov-format policy compares it: what the policy's YAML says, or a known
/// Terraform value brought into the same shape.
///
/// Checkov's operators are Python: they compare `str()` forms, test membership with `in`
/// and equality with `==`. The helpers here reproduce those forms, so that a policy ported
/// from Checkov decides as it did there. One deliberate difference: scalars of different
/// kinds compare by their text (`22` equals `"22"`), because Airlock's values have been
/// converted to the provider's declared types and Checkov's come straight from the source.
enum PolicyValue: Sendable, Hashable {
    /// Python's `None`: the policy gave no value, or the attribute is null or absent.
    case null
    case bool(Bool)
    /// A number with the text Python's `str()` gives it (`22`, `0.5`).
    case number(Double, text: String)
    case string(String)
    case list([PolicyValue])
    case map([String: PolicyValue])

    /// A known Terraform value in policy form; nil when any part of it is unknown.
    init?(_ value: Value) {
        switch value.storage {
        case .unknown: return nil
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n.double, text: n.description)
        case .string(let s): self = .string(s)
        case .list(let es, _), .set(let es, _), .tuple(let es):
            var out: [PolicyValue] = []
            for e in es {
                guard let v = PolicyValue(e) else { return nil }
                out.append(v)
            }
            self = .list(out)
        case .map(let es, _), .object(let es):
            var out: [String: PolicyValue] = [:]
            for (k, e) in es {
                guard let v = PolicyValue(e) else { return nil }
                out[k] = v
            }
            self = .map(out)
        }
    }

    /// A JSON document (a policy string such as an IAM policy) in policy form.
    init(_ json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let text): self = .number(Double(text) ?? .nan, text: text)
        case .string(let s): self = .string(s)
        case .array(let es): self = .list(es.map(PolicyValue.init))
        case .object(let members):
            var out: [String: PolicyValue] = [:]
            for (k, v) in members { out[k] = PolicyValue(v) }
            self = .map(out)
        }
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    // MARK: Python forms

    /// Python's `str(x)`.
    var pythonString: String {
        switch self {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .number(_, let text): return text
        case .string(let s): return s
        case .list, .map: return pythonRepr
        }
    }

    /// Python's `repr(x)`, as `str()` shows the elements of a collection.
    var pythonRepr: String {
        switch self {
        case .string(let s): return "'\(s)'"
        case .null, .bool, .number: return pythonString
        case .list(let es): return "[" + es.map(\.pythonRepr).joined(separator: ", ") + "]"
        case .map(let m): return "{" + m.keys.sorted().map { "'\($0)': \(m[$0]!.pythonRepr)" }.joined(separator: ", ") + "}"
        }
    }

    /// Python's `float(x)`: numbers, booleans and numeric strings.
    var pythonFloat: Double? {
        switch self {
        case .number(let d, _): return d
        case .bool(let b): return b ? 1 : 0
        case .string(let s): return Double(s.trimmingCharacters(in: .whitespaces))
        case .null, .list, .map: return nil
        }
    }

    /// Python's `int(x)`: truncates numbers, parses integer strings only.
    var pythonInt: Int? {
        switch self {
        case .number(let d, _): return d.isFinite ? Int(d.rounded(.towardZero)) : nil
        case .bool(let b): return b ? 1 : 0
        case .string(let s): return Int(s.trimmingCharacters(in: .whitespaces))
        case .null, .list, .map: return nil
        }
    }

    /// Equality as the policy means it: collections element by element, booleans against
    /// `true`/`false` in any case (Checkov lower-cases both sides), numbers by value, and
    /// other scalars by their text.
    func looselyEquals(_ other: PolicyValue) -> Bool {
        switch (self, other) {
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.looselyEquals($1) }
        case (.map(let a), .map(let b)):
            return a.count == b.count && a.allSatisfy { k, v in b[k].map { v.looselyEquals($0) } ?? false }
        case (.list, _), (.map, _), (_, .list), (_, .map):
            return false
        case (.bool, _), (_, .bool):
            return pythonString.lowercased() == other.pythonString.lowercased()
        case (.number(let a, _), .number(let b, _)):
            return a == b
        case (.null, _), (.number, _), (.string, _):
            return pythonString == other.pythonString
        }
    }

    /// Python's `needle in self`: membership in a list, a key of a map, a substring of a
    /// string; false where Python would raise.
    func pythonContains(_ needle: PolicyValue) -> Bool {
        switch self {
        case .list(let es): return es.contains { $0.looselyEquals(needle) }
        case .map(let m): return m.keys.contains { PolicyValue.string($0).looselyEquals(needle) }
        case .string(let s):
            guard case .string(let n) = needle else { return false }
            return n.isEmpty || s.contains(n)
        case .null, .bool, .number: return false
        }
    }

    /// What Python's `for x in self` yields: elements, keys, or characters; nil where
    /// iterating would raise.
    var pythonIteration: [PolicyValue]? {
        switch self {
        case .list(let es): return es
        case .map(let m): return m.keys.sorted().map { .string($0) }
        case .string(let s): return s.map { .string(String($0)) }
        case .null, .bool, .number: return nil
        }
    }

    /// Python's `len(x)` for the values that have one.
    var pythonLength: Int? {
        switch self {
        case .list(let es): return es.count
        case .map(let m): return m.count
        case .string(let s): return s.unicodeScalars.count
        case .null, .bool, .number: return nil
        }
    }

    /// A short rendering for messages: JSON-like, cut after 80 characters.
    var shortDescription: String {
        let text: String
        switch self {
        case .null: text = "null"
        case .bool(let b): text = b ? "true" : "false"
        case .number(_, let t): text = t
        case .string(let s): text = "\"\(s)\""
        case .list(let es): text = "[" + es.map(\.shortDescription).joined(separator: ", ") + "]"
        case .map(let m): text = "{" + m.keys.sorted().map { "\($0) = \(m[$0]!.shortDescription)" }.joined(separator: ", ") + "}"
        }
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }
}

extension PolicyValue {
    /// Python's string ordering: by code point.
    static func pythonLess(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
    }
}
