import HCL

/// `yamlencode`'s output, byte for byte: go-cty-yaml feeds libyaml's emitter block-style
/// events with every string double-quoted (or as a literal block when it holds a newline),
/// numbers, bools and null plain, and object keys in sorted order.
///
/// This is a port of the parts of libyaml's emitter those events reach: its indentation
/// state, the check that may downgrade a literal block to a quoted string, simple versus
/// `? ` complex keys, line folding of long quoted strings at column 80, and the `...`
/// marker after a plain scalar document.
struct YAMLEmitter {
    private var out: [UInt8] = []
    private var column = 0
    private var whitespace = true
    private var indention = true
    private var indent = -1
    private var indents: [Int] = []
    private var openEnded = false
    private var rootContext = false

    private static let bestIndent = 2
    private static let bestWidth = 80

    /// The document for a wholly known value.
    static func encode(_ value: Value) -> String {
        var e = YAMLEmitter()
        e.emitNode(value, root: true, sequence: false, mapping: false, simpleKey: false)
        // Document end: a newline, then "..." when the document was a bare plain scalar.
        e.writeIndent()
        if e.openEnded {
            e.writeIndicator("...", needWhitespace: true, isWhitespace: false, isIndention: false)
            e.writeIndent()
        }
        return String(decoding: e.out, as: UTF8.self)
    }

    // MARK: Writing primitives (libyaml's put, write_indent, write_indicator)

    private mutating func put(_ c: UInt8) {
        out.append(c)
        column += 1
    }

    private mutating func putBreak() {
        out.append(UInt8(ascii: "\n"))
        column = 0
    }

    private mutating func write(_ scalar: Unicode.Scalar) {
        out.append(contentsOf: String(scalar).utf8)
        column += 1
    }

    private mutating func writeIndent() {
        let target = max(indent, 0)
        if !indention || column > target || (column == target && !whitespace) { putBreak() }
        while column < target { put(UInt8(ascii: " ")) }
        whitespace = true
        indention = true
    }

    private mutating func writeIndicator(_ text: String, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needWhitespace && !whitespace { put(UInt8(ascii: " ")) }
        for c in text.utf8 { put(c) }
        whitespace = isWhitespace
        indention = indention && isIndention
    }

    private mutating func increaseIndent(flow: Bool, indentless: Bool) {
        indents.append(indent)
        if indent < 0 {
            indent = flow ? Self.bestIndent : 0
        } else if !indentless {
            indent += Self.bestIndent
        }
    }

    private mutating func popIndent() { indent = indents.removeLast() }

    // MARK: Nodes

    private mutating func emitNode(_ value: Value, root: Bool, sequence: Bool, mapping: Bool, simpleKey: Bool) {
        rootContext = root
        switch value.storage {
        case .null, .unknown: emitPlain("null", simpleKey: simpleKey)
        case .bool(let b): emitPlain(b ? "true" : "false", simpleKey: simpleKey)
        case .number(let n): emitPlain(n.description, simpleKey: simpleKey)
        case .string(let s): emitString(s, simpleKey: simpleKey)
        case .list(let es, _), .set(let es, _), .tuple(let es):
            if es.isEmpty {
                emitEmptyFlow("[", "]")
                return
            }
            increaseIndent(flow: false, indentless: mapping && !indention)
            for e in es {
                writeIndent()
                writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
                emitNode(e, root: false, sequence: true, mapping: false, simpleKey: false)
            }
            popIndent()
        case .map(let attrs, _), .object(let attrs):
            if attrs.isEmpty {
                emitEmptyFlow("{", "}")
                return
            }
            increaseIndent(flow: false, indentless: false)
            for key in attrs.keys.sorted() {
                writeIndent()
                if Self.isSimpleKey(key) {
                    emitNode(.string(key), root: false, sequence: false, mapping: true, simpleKey: true)
                    writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
                } else {
                    writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
                    emitNode(.string(key), root: false, sequence: false, mapping: true, simpleKey: false)
                    writeIndent()
                    writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
                }
                emitNode(attrs[key]!, root: false, sequence: false, mapping: true, simpleKey: false)
            }
            popIndent()
        }
    }

    private mutating func emitEmptyFlow(_ open: String, _ close: String) {
        writeIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false)
        increaseIndent(flow: true, indentless: false)
        popIndent()
        writeIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    /// libyaml's `check_simple_key` for a string key: one line and at most 128 bytes.
    private static func isSimpleKey(_ key: String) -> Bool {
        key.utf8.count <= 128 && !ScalarAnalysis(key).lineBreaks
    }

    private mutating func emitPlain(_ text: String, simpleKey: Bool) {
        increaseIndent(flow: true, indentless: false)
        if !whitespace { put(UInt8(ascii: " ")) }
        for c in text.utf8 { put(c) }
        whitespace = false
        indention = false
        if rootContext { openEnded = true }
        popIndent()
    }

    private mutating func emitString(_ s: String, simpleKey: Bool) {
        let analysis = ScalarAnalysis(s)
        let literal = s.contains("\n") && analysis.blockAllowed && !simpleKey
        increaseIndent(flow: true, indentless: false)
        if literal {
            writeLiteral(s)
        } else {
            writeDoubleQuoted(s, allowBreaks: !simpleKey)
        }
        popIndent()
    }

    private mutating func writeDoubleQuoted(_ s: String, allowBreaks: Bool) {
        writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
        var spaces = false
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if !ScalarAnalysis.isPrintable(c) || c == "\u{FEFF}" || ScalarAnalysis.isBreak(c) || c == "\"" || c == "\\" {
                put(UInt8(ascii: "\\"))
                switch c.value {
                case 0x00: put(UInt8(ascii: "0"))
                case 0x07: put(UInt8(ascii: "a"))
                case 0x08: put(UInt8(ascii: "b"))
                case 0x09: put(UInt8(ascii: "t"))
                case 0x0A: put(UInt8(ascii: "n"))
                case 0x0B: put(UInt8(ascii: "v"))
                case 0x0C: put(UInt8(ascii: "f"))
                case 0x0D: put(UInt8(ascii: "r"))
                case 0x1B: put(UInt8(ascii: "e"))
                case 0x22: put(UInt8(ascii: "\""))
                case 0x5C: put(UInt8(ascii: "\\"))
                case 0x85: put(UInt8(ascii: "N"))
                case 0xA0: put(UInt8(ascii: "_"))
                case 0x2028: put(UInt8(ascii: "L"))
                case 0x2029: put(UInt8(ascii: "P"))
                default:
                    let (letter, width): (UInt8, Int) =
                        c.value <= 0xFF ? (UInt8(ascii: "x"), 2) : c.value <= 0xFFFF ? (UInt8(ascii: "u"), 4) : (UInt8(ascii: "U"), 8)
                    put(letter)
                    for shift in stride(from: (width - 1) * 4, through: 0, by: -4) {
                        put(Array("0123456789ABCDEF".utf8)[Int((c.value >> UInt32(shift)) & 0xF)])
                    }
                }
                spaces = false
            } else if c == " " {
                if allowBreaks && !spaces && column > Self.bestWidth && i != 0 && i != scalars.count - 1 {
                    writeIndent()
                    if i + 1 < scalars.count, scalars[i + 1] == " " { put(UInt8(ascii: "\\")) }
                } else {
                    write(c)
                }
                spaces = true
            } else {
                write(c)
                spaces = false
            }
            i += 1
        }
        writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    private mutating func writeLiteral(_ s: String) {
        writeIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false)
        let scalars = Array(s.unicodeScalars)
        // Block scalar hints: an explicit indentation when the text starts with a space or
        // break, and the chomping indicator for its trailing breaks.
        if let first = scalars.first, first == " " || ScalarAnalysis.isBreak(first) {
            writeIndicator(String(Self.bestIndent), needWhitespace: false, isWhitespace: false, isIndention: false)
        }
        openEnded = false
        var chomp = ""
        if scalars.isEmpty {
            chomp = "-"
        } else if !ScalarAnalysis.isBreak(scalars[scalars.count - 1]) {
            chomp = "-"
        } else if scalars.count == 1 || ScalarAnalysis.isBreak(scalars[scalars.count - 2]) {
            chomp = "+"
        }
        if !chomp.isEmpty { writeIndicator(chomp, needWhitespace: false, isWhitespace: false, isIndention: false) }
        putBreak()
        indention = true
        whitespace = true
        var breaks = true
        for c in scalars {
            if ScalarAnalysis.isBreak(c) {
                if c == "\n" { putBreak() } else {
                    out.append(contentsOf: String(c).utf8)
                    column = 0
                }
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                write(c)
                indention = false
                breaks = false
            }
        }
    }
}

/// What libyaml's `analyze_scalar` finds in a string, as far as the styles used here care.
struct ScalarAnalysis {
    var lineBreaks = false
    var blockAllowed = true

    init(_ s: String) {
        var previousSpace = false
        var previousBreak = false
        var trailingSpace = false
        var spaceBreak = false
        var special = false
        let scalars = Array(s.unicodeScalars)
        for (i, c) in scalars.enumerated() {
            if !Self.isPrintable(c) || c == "\u{FEFF}" { special = true }
            if c == " " {
                if i == scalars.count - 1 { trailingSpace = true }
                previousSpace = true
                previousBreak = false
            } else if Self.isBreak(c) {
                lineBreaks = true
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
        }
        _ = previousBreak
        if trailingSpace || spaceBreak || special { blockAllowed = false }
    }

    /// libyaml's `is_printable` on the UTF-8 form: astral characters are not "printable".
    static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return v == 0x0A || (0x20...0x7E).contains(v) || (0xA0...0xD7FF).contains(v) || ((0xE000...0xFFFD).contains(v) && v != 0xFEFF)
    }

    static func isBreak(_ c: Unicode.Scalar) -> Bool {
        c == "\r" || c == "\n" || c.value == 0x85 || c.value == 0x2028 || c.value == 0x2029
    }
}
