import HCL

/// Pieces of go-cty's value model the collection, set and conversion functions share.
extension Builtins {
    /// gocty's complaint when a number must be a Go `int`.
    static let wholeNumberRequired = "value must be a whole number, between -9223372036854775808 and 9223372036854775807"

    /// The number as a Go `int`, as gocty converts it: nil unless it is whole and fits.
    static func wholeInt(_ value: Value) -> Int? {
        guard let n = value.numberValue, n.isInteger else { return nil }
        return n.int
    }

    /// The element type cty gives a list built from `elements` (`cty.ListVal`): the first
    /// that is not `any`; `empty` when there are no elements.
    static func elementType(of elements: [Value], empty: ValueType) -> ValueType {
        guard !elements.isEmpty else { return empty }
        for e in elements {
            let t = e.type
            if t != .any { return t }
        }
        return .any
    }

    /// A list of `elements`, typed as `cty.ListVal` (or `cty.ListValEmpty(empty)`) types it.
    static func list(_ elements: [Value], empty: ValueType) -> Value {
        Value(.list(elements, element: elementType(of: elements, empty: empty)))
    }

    /// A set of `elements`, de-duplicated and in Terraform's order.
    static func set(_ elements: [Value], empty: ValueType) -> Value {
        .set(elements, element: elementType(of: elements, empty: empty))
    }

    /// A map of `elements`, typed as `cty.MapVal` (or `cty.MapValEmpty(empty)`) types it.
    static func map(_ elements: [String: Value], empty: ValueType) -> Value {
        let sorted = elements.keys.sorted().map { elements[$0]! }
        return Value(.map(elements, element: elementType(of: sorted, empty: empty)))
    }

    /// Whether the number of elements is known: a set holding unknowns may still shrink
    /// when they become known (cty's `Length().IsKnown()`).
    static func lengthIsKnown(_ value: Value) -> Bool {
        switch value.storage {
        case .unknown: return false
        case .set(let es, _): return es.count == 1 || value.isWhollyKnown
        case .null, .bool, .number, .string, .list, .map, .tuple, .object: return true
        }
    }

    /// The value without its own sensitive mark, and whether it had one (cty's `Unmark`).
    static func unmarked(_ value: Value) -> (Value, Bool) {
        guard value.isSensitive else { return (value, false) }
        var copy = value
        copy.isSensitive = false
        return (copy, true)
    }

    /// Canonical text of a wholly known value: two values of one type have the same key
    /// exactly when Terraform's `==` holds, so de-duplication and membership can hash
    /// instead of comparing every pair.
    static func equalityKey(_ value: Value) -> String {
        var out = ""
        appendEqualityKey(value, to: &out)
        return out
    }

    private static func appendEqualityKey(_ value: Value, to out: inout String) {
        switch value.storage {
        case .null: out += "~"
        case .unknown: out += "?"
        case .bool(let b): out += b ? "T" : "F"
        case .number(let n):
            // Zero and negative zero are equal numbers.
            let text = n.description
            out += "N" + (text == "-0" ? "0" : text) + ";"
        case .string(let s): out += "S\(s.utf8.count):" + s
        case .list(let es, _), .set(let es, _), .tuple(let es):
            out += "[\(es.count)"
            for e in es { appendEqualityKey(e, to: &out) }
            out += "]"
        case .map(let es, _), .object(let es):
            out += "{\(es.count)"
            for k in es.keys.sorted() {
                out += "\(k.utf8.count):" + k
                appendEqualityKey(es[k]!, to: &out)
            }
            out += "}"
        }
    }

    /// Go's `strconv.Quote` for the characters that occur in practice.
    static func goQuoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
