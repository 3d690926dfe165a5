import BigInt

extension BinaryFloat {
    /// `big.Float.Text('f', -1)`: Go's `roundShortest` then `fmtF`.
    var shortestText: String {
        let sign = negative ? "-" : ""
        switch form {
        case .infinite: return negative ? "-Inf" : "+Inf"
        case .zero: return sign + "0"
        case .finite: break
        }
        let p = Int(precision)
        let bits = mantissa.bitWidth
        // A whole number that fits its precision is spaced at most 1 from its neighbours,
        // so its shortest form is all its digits.
        if exponent >= 0, bits + exponent <= p { return sign + (mantissa << exponent).decimalString }

        // center × 2^k with center of precision+1 bits, so that 1 in its last place is half
        // an ulp: the values that round to this one lie between (center ± 1) × 2^k.
        let shift = p + 1 - bits
        let k = exponent - shift
        let center = mantissa << shift
        // The bounds themselves may be written only when the mantissa is even (ties go to
        // even), i.e. when it does not use every bit of the precision.
        let inclusive = shift >= 2
        // The walk decides within about precision × log10(2) digits; start there and widen
        // in the rare case it needs more.
        var count = (p + 1) * 30103 / 100_000 + 12
        while true {
            let (lower, value, upper) = DecimalDigits.neighbourhood(of: center, times2To: k, count: count)
            var d = value
            if d.roundShortest(lower: lower, upper: upper, inclusive: inclusive) { return sign + d.formattedF() }
            count *= 2
        }
    }
}
