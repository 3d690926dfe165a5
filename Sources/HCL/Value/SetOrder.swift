/// The order in which Terraform keeps set elements, and set de-duplication.
///
/// go-cty orders sets so output is stable: known before unknown, non-null before null;
/// strings by their UTF-8 bytes, numbers numerically, `false` before `true`; anything else
/// by a canonical text form of the value (cty's "set hash bytes"), which we reproduce.
enum SetOrder {
    static func normalize(_ elements: [Value]) -> [Value] {
        if elements.count < 2 { return elements }
        var keyed = elements.map { (value: $0, key: HashKey($0)) }
        keyed.sort { less($0, $1) }
        var out: [Value] = []
        out.reserveCapacity(keyed.count)
        var previous: HashKey?
        for item in keyed {
            // Unknown elements never collapse into each other: each may turn out distinct.
            if let p = previous, p == item.key, item.value.isKnown {
                if item.value.isSensitive, !out[out.count - 1].isSensitive { out[out.count - 1].isSensitive = true }
                continue
            }
            out.append(item.value)
            previous = item.key
        }
        return out
    }

    /// Precomputed comparison key, so sorting does not rebuild text forms.
    struct HashKey: Equatable {
        var rank: Int  // 0 known non-null, 1 unknown, 2 null
        var text: [UInt8]
        var number: Number?

        init(_ v: Value) {
            switch v.storage {
            case .unknown: rank = 1; text = []; number = nil
            case .null: rank = 2; text = []; number = nil
            case .number(let n): rank = 0; text = []; number = n
            case .string(let s): rank = 0; text = Array(s.utf8); number = nil
            case .bool, .list, .set, .map, .tuple, .object:
                rank = 0; number = nil
                var buffer: [UInt8] = []
                SetOrder.appendHashText(v, to: &buffer)
                text = buffer
            }
        }

        static func == (a: HashKey, b: HashKey) -> Bool {
            a.rank == b.rank && a.text == b.text && a.number == b.number
        }
    }

    private static func less(_ a: (value: Value, key: HashKey), _ b: (value: Value, key: HashKey)) -> Bool {
        if a.key.rank != b.key.rank { return a.key.rank < b.key.rank }
        if let x = a.key.number, let y = b.key.number { return x < y }
        return a.key.text.lexicographicallyPrecedes(b.key.text)
    }

    /// cty's canonical text of a value, used to order sets of non-primitive values.
    static func appendHashText(_ v: Value, to buffer: inout [UInt8]) {
        switch v.storage {
        case .unknown: buffer.append(UInt8(ascii: "?"))
        case .null: buffer.append(UInt8(ascii: "~"))
        case .bool(let b): buffer.append(b ? UInt8(ascii: "T") : UInt8(ascii: "F"))
        case .number(let n): buffer.append(contentsOf: n.goString.utf8)
        case .string(let s): buffer.append(contentsOf: goQuoted(s).utf8)
        case .map(let es, _):
            buffer.append(UInt8(ascii: "{"))
            for k in es.keys.sorted() {
                buffer.append(contentsOf: goQuoted(k).utf8)
                buffer.append(UInt8(ascii: ":"))
                appendHashText(es[k]!, to: &buffer)
                buffer.append(UInt8(ascii: ";"))
            }
            buffer.append(UInt8(ascii: "}"))
        case .list(let es, _), .set(let es, _):
            buffer.append(UInt8(ascii: "["))
            for e in es {
                appendHashText(e, to: &buffer)
                buffer.append(UInt8(ascii: ";"))
            }
            buffer.append(UInt8(ascii: "]"))
        case .object(let es):
            buffer.append(UInt8(ascii: "<"))
            for k in es.keys.sorted() {
                appendHashText(es[k]!, to: &buffer)
                buffer.append(UInt8(ascii: ";"))
            }
            buffer.append(UInt8(ascii: ">"))
        case .tuple(let es):
            buffer.append(UInt8(ascii: "<"))
            for e in es {
                appendHashText(e, to: &buffer)
                buffer.append(UInt8(ascii: ";"))
            }
            buffer.append(UInt8(ascii: ">"))
        }
    }

    /// Go's `%q` for the characters that occur in practice.
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
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension Value {
    /// Go's `%q` (`strconv.Quote`) for the characters that occur in practice: how go-cty
    /// quotes strings in set ordering and in many function error messages.
    public static func goQuoted(_ s: String) -> String { SetOrder.goQuoted(s) }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
