import BigInt

// Terraform reads numbers with `big.ParseFloat(s, 10, 512, big.ToNearestEven)`
// (`cty.ParseNumberVal`) and prints them with `Text('f', -1)` (cty's JSON, `tostring`,
// the console). Parsing follows Go's floatconv.go here, quirks included: scaling by a
// power of five above 5^27 uses a power that is itself rounded. Printing follows ftoa.go
// and decimal.go in BinaryFloat+Text.swift and DecimalDigits.swift.

extension Number: CustomStringConvertible {
    /// Parses a Terraform number literal or `tonumber` argument: an optional sign, decimal
    /// digits with an optional point, and an optional exponent (`e`, or Go's binary `p`),
    /// or `Inf`/`inf` with an optional sign. No spaces, hex, or underscores; nil when the
    /// text is not a number ("a number is required").
    public init?(parsing text: String) {
        self.init(parsing: text, precision: Self.literalPrecision)
    }

    /// Parses at any precision, as `big.ParseFloat(text, 10, precision, ToNearestEven)`.
    init?(parsing text: String, precision: UInt32) {
        var text = text
        let parsed = text.withUTF8 { Self.parse($0, precision: precision) }
        guard let parsed else { return nil }
        self = parsed
    }

    private static func parse(_ s: UnsafeBufferPointer<UInt8>, precision: UInt32) -> Number? {
        if let small = parseSmallInteger(s, precision: precision) { return small }
        // Go's Float.Parse special-cases "Inf" and "inf", with an optional sign.
        let body = s.count == 4 && (s[0] == UInt8(ascii: "+") || s[0] == UInt8(ascii: "-")) ? s.dropFirst() : s[...]
        if body.count == 3, body.elementsEqual("Inf".utf8) || body.elementsEqual("inf".utf8) {
            return Number(BinaryFloat.infinity(negative: s[0] == UInt8(ascii: "-"), precision: precision))
        }

        var i = 0
        var negative = false
        if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
            negative = s[i] == UInt8(ascii: "-")
            i += 1
        }
        // Mantissa: digits with at most one point; leading zeros do not count as digits
        // of the integer below, but do count for the position of the point.
        var digits: [UInt8] = []
        var digitCount = 0
        var point: Int?
        while i < s.count {
            let c = s[i]
            if c == UInt8(ascii: "."), point == nil {
                point = digitCount
            } else if c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
                digitCount += 1
                if !digits.isEmpty || c != UInt8(ascii: "0") { digits.append(c) }
            } else {
                break
            }
            i += 1
        }
        guard digitCount > 0 else { return nil }
        let fractionDigits = point.map { digitCount - $0 } ?? 0

        // Exponent: e/E (decimal) or p/P (binary), an optional sign, at least one digit,
        // and it must fit an int64 (Go's strconv.ParseInt).
        var exponent = 0
        var binaryExponent = false
        if i < s.count, s[i] | 0x20 == UInt8(ascii: "e") || s[i] | 0x20 == UInt8(ascii: "p") {
            binaryExponent = s[i] | 0x20 == UInt8(ascii: "p")
            i += 1
            var exponentNegative = false
            if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
                exponentNegative = s[i] == UInt8(ascii: "-")
                i += 1
            }
            let start = i
            var magnitude: UInt64 = 0
            var overflow = false
            while i < s.count, s[i] >= UInt8(ascii: "0"), s[i] <= UInt8(ascii: "9") {
                let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(s[i] - UInt8(ascii: "0")))
                overflow = overflow || o1 || o2
                magnitude = sum
                i += 1
            }
            guard i > start, !overflow else { return nil }
            if exponentNegative {
                guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
                exponent = magnitude == UInt64(Int64.max) + 1 ? Int.min : -Int(magnitude)
            } else {
                guard magnitude <= UInt64(Int64.max) else { return nil }
                exponent = Int(magnitude)
            }
        }
        guard i == s.count else { return nil }

        let mantissa = Self.integer(digits)
        if mantissa.isZero { return Number(BinaryFloat.zero(negative: negative, precision: precision)) }

        // value = mantissa × 10^-fractionDigits × (10 or 2)^exponent
        //       = mantissa × 2^twos × 5^fives
        let (twos, twosOverflow) = exponent.subtractingReportingOverflow(fractionDigits)
        let fives = binaryExponent ? -fractionDigits : twos
        // Go refuses a normalised binary exponent outside int32 ("exponent overflow").
        let (top, topOverflow) = twos.addingReportingOverflow(mantissa.bitWidth)
        guard !twosOverflow, !topOverflow, top >= BinaryFloat.minGoExponent, top <= BinaryFloat.maxGoExponent else {
            return nil
        }
        if fives == 0 {
            return Number(BinaryFloat.rounded(negative: negative, mantissa: mantissa, exponent: twos, precision: precision))
        }
        let zeros = mantissa.trailingZeroBitCount
        let exact = BinaryFloat(
            form: .finite, negative: negative, mantissa: mantissa >> zeros, exponent: twos + zeros, precision: precision)
        let power = powerOfFive(fives.magnitude, precision: precision + 64)
        let scaled =
            fives < 0
            ? BinaryFloat.quotient(exact, power, precision: precision) : BinaryFloat.product(exact, power, precision: precision)
        return Number(scaled!)
    }

    /// The integer spelled by ASCII digits without leading zeros.
    private static func integer(_ digits: [UInt8]) -> BigUInt {
        var result = BigUInt(0)
        var i = 0
        while i < digits.count {
            // Nineteen digits at a time fit a word.
            let end = min(i + 19, digits.count)
            var chunk: UInt = 0
            var scale: UInt = 1
            for d in digits[i..<end] {
                chunk = chunk * 10 + UInt(d - UInt8(ascii: "0"))
                scale *= 10
            }
            result.multiply(byWord: scale)
            result += BigUInt(chunk)
            i = end
        }
        return result
    }

    /// Plain decimal integers of up to 18 digits, the common literal, without BigUInt.
    private static func parseSmallInteger(_ s: UnsafeBufferPointer<UInt8>, precision: UInt32) -> Number? {
        var i = 0
        var negative = false
        if s.count > 0, s[0] == UInt8(ascii: "-") || s[0] == UInt8(ascii: "+") {
            negative = s[0] == UInt8(ascii: "-")
            i = 1
        }
        let count = s.count - i
        guard count > 0, count <= 18 else { return nil }
        var value = 0
        while i < s.count {
            let d = s[i] &- UInt8(ascii: "0")
            guard d <= 9 else { return nil }
            value = value * 10 + Int(d)
            i += 1
        }
        // Literal precision exceeds 60 bits, so any 18-digit integer is stored exactly; other
        // precisions must hold its bit length to stay inline.
        if value == 0 && negative { return Number(BinaryFloat.zero(negative: true, precision: precision)) }
        guard Int.bitWidth - value.leadingZeroBitCount <= Int(precision) else { return nil }
        return Number(storage: .small(negative ? -value : value, precision: precision))
    }

    /// 5^n as Go's `Float.pow5` computes it: exact up to 5^27, then by repeated squaring
    /// with every product rounded (to `precision`, and the squares to 64 bits more).
    private static func powerOfFive(_ n: UInt, precision: UInt32) -> BinaryFloat {
        let table: UInt64 = 7_450_580_596_923_828_125  // 5^27, the largest in a uint64
        if n <= 27 {
            return BinaryFloat.rounded(negative: false, mantissa: .powerOfFive(Int(n)), exponent: 0, precision: precision)
        }
        var z = BinaryFloat.rounded(negative: false, mantissa: BigUInt(table), exponent: 0, precision: precision)
        var f = BinaryFloat.rounded(negative: false, mantissa: 5, exponent: 0, precision: precision + 64)
        var n = n - 27
        while n > 0 {
            if n & 1 != 0 { z = BinaryFloat.product(z, f, precision: precision)! }
            f = BinaryFloat.product(f, f, precision: precision + 64)!
            n >>= 1
        }
        return z
    }

    /// The number as Terraform prints it (`big.Float.Text('f', -1)`): the fewest digits
    /// that read back as the same value at this number's precision, never an exponent;
    /// `+Inf` and `-Inf` for infinities, and `-0` for negative zero.
    public var description: String {
        switch storage {
        case .small(let value, _): return String(value)
        case .big(let value): return value.shortestText
        }
    }

    /// Go's `big.Float.String()` (`Text('g', 10)`): at most ten significant digits,
    /// switching to an exponent outside 1e-4 ..< 1e10. cty orders sets of non-primitive
    /// values by this text.
    public var goString: String {
        // Whole numbers of up to ten digits print as themselves.
        if case .small(let v, _) = storage, v.magnitude < 10_000_000_000 { return String(v) }
        let value = binary
        switch value.form {
        case .infinite: return value.negative ? "-Inf" : "+Inf"
        case .zero: return value.negative ? "-0" : "0"
        case .finite:
            // Twelve leading digits tell how to round to ten, ties to even included.
            var d = DecimalDigits(leading: 12, of: value.mantissa, times2To: value.exponent)
            d.round(to: 10)
            return (value.negative ? "-" : "") + d.formattedG(precision: 10)
        }
    }
}
