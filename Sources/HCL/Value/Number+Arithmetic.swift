import BigInt

/// Why Terraform refuses an arithmetic operation on two numbers: go-cty's operator
/// functions turn `big.Float`'s NaN panics into these errors.
public enum NumberError: Error, Sendable, Equatable {
    /// `+Inf + -Inf`.
    case sumOfOpposingInfinities
    /// `+Inf - +Inf`.
    case infinityMinusItself
    /// `0 * Inf`.
    case zeroTimesInfinity
    /// `0 / 0` or `Inf / Inf`.
    case indeterminateQuotient
    /// `x % Inf`, or `Inf % Inf`.
    case moduloWithZeroAndInfinity
    /// `Inf % x` for a finite nonzero `x`: go-cty dereferences a nil integer and Terraform
    /// reports the panic ("panic in function implementation: runtime error ...").
    case moduloOfInfinity

    /// go-cty's message, as Terraform shows it after "Error during operation: ".
    public var message: String {
        switch self {
        case .sumOfOpposingInfinities: return "can't compute sum of opposing infinities"
        case .infinityMinusItself: return "can't subtract infinity from itself"
        case .zeroTimesInfinity: return "can't multiply zero by infinity"
        case .indeterminateQuotient: return "can't divide zero by zero or infinity by infinity"
        case .moduloWithZeroAndInfinity: return "can't use modulo with zero and infinity"
        case .moduloOfInfinity:
            return "panic in function implementation: runtime error: invalid memory address or nil pointer dereference"
        }
    }
}

// Terraform's arithmetic operators call go-cty's stdlib functions, which call
// cty.Value.Add/Subtract/Multiply/Divide/Modulo (value_ops.go):
// - Add and Subtract: big.Float Add, rounded to the larger operand precision.
// - Multiply: the product rounded to 512 bits, kept at the larger of the operand
//   precisions and the bits it needs (`MinPrec`), so products of 53-bit floats are exact.
// - Divide: big.Float Quo at the larger precision; x/0 is ±Inf, not an error.
// - Modulo: x % 0 is x; otherwise x - y*trunc(x/y) with the quotient rounded first, and
//   the product and difference rounded to x's precision (not the larger one).

extension Number {
    /// `self + other`, or Terraform's error for opposing infinities.
    public func adding(_ other: Number) throws(NumberError) -> Number {
        if case .small(let a, let pa) = storage, case .small(let b, let pb) = other.storage {
            let (sum, overflow) = a.addingReportingOverflow(b)
            let p = max(pa, pb)
            if !overflow, Self.fits(sum, p) { return Number(storage: .small(sum, precision: p)) }
        }
        let x = binary, y = other.binary
        guard let sum = BinaryFloat.sum(x, y, precision: max(x.precision, y.precision)) else {
            throw .sumOfOpposingInfinities
        }
        return Number(sum)
    }

    /// `self - other`, or Terraform's error for infinity minus itself.
    public func subtracting(_ other: Number) throws(NumberError) -> Number {
        if case .small(let a, let pa) = storage, case .small(let b, let pb) = other.storage {
            let (difference, overflow) = a.subtractingReportingOverflow(b)
            let p = max(pa, pb)
            if !overflow, Self.fits(difference, p) { return Number(storage: .small(difference, precision: p)) }
        }
        // cty subtracts by adding the negation.
        let x = binary, y = other.binary.negated()
        guard let difference = BinaryFloat.sum(x, y, precision: max(x.precision, y.precision)) else {
            throw .infinityMinusItself
        }
        return Number(difference)
    }

    /// `self * other`, or Terraform's error for zero times infinity.
    public func multiplied(by other: Number) throws(NumberError) -> Number {
        if case .small(let a, let pa) = storage, case .small(let b, let pb) = other.storage {
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            // 0 times a negative number is -0, which is not stored inline.
            if !overflow, product != 0 || (a >= 0 && b >= 0) {
                let magnitude = product.magnitude
                let needed = magnitude == 0 ? 0 : UInt32(UInt.bitWidth - magnitude.leadingZeroBitCount - magnitude.trailingZeroBitCount)
                let p = max(pa, pb, needed)
                if Self.fits(product, p) { return Number(storage: .small(product, precision: p)) }
            }
        }
        let x = binary, y = other.binary
        guard let product = BinaryFloat.product(x, y, precision: 512) else { throw .zeroTimesInfinity }
        // cty multiplies at 512 bits, then keeps the larger operand precision or the bits
        // the product needs, whichever is more.
        let needed = product.form == .finite ? UInt32(product.mantissa.bitWidth) : 0
        return Number(product.with(precision: max(x.precision, y.precision, needed)))
    }

    /// `self / other`: ±Inf when `other` is zero (as Terraform), or Terraform's error for
    /// 0/0 and Inf/Inf.
    public func divided(by other: Number) throws(NumberError) -> Number {
        if case .small(let a, let pa) = storage, case .small(let b, let pb) = other.storage, b != 0,
            !(a == .min && b == -1), a % b == 0
        {
            let quotient = a / b
            let p = max(pa, pb)
            // 0 divided by a negative number is -0, which is not stored inline.
            if quotient != 0 || b > 0, Self.fits(quotient, p) { return Number(storage: .small(quotient, precision: p)) }
        }
        let x = binary, y = other.binary
        guard let quotient = BinaryFloat.quotient(x, y, precision: max(x.precision, y.precision)) else {
            throw .indeterminateQuotient
        }
        return Number(quotient)
    }

    /// `self % other` as go-cty computes it: the result has the sign of `self` (`-7 % 3` is
    /// -1, `7.5 % 2` is 1.5), `x % 0` is `x`, and an infinite operand is an error.
    public func remainder(dividingBy other: Number) throws(NumberError) -> Number {
        if case .small(let a, let pa) = storage, case .small(let b, _) = other.storage {
            if b == 0 { return self }
            // For integers that fit their precision, rounding the quotient first cannot
            // carry it across a whole number, so this is the exact remainder.
            if !(a == .min && b == -1) { return Number(storage: .small(a % b, precision: pa)) }
        }
        if other.sign == 0 { return self }
        let x = binary, y = other.binary
        switch (x.form, y.form) {
        case (.infinite, .infinite): throw .moduloWithZeroAndInfinity
        case (.infinite, _): throw .moduloOfInfinity
        case (_, .infinite): throw .moduloWithZeroAndInfinity
        case (.zero, _), (.finite, _): break
        }
        let ratio = BinaryFloat.quotient(x, y, precision: max(x.precision, y.precision))!
        // A quotient beyond Go's exponent range is infinite, and go-cty panics on it too.
        guard let whole = ratio.truncated else { throw .moduloOfInfinity }
        let t = BinaryFloat.integer(negative: whole.negative, magnitude: whole.magnitude, precision: x.precision)
        let product = BinaryFloat.product(y, t, precision: x.precision)!
        let remainder = BinaryFloat.sum(x, product.negated(), precision: x.precision)!
        return Number(remainder)
    }

    /// Whether an integer fits inline at a precision: its bit length is at most that.
    static func fits(_ value: Int, _ precision: UInt32) -> Bool {
        let magnitude = value.magnitude
        return UInt.bitWidth - magnitude.leadingZeroBitCount <= Int(precision)
    }

    public static func + (lhs: Number, rhs: Number) -> Number {
        do { return try lhs.adding(rhs) } catch { preconditionFailure(error.message) }
    }

    public static func - (lhs: Number, rhs: Number) -> Number {
        do { return try lhs.subtracting(rhs) } catch { preconditionFailure(error.message) }
    }

    public static func * (lhs: Number, rhs: Number) -> Number {
        do { return try lhs.multiplied(by: rhs) } catch { preconditionFailure(error.message) }
    }

    /// Division as Terraform does it: `x / 0` is ±Inf. Traps where Terraform reports an
    /// error (0/0, Inf/Inf); use `divided(by:)` to get that error instead.
    public static func / (lhs: Number, rhs: Number) -> Number {
        do { return try lhs.divided(by: rhs) } catch { preconditionFailure(error.message) }
    }

    /// go-cty's modulo: `x % 0` is `x`. Traps where Terraform reports an error (an
    /// infinite operand); use `remainder(dividingBy:)` to get that error instead.
    public static func % (lhs: Number, rhs: Number) -> Number {
        do { return try lhs.remainder(dividingBy: rhs) } catch { preconditionFailure(error.message) }
    }

    /// The negation, at the same precision; `-0` is negative zero, as in Terraform.
    public static prefix func - (x: Number) -> Number {
        if case .small(let a, let p) = x.storage, a != 0, a != .min {
            return Number(storage: .small(-a, precision: p))
        }
        return Number(x.binary.negated())
    }
}
