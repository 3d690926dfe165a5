/// Byte-level UTF-8 helpers for the lexer.
enum UTF8Scan {
    /// The length of the UTF-8 sequence at `i` as HashiCorp's scanner accepts it
    /// (lead byte ranges only, as its Ragel machine does), or 0 for a broken sequence.
    static func sequenceLength(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = s[i]
        let n: Int
        switch b {
        case 0x00...0x7F: return 1
        case 0xC0...0xDF: n = 2
        case 0xE0...0xEF: n = 3
        case 0xF0...0xF7: n = 4
        default: return 0
        }
        guard i + n <= s.count else { return 0 }
        for k in 1..<n where s[i + k] & 0xC0 != 0x80 { return 0 }
        return n
    }

    /// The scalar encoded at `i` with `length` bytes, if it is a valid scalar value.
    static func scalar(_ s: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> Unicode.Scalar? {
        var v: UInt32
        switch length {
        case 1: return Unicode.Scalar(s[i])
        case 2: v = UInt32(s[i] & 0x1F)
        case 3: v = UInt32(s[i] & 0x0F)
        default: v = UInt32(s[i] & 0x07)
        }
        for k in 1..<length { v = (v << 6) | UInt32(s[i + k] & 0x3F) }
        return Unicode.Scalar(v)
    }

    static func isIDStart(_ s: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> Bool {
        scalar(s, at: i, length: length)?.properties.isIDStart ?? false
    }

    static func isIDContinue(_ s: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> Bool {
        scalar(s, at: i, length: length)?.properties.isIDContinue ?? false
    }

    /// Whether `s[ts..<te]`, with white space trimmed at both ends (Go's `bytes.TrimSpace`),
    /// equals `s[markerStart..<markerEnd]`.
    static func trimmedEquals(
        _ s: UnsafeBufferPointer<UInt8>, _ ts: Int, _ te: Int, markerStart: Int, markerEnd: Int
    ) -> Bool {
        var a = ts
        var b = te
        while a < b, let n = whitespaceLength(s, at: a, limit: b) { a += n }
        while a < b, let n = whitespaceLengthBefore(s, end: b, limit: a) { b -= n }
        guard b - a == markerEnd - markerStart else { return false }
        for k in 0..<(b - a) where s[a + k] != s[markerStart + k] { return false }
        return true
    }

    private static func whitespaceLength(_ s: UnsafeBufferPointer<UInt8>, at i: Int, limit: Int) -> Int? {
        let c = s[i]
        if c < 0x80 { return isASCIISpace(c) ? 1 : nil }
        let n = sequenceLength(s, at: i)
        guard n > 0, i + n <= limit, let u = scalar(s, at: i, length: n), u.properties.isWhitespace else { return nil }
        return n
    }

    private static func whitespaceLengthBefore(_ s: UnsafeBufferPointer<UInt8>, end: Int, limit: Int) -> Int? {
        let c = s[end - 1]
        if c < 0x80 { return isASCIISpace(c) ? 1 : nil }
        var start = end - 1
        while start > limit, s[start] & 0xC0 == 0x80, end - start < 4 { start -= 1 }
        let n = sequenceLength(s, at: start)
        guard n == end - start, let u = scalar(s, at: start, length: n), u.properties.isWhitespace else { return nil }
        return n
    }

    static func isASCIISpace(_ c: UInt8) -> Bool {
        c == 0x20 || (c >= 0x09 && c <= 0x0D)
    }
}
