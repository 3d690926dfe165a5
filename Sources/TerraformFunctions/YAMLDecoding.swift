import HCL
import Yams

/// `yamldecode` as go-cty-yaml does it: one document, mappings become objects, sequences
/// tuples, and plain scalars resolve by YAML 1.1 rules (`yes`/`on`/`y` are true, `~` is
/// null, timestamps become RFC 3339 strings, `<<` merges a mapping); quoted scalars are
/// always strings. Yams (libyaml) does the parsing; the resolution is ported here.
enum YAMLDecoding {
    struct Failure: Error { var message: String }

    static func decode(_ text: String) throws(Failure) -> Value {
        let root: Node?
        do {
            let parser = try Parser(yaml: text.isEmpty ? "\n" : text)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            throw Failure(message: describe(error))
        } catch {
            throw Failure(message: "\(error)")
        }
        guard let root else { throw Failure(message: "on line 1, column 1: missing start of document") }
        return try value(of: root)
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return "on line \(mark.line), column \(mark.column): \(problem)"
        case .composer(_, let problem, let mark, _):
            if problem == "but found another document" {
                return "on line \(mark.line), column \(mark.column): unexpected extra content after value"
            }
            return "on line \(mark.line), column \(mark.column): \(problem)"
        case .reader(let problem, _, _, _):
            return problem
        default:
            return "\(error)"
        }
    }

    private static let strTag = "tag:yaml.org,2002:str"
    private static let prefix = "tag:yaml.org,2002:"

    private static func where_(_ mark: Mark?) -> String {
        guard let mark else { return "" }
        return "on line \(mark.line), column \(mark.column): "
    }

    private static func value(of node: Node) throws(Failure) -> Value {
        switch node {
        case .scalar(let scalar):
            return try resolve(scalar)
        case .sequence(let sequence):
            let tag = sequence.tag.description
            guard tag.isEmpty || tag == prefix + "seq" else {
                throw Failure(message: "\(where_(sequence.mark))can't interpret sequence as \(tag)")
            }
            var elements: [Value] = []
            for item in sequence { elements.append(try value(of: item)) }
            return .tuple(elements)
        case .mapping(let mapping):
            let tag = mapping.tag.description
            guard tag.isEmpty || tag == prefix + "map" else {
                throw Failure(message: "\(where_(mapping.mark))can't interpret mapping as \(tag)")
            }
            var attributes: [String: Value] = [:]
            for (keyNode, valueNode) in mapping {
                guard case .scalar(let keyScalar) = keyNode else {
                    throw Failure(message: "\(where_(keyNode.mark))only strings are allowed as mapping keys")
                }
                if keyScalar.tag.description.isEmpty, keyScalar.style == .plain, keyScalar.string == "<<" {
                    // A merge key: the value's attributes join this mapping, in order of appearance.
                    let merged = try value(of: valueNode)
                    guard let attrs = merged.attributes else {
                        throw Failure(message: "\(where_(keyScalar.mark))cannot merge \(merged.type.friendlyName) into mapping")
                    }
                    for (k, v) in attrs { attributes[k] = v }
                    continue
                }
                let key = try resolve(keyScalar)
                let name: String
                switch key.storage {
                case .string(let s): name = s
                case .number(let n): name = n.description
                case .bool(let b): name = b ? "true" : "false"
                case .null: throw Failure(message: "\(where_(keyScalar.mark))mapping key cannot be null")
                case .unknown, .list, .set, .map, .tuple, .object:
                    throw Failure(message: "\(where_(keyScalar.mark))only strings are allowed as mapping keys")
                }
                attributes[name] = try value(of: valueNode)
            }
            return .object(attributes)
        }
    }

    private static func resolve(_ scalar: Node.Scalar) throws(Failure) -> Value {
        let src = scalar.string
        var tag = scalar.tag.description
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        // libyaml reports block scalars as implicitly tagged; Yams marks them !!str. go-cty-yaml
        // sees no tag there, so "|-\n  12" is the number 12.
        if tag == strTag, scalar.style == .literal || scalar.style == .folded { tag = "" }
        if tag == strTag, quoted { tag = "" }
        do {
            return try resolveScalar(tag: tag, src: src, quoted: quoted)
        } catch {
            throw Failure(message: "\(where_(scalar.mark))\(error.message)")
        }
    }

    private static let resolveMap: [String: Value] = {
        var m: [String: Value] = [:]
        for s in ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"] { m[s] = .true }
        for s in ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"] { m[s] = .false }
        for s in ["", "~", "null", "Null", "NULL"] { m[s] = .dynamicNull }
        return m
    }()

    private static let infinities: Set<String> = [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"]

    /// go-cty-yaml's `resolveScalar`.
    private static func resolveScalar(tag: String, src: String, quoted: Bool) throws(Failure) -> Value {
        let known = ["", "str", "bool", "int", "float", "null", "timestamp", "binary"]
        guard tag.isEmpty || (tag.hasPrefix(prefix) && known.contains(String(tag.dropFirst(prefix.count)))) else {
            throw Failure(message: "unsupported tag \(ConfigFile.quoted(tag))")
        }
        let short = tag.isEmpty ? "" : String(tag.dropFirst(prefix.count))
        let kind = short
        let hint: Character? = {
            guard let c = src.first else { return "N" }
            switch c {
            case "+", "-": return "S"
            case "0"..."9": return "D"
            case "y", "Y", "n", "N", "t", "T", "f", "F", "o", "O", "~": return "M"
            case ".": return "."
            default: return nil
            }
        }()
        if let hint, short != "str", short != "binary" {
            if quoted { return .string(src) }
            // Explicit tags other than !!str and !!binary do not stop these words resolving.
            if let v = resolveMap[src] { return v }
            if infinities.contains(src) { return .number(Number.infinity(negative: src.hasPrefix("-"))) }
            if short.isEmpty, [".nan", ".NaN", ".NAN"].contains(src) {
                throw Failure(message: "floating point NaN is not supported")
            }
            switch hint {
            case ".":
                if let n = decimalNumber(src) { return .number(n) }
            case "D", "S":
                if short.isEmpty || short == "timestamp", let t = timestamp(src) { return .string(t) }
                let plain = src.replacingOccurrences(of: "_", with: "")
                if let n = decimalNumber(plain) { return .number(n) }
                // Then as Go's strconv.ParseInt(plain, 0, 64) reads it: 0x1F, 0o17, 0b101, 017.
                if let n = goParseInt(plain) { return .number(n) }
            default: break
            }
        }
        if short.isEmpty && src == "<<" { return .string("<<") }
        switch kind {
        case "str": return .string(src)
        case "binary":
            do {
                _ = try GoBase64.decode(src)
            } catch {
                throw Failure(message: "cannot parse \(ConfigFile.quoted(src)) as \(tag): not valid base64")
            }
            return .string(src)
        case "bool":
            guard let v = resolveMap[src], v.boolValue != nil else {
                throw Failure(message: "cannot parse \(ConfigFile.quoted(src)) as \(tag)")
            }
            return v
        case "int", "float":
            let plain = src.replacingOccurrences(of: "_", with: "")
            if let n = decimalNumber(plain) { return .number(n) }
            if let n = goParseInt(plain) { return .number(n) }
            throw Failure(message: "cannot parse \(ConfigFile.quoted(src)) as \(tag)")
        case "timestamp":
            if let t = timestamp(src) { return .string(t) }
            throw Failure(message: "cannot parse \(ConfigFile.quoted(src)) as \(tag)")
        case "null":
            return .dynamicNull
        default:
            return .string(src)
        }
    }

    /// A number as `cty.ParseNumberVal` (`big.ParseFloat(s, 10, 512, ...)`) reads it.
    private static func decimalNumber(_ s: String) -> Number? {
        Number(parsing: s)
    }

    /// `strconv.ParseInt(s, 0, 64)` then `ParseUint`, and the `0b` forms go-cty-yaml adds.
    private static func goParseInt(_ s: String) -> Number? {
        var body = Substring(s)
        var negative = false
        if body.first == "+" || body.first == "-" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        var radix = 10
        if body.hasPrefix("0x") || body.hasPrefix("0X") {
            radix = 16
            body = body.dropFirst(2)
        } else if body.hasPrefix("0b") || body.hasPrefix("0B") {
            radix = 2
            body = body.dropFirst(2)
        } else if body.hasPrefix("0o") || body.hasPrefix("0O") {
            radix = 8
            body = body.dropFirst(2)
        } else if body.hasPrefix("0"), body.count > 1 {
            radix = 8
            body = body.dropFirst()
        }
        guard !body.isEmpty, let magnitude = UInt64(body, radix: radix) else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Number(parsing: "-9223372036854775808") : Number(-Int(magnitude))
        }
        return Number(parsing: String(magnitude))
    }

    /// YAML timestamps that go-cty-yaml accepts, as RFC 3339 text.
    private static func timestamp(_ s: String) -> String? {
        let bytes = Array(s.utf8)
        // All forms start with four digits and a dash.
        guard bytes.count > 4, bytes[0..<4].allSatisfy({ $0 >= 48 && $0 <= 57 }), bytes[4] == UInt8(ascii: "-") else { return nil }
        var s = bytes[...]
        func number(_ maxDigits: Int) -> Int? {
            var n = 0
            var count = 0
            while let c = s.first, c >= 48, c <= 57, count < maxDigits {
                n = n * 10 + Int(c - 48)
                count += 1
                s = s.dropFirst()
            }
            return count == 0 ? nil : n
        }
        func skip(_ c: Character) -> Bool {
            guard s.first == c.asciiValue else { return false }
            s = s.dropFirst()
            return true
        }
        guard let year = number(4), skip("-"), let month = number(2), skip("-"), let day = number(2) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= GoTime.daysIn(month: month, year: year) else { return nil }
        var hour = 0, minute = 0, second = 0, offset = 0
        if !s.isEmpty {
            let separator = s.first!
            guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ") else { return nil }
            s = s.dropFirst()
            guard let h = number(2), skip(":"), let m = number(2), skip(":"), let sec = number(2) else { return nil }
            guard h < 24, m < 60, sec < 60 else { return nil }
            (hour, minute, second) = (h, m, sec)
            if s.first == UInt8(ascii: ".") {
                s = s.dropFirst()
                guard number(9) != nil else { return nil }
                while let c = s.first, c >= 48, c <= 57 { s = s.dropFirst() }
            }
            if separator == UInt8(ascii: " ") {
                guard s.isEmpty else { return nil }
            } else if skip("Z") {
                guard s.isEmpty else { return nil }
            } else {
                guard let sign = s.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
                s = s.dropFirst()
                guard let oh = number(2), skip(":"), let om = number(2), s.isEmpty else { return nil }
                offset = (oh * 60 + om) * 60 * (sign == UInt8(ascii: "-") ? -1 : 1)
            }
        }
        let local = GoTime.daysFromCivil(year, month, day) * 86400 + Int64(hour * 3600 + minute * 60 + second)
        return GoTime(unixSeconds: local - Int64(offset), nanoseconds: 0, offset: offset).rfc3339
    }
}
