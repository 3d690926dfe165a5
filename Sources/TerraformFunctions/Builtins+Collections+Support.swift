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

    /// The element type cty gives a collection built from `elements` (`cty.ListVal`,
    /// `SetVal`, `MapVal`): the first that is not `any`, `empty` when there are none. cty
    /// panics when another element has a different type; so does this, in its words.
    static func elementType(of elements: [Value], empty: ValueType, kind: String) throws(FunctionError) -> ValueType {
        guard !elements.isEmpty else { return empty }
        var element = ValueType.any
        for e in elements {
            let t = e.type
            if case .any = element {
                element = t
            } else if t != .any, t != element {
                throw FunctionError(
                    "panic in function implementation: inconsistent \(kind) element types (\(goSyntax(element)) then \(goSyntax(t)))")
            }
        }
        return element
    }

    /// A list of `elements`, typed as `cty.ListVal` (or `cty.ListValEmpty(empty)`) types it.
    static func list(_ elements: [Value], empty: ValueType) throws(FunctionError) -> Value {
        Value(.list(elements, element: try elementType(of: elements, empty: empty, kind: "list")))
    }

    /// A set of `elements`, de-duplicated and in Terraform's order, with the elements'
    /// marks moved to the set as `cty.SetVal` does.
    static func set(_ elements: [Value], empty: ValueType) throws(FunctionError) -> Value {
        .setMovingMarks(elements, element: try elementType(of: elements, empty: empty, kind: "set"))
    }

    /// A map of `elements`, typed as `cty.MapVal` (or `cty.MapValEmpty(empty)`) types it.
    static func map(_ elements: [String: Value], empty: ValueType) throws(FunctionError) -> Value {
        let sorted = elements.keys.sorted().map { elements[$0]! }
        return Value(.map(elements, element: try elementType(of: sorted, empty: empty, kind: "map")))
    }

    /// A type as Go's `%#v` prints a cty type, for messages that quote cty's panics.
    static func goSyntax(_ type: ValueType) -> String {
        switch type {
        case .any: return "cty.DynamicPseudoType"
        case .bool: return "cty.Bool"
        case .number: return "cty.Number"
        case .string: return "cty.String"
        case .list(let e): return "cty.List(\(goSyntax(e)))"
        case .set(let e): return "cty.Set(\(goSyntax(e)))"
        case .map(let e): return "cty.Map(\(goSyntax(e)))"
        case .tuple(let es):
            if es.isEmpty { return "cty.EmptyTuple" }
            return "cty.Tuple([]cty.Type{\(es.map(goSyntax).joined(separator: ", "))})"
        case .object(let attrs, let optional):
            if attrs.isEmpty { return "cty.EmptyObject" }
            let fields = attrs.keys.sorted().map { "\(goQuoted($0)):\(goSyntax(attrs[$0]!))" }.joined(separator: ", ")
            let map = "map[string]cty.Type{\(fields)}"
            if optional.isEmpty { return "cty.Object(\(map))" }
            let names = optional.sorted().map(goQuoted).joined(separator: ", ")
            return "cty.ObjectWithOptionalAttrs(\(map), []string{\(names)})"
        }
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

    /// Canonical text of a wholly known value: two values of one type have equal keys
    /// exactly when Terraform's `==` holds, so de-duplication and membership can hash
    /// instead of comparing every pair. Strings are escaped rather than length-prefixed so
    /// that Swift's string equality, which is canonical equivalence, applies to the whole
    /// key: cty normalizes strings to NFC, so "é" and "e\u{301}" are one value there.
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
        case .string(let s):
            out += "S"
            appendEscaped(s, to: &out)
        case .list(let es, _), .set(let es, _), .tuple(let es):
            out += "["
            for e in es { appendEqualityKey(e, to: &out) }
            out += "]"
        case .map(let es, _), .object(let es):
            out += "{"
            for k in es.keys.sorted() {
                appendEscaped(k, to: &out)
                appendEqualityKey(es[k]!, to: &out)
            }
            out += "}"
        }
    }

    private static func appendEscaped(_ s: String, to out: inout String) {
        if s.utf8.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\\") }) {
            for scalar in s.unicodeScalars {
                if scalar == ";" || scalar == "\\" { out.unicodeScalars.append("\\") }
                out.unicodeScalars.append(scalar)
            }
        } else {
            out += s
        }
        out += ";"
    }

    /// Go's `strconv.Quote`, shared with set ordering.
    static func goQuoted(_ s: String) -> String { Value.goQuoted(s) }
}
