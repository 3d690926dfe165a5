import BigInt

/// A decimal `0.d₁d₂d₃… × 10^exponent`: Go's `big.decimal`, which `big.Float.Text`
/// rounds and formats, reproduced with its rounding rules.
///
/// Printing a 512-bit fraction exactly takes hundreds of digits, but the shortest form
/// needs only the first 160 or so; so a value may be held as its leading digits only,
/// with `more` saying that nonzero digits were cut off after them.
struct DecimalDigits {
    /// ASCII digits, the first nonzero; no trailing zeros unless `more`.
    var digits: [UInt8]
    var exponent: Int
    /// Whether nonzero digits follow `digits` (which then holds exactly the count asked for).
    var more: Bool

    /// The first `count` significant digits of `n × 2^k` (n > 0), cut off, not rounded.
    init(leading count: Int, of n: BigUInt, times2To k: Int) {
        var e = Self.exponentGuess(n, k)
        while true {
            let (scaled, sticky) = Self.scaledFloor(n, k, count - e)
            if let digits = Self.fromScaled(scaled, sticky, count: count, exponent: &e) {
                self = digits
                return
            }
        }
    }

    /// The first `count` significant digits of `(center - 1) × 2^k`, `center × 2^k` and
    /// `(center + 1) × 2^k`: the lower bound, the value and the upper bound of the
    /// values that round to it. One multiplication serves all three in the usual case.
    static func neighbourhood(of center: BigUInt, times2To k: Int, count: Int) -> (
        lower: DecimalDigits, value: DecimalDigits, upper: DecimalDigits
    ) {
        var e = exponentGuess(center, k)
        for _ in 0..<2 {
            let q = count - e
            let shift = -(k + q)
            guard q >= 0, shift > 0 else { break }
            let five = BigUInt.powerOfFive(q)
            let product = center * five
            var exponent = e
            guard let value = fromScaled(product >> shift, product.trailingZeroBitCount < shift, count: count, exponent: &exponent)
            else {
                e = exponent
                continue
            }
            // The bounds usually share the value's exponent; near a power of ten they may not.
            func bound(_ scaled: BigUInt, _ neighbour: BigUInt) -> DecimalDigits {
                var exponent = e
                return fromScaled(scaled >> shift, scaled.trailingZeroBitCount < shift, count: count, exponent: &exponent)
                    ?? DecimalDigits(leading: count, of: neighbour, times2To: k)
            }
            return (bound(product - five, center - 1), value, bound(product + five, center + 1))
        }
        return (
            DecimalDigits(leading: count, of: center - 1, times2To: k),
            DecimalDigits(leading: count, of: center, times2To: k),
            DecimalDigits(leading: count, of: center + 1, times2To: k)
        )
    }

    /// n × 2^k lies in [2^(b-1), 2^b), so its decimal exponent is this or one more.
    private static func exponentGuess(_ n: BigUInt, _ k: Int) -> Int {
        let b = n.bitWidth + k
        return Int((Double(b - 1) * 0.301_029_995_663_981_2).rounded(.down)) + 1
    }

    /// The digits of floor(x × 10^(count - exponent)) when that has `count` digits; else
    /// nil, with `exponent` corrected for another try.
    private static func fromScaled(_ scaled: BigUInt, _ sticky: Bool, count: Int, exponent: inout Int) -> DecimalDigits? {
        let digits = scaled.decimalDigits
        if digits.count > count {
            exponent += 1
            return nil
        }
        if digits.count < count {
            exponent -= 1
            return nil
        }
        var result = DecimalDigits(digits: digits, exponent: exponent, more: sticky)
        result.trim()
        return result
    }

    private init(digits: [UInt8], exponent: Int, more: Bool) {
        self.digits = digits
        self.exponent = exponent
        self.more = more
    }

    /// floor(n × 2^k × 10^q), and whether anything was cut off.
    private static func scaledFloor(_ n: BigUInt, _ k: Int, _ q: Int) -> (BigUInt, Bool) {
        let twos = k + q
        if q >= 0 {
            let product = q == 0 ? n : n * .powerOfFive(q)
            if twos >= 0 { return (product << twos, false) }
            let shift = -twos
            return (product >> shift, product.trailingZeroBitCount < shift)
        }
        let fives = BigUInt.powerOfFive(-q)
        let (quotient, remainder) =
            twos >= 0
            ? (n << twos).quotientAndRemainder(dividingBy: fives)
            : n.quotientAndRemainder(dividingBy: fives << -twos)
        return (quotient, !remainder.isZero)
    }

    private mutating func trim() {
        if more { return }
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
        if digits.isEmpty { exponent = 0 }
    }

    private var knownDigits: Int { more ? digits.count - 1 : Int.max }

    /// Go's `len(x.mant)`: unknown but larger than the digits held when `more`.
    var length: Int { more ? Int.max : digits.count }

    func at(_ i: Int) -> UInt8 { i >= 0 && i < digits.count ? digits[i] : UInt8(ascii: "0") }

    /// Go's `roundShortest` walk between the bounds of the values that round to this one:
    /// stop at the first digit where this number has parted from both, and round there.
    /// Digits are compared by position only, as Go does. False when the digits held ran out
    /// before the walk could decide (the caller then retries with more).
    mutating func roundShortest(lower: DecimalDigits, upper: DecimalDigits, inclusive: Bool) -> Bool {
        // Past the last digit held, nothing is known; near it, not whether it is the last.
        let known = min(knownDigits, lower.knownDigits, upper.knownDigits)
        for i in digits.indices {
            if i + 1 >= known { return false }
            let m = digits[i]
            let l = lower.at(i)
            let u = upper.at(i)
            let okDown = l != m || (inclusive && i + 1 == lower.length)
            let okUp = m != u && (inclusive || m + 1 < u || i + 1 < upper.length)
            if okDown && okUp {
                round(to: i + 1)
                return true
            } else if okDown {
                roundDown(to: i + 1)
                return true
            } else if okUp {
                roundUp(to: i + 1)
                return true
            }
        }
        return !more
    }

    /// To at most n digits, to nearest, ties (exactly 5 and nothing after) to even.
    mutating func round(to n: Int) {
        guard n >= 0, n < digits.count else { return }
        let roundsUp: Bool
        if digits[n] == UInt8(ascii: "5") && n + 1 == length {
            roundsUp = n > 0 && (digits[n - 1] - UInt8(ascii: "0")) & 1 != 0
        } else {
            roundsUp = digits[n] >= UInt8(ascii: "5")
        }
        if roundsUp { roundUp(to: n) } else { roundDown(to: n) }
    }

    mutating func roundUp(to n: Int) {
        guard n >= 0, n < digits.count else { return }
        more = false
        var n = n
        while n > 0 && digits[n - 1] >= UInt8(ascii: "9") { n -= 1 }
        if n == 0 {
            digits = [UInt8(ascii: "1")]
            exponent += 1
            return
        }
        digits[n - 1] += 1
        digits.removeSubrange(n...)
    }

    mutating func roundDown(to n: Int) {
        guard n >= 0, n < digits.count else { return }
        more = false
        digits.removeSubrange(n...)
        trim()
    }

    /// Go's `fmtF` with the precision that shows every remaining digit.
    func formattedF() -> String {
        formattedF(fractionDigits: max(digits.count - exponent, 0))
    }

    private func formattedF(fractionDigits: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(max(exponent, 1) + fractionDigits + 1)
        if exponent > 0 {
            let m = min(digits.count, exponent)
            out.append(contentsOf: digits[..<m])
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: exponent - m))
        } else {
            out.append(UInt8(ascii: "0"))
        }
        if fractionDigits > 0 {
            out.append(UInt8(ascii: "."))
            for i in 0..<fractionDigits { out.append(at(exponent + i)) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Go's `%g` branch of `Float.Append` for an explicit precision, after rounding to it.
    func formattedG(precision: Int) -> String {
        var eprec = precision
        if eprec > digits.count && digits.count >= exponent { eprec = digits.count }
        let exp = exponent - 1
        if exp < -4 || exp >= eprec {
            return formattedE(fractionDigits: min(precision, digits.count) - 1)
        }
        let shown = precision > exponent ? digits.count : precision
        return formattedF(fractionDigits: max(shown - exponent, 0))
    }

    /// Go's `fmtE`.
    private func formattedE(fractionDigits: Int) -> String {
        var out: [UInt8] = [digits.first ?? UInt8(ascii: "0")]
        if fractionDigits > 0 {
            out.append(UInt8(ascii: "."))
            var i = 1
            let m = min(digits.count, fractionDigits + 1)
            if i < m {
                out.append(contentsOf: digits[i..<m])
                i = m
            }
            while i <= fractionDigits {
                out.append(UInt8(ascii: "0"))
                i += 1
            }
        }
        out.append(UInt8(ascii: "e"))
        let exp = digits.isEmpty ? 0 : exponent - 1
        out.append(exp < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let magnitude = exp.magnitude
        if magnitude < 10 { out.append(UInt8(ascii: "0")) }
        out.append(contentsOf: String(magnitude).utf8)
        return String(decoding: out, as: UTF8.self)
    }
}
