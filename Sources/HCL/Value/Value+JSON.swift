extension Value {
    /// The value decoded from JSON the way Terraform's `jsondecode` does it: objects become
    /// objects, arrays become tuples, numbers keep every digit.
    public init(json: JSONValue) {
        switch json {
        case .null: self = .dynamicNull
        case .bool(let b): self = .bool(b)
        case .number(let text): self = Number(parsing: text).map { .number($0) } ?? .unknown(.number)
        case .string(let s): self = .string(s)
        case .array(let es): self = .tuple(es.map { Value(json: $0) })
        case .object(let members):
            var attrs: [String: Value] = [:]
            for (k, v) in members { attrs[k] = Value(json: v) }
            self = .object(attrs)
        }
    }

    /// Compact JSON as Terraform's `jsonencode` writes it: keys sorted, `<`, `>` and `&`
    /// escaped as Go does. Returns nil for a value that is not wholly known.
    public var jsonEncoded: String? {
        var out = ""
        guard Value.appendJSON(self, to: &out) else { return nil }
        return out
    }

    static func appendJSON(_ v: Value, to out: inout String) -> Bool {
        switch v.storage {
        case .unknown: return false
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.description
        case .string(let s): appendJSONString(s, to: &out)
        case .list(let es, _), .set(let es, _), .tuple(let es):
            out += "["
            for (i, e) in es.enumerated() {
                if i > 0 { out += "," }
                guard appendJSON(e, to: &out) else { return false }
            }
            out += "]"
        case .map(let es, _), .object(let es):
            out += "{"
            for (i, k) in es.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                appendJSONString(k, to: &out)
                out += ":"
                guard appendJSON(es[k]!, to: &out) else { return false }
            }
            out += "}"
        }
        return true
    }

    /// A JSON string literal with Go's `encoding/json` escaping.
    public static func appendJSONString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

extension Value {
    /// The value as a JSON tree (`planned_values` style); unknown parts become null.
    public var jsonValue: JSONValue {
        switch storage {
        case .unknown, .null: return .null
        case .bool(let b): return .bool(b)
        // JSON has no negative zero: Terraform's plans and outputs write it as 0.
        case .number(let n): return .number(n.isNegativeZero ? "0" : n.description)
        case .string(let s): return .string(s)
        case .list(let es, _), .set(let es, _), .tuple(let es): return .array(es.map(\.jsonValue))
        case .map(let es, _), .object(let es): return .object(es.keys.sorted().map { ($0, es[$0]!.jsonValue) })
        }
    }
}

extension ValueType {
    /// The type in go-cty's JSON type notation: `"string"`, `["list","string"]`, `["object",{...}]`.
    public var jsonValue: JSONValue {
        switch self {
        case .any: return .string("dynamic")
        case .bool: return .string("bool")
        case .number: return .string("number")
        case .string: return .string("string")
        case .list(let e): return .array([.string("list"), e.jsonValue])
        case .set(let e): return .array([.string("set"), e.jsonValue])
        case .map(let e): return .array([.string("map"), e.jsonValue])
        case .tuple(let es): return .array([.string("tuple"), .array(es.map(\.jsonValue))])
        case .object(let attrs, let optional):
            var items: [JSONValue] = [.string("object"), .object(attrs.keys.sorted().map { ($0, attrs[$0]!.jsonValue) })]
            if !optional.isEmpty { items.append(.array(optional.sorted().map { .string($0) })) }
            return .array(items)
        }
    }

    /// Reads go-cty's JSON type notation.
    public init?(json: JSONValue) {
        switch json {
        case .string("dynamic"): self = .any
        case .string("bool"): self = .bool
        case .string("number"): self = .number
        case .string("string"): self = .string
        case .array(let items):
            guard items.count >= 2, case .string(let kind) = items[0] else { return nil }
            switch kind {
            case "list", "set", "map":
                guard let e = ValueType(json: items[1]) else { return nil }
                self = kind == "list" ? .list(e) : kind == "set" ? .set(e) : .map(e)
            case "tuple":
                guard let es = items[1].arrayValue else { return nil }
                var types: [ValueType] = []
                for e in es {
                    guard let t = ValueType(json: e) else { return nil }
                    types.append(t)
                }
                self = .tuple(types)
            case "object":
                guard let members = items[1].objectMembers else { return nil }
                var attrs: [String: ValueType] = [:]
                for (k, v) in members {
                    guard let t = ValueType(json: v) else { return nil }
                    attrs[k] = t
                }
                let optional = items.count > 2 ? Set(items[2].arrayValue?.compactMap(\.stringValue) ?? []) : []
                self = .object(attrs, optional: optional)
            default: return nil
            }
        default: return nil
        }
    }
}

extension JSONValue {
    /// Compact JSON text; object members in their stored order.
    public var compactText: String {
        var out = ""
        append(to: &out, indent: nil, level: 0)
        return out
    }

    /// Indented JSON text (two spaces), for people and stable diffs.
    public var prettyText: String {
        var out = ""
        append(to: &out, indent: "  ", level: 0)
        return out + "\n"
    }

    private func append(to out: inout String, indent: String?, level: Int) {
        func newline(_ l: Int) {
            guard let indent else { return }
            out += "\n" + String(repeating: indent, count: l)
        }
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): Value.appendJSONString(s, to: &out)
        case .array(let es):
            if es.isEmpty { out += "[]"; return }
            out += "["
            for (i, e) in es.enumerated() {
                if i > 0 { out += "," }
                newline(level + 1)
                e.append(to: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (k, v)) in members.enumerated() {
                if i > 0 { out += "," }
                newline(level + 1)
                Value.appendJSONString(k, to: &out)
                out += indent == nil ? ":" : ": "
                v.append(to: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out += "}"
        }
    }
}
