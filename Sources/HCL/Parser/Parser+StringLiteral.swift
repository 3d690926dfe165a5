extension Parser {
    /// The text of a literal template token with escapes resolved: backslash escapes in
    /// quoted strings (`\n \r \t \" \\ \uNNNN \UNNNNNNNN`), and `$${`/`%%{` everywhere.
    mutating func decodeLiteral(_ token: Token, quoted: Bool) -> String {
        let start = token.range.start.byte
        let end = token.range.end.byte
        var needsWork = false
        for i in start..<end {
            let b = src[i]
            if (quoted && b == UInt8(ascii: "\\")) || b == UInt8(ascii: "$") || b == UInt8(ascii: "%") {
                needsWork = true
                break
            }
        }
        if !needsWork {
            return String(decoding: UnsafeBufferPointer(rebasing: src[start..<end]), as: UTF8.self)
        }

        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        while i < end {
            let b = src[i]
            if (b == UInt8(ascii: "$") || b == UInt8(ascii: "%")) && i + 2 < end
                && src[i + 1] == b && src[i + 2] == UInt8(ascii: "{")
            {
                out.append(b)
                out.append(UInt8(ascii: "{"))
                i += 3
                continue
            }
            guard quoted, b == UInt8(ascii: "\\"), i + 1 < end else {
                out.append(b)
                i += 1
                continue
            }
            let selector = src[i + 1]
            switch selector {
            case UInt8(ascii: "n"): out.append(0x0A); i += 2
            case UInt8(ascii: "r"): out.append(0x0D); i += 2
            case UInt8(ascii: "t"): out.append(0x09); i += 2
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\"")); i += 2
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); i += 2
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let wanted = selector == UInt8(ascii: "u") ? 4 : 8
                var j = i + 2
                var value: UInt32 = 0
                while j < end, j - (i + 2) < wanted, let digit = Parser.hexValue(src[j]) {
                    value = value &* 16 &+ UInt32(digit)
                    j += 1
                }
                let sliceRange = escapeRange(token, i, j)
                if j - (i + 2) != wanted {
                    report(
                        .invalidEscapeSequence, "Invalid escape sequence",
                        selector == UInt8(ascii: "u")
                            ? "The \\u escape sequence must be followed by four hexadecimal digits."
                            : "The \\U escape sequence must be followed by eight hexadecimal digits.",
                        sliceRange)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: src[i..<j]))
                } else if let scalar = Unicode.Scalar(value) {
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                } else {
                    let hex = String(value, radix: 16)
                    report(
                        .invalidEscapeSequence, "Invalid escape sequence",
                        "Cannot encode character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) in UTF-8.",
                        sliceRange)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: src[i..<j]))
                }
                i = j
            default:
                let symbol = String(decoding: [selector], as: UTF8.self)
                report(
                    .invalidEscapeSequence, "Invalid escape sequence",
                    "The symbol \"\(symbol)\" is not a valid escape sequence selector. Valid escapes are \\n, \\r, \\t, \\\", \\\\, \\uNNNN and \\UNNNNNNNN; write \\\\ for a literal backslash.",
                    escapeRange(token, i, i + 2))
                out.append(selector)
                i += 2
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The range of bytes `from..<to` inside `token`, with columns counted as the lexer does.
    private func escapeRange(_ token: Token, _ from: Int, _ to: Int) -> SourceRange {
        let base = token.range.start
        let start = GraphemeCounter.advance(from: base, over: UnsafeBufferPointer(rebasing: src[base.byte..<from]))
        let end = GraphemeCounter.advance(from: start, over: UnsafeBufferPointer(rebasing: src[from..<to]))
        return SourceRange(start: start, end: end)
    }
}
