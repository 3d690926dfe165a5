/// Reads JSON written by `CanonicalJSON`, and only that: no whitespace, object keys in
/// strictly increasing byte order, integers without leading zeros, and only the escapes the
/// writer uses (`\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`, and `\u00xx` for other control
/// characters), over valid UTF-8.
///
/// Each value has exactly one spelling under these rules, so a line that reads is byte for
/// byte the writer's output for what it holds, and strictly increasing keys cannot repeat.
/// Strings are returned as byte ranges (between the quotes) and decoded only when asked:
/// verification reads every line of a large log and needs no strings from most of them.
struct CanonicalReader {
    struct Failure: Error {
        var message: String
        /// 0-based byte offset in the buffer.
        var offset: Int
    }

    /// A string as it appears between its quotes, escapes not yet decoded.
    struct StringRange {
        var range: Range<Int>
        var hasEscapes: Bool
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position: Int
    /// Where reading must stop (the end of an event's body, before its seal).
    let end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.position = start
        self.end = end ?? bytes.count
    }

    var atEnd: Bool { position >= end }

    func failure(_ message: String) -> Failure { Failure(message: message, offset: position) }

    /// Consumes `byte` if it is next; returns whether it was.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard position < end, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        guard consume(byte) else { throw failure("expected \(what)") }
    }

    /// Reads a key and its colon; the key must sort after `previous` (byte order).
    mutating func key(after previous: Range<Int>?) throws(Failure) -> Range<Int> {
        let start = position
        let key = try string().range
        if let previous, !bytes[previous].lexicographicallyPrecedes(bytes[key]) {
            throw Failure(message: "keys are not in canonical (sorted, unique) order", offset: start)
        }
        try expect(UInt8(ascii: ":"), "':' after a key")
        return key
    }

    /// Reads the key `name` and its colon, for records whose keys are fixed.
    mutating func expectKey(_ name: String) throws(Failure) {
        let start = position
        let key = try string()
        guard equals(key, Array(name.utf8)) else { throw Failure(message: "expected the key \"\(name)\"", offset: start) }
        try expect(UInt8(ascii: ":"), "':' after a key")
    }

    /// Reads a string in canonical form and returns its range between the quotes.
    mutating func string() throws(Failure) -> StringRange {
        try expect(UInt8(ascii: "\""), "a string")
        let start = position
        var hasEscapes = false
        while position < end {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return StringRange(range: start..<(position - 1), hasEscapes: hasEscapes)
            case UInt8(ascii: "\\"):
                hasEscapes = true
                try escape()
            case 0..<0x20:
                throw failure("control character in a string (the writer escapes it)")
            case 0x20..<0x80:
                position += 1
            default:
                try utf8Sequence()
            }
        }
        throw Failure(message: "unterminated string", offset: start - 1)
    }

    /// A positive integer without sign or leading zeros.
    mutating func positiveInteger() throws(Failure) -> Int {
        let start = position
        var value = 0
        while position < end, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(bytes[position] - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw Failure(message: "integer too large", offset: start) }
            value = sum
            position += 1
        }
        guard position > start, value > 0, bytes[start] != UInt8(ascii: "0") else {
            throw Failure(message: "expected a positive integer without leading zeros", offset: start)
        }
        return value
    }

    /// An object whose values are all strings, keys strictly increasing; calls `member` for each.
    mutating func stringObject(_ member: (StringRange, StringRange) -> Void = { _, _ in }) throws(Failure) {
        try expect(UInt8(ascii: "{"), "an object of strings")
        if consume(UInt8(ascii: "}")) { return }
        var previous: Range<Int>?
        repeat {
            let keyStart = position
            let key = try string()
            if let previous, !bytes[previous].lexicographicallyPrecedes(bytes[key.range]) {
                throw Failure(message: "keys are not in canonical (sorted, unique) order", offset: keyStart)
            }
            try expect(UInt8(ascii: ":"), "':' after a key")
            member(key, try string())
            previous = key.range
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"), "',' or '}'")
    }

    /// Whether the bytes of `string` are exactly `expected` (compared without decoding:
    /// callers compare with ASCII that needs no escapes).
    func equals(_ string: StringRange, _ expected: [UInt8]) -> Bool {
        !string.hasEscapes && bytes[string.range].elementsEqual(expected)
    }

    /// The decoded text of a string read earlier.
    func text(_ string: StringRange) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[string.range])
        guard string.hasEscapes else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                index += 1
                continue
            }
            let escaped = raw[index + 1]
            switch escaped {
            case UInt8(ascii: "n"): out.append(0x0a)
            case UInt8(ascii: "r"): out.append(0x0d)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0c)
            case UInt8(ascii: "u"):
                // Only \u00xx is ever accepted (see `escape`).
                out.append(Self.hexValue(raw[index + 4]) << 4 | Self.hexValue(raw[index + 5]))
                index += 4
            default: out.append(escaped)
            }
            index += 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func escape() throws(Failure) {
        guard position + 1 < end else { throw failure("unterminated escape") }
        let escaped = bytes[position + 1]
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"),
            UInt8(ascii: "b"), UInt8(ascii: "f"):
            position += 2
        case UInt8(ascii: "u"):
            // The writer uses \u only for control characters without a short escape.
            guard position + 5 < end, bytes[position + 2] == UInt8(ascii: "0"), bytes[position + 3] == UInt8(ascii: "0"),
                Self.isLowerHex(bytes[position + 4]), Self.isLowerHex(bytes[position + 5])
            else { throw failure("\\u escape not in canonical form (\\u00xx, lowercase, control characters only)") }
            let value = Self.hexValue(bytes[position + 4]) << 4 | Self.hexValue(bytes[position + 5])
            guard value < 0x20, ![0x08, 0x09, 0x0a, 0x0c, 0x0d].contains(value) else {
                throw failure("\\u escape for a character the writer does not escape this way")
            }
            position += 6
        default:
            throw failure("escape not in canonical form")
        }
    }

    /// One well-formed multi-byte UTF-8 sequence (Unicode Table 3-7): no overlong forms,
    /// no surrogates, nothing above U+10FFFF.
    private mutating func utf8Sequence() throws(Failure) {
        let lead = bytes[position]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, low) = (3, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: (length, high) = (3, 0x9F)
        case 0xF0: (length, low) = (4, 0x90)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, high) = (4, 0x8F)
        default: throw failure("invalid UTF-8")
        }
        guard position + length <= end else { throw failure("invalid UTF-8") }
        for offset in 1..<length {
            let byte = bytes[position + offset]
            let (min, max) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= min, byte <= max else { throw failure("invalid UTF-8") }
        }
        position += length
    }

    private static func isLowerHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8 {
        byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : byte - UInt8(ascii: "a") + 10
    }
}
