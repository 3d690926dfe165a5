/// A stable 64-bit FNV-1a hash, for fingerprints that must not change between runs,
/// machines or Swift versions (Swift's `Hasher` is seeded per process).
///
/// Not cryptographic: it identifies a finding across scans, it does not protect anything.
/// FNV-1a's published parameters: offset basis 0xcbf29ce484222325, prime 0x100000001b3.
enum StableHash {
    static func fnv1a64(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The hash of `parts`, each followed by a NUL so `["ab", "c"]` and `["a", "bc"]`
    /// differ, as 16 lower-case hex digits.
    static func hex(_ parts: [String]) -> String {
        var bytes: [UInt8] = []
        for part in parts {
            bytes.append(contentsOf: part.utf8)
            bytes.append(0)
        }
        let value = fnv1a64(bytes)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
