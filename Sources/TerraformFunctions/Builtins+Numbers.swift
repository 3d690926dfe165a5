import Foundation
import HCL

// Numeric functions, as go-cty's stdlib/number.go implements them: abs, ceil, floor, min
// and max are exact on big floats; log and pow go through float64 like Go's math package
// and return 53-bit numbers; signum and parseint convert through Go integers.

extension Builtins {
    static let numbers: [BuiltinFunction] = [
        BuiltinFunction("abs", [.init("num", .number)], returns: .number) { args, _ in
            let n = args[0].numberValue!
            return .number(n.sign < 0 || n.isNegativeZero ? -n : n)
        },
        BuiltinFunction("ceil", [.init("num", .number)], returns: .number) { args, _ in
            .number(args[0].numberValue!.rounded(.up))
        },
        BuiltinFunction("floor", [.init("num", .number)], returns: .number) { args, _ in
            .number(args[0].numberValue!.rounded(.down))
        },
        BuiltinFunction("min", [], variadic: .init("numbers", .number), returns: .number) { args, _ throws(FunctionError) in
            try extreme(args) { $0 < $1 }
        },
        BuiltinFunction("max", [], variadic: .init("numbers", .number), returns: .number) { args, _ throws(FunctionError) in
            try extreme(args) { $0 > $1 }
        },
        BuiltinFunction("log", [.init("num", .number), .init("base", .number)], returns: .number) {
            args, _ throws(FunctionError) in
            let x = try float64(args[0]), base = try float64(args[1])
            return try float64Result(GoMath.log(x) / GoMath.log(base))
        },
        BuiltinFunction("pow", [.init("num", .number), .init("power", .number)], returns: .number) {
            args, _ throws(FunctionError) in
            try float64Result(GoMath.pow(try float64(args[0]), try float64(args[1])))
        },
        BuiltinFunction("signum", [.init("num", .number)], returns: .number) { args, _ throws(FunctionError) in
            // go-cty converts to a Go int first, so fractions and huge numbers are errors.
            .number(try wholeNumber(args[0]).signum())
        },
        BuiltinFunction(
            "parseint", [.init("number", .any, allowUnknown: true), .init("base", .number, allowUnknown: true)],
            returns: .number, parseInt
        ),
    ]

    /// The first argument that `precedes` all others (go-cty keeps the earliest of equals).
    private static func extreme(_ args: [Value], _ precedes: (Number, Number) -> Bool) throws(FunctionError) -> Value {
        guard var best = args.first?.numberValue else { throw FunctionError("must pass at least one number") }
        for arg in args.dropFirst() {
            let n = arg.numberValue!
            if precedes(n, best) { best = n }
        }
        return .number(best)
    }

    /// A number as gocty converts it to a Go float64: rounded, but an error where rounding
    /// would make an infinity of a finite number.
    private static func float64(_ value: Value) throws(FunctionError) -> Double {
        let n = value.numberValue!
        let x = n.double
        if x.isInfinite && !n.isInfinite {
            let limit = GoFormat.text(Number(Double.greatestFiniteMagnitude), verb: "f", precision: 6)
            throw FunctionError("value must be between -\(limit) and \(limit) inclusive")
        }
        return x
    }

    /// A float64 result as `cty.NumberFloatVal`, which panics on NaN.
    private static func float64Result(_ x: Double) throws(FunctionError) -> Value {
        guard !x.isNaN else { throw FunctionError("panic in function implementation: Float.SetFloat64(NaN)") }
        return .number(Number(x))
    }

    private static func parseInt(_ args: [Value], _: FunctionContext) throws(FunctionError) -> Value {
        let text = args[0]
        switch text.type {
        case .string: break
        // An untyped unknown cannot be type-checked: go-cty gives an unknown of any type.
        case .any: return .dynamicUnknown
        default: throw FunctionError(argument: 0, "first argument must be a string, not \(text.type.friendlyName)")
        }
        guard let s = text.stringValue, args[1].isKnown else { return .unknown(.number) }
        let base: Int
        do { base = try wholeNumber(args[1]) } catch { throw FunctionError(argument: 1, error.message) }
        guard (2...62).contains(base) else {
            throw FunctionError(argument: 1, "base must be a whole number between 2 and 62 inclusive")
        }
        guard let n = parseInteger(s, base: base) else {
            throw FunctionError(argument: 0, "cannot parse \(GoPrintf.goQuote(s)) as a base \(base) integer")
        }
        return .number(n)
    }

    /// Go's `big.Int.SetString(s, base)` for bases 2 to 62: an optional sign and at least
    /// one digit; letters are case-insensitive up to base 36, above it a–z are 10–35 and
    /// A–Z 36–61.
    static func parseInteger(_ s: String, base: Int) -> Number? {
        var bytes = s.utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        guard !bytes.isEmpty else { return nil }
        var small = 0
        var overflow = false
        var big = GoNat(decimal: "")
        for c in bytes {
            let digit: Int
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = Int(c - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = Int(c - UInt8(ascii: "A")) + (base <= 36 ? 10 : 36)
            default: return nil
            }
            guard digit < base else { return nil }
            if !overflow {
                let (times, o1) = small.multipliedReportingOverflow(by: base)
                let (sum, o2) = times.addingReportingOverflow(digit)
                if o1 || o2 {
                    overflow = true
                    big = GoNat(decimal: String(small)[...])
                } else {
                    small = sum
                }
            }
            if overflow { big.multiply(by: UInt64(base), adding: UInt64(digit)) }
        }
        if !overflow { return Number(negative ? -small : small) }
        // Beyond Int: exact through its decimal text (at literal precision, where Go would
        // use the integer's own bit length; the printed value is the same).
        return Number(parsing: (negative ? "-" : "") + big.toString(radix: 10))
    }
}

/// Go's `math.Pow`, `math.Log` and `math.Exp` as Terraform's amd64 builds compute them,
/// so that results agree to the last bit (`log(3, 9)` is 0.4999999999999999 in Go, where
/// C's correctly rounded `log` gives 0.5).
enum GoMath {
    /// `math.Pow`: exponentiation by squaring on the integer part of the power (so
    /// `pow(1.1, 10)` rounds as Go does), and `exp(f × log(x))` for the fraction.
    static func pow(_ x: Double, _ y: Double) -> Double {
        switch true {
        case y == 0 || x == 1:
            return 1
        case y == 1:
            return x
        case x.isNaN || y.isNaN:
            return .nan
        case x == 0:
            if y < 0 { return isOddInt(y) ? Double(signOf: x, magnitudeOf: .infinity) : .infinity }
            if y > 0 { return isOddInt(y) ? x : 0 }
        case y.isInfinite:
            if x == -1 { return 1 }
            return (Swift.abs(x) < 1) == (y > 0) ? 0 : .infinity
        case x.isInfinite:
            if x < 0 { return pow(1 / x, -y) }
            if y < 0 { return 0 }
            if y > 0 { return .infinity }
        case y == 0.5:
            return x.squareRoot()
        case y == -0.5:
            return 1 / x.squareRoot()
        default:
            break
        }
        var yi = Swift.abs(y).rounded(.towardZero)
        var yf = Swift.abs(y) - yi
        if yf != 0 && x < 0 { return .nan }
        if yi >= 0x1p63 {
            if x == -1 { return 1 }
            return (Swift.abs(x) < 1) == (y > 0) ? 0 : .infinity
        }
        var a1 = 1.0
        var ae = 0
        if yf != 0 {
            if yf > 0.5 {
                yf -= 1
                yi += 1
            }
            a1 = exp(yf * log(x))
        }
        var (x1, xe) = frexp(x)
        var i = Int64(yi)
        while i != 0 {
            if xe < -(1 << 12) || (1 << 12) < xe {
                ae += xe
                break
            }
            if i & 1 == 1 {
                a1 *= x1
                ae += xe
            }
            x1 *= x1
            xe <<= 1
            if x1 < 0.5 {
                x1 += x1
                xe -= 1
            }
            i >>= 1
        }
        if y < 0 {
            a1 = 1 / a1
            ae = -ae
        }
        return Foundation.scalbn(a1, ae)
    }

    /// `math.Log` (FreeBSD's algorithm, which Go's amd64 assembly follows step by step).
    static func log(_ x: Double) -> Double {
        let ln2Hi = 6.93147180369123816490e-01
        let ln2Lo = 1.90821492927058770002e-10
        let l1 = 6.666666666666735130e-01
        let l2 = 3.999999999940941908e-01
        let l3 = 2.857142874366239149e-01
        let l4 = 2.222219843214978396e-01
        let l5 = 1.818357216161805012e-01
        let l6 = 1.531383769920937332e-01
        let l7 = 1.479819860511658591e-01
        if x.isNaN || x == .infinity { return x }
        if x < 0 { return .nan }
        if x == 0 { return -.infinity }
        var (f1, ki) = frexp(x)
        if f1 < 2.0.squareRoot() / 2 {
            f1 *= 2
            ki -= 1
        }
        let f = f1 - 1
        let k = Double(ki)
        let s = f / (2 + f)
        let s2 = s * s
        let s4 = s2 * s2
        let t1 = s2 * (l1 + s4 * (l3 + s4 * (l5 + s4 * l7)))
        let t2 = s4 * (l2 + s4 * (l4 + s4 * l6))
        let r = t1 + t2
        let hfsq = 0.5 * f * f
        return k * ln2Hi - ((hfsq - (s * (hfsq + r) + k * ln2Lo)) - f)
    }

    /// `math.Exp` as Go's amd64 assembly computes it on CPUs with FMA (SLEEF's method:
    /// reduce by ln 2, a Taylor series on x/16, then square four times).
    static func exp(_ x: Double) -> Double {
        if x.isNaN || x == .infinity { return x }
        if x == -.infinity { return 0 }
        if x > 7.09782712893384e+02 { return .infinity }
        let t = x * 1.4426950408889634073599246810018920
        // CVTSD2SL: round to nearest even; out of range gives the "integer indefinite".
        let rounded = t.rounded(.toNearestOrEven)
        var e = rounded >= -2_147_483_648 && rounded <= 2_147_483_647 ? Int32(rounded) : Int32.min
        let k = Double(e)
        var r = x.addingProduct(-k, 0.69314718055966295651160180568695068359375)
        r = r.addingProduct(-k, 0.28235290563031577122588448175013436025525412068e-12)
        r *= 0.0625
        var p = 2.4801587301587301587e-5
        for c in [1.9841269841269841270e-4, 1.3888888888888888889e-3, 8.3333333333333333333e-3,
                  4.1666666666666666667e-2, 1.6666666666666666667e-1, 0.5, 1.0] {
            p = c.addingProduct(p, r)
        }
        r *= p
        for _ in 0..<3 {
            r *= r + 2.0
        }
        r = 1.0.addingProduct(r, r + 2.0)
        // r × 2^e, through the exponent bits as the assembly does.
        let (biased, overflow) = e.addingReportingOverflow(0x3FF)
        e = biased
        if overflow || e >= 0x7FF { return .infinity }
        if e <= 0 {
            if e < -52 { return 0 }
            r *= Double(bitPattern: UInt64(e + 0x3FE) << 52)
            e = 1
        }
        return r * Double(bitPattern: UInt64(e) << 52)
    }

    private static func isOddInt(_ x: Double) -> Bool {
        if Swift.abs(x) >= 0x1p53 { return false }
        let xi = x.rounded(.towardZero)
        return xi == x && Int64(xi) & 1 == 1
    }

    /// Go's `math.Frexp`: a fraction in [½, 1) with the sign of x, and the power of two.
    private static func frexp(_ x: Double) -> (Double, Int) {
        if x == 0 || x.isInfinite || x.isNaN { return (x, 0) }
        return (Double(sign: x.sign, exponent: -1, significand: x.significand), Int(x.exponent) + 1)
    }
}
