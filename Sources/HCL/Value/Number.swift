import BigInt

/// A Terraform number: a go-cty `*big.Float`, computed, compared and printed exactly as
/// Terraform does.
///
/// Every number carries a binary precision, as Go's `big.Float` does, and it decides how
/// results are rounded and printed: number literals and `tonumber` parse at 512 bits,
/// integers from functions such as `length` are 64-bit (`cty.NumberIntVal`), results of
/// float64 maths such as `pow` are 53-bit (`cty.NumberFloatVal`), and arithmetic takes the
/// larger precision of its operands. So `1/3` prints 155 digits, while the same division of
/// two `length` results prints 20.
///
/// Small exact integers, the common case, are stored inline without allocating; anything
/// else is an arbitrary-precision binary float (`BinaryFloat`).
public struct Number: Sendable {
    enum Storage: Sendable {
        /// An exact integer whose bit length is at most its precision, so that it prints as
        /// its own digits. Zero here is +0; -0 is always `.big`.
        case small(Int, precision: UInt32)
        indirect case big(BinaryFloat)
    }

    let storage: Storage

    /// The precision of number literals and `tonumber` (`cty.ParseNumberVal`).
    static let literalPrecision: UInt32 = 512
    /// The precision of `cty.NumberIntVal` (`big.Float.SetInt64`).
    static let intPrecision: UInt32 = 64
    /// The precision of `cty.NumberFloatVal` (`big.NewFloat`).
    static let doublePrecision: UInt32 = 53

    init(storage: Storage) { self.storage = storage }

    /// A value from the slow path, stored inline when it is a small exact integer.
    init(_ value: BinaryFloat) {
        if value.form == .zero, !value.negative {
            storage = .small(0, precision: value.precision)
            return
        }
        if value.form == .finite, value.exponent >= 0 {
            let bits = value.mantissa.bitWidth + value.exponent
            if bits <= 63, bits <= Int(value.precision) {
                let magnitude = Int(value.mantissa) << value.exponent
                storage = .small(value.negative ? -magnitude : magnitude, precision: value.precision)
                return
            }
        }
        storage = .big(value)
    }

    /// An integer, exactly, as `cty.NumberIntVal` makes it (64-bit precision).
    public init(_ value: Int) {
        storage = .small(value, precision: Self.intPrecision)
    }

    /// A float64, exactly, as `cty.NumberFloatVal` makes it (53-bit precision), the way
    /// Terraform returns the results of `pow`, `log` and other float maths.
    ///
    /// - Precondition: `value` is not NaN; Go's `big.NewFloat` panics on NaN too, and no
    ///   Terraform number is NaN.
    public init(_ value: Double) {
        precondition(!value.isNaN, "a Terraform number cannot be NaN")
        let p = Self.doublePrecision
        if value.isInfinite {
            self.init(BinaryFloat.infinity(negative: value < 0, precision: p))
        } else if value == 0 {
            self.init(BinaryFloat.zero(negative: value.sign == .minus, precision: p))
        } else if value.magnitude < 0x1p53, value == value.rounded(.towardZero) {
            self.init(storage: .small(Int(value), precision: p))
        } else {
            let normal = value.isNormal
            let significand = normal ? (1 << 52) | value.significandBitPattern : value.significandBitPattern
            let exponent = normal ? Int(value.exponent) - 52 : -1074
            self.init(
                BinaryFloat.rounded(
                    negative: value < 0, mantissa: BigUInt(significand), exponent: exponent, precision: p))
        }
    }

    /// An integer of any size, exactly, as `(&big.Float{}).SetInt` makes it for `parseint`:
    /// its precision is its bit length, and at least 64.
    public init(_ value: BigInt) {
        if let small = Int(exactly: value) {
            self.init(storage: .small(small, precision: Self.intPrecision))
            return
        }
        let precision = UInt32(max(value.magnitude.bitWidth, 64))
        self.init(BinaryFloat.integer(negative: value.sign == .minus, magnitude: value.magnitude, precision: precision))
    }

    /// Positive or negative infinity, as `tonumber("Inf")` and division by zero give.
    public static func infinity(negative: Bool = false) -> Number {
        Number(BinaryFloat.infinity(negative: negative, precision: literalPrecision))
    }

    /// This number on the slow path.
    var binary: BinaryFloat {
        switch storage {
        case .big(let value):
            return value
        case .small(let value, let precision):
            if value == 0 { return .zero(negative: false, precision: precision) }
            let magnitude = value.magnitude
            let zeros = magnitude.trailingZeroBitCount
            return BinaryFloat(
                form: .finite, negative: value < 0, mantissa: BigUInt(magnitude >> zeros), exponent: zeros,
                precision: precision)
        }
    }
}

// MARK: - Properties

extension Number {
    /// The binary precision in bits, Go's `big.Float.Prec()`: 512 for literals, 64 for
    /// integers from functions, 53 for float maths, the larger operand's for arithmetic.
    public var precision: Int {
        switch storage {
        case .small(_, let precision): return Int(precision)
        case .big(let value): return Int(value.precision)
        }
    }

    /// Whether this is a whole number (infinities are not).
    public var isInteger: Bool {
        switch storage {
        case .small: return true
        case .big(let value): return value.isInteger
        }
    }

    /// Whether this is positive or negative infinity.
    public var isInfinite: Bool {
        switch storage {
        case .small: return false
        case .big(let value): return value.form == .infinite
        }
    }

    /// Whether this is negative zero, which Terraform prints as `-0` (from `-0` or `0 * -1`).
    public var isNegativeZero: Bool {
        switch storage {
        case .small: return false
        case .big(let value): return value.form == .zero && value.negative
        }
    }

    /// The exact value as an `Int`, when this is a whole number within `Int`'s range.
    public var int: Int? {
        switch storage {
        case .small(let value, _):
            return value
        case .big(let value):
            switch value.form {
            case .zero: return 0
            case .infinite: return nil
            case .finite:
                guard value.exponent >= 0 else { return nil }
                let bits = value.mantissa.bitWidth + value.exponent
                if bits <= 63 {
                    let magnitude = Int(value.mantissa) << value.exponent
                    return value.negative ? -magnitude : magnitude
                }
                if bits == 64, value.negative, value.mantissa == 1 { return Int.min }
                return nil
            }
        }
    }

    /// The nearest `Double` (ties to even), as Go's `big.Float.Float64`: ±infinity beyond
    /// its range, zero or a subnormal below it.
    public var double: Double {
        switch storage {
        case .small(let value, _):
            return Double(value)
        case .big(let value):
            switch value.form {
            case .zero: return value.negative ? -0.0 : 0.0
            case .infinite: return value.negative ? -.infinity : .infinity
            case .finite: return Self.nearestDouble(value)
            }
        }
    }

    private static func nearestDouble(_ value: BinaryFloat) -> Double {
        let sign: FloatingPointSign = value.negative ? .minus : .plus
        let top = value.goExponent  // value in [2^(top-1), 2^top)
        if top > 1025 { return value.negative ? -.infinity : .infinity }
        // Below 2^-1022 a double has fewer significant bits, down to one at 2^-1074.
        let bits = top >= -1021 ? 53 : top + 1074
        if bits <= 0 {
            // Under half the smallest subnormal rounds to zero; exactly half ties to zero
            // (even); above half, but below the smallest subnormal, rounds up to it.
            let exactlyHalf = value.mantissa.bitWidth == 1
            if bits == 0, !exactlyHalf { return Double(sign: sign, exponent: -1074, significand: 1) }
            return value.negative ? -0.0 : 0.0
        }
        let rounded = BinaryFloat.rounded(
            negative: value.negative, mantissa: value.mantissa, exponent: value.exponent, precision: UInt32(bits))
        guard rounded.form == .finite else { return value.negative ? -.infinity : .infinity }
        return Double(sign: sign, exponent: rounded.exponent, significand: Double(UInt64(rounded.mantissa)))
    }

    /// -1, 0 or 1; both zeros are 0.
    public var sign: Int {
        switch storage {
        case .small(let value, _): return value.signum()
        case .big(let value): return value.signum
        }
    }
}
