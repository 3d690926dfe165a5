import HCL

// format and formatlist, as go-cty's stdlib/format.go and its Ragel scanner
// (format_fsm.rl) implement them for Terraform.

extension Builtins {
    static let format: [BuiltinFunction] = [
        BuiltinFunction(
            "format", [.init("format", .string, allowUnknown: true)],
            variadic: .init("args", .any, allowNull: true, allowUnknown: true), returns: .string
        ) { args, _ throws(FunctionError) in
            let values = Array(args.dropFirst())
            if hasDynamicArgument(values) { return .dynamicUnknown }
            // Collections print as JSON, which needs every nested value.
            guard let format = args[0].stringValue, values.allSatisfy(\.isWhollyKnown) else { return .unknown(.string) }
            return .normalizedString(try GoPrintf.format(format, values))
        },
        BuiltinFunction(
            "formatlist", [.init("format", .string, allowUnknown: true)],
            variadic: .init("args", .any, allowNull: true, allowUnknown: true), returns: .list(.string),
            formatList
        ),
    ]

    /// Whether an argument is untyped (unknown or null of type `any`). go-cty cannot type a
    /// call whose dynamic parameter gets one, and its result is an unknown of any type.
    private static func hasDynamicArgument(_ values: [Value]) -> Bool {
        values.contains { $0.type == .any }
    }

    /// formatlist: lists, sets and tuples are iterated in step (all of one length), other
    /// arguments repeat in every iteration.
    private static func formatList(_ args: [Value], _: FunctionContext) throws(FunctionError) -> Value {
        let values = Array(args.dropFirst())
        if hasDynamicArgument(values) { return .dynamicUnknown }
        guard let format = args[0].stringValue else { return .unknown(.list(.string)) }
        if values.isEmpty { return .list([.normalizedString(try GoPrintf.format(format, []))], element: .string) }

        var iterations = -1
        var lengthFrom = -1
        var sequences: [[Value]?] = Array(repeating: nil, count: values.count)
        var unknown = false
        for (i, value) in values.enumerated() {
            let length: Int?
            switch value.type {
            case .list, .set:
                guard !value.isNull else { continue }
                // A list or set of unknown length cannot be iterated yet.
                if case .set = value.type, !value.isWhollyKnown, value.count != 1 {
                    length = nil
                } else {
                    length = value.count
                }
            case .tuple(let types):
                guard !value.isNull else { continue }
                length = types.count
            case .any, .bool, .number, .string, .map, .object:
                continue
            }
            guard let length else {
                unknown = true
                continue
            }
            if iterations == -1 {
                iterations = length
                lengthFrom = i
            } else if length != iterations {
                throw FunctionError(
                    argument: i + 1,
                    "argument \(i + 1) has length \(length), which is inconsistent with argument \(lengthFrom + 1) of length \(iterations)")
            }
            if let elements = value.elements { sequences[i] = elements } else { unknown = true }
        }
        if unknown { return .unknown(.list(.string)) }
        if iterations == 0 { return .list([], element: .string) }

        var results: [Value] = []
        results.reserveCapacity(max(iterations, 1))
        for iteration in 0..<max(iterations, 1) {
            let callArgs = values.indices.map { i in sequences[i]?[iteration] ?? values[i] }
            if callArgs.contains(where: { !$0.isWhollyKnown }) {
                results.append(.unknown(.string))
                continue
            }
            do {
                results.append(.normalizedString(try GoPrintf.format(format, callArgs)))
            } catch {
                throw FunctionError("error on format iteration \(iteration): \(error.message)")
            }
        }
        return .list(results, element: .string)
    }
}

/// go-cty's `formatFSM`: the format string scanner and the verbs.
enum GoPrintf {
    /// One `%...` sequence, as the scanner collected it.
    private struct Verb {
        var raw = ""
        var offset = 0
        var argument = 1
        var mode: Unicode.Scalar = "v"
        var spec = GoFormat.Spec()
    }

    /// The formatted string, or go-cty's error (an argument error for extra arguments).
    static func format(_ format: String, _ args: [Value]) throws(FunctionError) -> String {
        let bytes = Array(format.utf8)
        var out = ""
        var nextArgument = 1
        var highestArgument = 0
        var literalStart = 0
        var p = 0
        while p < bytes.count {
            guard bytes[p] == UInt8(ascii: "%") else {
                p += 1
                continue
            }
            out += String(decoding: bytes[literalStart..<p], as: UTF8.self)
            if p + 1 < bytes.count, bytes[p + 1] == UInt8(ascii: "%") {
                out += "%"
                p += 2
            } else {
                let verb = try scanVerb(bytes, at: &p, argument: nextArgument)
                highestArgument = max(highestArgument, verb.argument)
                out += try append(verb, args)
                nextArgument = verb.argument + 1
            }
            literalStart = p
        }
        out += String(decoding: bytes[literalStart...], as: UTF8.self)

        if highestArgument < args.count {
            // Extra arguments are an error, to catch mistakes.
            if highestArgument == 0 {
                throw FunctionError(argument: highestArgument + 1, "too many arguments; no verbs in format string")
            }
            throw FunctionError(argument: highestArgument + 1, "too many arguments; only \(highestArgument) used by format string")
        }
        return out
    }

    /// One verb at `p` (a `%` not followed by another): `%`, flags, width, precision,
    /// argument index, letter, in that order (`%5[1]d`, not `%[1]5d`).
    private static func scanVerb(_ bytes: [UInt8], at p: inout Int, argument: Int) throws(FunctionError) -> Verb {
        func unrecognized(_ at: Int) -> FunctionError {
            // The scanner reports the whole UTF-8 sequence at the offending byte.
            let scalar = String(decoding: bytes[at...].prefix(4), as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
            return FunctionError("unrecognized format character \(goQuote(scalar)) at offset \(at)")
        }
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") }
        func number() -> Int {
            var n = 0
            while isDigit(p) {
                n = n &* 10 &+ Int(bytes[p] - UInt8(ascii: "0"))
                p += 1
            }
            return n
        }
        func checkNotAtEnd() throws(FunctionError) {
            if p >= bytes.count { throw FunctionError("invalid format string starting at offset \(p)") }
        }

        var verb = Verb()
        let start = p
        verb.offset = start
        verb.argument = argument
        p += 1
        flags: while p < bytes.count {
            switch bytes[p] {
            case UInt8(ascii: "0"): verb.spec.zero = true
            case UInt8(ascii: "#"): verb.spec.sharp = true
            case UInt8(ascii: "-"): verb.spec.minus = true
            case UInt8(ascii: "+"): verb.spec.plus = true
            case UInt8(ascii: " "): verb.spec.space = true
            default: break flags
            }
            p += 1
        }
        // A width has no leading zero: a zero there is the flag.
        if isDigit(p), bytes[p] != UInt8(ascii: "0") { verb.spec.width = number() }
        if p < bytes.count, bytes[p] == UInt8(ascii: ".") {
            p += 1
            verb.spec.precision = number()
        }
        if p < bytes.count, bytes[p] == UInt8(ascii: "[") {
            p += 1
            try checkNotAtEnd()
            guard isDigit(p), bytes[p] != UInt8(ascii: "0") else { throw unrecognized(p) }
            verb.argument = number()
            try checkNotAtEnd()
            guard bytes[p] == UInt8(ascii: "]") else { throw unrecognized(p) }
            p += 1
        }
        try checkNotAtEnd()
        let c = bytes[p]
        guard (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) else {
            throw unrecognized(p)
        }
        verb.mode = Unicode.Scalar(c)
        p += 1
        verb.raw = String(decoding: bytes[start..<p], as: UTF8.self)
        return verb
    }

    /// go-cty's `formatAppend`: one verb applied to its argument.
    private static func append(_ verb: Verb, _ args: [Value]) throws(FunctionError) -> String {
        let index = verb.argument - 1
        guard index < args.count else {
            throw FunctionError(
                "not enough arguments for \(goQuote(verb.raw)) at \(verb.offset): need index \(verb.argument) but have \(args.count) total")
        }
        let arg = args[index]
        func unsupported(_ why: String) -> FunctionError {
            FunctionError("unsupported value for \(goQuote(verb.raw)) at \(verb.offset): \(why)")
        }
        if verb.mode != "v" && arg.isNull { throw unsupported("null value cannot be formatted") }
        func converted(_ type: ValueType) throws(FunctionError) -> Value {
            do { return try arg.converted(to: type) } catch { throw unsupported(error.description) }
        }

        switch verb.mode {
        case "v":
            if !verb.spec.sharp {
                switch arg.storage {
                case .string(let s): return padWidth(verb.spec, s)
                case .number(let n): return padWidth(verb.spec, GoFormat.text(n, verb: "g", precision: -1))
                default: break
                }
            }
            return padWidth(verb.spec, arg.jsonEncoded ?? "null")
        case "t":
            return try converted(.bool).boolValue! ? "true" : "false"
        case "b", "d", "o", "x", "X":
            let n = try converted(.number).numberValue!
            guard n.isInteger else { throw unsupported("an integer is required") }
            return GoFormat.integer(n, verb: verb.mode, verb.spec)
        case "e", "E", "f", "g", "G":
            return GoFormat.float(try converted(.number).numberValue!, verb: verb.mode, verb.spec)
        case "s", "q":
            var s = try converted(.string).stringValue!
            if let precision = verb.spec.precision, precision > 0 {
                // Precision counts characters (grapheme clusters), and truncates the input.
                s = GoGraphemes.clusters(s).prefix(precision).joined()
            }
            if verb.mode == "s" { return padWidth(verb.spec, s) }
            var quoted = ""
            Value.appendJSONString(s, to: &quoted)
            return padWidth(verb.spec, quoted)
        default:
            throw FunctionError(
                "unsupported format verb \(goQuote(verb.mode)) in \(goQuote(verb.raw)) at offset \(verb.offset)")
        }
    }

    /// go-cty's `formatPadWidth`: width in characters, zeros when the 0 flag is given (even
    /// on the right, with the - flag).
    private static func padWidth(_ spec: GoFormat.Spec, _ s: String) -> String {
        guard let width = spec.width else { return s }
        let length = GoGraphemes.count(s)
        guard length < width else { return s }
        let pad = String(repeating: spec.zero ? "0" : " ", count: width - length)
        return spec.minus ? s + pad : pad + s
    }

    /// Go's `%q` of a rune (`strconv.QuoteRune`).
    static func goQuote(_ c: Unicode.Scalar) -> String {
        "'" + goEscaped(c, quote: "'") + "'"
    }

    /// Go's `%q` of a string (`strconv.Quote`).
    static func goQuote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars { out += goEscaped(c, quote: "\"") }
        return out + "\""
    }

    private static func goEscaped(_ c: Unicode.Scalar, quote: Unicode.Scalar) -> String {
        switch c {
        case quote, "\\": return "\\" + String(c)
        case "\u{07}": return "\\a"
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{0B}": return "\\v"
        default: break
        }
        if isGoPrintable(c) { return String(c) }
        let hex = String(c.value, radix: 16)
        if c.value < 0x80 { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
        if c.value < 0x10000 { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
        return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    private static func isGoPrintable(_ c: Unicode.Scalar) -> Bool {
        if c == " " { return true }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
