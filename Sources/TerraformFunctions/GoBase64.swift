/// Standard Base64 (RFC 4648 section 4) decoding with the rules and error offsets of Go's
/// `base64.StdEncoding.DecodeString`: padding is required, `\r` and `\n` are skipped
/// anywhere, and anything else outside the alphabet is a `CorruptInputError` at its offset.
enum GoBase64 {
    struct CorruptInput: Error {
        /// The byte offset Go reports.
        var offset: Int
    }

    private static let decodeMap: [UInt8] = {
        var map = [UInt8](repeating: 0xff, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            map[Int(c)] = UInt8(i)
        }
        return map
    }()

    private static func isNewline(_ c: UInt8) -> Bool { c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") }

    static func decode(_ text: String) throws(CorruptInput) -> [UInt8] {
        let src = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(src.count / 4 * 3)
        var si = 0
        let pad = UInt8(ascii: "=")
        while true {
            var quantum: [UInt8] = [0, 0, 0, 0]
            var length = 4
            var j = 0
            var trailing: Int?
            var ended = false
            while j < 4 {
                if si == src.count {
                    if j == 0 { return out }
                    throw CorruptInput(offset: si - j)
                }
                let c = src[si]
                si += 1
                let v = decodeMap[Int(c)]
                if v != 0xff {
                    quantum[j] = v
                    j += 1
                    continue
                }
                if isNewline(c) { continue }
                guard c == pad else { throw CorruptInput(offset: si - 1) }
                // Padding: only after two or three symbols, and "==" after two.
                switch j {
                case 0, 1: throw CorruptInput(offset: si - 1)
                case 2:
                    while si < src.count, isNewline(src[si]) { si += 1 }
                    if si == src.count { throw CorruptInput(offset: src.count) }
                    guard src[si] == pad else { throw CorruptInput(offset: si - 1) }
                    si += 1
                default: break
                }
                while si < src.count, isNewline(src[si]) { si += 1 }
                if si < src.count { trailing = si }
                length = j
                ended = true
                break
            }
            let value = UInt32(quantum[0]) << 18 | UInt32(quantum[1]) << 12 | UInt32(quantum[2]) << 6 | UInt32(quantum[3])
            let bytes = [UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
            out.append(contentsOf: bytes.prefix(length - 1))
            if let trailing { throw CorruptInput(offset: trailing) }
            if ended { return out }
        }
    }
}
