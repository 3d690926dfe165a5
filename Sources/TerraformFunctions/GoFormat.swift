import HCL

/// Go's `fmt` formatting of `*big.Int` and `*big.Float`, which go-cty's `format` hands
/// its numeric verbs to (`fmt.Sprintf(verb, bigValue)`).
///
/// Go prints a float's *exact* binary value rounded to the requested digits (`%.2f` of
/// 2.675 is `2.67`, because the nearest 512-bit float is a little below 2.675), so these
/// work from the exact decimal expansion of the number, not from its shortest text; only
/// `%v` and a `%g` without precision use the shortest digits (`Text('g', -1)`).
enum GoFormat {
    /// The flags, width and precision of one verb.
    struct Spec: Sendable {
        var plus = false
        var minus = false
        var sharp = false
        var zero = false
        var space = false
        var width: Int?
        var precision: Int?
    }

    /// `%b %d %o %x %X` of a whole number, as `big.Int.Format`.
    static func integer(_ n: Number, verb: Unicode.Scalar, _ spec: Spec) -> String {
        let base: Int
        switch verb {
        case "b": base = 2
        case "o": base = 8
        case "x", "X": base = 16
        default: base = 10
        }
        let negative = n.sign < 0
        var digits: String
        if let i = n.int {
            digits = String(i.magnitude, radix: base)
        } else {
            let exact = ExactBinary(n)
            var magnitude = exact.mantissa
            magnitude.shiftLeft(exact.exponent)
            digits = magnitude.toString(radix: base)
        }
        if verb == "X" { digits = digits.uppercased() }

        let sign = negative ? "-" : spec.plus ? "+" : spec.space ? " " : ""
        var prefix = ""
        if spec.sharp {
            switch verb {
            case "b": prefix = "0b"
            case "o": prefix = "0"
            case "x": prefix = "0x"
            case "X": prefix = "0X"
            default: break
            }
        }
        var zeros = 0
        if let precision = spec.precision {
            if digits.utf8.count < precision {
                zeros = precision - digits.utf8.count
            } else if digits == "0" && precision == 0 {
                // Go prints nothing at all for zero with precision zero ("%.0d").
                return ""
            }
        }
        var left = 0
        var right = 0
        let length = sign.utf8.count + prefix.utf8.count + zeros + digits.utf8.count
        if let width = spec.width, length < width {
            let d = width - length
            if spec.minus {
                right = d
            } else if spec.zero && spec.precision == nil {
                zeros = d
            } else {
                left = d
            }
        }
        return String(repeating: " ", count: left) + sign + prefix + String(repeating: "0", count: zeros) + digits
            + String(repeating: " ", count: right)
    }

    /// `%e %E %f %g %G` of a number, as `big.Float.Format`.
    static func float(_ n: Number, verb: Unicode.Scalar, _ spec: Spec) -> String {
        let isG = verb == "g" || verb == "G"
        var body = text(n, verb: verb, precision: spec.precision ?? (isG ? -1 : 6))
        var sign = ""
        if body.hasPrefix("-") {
            sign = "-"
            body.removeFirst()
        } else if body.hasPrefix("+") {
            // +Inf
            sign = spec.space ? " " : "+"
            body.removeFirst()
        } else if spec.plus {
            sign = "+"
        } else if spec.space {
            sign = " "
        }
        var padding = 0
        if let width = spec.width, width > sign.utf8.count + body.utf8.count {
            padding = width - sign.utf8.count - body.utf8.count
        }
        if spec.zero && !n.isInfinite {
            return sign + String(repeating: "0", count: padding) + body
        } else if spec.minus {
            return sign + body + String(repeating: " ", count: padding)
        }
        return String(repeating: " ", count: padding) + sign + body
    }

    /// `big.Float.Text(verb, precision)` for `e E f g G`; precision -1 means the shortest
    /// digits that identify the number at its precision.
    static func text(_ n: Number, verb: Unicode.Scalar, precision: Int) -> String {
        if n.isInfinite { return n.sign < 0 ? "-Inf" : "+Inf" }
        let negative = n.sign < 0 || n.isNegativeZero
        var d: GoDecimal
        var prec = precision
        let shortest = prec < 0
        if shortest {
            d = GoDecimal(shortestOf: n)
            switch verb {
            case "e", "E": prec = d.digits.count - 1
            case "f": prec = max(d.digits.count - d.exponent, 0)
            default: prec = d.digits.count
            }
        } else {
            d = GoDecimal(exactly: n)
            switch verb {
            case "e", "E": d.round(to: 1 + prec)
            case "f": d.round(to: d.exponent + prec)
            default:
                if prec == 0 { prec = 1 }
                d.round(to: prec)
            }
        }
        let body: String
        switch verb {
        case "e", "E":
            body = d.formattedE(marker: verb == "E" ? "E" : "e", fractionDigits: prec)
        case "f":
            body = d.formattedF(fractionDigits: prec)
        default:
            var eprec = prec
            if eprec > d.digits.count && d.digits.count >= d.exponent { eprec = d.digits.count }
            // The shortest form switches to an exponent as %e with precision 6 would.
            if shortest { eprec = 6 }
            let exp = d.exponent - 1
            if exp < -4 || exp >= eprec {
                if prec > d.digits.count { prec = d.digits.count }
                body = d.formattedE(marker: verb == "G" ? "E" : "e", fractionDigits: prec - 1)
            } else {
                if prec > d.exponent { prec = d.digits.count }
                body = d.formattedF(fractionDigits: max(prec - d.exponent, 0))
            }
        }
        return negative ? "-" + body : body
    }
}

/// A decimal `0.d₁d₂… × 10^exponent` without trailing zero digits: Go's `big.decimal`.
struct GoDecimal {
    /// ASCII digits.
    var digits: [UInt8] = []
    var exponent = 0

    /// The shortest digits of a finite number, read from its `Text('f', -1)` form.
    init(shortestOf n: Number) {
        var sawPoint = false
        var integerDigits = 0
        var leadingZeros = 0
        for c in n.description.utf8 {
            switch c {
            case UInt8(ascii: "."):
                sawPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if digits.isEmpty && c == UInt8(ascii: "0") {
                    if sawPoint { leadingZeros += 1 }
                    continue
                }
                digits.append(c)
                if !sawPoint { integerDigits += 1 }
            default:
                break
            }
        }
        exponent = integerDigits > 0 ? integerDigits : -leadingZeros
        trim()
    }

    /// The exact decimal value of a finite number.
    init(exactly n: Number) {
        if let i = n.int {
            digits = Array(String(i.magnitude).utf8)
            exponent = digits.count
            trim()
            return
        }
        if n.sign == 0 { return }
        let exact = ExactBinary(n)
        var magnitude = exact.mantissa
        if exact.exponent >= 0 {
            magnitude.shiftLeft(exact.exponent)
            digits = Array(magnitude.toString(radix: 10).utf8)
            exponent = digits.count
        } else {
            // m × 2^-k = m × 5^k × 10^-k
            magnitude.multiplyByPowerOfFive(-exact.exponent)
            digits = Array(magnitude.toString(radix: 10).utf8)
            exponent = digits.count + exact.exponent
        }
        trim()
    }

    private mutating func trim() {
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
        if digits.isEmpty { exponent = 0 }
    }

    private func at(_ i: Int) -> UInt8 { i >= 0 && i < digits.count ? digits[i] : UInt8(ascii: "0") }

    /// To at most n digits, to nearest; an exact tie goes to the even digit.
    mutating func round(to n: Int) {
        guard n >= 0, n < digits.count else { return }
        let up: Bool
        if digits[n] == UInt8(ascii: "5") && n + 1 == digits.count {
            up = n > 0 && (digits[n - 1] - UInt8(ascii: "0")) & 1 != 0
        } else {
            up = digits[n] >= UInt8(ascii: "5")
        }
        if up {
            var i = n
            while i > 0 && digits[i - 1] >= UInt8(ascii: "9") { i -= 1 }
            if i == 0 {
                digits = [UInt8(ascii: "1")]
                exponent += 1
                return
            }
            digits[i - 1] += 1
            digits.removeSubrange(i...)
        } else {
            digits.removeSubrange(n...)
            trim()
        }
    }

    /// Go's `fmtE`: `d.ddddde±dd`.
    func formattedE(marker: Unicode.Scalar, fractionDigits prec: Int) -> String {
        var out: [UInt8] = [digits.first ?? UInt8(ascii: "0")]
        if prec > 0 {
            out.append(UInt8(ascii: "."))
            var i = 1
            let m = min(digits.count, prec + 1)
            if i < m {
                out.append(contentsOf: digits[i..<m])
                i = m
            }
            while i <= prec {
                out.append(UInt8(ascii: "0"))
                i += 1
            }
        }
        out.append(UInt8(marker.value))
        let exp = digits.isEmpty ? 0 : exponent - 1
        out.append(exp < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        if exp.magnitude < 10 { out.append(UInt8(ascii: "0")) }
        out.append(contentsOf: String(exp.magnitude).utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// Go's `fmtF`: `ddddd.ddddd`.
    func formattedF(fractionDigits prec: Int) -> String {
        var out: [UInt8] = []
        if exponent > 0 {
            let m = min(digits.count, exponent)
            out.append(contentsOf: digits[..<m])
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: exponent - m))
        } else {
            out.append(UInt8(ascii: "0"))
        }
        if prec > 0 {
            out.append(UInt8(ascii: "."))
            for i in 0..<prec { out.append(at(exponent + i)) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A finite nonzero number as `±mantissa × 2^exponent`, recovered through `Number`'s
/// public arithmetic: scaling by a power of two is exact, and a whole number below
/// 2^precision prints all of its digits.
struct ExactBinary {
    var mantissa: GoNat
    var exponent: Int

    init(_ n: Number) {
        // Scale n to a whole number just below 2^precision: n × 2^e, starting from the
        // magnitude its printed form shows and correcting by a bit at a time.
        let precision = max(n.precision, 512)
        let limit = Number(parsing: "1p\(precision)")!
        var e = precision - 1 - Self.binaryMagnitudeEstimate(n)
        var scaled = Self.scaled(n, e)
        while true {
            if let y = scaled, y.isInteger {
                if (y.sign < 0 ? -y : y) < limit { break }
                e -= 1
            } else {
                e += 1
            }
            scaled = Self.scaled(n, e)
        }
        let digits = scaled!.description
        mantissa = GoNat(decimal: digits.hasPrefix("-") ? digits.dropFirst() : digits[...])
        exponent = -e
        // An odd mantissa: whole numbers get a non-negative exponent.
        let zeros = mantissa.trailingZeroBitCount
        mantissa.shiftRight(zeros)
        exponent += zeros
    }

    private static func scaled(_ n: Number, _ e: Int) -> Number? {
        if e == 0 { return n }
        guard let power = Number(parsing: "1p\(e)") else { return nil }
        return try? n.multiplied(by: power)
    }

    /// About log₂|n|: the exponent of the nearest double, or beyond a double's range the
    /// number of decimal digits of its printed form (which is slower to get).
    private static func binaryMagnitudeEstimate(_ n: Number) -> Int {
        let x = n.double
        if x.isFinite && x != 0 { return Int(x.exponent) }
        let d = GoDecimal(shortestOf: n)
        return Int((Double(d.exponent) * 3.321928).rounded(.down))
    }
}

/// A natural number in base 2⁶⁴ limbs, least significant first: just enough arithmetic
/// to print exact binary floats in any base.
struct GoNat {
    private(set) var limbs: [UInt64] = []

    init(decimal: Substring) {
        var chunk: UInt64 = 0
        var count = 0
        for c in decimal.utf8 where c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
            chunk = chunk * 10 + UInt64(c - UInt8(ascii: "0"))
            count += 1
            if count == 19 {
                multiply(by: 10_000_000_000_000_000_000, adding: chunk)
                chunk = 0
                count = 0
            }
        }
        if count > 0 {
            var scale: UInt64 = 1
            for _ in 0..<count { scale *= 10 }
            multiply(by: scale, adding: chunk)
        }
    }

    var isZero: Bool { limbs.isEmpty }

    mutating func multiply(by m: UInt64, adding a: UInt64 = 0) {
        var carry = a
        for i in limbs.indices {
            let (high, low) = limbs[i].multipliedFullWidth(by: m)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            limbs[i] = sum
            carry = high &+ (overflow ? 1 : 0)
        }
        if carry > 0 { limbs.append(carry) }
        while limbs.last == 0 { limbs.removeLast() }
    }

    mutating func multiplyByPowerOfFive(_ k: Int) {
        var k = k
        // 5^27 is the largest power of five below 2^64.
        while k >= 27 {
            multiply(by: 7_450_580_596_923_828_125)
            k -= 27
        }
        var rest: UInt64 = 1
        for _ in 0..<k { rest *= 5 }
        if rest > 1 { multiply(by: rest) }
    }

    mutating func shiftLeft(_ bits: Int) {
        guard bits > 0, !limbs.isEmpty else { return }
        let words = bits / 64
        let shift = UInt64(bits % 64)
        if shift > 0 {
            var carry: UInt64 = 0
            for i in limbs.indices {
                let v = limbs[i]
                limbs[i] = (v << shift) | carry
                carry = v >> (64 - shift)
            }
            if carry > 0 { limbs.append(carry) }
        }
        limbs.insert(contentsOf: repeatElement(0, count: words), at: 0)
    }

    var trailingZeroBitCount: Int {
        guard let i = limbs.firstIndex(where: { $0 != 0 }) else { return 0 }
        return i * 64 + limbs[i].trailingZeroBitCount
    }

    mutating func shiftRight(_ bits: Int) {
        guard bits > 0 else { return }
        let words = bits / 64
        guard words < limbs.count else {
            limbs = []
            return
        }
        limbs.removeFirst(words)
        let shift = UInt64(bits % 64)
        if shift > 0 {
            for i in limbs.indices {
                let high = i + 1 < limbs.count ? limbs[i + 1] << (64 - shift) : 0
                limbs[i] = (limbs[i] >> shift) | high
            }
        }
        while limbs.last == 0 { limbs.removeLast() }
    }

    /// Divides in place and returns the remainder.
    private mutating func divide(by d: UInt64) -> UInt64 {
        var remainder: UInt64 = 0
        for i in limbs.indices.reversed() {
            let (q, r) = d.dividingFullWidth((remainder, limbs[i]))
            limbs[i] = q
            remainder = r
        }
        while limbs.last == 0 { limbs.removeLast() }
        return remainder
    }

    /// The digits in base 2, 8, 10 or 16 (lowercase).
    func toString(radix: Int) -> String {
        if limbs.isEmpty { return "0" }
        // The largest power of the radix that fits a limb, and how many digits it holds.
        var chunkDivisor: UInt64 = 1
        var chunkDigits = 0
        while chunkDivisor <= UInt64.max / UInt64(radix) {
            chunkDivisor *= UInt64(radix)
            chunkDigits += 1
        }
        var n = self
        var chunks: [UInt64] = []
        while !n.isZero { chunks.append(n.divide(by: chunkDivisor)) }
        var out = String(chunks.last!, radix: radix)
        for chunk in chunks.dropLast().reversed() {
            let text = String(chunk, radix: radix)
            out += String(repeating: "0", count: chunkDigits - text.utf8.count) + text
        }
        return out
    }
}
