import BigInt

extension Number {
    /// This number rounded to a whole number by `rule`, exactly at any size, as go-cty's
    /// `floor` (`.down`) and `ceil` (`.up`) do it: infinities stay as they are, the result
    /// keeps this number's precision, and zero results are +0 (`floor(-0)` is `0`).
    public func rounded(_ rule: FloatingPointRoundingRule) -> Number {
        if case .small = storage { return self }
        let value = binary
        guard value.form == .finite, !value.isInteger, let whole = value.truncated else {
            // Go's floor and ceil rebuild a whole number from its integer, dropping -0's sign.
            if value.form == .zero { return Number(BinaryFloat.zero(negative: false, precision: value.precision)) }
            return self
        }
        // The fraction, compared with one half: mantissa bits below the point.
        let fractionBits = -value.exponent
        let half = value.mantissa[bitAt: fractionBits - 1]
        let moreThanHalf = half && value.mantissa.trailingZeroBitCount < fractionBits - 1
        let awayFromZero: Bool
        switch rule {
        case .down: awayFromZero = value.negative
        case .up: awayFromZero = !value.negative
        case .towardZero: awayFromZero = false
        case .awayFromZero: awayFromZero = true
        case .toNearestOrAwayFromZero: awayFromZero = half
        case .toNearestOrEven: awayFromZero = moreThanHalf || (half && whole.magnitude[bitAt: 0])
        @unknown default: awayFromZero = false
        }
        let magnitude = awayFromZero ? whole.magnitude + 1 : whole.magnitude
        return Number(BinaryFloat.integer(negative: value.negative, magnitude: magnitude, precision: value.precision))
    }
}
