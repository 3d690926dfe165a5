import HCL

// String functions: go-cty's stdlib/string.go and string_replace.go, and Terraform's own
// lang/funcs/string.go (startswith, endswith, strcontains, replace with /regex/).
//
// Go compares and cuts strings as UTF-8 bytes; Swift's String compares by canonical
// equivalence and counts characters. So comparisons and searches here work on `utf8`,
// and only the functions Terraform defines in characters (strrev, substr) count grapheme
// clusters, as go-textseg does (`GoGraphemes`).

extension Builtins {
    static let strings: [BuiltinFunction] = [
        unary("lower") { GoUnicode.map($0, GoUnicode.toLower) },
        unary("upper") { GoUnicode.map($0, GoUnicode.toUpper) },
        unary("title", title),
        unary("strrev") { GoGraphemes.clusters($0).reversed().joined() },
        unary("trimspace") { trimScalars($0, where: GoUnicode.isSpace) },
        unary("chomp") { s in
            // Go's `(?:\r\n?|\n)*\z` removes every trailing CR and LF, in any order.
            var scalars = s.unicodeScalars[...]
            while let last = scalars.last, last == "\n" || last == "\r" { scalars.removeLast() }
            return String(String.UnicodeScalarView(scalars))
        },

        BuiltinFunction("startswith", [.init("str", .string), .init("prefix", .string)], returns: .bool) { args, _ in
            .bool(args[0].stringValue!.utf8.starts(with: args[1].stringValue!.utf8))
        },
        BuiltinFunction("endswith", [.init("str", .string), .init("suffix", .string)], returns: .bool) { args, _ in
            .bool(args[0].stringValue!.utf8.reversed().starts(with: args[1].stringValue!.utf8.reversed()))
        },
        BuiltinFunction("strcontains", [.init("str", .string), .init("substr", .string)], returns: .bool) { args, _ in
            .bool(UTF8Search.firstIndex(of: Array(args[1].stringValue!.utf8), in: Array(args[0].stringValue!.utf8), from: 0) != nil)
        },
        BuiltinFunction("trimprefix", [.init("str", .string), .init("prefix", .string)], returns: .string) { args, _ in
            let s = args[0].stringValue!, prefix = args[1].stringValue!
            guard s.utf8.starts(with: prefix.utf8) else { return args[0] }
            return .normalizedString(String(decoding: s.utf8.dropFirst(prefix.utf8.count), as: UTF8.self))
        },
        BuiltinFunction("trimsuffix", [.init("str", .string), .init("suffix", .string)], returns: .string) { args, _ in
            let s = args[0].stringValue!, suffix = args[1].stringValue!
            guard s.utf8.reversed().starts(with: suffix.utf8.reversed()) else { return args[0] }
            return .normalizedString(String(decoding: s.utf8.dropLast(suffix.utf8.count), as: UTF8.self))
        },
        BuiltinFunction("trim", [.init("str", .string), .init("cutset", .string)], returns: .string) { args, _ in
            // Each scalar of the cutset is trimmed separately (Go's strings.Trim).
            let cutset = Set(args[1].stringValue!.unicodeScalars)
            return .normalizedString(trimScalars(args[0].stringValue!) { cutset.contains($0) })
        },

        BuiltinFunction("split", [.init("separator", .string), .init("str", .string)], returns: .list(.string)) { args, _ in
            let parts = UTF8Search.split(args[1].stringValue!, separator: args[0].stringValue!)
            return .list(parts.map(Value.normalizedString), element: .string)
        },
        BuiltinFunction(
            "join", [.init("separator", .string)], variadic: .init("lists", .list(.string)), returns: .string, join
        ),
        BuiltinFunction(
            "replace", [.init("str", .string), .init("substr", .string), .init("replace", .string)], returns: .string,
            replace
        ),
        BuiltinFunction("indent", [.init("spaces", .number), .init("str", .string)], returns: .string) {
            args, _ throws(FunctionError) in
            let spaces = try wholeNumber(args[0])
            guard spaces >= 0 else {
                throw FunctionError("panic in function implementation: strings: negative Repeat count")
            }
            let pad = "\n" + String(repeating: " ", count: spaces)
            return .string(String(decoding: UTF8Search.replaceAll(Array(args[1].stringValue!.utf8), Array("\n".utf8), Array(pad.utf8)), as: UTF8.self))
        },
        BuiltinFunction(
            "substr", [.init("str", .string), .init("offset", .number), .init("length", .number)], returns: .string,
            substr
        ),
    ]

    /// A function of one string returning a string.
    private static func unary(_ name: String, _ transform: @escaping @Sendable (String) -> String) -> BuiltinFunction {
        BuiltinFunction(name, [.init("str", .string)], returns: .string) { args, _ in
            .normalizedString(transform(args[0].stringValue!))
        }
    }

    /// An argument converted to an `int` as gocty does, or its error.
    static func wholeNumber(_ value: Value) throws(FunctionError) -> Int {
        guard let n = value.numberValue?.int else {
            throw FunctionError("value must be a whole number, between -9223372036854775808 and 9223372036854775807")
        }
        return n
    }

    private static func trimScalars(_ s: String, where trimmed: (Unicode.Scalar) -> Bool) -> String {
        var scalars = s.unicodeScalars[...]
        while let first = scalars.first, trimmed(first) { scalars.removeFirst() }
        while let last = scalars.last, trimmed(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Go's strings.Title: the first letter after a separator becomes titlecase, where
    /// ASCII letters, digits and underscore, and any Unicode letter or digit, are not
    /// separators; other ASCII is, and other Unicode only when it is a space.
    private static func title(_ s: String) -> String {
        func isSeparator(_ c: Unicode.Scalar) -> Bool {
            if c.isASCII {
                switch c {
                case "0"..."9", "a"..."z", "A"..."Z", "_": return false
                default: return true
                }
            }
            if GoUnicode.isLetter(c) || GoUnicode.isDigit(c) { return false }
            return GoUnicode.isSpace(c)
        }
        var previous: Unicode.Scalar = " "
        return GoUnicode.map(s) { c in
            defer { previous = c }
            return isSeparator(previous) ? GoUnicode.toTitle(c) : c
        }
    }

    private static func join(_ args: [Value], _: FunctionContext) throws(FunctionError) -> Value {
        let separator = args[0].stringValue!
        let lists = args.dropFirst()
        guard !lists.isEmpty else { throw FunctionError("at least one list is required") }
        var items: [String] = []
        for (listIndex, list) in lists.enumerated() {
            for (elementIndex, element) in (list.elements ?? []).enumerated() {
                guard let s = element.stringValue else {
                    let which = lists.count > 1 ? "element \(elementIndex) of list \(listIndex + 1)" : "element \(elementIndex)"
                    throw FunctionError(argument: listIndex + 1, "\(which) is null; cannot concatenate null values")
                }
                items.append(s)
            }
        }
        return .normalizedString(items.joined(separator: separator))
    }

    private static func replace(_ args: [Value], _: FunctionContext) throws(FunctionError) -> Value {
        let s = args[0].stringValue!
        let substr = args[1].stringValue!
        let replacement = args[2].stringValue!
        // A substring wrapped in slashes is a regular expression (Terraform's replace).
        let bytes = substr.utf8
        if bytes.count > 1, bytes.first == UInt8(ascii: "/"), bytes.last == UInt8(ascii: "/") {
            let pattern = String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self)
            let re: RE2Regex
            do { re = try RE2Regex.compile(pattern) } catch { throw FunctionError(error.goDescription) }
            return .normalizedString(re.replaceAll(in: s, with: replacement))
        }
        let result = UTF8Search.replaceAll(Array(s.utf8), Array(bytes), Array(replacement.utf8))
        return .normalizedString(String(decoding: result, as: UTF8.self))
    }

    /// go-cty's substr, in grapheme clusters, quirks included: a negative offset counts
    /// from the end (and is not clamped), a negative length takes the rest, and a length
    /// of zero after a negative offset also takes the rest.
    private static func substr(_ args: [Value], _: FunctionContext) throws(FunctionError) -> Value {
        let clusters = GoGraphemes.clusters(args[0].stringValue!)
        var offset = try wholeNumber(args[1])
        let length = try wholeNumber(args[2])
        if offset < 0 {
            offset += clusters.count
        } else if length == 0 {
            return .string("")
        }
        var rest = clusters[...]
        if offset > 0 { rest = rest.dropFirst(offset) }
        if length <= 0 { return .normalizedString(rest.joined()) }
        return .normalizedString(rest.prefix(length).joined())
    }
}

/// Byte-wise search and split over UTF-8, as Go's `strings` package does them.
enum UTF8Search {
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        if needle.isEmpty { return start <= haystack.count ? start : nil }
        guard haystack.count >= needle.count else { return nil }
        let first = needle[0]
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Go's `strings.Split`: an empty separator splits after each UTF-8 sequence, and an
    /// empty string with an empty separator gives no parts at all.
    static func split(_ s: String, separator: String) -> [String] {
        if separator.isEmpty { return s.unicodeScalars.map { String($0) } }
        let bytes = Array(s.utf8), sep = Array(separator.utf8)
        var parts: [String] = []
        var start = 0
        while let i = firstIndex(of: sep, in: bytes, from: start) {
            parts.append(String(decoding: bytes[start..<i], as: UTF8.self))
            start = i + sep.count
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }

    /// Go's `strings.Replace(s, old, new, -1)`: with an empty `old`, `new` goes before
    /// every UTF-8 sequence and at the end.
    static func replaceAll(_ s: [UInt8], _ old: [UInt8], _ new: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        if old.isEmpty {
            out.append(contentsOf: new)
            var i = 0
            while i < s.count {
                // One UTF-8 sequence: a lead byte and its continuation bytes.
                var j = i + 1
                while j < s.count && s[j] & 0xC0 == 0x80 { j += 1 }
                out.append(contentsOf: s[i..<j])
                out.append(contentsOf: new)
                i = j
            }
            return out
        }
        var start = 0
        while let i = firstIndex(of: old, in: s, from: start) {
            out.append(contentsOf: s[start..<i])
            out.append(contentsOf: new)
            start = i + old.count
        }
        out.append(contentsOf: s[start...])
        return out
    }
}
