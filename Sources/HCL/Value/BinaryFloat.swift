import BigInt

/// An arbitrary-precision binary floating-point number that rounds exactly as Go's
/// `big.Float` does with `ToNearestEven`: the slow path of `Number`.
///
/// A finite value is `±mantissa × 2^exponent` with an odd mantissa, so two equal finite
/// values have identical fields. `precision` is Go's `Prec()`: the mantissa never has more
/// significant bits than that, and it decides how results are rounded and printed.
struct BinaryFloat: Sendable {
    enum Form: Sendable {
        case zero, finite, infinite
    }

    var form: Form
    var negative: Bool
    var mantissa: BigUInt
    var exponent: Int
    var precision: UInt32

    static func zero(negative: Bool, precision: UInt32) -> BinaryFloat {
        BinaryFloat(form: .zero, negative: negative, mantissa: 0, exponent: 0, precision: precision)
    }

    static func infinity(negative: Bool, precision: UInt32) -> BinaryFloat {
        BinaryFloat(form: .infinite, negative: negative, mantissa: 0, exponent: 0, precision: precision)
    }

    /// Go keeps the exponent of `0.1xxx₂ × 2^e` in an int32: beyond it values overflow to
    /// infinity or underflow to zero (`big.MaxExp`, `big.MinExp`).
    static let maxGoExponent = Int(Int32.max)
    static let minGoExponent = Int(Int32.min)

    /// The exponent Go stores: the value lies in [2^(e-1), 2^e).
    var goExponent: Int { exponent + mantissa.bitWidth }

    var isInteger: Bool { form == .zero || (form == .finite && exponent >= 0) }

    /// `±m × 2^e`, plus nonzero bits below `m` when `sticky`, rounded to nearest-even at
    /// `precision` bits: Go's `setExpAndRound`, including its exponent range.
    static func rounded(
        negative: Bool, mantissa m: BigUInt, exponent e: Int, sticky: Bool = false, precision: UInt32
    ) -> BinaryFloat {
        if m.isZero { return .zero(negative: negative, precision: precision) }
        var m = m
        var e = e
        let n = m.bitWidth
        if e + n < minGoExponent { return .zero(negative: negative, precision: precision) }
        if e + n > maxGoExponent { return .infinity(negative: negative, precision: precision) }
        let p = Int(precision)
        if n > p {
            let shift = n - p
            let half = m[bitAt: shift - 1]
            let below = sticky || (shift >= 2 && m.trailingZeroBitCount < shift - 1)
            m >>= shift
            e += shift
            if half && (below || m[bitAt: 0]) {
                m += 1
                if m.bitWidth > p {
                    m >>= 1
                    e += 1
                }
            }
            if e + m.bitWidth > maxGoExponent { return .infinity(negative: negative, precision: precision) }
        }
        let zeros = m.trailingZeroBitCount
        if zeros > 0 {
            m >>= zeros
            e += zeros
        }
        return BinaryFloat(form: .finite, negative: negative, mantissa: m, exponent: e, precision: precision)
    }

    /// An integer, exactly, at `precision` bits (rounded if it needs more); zero is +0.
    static func integer(negative: Bool, magnitude: BigUInt, precision: UInt32) -> BinaryFloat {
        rounded(negative: negative && !magnitude.isZero, mantissa: magnitude, exponent: 0, precision: precision)
    }

    func negated() -> BinaryFloat {
        var copy = self
        copy.negative.toggle()
        return copy
    }

    func with(precision p: UInt32) -> BinaryFloat {
        var copy = self
        copy.precision = p
        return copy
    }

    /// The integer part, rounding toward zero (Go's `Float.Int`); nil for infinities.
    var truncated: (negative: Bool, magnitude: BigUInt)? {
        switch form {
        case .zero: return (false, 0)
        case .infinite: return nil
        case .finite:
            if exponent >= 0 { return (negative, mantissa << exponent) }
            let shift = -exponent
            if shift >= mantissa.bitWidth { return (false, 0) }
            return (negative, mantissa >> shift)
        }
    }
}

// MARK: - Go's Float.Add, Mul and Quo

extension BinaryFloat {
    /// `x + y` rounded to `precision`, as Go's `Float.Add`; nil where Go panics with
    /// `ErrNaN` (opposing infinities).
    static func sum(_ x: BinaryFloat, _ y: BinaryFloat, precision: UInt32) -> BinaryFloat? {
        switch (x.form, y.form) {
        case (.finite, .finite):
            return finiteSum(x, y, precision: precision)
        case (.infinite, .infinite):
            return x.negative == y.negative ? x.with(precision: precision) : nil
        case (.zero, .zero):
            // -0 + -0 == -0; any other pair of zeros is +0.
            return .zero(negative: x.negative && y.negative, precision: precision)
        case (.infinite, _), (_, .zero):
            return rounded(x, to: precision)
        case (_, .infinite), (.zero, _):
            return rounded(y, to: precision)
        }
    }

    /// Go's `z.Set(x)` into a `z` of the given precision.
    static func rounded(_ x: BinaryFloat, to precision: UInt32) -> BinaryFloat {
        guard x.form == .finite, x.precision > precision else { return x.with(precision: precision) }
        return rounded(negative: x.negative, mantissa: x.mantissa, exponent: x.exponent, precision: precision)
    }

    private static func finiteSum(_ x: BinaryFloat, _ y: BinaryFloat, precision: UInt32) -> BinaryFloat {
        // a is the operand with the larger top bit.
        let (a, b) = x.goExponent >= y.goExponent ? (x, y) : (y, x)
        let p = Int(precision)
        // When b lies wholly below the bits that can affect rounding, it only sets the sticky
        // bit; this keeps 1e300000 + 1 from shifting a million-bit mantissa.
        let spare = max(0, p + 3 - a.mantissa.bitWidth)
        if b.goExponent <= a.exponent - spare {
            let widened = a.mantissa << spare
            let m = a.negative == b.negative ? widened : widened - 1
            return rounded(negative: a.negative, mantissa: m, exponent: a.exponent - spare, sticky: true, precision: precision)
        }
        let e = min(a.exponent, b.exponent)
        let am = a.mantissa << (a.exponent - e)
        let bm = b.mantissa << (b.exponent - e)
        if a.negative == b.negative {
            return rounded(negative: a.negative, mantissa: am + bm, exponent: e, precision: precision)
        }
        if am > bm { return rounded(negative: a.negative, mantissa: am - bm, exponent: e, precision: precision) }
        if am < bm { return rounded(negative: b.negative, mantissa: bm - am, exponent: e, precision: precision) }
        return .zero(negative: false, precision: precision)
    }

    /// `x × y` rounded to `precision`, as Go's `Float.Mul`; nil for zero times infinity.
    static func product(_ x: BinaryFloat, _ y: BinaryFloat, precision: UInt32) -> BinaryFloat? {
        let negative = x.negative != y.negative
        switch (x.form, y.form) {
        case (.finite, .finite):
            return rounded(
                negative: negative, mantissa: x.mantissa * y.mantissa, exponent: x.exponent + y.exponent,
                precision: precision)
        case (.zero, .infinite), (.infinite, .zero):
            return nil
        case (.infinite, _), (_, .infinite):
            return .infinity(negative: negative, precision: precision)
        case (.zero, _), (_, .zero):
            return .zero(negative: negative, precision: precision)
        }
    }

    /// `x ÷ y` rounded to `precision`, as Go's `Float.Quo`; nil for 0/0 and ∞/∞.
    static func quotient(_ x: BinaryFloat, _ y: BinaryFloat, precision: UInt32) -> BinaryFloat? {
        let negative = x.negative != y.negative
        switch (x.form, y.form) {
        case (.finite, .finite):
            // Enough quotient bits for the rounding bit and one more; the remainder is sticky.
            let shift = max(0, Int(precision) + 2 + y.mantissa.bitWidth - x.mantissa.bitWidth)
            let (q, r) = (x.mantissa << shift).quotientAndRemainder(dividingBy: y.mantissa)
            return rounded(
                negative: negative, mantissa: q, exponent: x.exponent - shift - y.exponent, sticky: !r.isZero,
                precision: precision)
        case (.zero, .zero), (.infinite, .infinite):
            return nil
        case (.zero, _), (_, .infinite):
            return .zero(negative: negative, precision: precision)
        case (_, .zero), (.infinite, _):
            return .infinity(negative: negative, precision: precision)
        }
    }

    /// Go's `Float.Cmp`: -1, 0 or 1; the two zeros are equal.
    static func compare(_ x: BinaryFloat, _ y: BinaryFloat) -> Int {
        let sx = x.signum, sy = y.signum
        if sx != sy { return sx < sy ? -1 : 1 }
        if sx == 0 { return 0 }
        let magnitude = compareMagnitude(x, y)
        return x.negative ? -magnitude : magnitude
    }

    var signum: Int {
        switch form {
        case .zero: return 0
        case .finite, .infinite: return negative ? -1 : 1
        }
    }

    private static func compareMagnitude(_ x: BinaryFloat, _ y: BinaryFloat) -> Int {
        switch (x.form, y.form) {
        case (.infinite, .infinite): return 0
        case (.infinite, _): return 1
        case (_, .infinite): return -1
        case (.zero, .zero): return 0
        case (.zero, _): return -1
        case (_, .zero): return 1
        case (.finite, .finite):
            let ex = x.goExponent, ey = y.goExponent
            if ex != ey { return ex < ey ? -1 : 1 }
            let e = min(x.exponent, y.exponent)
            let xm = x.mantissa << (x.exponent - e)
            let ym = y.mantissa << (y.exponent - e)
            return xm == ym ? 0 : (xm < ym ? -1 : 1)
        }
    }
}
