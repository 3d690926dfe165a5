import Crypto

/// A SHA-256 value held in four words, so comparing the hashes of a large log's events
/// allocates nothing.
struct HashValue: Hashable, Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64)

    static let zero = HashValue(words: (0, 0, 0, 0))

    private init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    init(_ digest: SHA256.Digest) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        digest.withUnsafeBytes { raw in
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[0..<32])) }
        }
        self.words = words
    }

    /// The value of 64 lowercase hex digits; nil for anything else.
    init?(hex: UnsafeBufferPointer<UInt8>) {
        guard hex.count == 64 else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let valid = withUnsafeMutableBytes(of: &words) { raw -> Bool in
            for index in 0..<32 {
                guard let high = Self.nibble(hex[2 * index]), let low = Self.nibble(hex[2 * index + 1]) else {
                    return false
                }
                raw[index] = high << 4 | low
            }
            return true
        }
        guard valid else { return nil }
        self.words = words
    }

    var bytes: [UInt8] {
        withUnsafeBytes(of: words) { Array($0) }
    }

    var hex: String { Hex.encode(bytes) }

    static func == (left: HashValue, right: HashValue) -> Bool {
        left.words.0 == right.words.0 && left.words.1 == right.words.1 && left.words.2 == right.words.2
            && left.words.3 == right.words.3
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
