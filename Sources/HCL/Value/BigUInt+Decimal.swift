import BigInt

// Decimal conversion is the hot spot of printing fractions; BigInt's own String(_:) and
// power(_:) are general and slow, so Number keeps its own.

extension BigUInt {
    /// 5^n, exactly. Powers up to 5^400 come from a table built once.
    static func powerOfFive(_ n: Int) -> BigUInt {
        let table = FivePowers.table
        if n < table.count { return table[n] }
        let top = table[table.count - 1]
        var result = table[n % (table.count - 1)]
        var remaining = n / (table.count - 1)
        var square = top
        while remaining > 0 {
            if remaining & 1 != 0 { result *= square }
            remaining >>= 1
            if remaining > 0 { square *= square }
        }
        return result
    }

    /// 10^n, exactly.
    static func powerOfTen(_ n: Int) -> BigUInt { powerOfFive(n) << n }

    /// The decimal digits (ASCII) of this integer; "0" for zero.
    var decimalDigits: [UInt8] {
        if isZero { return [UInt8(ascii: "0")] }
        // Long division by 10^9 over 32-bit halves of the words: a 64-by-constant division
        // compiles to a multiplication, where 128-bit division would call into the runtime.
        let chunk: UInt64 = 1_000_000_000
        var halves: [UInt32] = []
        halves.reserveCapacity(words.count * 2)
        for word in words {
            halves.append(UInt32(truncatingIfNeeded: word))
            halves.append(UInt32(truncatingIfNeeded: word >> 32))
        }
        while let last = halves.last, last == 0 { halves.removeLast() }
        var out = [UInt8](repeating: UInt8(ascii: "0"), count: (halves.count * 32 / 29 + 1) * 9)
        var end = out.count
        halves.withUnsafeMutableBufferPointer { h in
            out.withUnsafeMutableBufferPointer { o in
                var used = h.count
                while used > 0 {
                    var remainder: UInt64 = 0
                    var i = used - 1
                    while i >= 0 {
                        let current = remainder << 32 | UInt64(h[i])
                        h[i] = UInt32(truncatingIfNeeded: current / chunk)
                        remainder = current % chunk
                        i -= 1
                    }
                    while used > 0 && h[used - 1] == 0 { used -= 1 }
                    // Nine digits, zero-padded unless this is the leading chunk.
                    var digitsLeft = 9
                    while digitsLeft > 0 && (remainder > 0 || used > 0) {
                        end -= 1
                        o[end] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remainder % 10)
                        remainder /= 10
                        digitsLeft -= 1
                    }
                }
            }
        }
        return Array(out[end...])
    }

    /// The decimal text of this integer.
    var decimalString: String { String(decoding: decimalDigits, as: UTF8.self) }
}

private enum FivePowers {
    static let table: [BigUInt] = {
        var table: [BigUInt] = [1]
        table.reserveCapacity(401)
        for _ in 1...400 { table.append(table[table.count - 1].multiplied(byWord: 5)) }
        return table
    }()
}
