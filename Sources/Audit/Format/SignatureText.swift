/// An Ed25519 signature as the log spells it: 88 characters of padded standard base64 with
/// the unused low bits zero, the one spelling of its 64 bytes, so no character of a stored
/// signature can change without the change being seen.
enum SignatureText {
    static let length = 88

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (index, character) in alphabet.enumerated() { table[Int(character)] = UInt8(index) }
        return table
    }()

    /// The 64 bytes of a canonical signature text; nil for anything else.
    static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        return walk(text) { out.append($0) } ? out : nil
    }

    /// Whether `text` is a canonical signature, without decoding it.
    static func isCanonical(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        walk(text) { _ in }
    }

    private static func walk(_ text: UnsafeBufferPointer<UInt8>, _ emit: (UInt8) -> Void) -> Bool {
        guard text.count == length, text[86] == UInt8(ascii: "="), text[87] == UInt8(ascii: "=") else { return false }
        var accumulator: UInt32 = 0
        var bits = 0
        for index in 0..<86 {
            let value = values[Int(text[index])]
            guard value != 0xff else { return false }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                emit(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        // 86 characters carry 516 bits: 64 bytes and 4 bits that must be zero.
        return bits == 4 && accumulator == 0
    }

    static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { decode($0) }
    }

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var word: UInt32 = 0
            for (offset, byte) in chunk.enumerated() { word |= UInt32(byte) << UInt32(16 - 8 * offset) }
            for position in 0..<4 {
                if position <= chunk.count {
                    out.append(alphabet[Int((word >> UInt32(18 - 6 * position)) & 0x3f)])
                } else {
                    out.append(UInt8(ascii: "="))
                }
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
