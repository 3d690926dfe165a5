import BigInt
import Foundation
import Testing

@testable import HCL

/// Terraform's numbers against go-cty and Go's `math/big`: every row of
/// `Cases/numbers.tsv` (written by `scripts/gen-number-cases.sh` with `scripts/numref`,
/// and checked there against a real `terraform console`) must come out the same, text and
/// precision; then the same for thousands of random cases when numref is built; then
/// expressions as Terraform 1.11.4's console printed them.
@Suite struct NumberTests {
    struct Row: Sendable {
        var line: Int
        var op: String
        var a: String
        var b: String
        var result: String
        var precision: String
    }

    static func rows(in text: String) -> [Row] {
        var rows: [Row] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 5 else { continue }
            rows.append(Row(line: index + 1, op: f[0], a: f[1], b: f[2], result: f[3], precision: f[4]))
        }
        return rows
    }

    static let cases: [Row] = {
        let path = Repository.path("Tests/HCLTests/Cases/numbers.tsv")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return rows(in: text)
    }()

    static var operations: [String] {
        var seen: [String] = []
        for row in cases where !seen.contains(row.op) { seen.append(row.op) }
        return seen
    }

    /// A number made the way an operand of the case file says.
    static func operand(_ spec: String) -> Number? {
        guard let colon = spec.firstIndex(of: ":") else { return nil }
        let kind = spec[..<colon]
        let text = String(spec[spec.index(after: colon)...])
        switch kind {
        case "lit": return Number(parsing: text)
        case "int": return Int(text).map { Number($0) }
        case "float": return Double(text).map { Number($0) }
        case "bigint": return BigInt(text).map { Number($0) }
        case "prec":
            guard let second = text.firstIndex(of: ":"), let bits = UInt32(text[..<second]) else { return nil }
            return Number(parsing: String(text[text.index(after: second)...]), precision: bits)
        default: return nil
        }
    }

    /// What numref prints for one case, computed by Airlock.
    static func evaluate(_ op: String, _ a: String, _ b: String) -> (result: String, precision: String) {
        func number(_ n: Number) -> (String, String) { (n.description, String(n.precision)) }
        func bool(_ v: Bool) -> (String, String) { (String(v), "-") }
        func attempt(_ body: () throws(NumberError) -> Number) -> (String, String) {
            do {
                return number(try body())
            } catch {
                // numref keeps only the stable start of a panic's message.
                let message = error == .moduloOfInfinity ? "panic in function implementation" : error.message
                return ("error: " + message, "-")
            }
        }
        if op == "parse" {
            guard let n = Number(parsing: a) else { return ("error: a number is required", "-") }
            return number(n)
        }
        guard let x = operand(a) else { return ("bad operand \(a)", "-") }
        let y = operand(b) ?? Number(0)
        switch op {
        case "text": return number(x)
        case "g10": return (x.goString, "-")
        case "add": return attempt { () throws(NumberError) in try x.adding(y) }
        case "sub": return attempt { () throws(NumberError) in try x.subtracting(y) }
        case "mul": return attempt { () throws(NumberError) in try x.multiplied(by: y) }
        case "div": return attempt { () throws(NumberError) in try x.divided(by: y) }
        case "mod": return attempt { () throws(NumberError) in try x.remainder(dividingBy: y) }
        case "neg": return number(-x)
        case "eq": return bool(x == y)
        case "lt": return bool(x < y)
        case "le": return bool(x <= y)
        case "gt": return bool(x > y)
        case "ge": return bool(x >= y)
        case "floor": return number(x.rounded(.down))
        case "ceil": return number(x.rounded(.up))
        case "trunc": return number(x.rounded(.towardZero))
        case "int": return (x.int.map { String($0) } ?? "none", "-")
        case "double":
            let hex = String(x.double.bitPattern, radix: 16)
            return (String(repeating: "0", count: 16 - hex.count) + hex, "-")
        case "isint": return bool(x.isInteger)
        case "sign": return (String(x.sign), "-")
        default: return ("unknown op \(op)", "-")
        }
    }

    /// The rows whose result or precision Airlock gets wrong, described.
    static func disagreements(_ rows: [Row]) -> [String] {
        rows.compactMap { row in
            let (result, precision) = evaluate(row.op, row.a, row.b)
            if result == row.result && precision == row.precision { return nil }
            return "line \(row.line): \(row.op) \(row.a) \(row.b): expected \(row.result) (\(row.precision) bits), got \(result) (\(precision) bits)"
        }
    }

    @Test("Every case agrees with go-cty and math/big, text and precision", arguments: operations)
    func reference(op: String) {
        let rows = Self.cases.filter { $0.op == op }
        for problem in Self.disagreements(rows).prefix(20) { Issue.record(Comment(rawValue: problem)) }
    }

    @Test("The case file covers parsing, every operation and every kind of operand")
    func coverage() {
        #expect(Self.cases.count >= 300)
        let ops = Set(Self.operations)
        for op in ["parse", "text", "add", "sub", "mul", "div", "mod", "neg", "eq", "lt", "le", "ge", "floor", "ceil"] {
            #expect(ops.contains(op), "no \(op) cases")
        }
        var operands: Set<String> = []
        for row in Self.cases {
            for spec in [row.a, row.b] where spec.contains(":") { operands.insert(String(spec.prefix { $0 != ":" })) }
        }
        for kind in ["lit", "int", "float", "bigint", "prec"] { #expect(operands.contains(kind), "no \(kind): operands") }
    }

    static var numref: String? {
        let candidates = [ProcessInfo.processInfo.environment["AIRLOCK_NUMREF"], Repository.path(".build-tools/numref")]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(
        "Seeded random cases agree with go-cty",
        .enabled(if: numref != nil, "numref is not built: run scripts/gen-number-cases.sh"),
        arguments: [1, 2, 3] as [UInt64])
    func random(seed: UInt64) throws {
        let tool = try #require(Self.numref)
        let (status, output) = try ExternalTool.run(tool, ["-random", "3000", "-seed", String(seed)])
        #expect(status == 0)
        let rows = Self.rows(in: String(decoding: output, as: UTF8.self))
        #expect(rows.count == 3000)
        let problems = Self.disagreements(rows)
        print("NumberTests: seed \(seed): \(rows.count - problems.count) of \(rows.count) random cases agree with go-cty")
        for problem in problems.prefix(20) { Issue.record(Comment(rawValue: problem)) }
    }

    // MARK: - Terraform's console

    struct Example: Sendable, CustomTestStringConvertible {
        var expression: String
        var expected: String
        var compute: @Sendable () -> String
        var testDescription: String { expression }
    }

    static func lit(_ text: String) -> Number { Number(parsing: text)! }
    static func pow(_ x: Double, _ y: Double) -> Number { Number(Foundation.pow(x, y)) }

    /// As `terraform console` (1.11.4) printed them; `pow` and `length` stand for the
    /// 53-bit and 64-bit numbers Terraform's functions return.
    static let examples: [Example] = [
        Example(expression: "1/3", expected: "0." + String(repeating: "3", count: 154) + "5") { (lit("1") / lit("3")).description },
        Example(expression: "0.1+0.2", expected: "0.3") { (lit("0.1") + lit("0.2")).description },
        Example(expression: "2/3*3", expected: "2") { (lit("2") / lit("3") * lit("3")).description },
        Example(expression: "10.0", expected: "10") { lit("10.0").description },
        Example(expression: "1e3", expected: "1000") { lit("1e3").description },
        Example(expression: "-7 % 3", expected: "-1") { ((-lit("7")) % lit("3")).description },
        Example(expression: "7.5 % 2", expected: "1.5") { (lit("7.5") % lit("2")).description },
        Example(expression: "5 % 0", expected: "5") { (lit("5") % lit("0")).description },
        Example(expression: "0 * -1", expected: "-0") { (lit("0") * -lit("1")).description },
        Example(expression: "pow(2,100)", expected: "1267650600228229400000000000000") { pow(2, 100).description },
        Example(expression: "1e300*1e300", expected: "1" + String(repeating: "0", count: 600)) {
            (lit("1e300") * lit("1e300")).description
        },
        Example(expression: "1/0", expected: "+Inf") { (lit("1") / lit("0")).description },
        Example(expression: "-1/0", expected: "-Inf") { (-lit("1") / lit("0")).description },
        Example(expression: "floor(1e20)+1", expected: "100000000000000000001") {
            (lit("1e20").rounded(.down) + lit("1")).description
        },
        Example(expression: "pow(2,0.5)", expected: "1.4142135623730951") { pow(2, 0.5).description },
        Example(expression: "pow(2,0.5)*pow(2,0.5)", expected: "2.00000000000000027343234630647693") {
            (pow(2, 0.5) * pow(2, 0.5)).description
        },
        Example(
            expression: "parseint(\"ff\", 16) / 7",
            expected: "36.42857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857143"
        ) { (Number(BigInt(255)) / lit("7")).description },
        Example(
            expression: "length([1,2,3]) / 7",
            expected: "0.42857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142856"
        ) { (Number(3) / lit("7")).description },
        Example(expression: "pow(2,60) == 1152921504606846976", expected: "true") {
            String(pow(2, 60) == lit("1152921504606846976"))
        },
        Example(expression: "pow(10,-1) == 0.1", expected: "true") { String(pow(10, -1) == lit("0.1")) },
        Example(expression: "pow(10,-1) <= 0.1", expected: "true") { String(pow(10, -1) <= lit("0.1")) },
        Example(expression: "pow(10,-1) >= 0.1", expected: "true") { String(pow(10, -1) >= lit("0.1")) },
        Example(expression: "length(toset([1, 1.0, pow(1,1)]))", expected: "1") {
            String(Set([lit("1"), lit("1.0"), pow(1, 1)]).count)
        },
        Example(expression: "tonumber(\"1p4\")", expected: "16") { lit("1p4").description },
        Example(expression: "tonumber(\"Inf\")", expected: "+Inf") { lit("Inf").description },
        Example(expression: "floor(-0)", expected: "0") { (-lit("0")).rounded(.down).description },
    ]

    @Test("Expressions print as Terraform's console printed them", arguments: examples)
    func console(example: Example) {
        #expect(example.compute() == example.expected)
    }

    @Test("Terraform's errors for undefined arithmetic")
    func errors() {
        let inf = Number.infinity(), zero = Number(0)
        #expect(throws: NumberError.indeterminateQuotient) { try zero.divided(by: zero) }
        #expect(throws: NumberError.indeterminateQuotient) { try inf.divided(by: inf) }
        #expect(throws: NumberError.sumOfOpposingInfinities) { try inf.adding(-inf) }
        #expect(throws: NumberError.infinityMinusItself) { try inf.subtracting(inf) }
        #expect(throws: NumberError.zeroTimesInfinity) { try zero.multiplied(by: inf) }
        #expect(throws: NumberError.moduloWithZeroAndInfinity) { try Number(5).remainder(dividingBy: inf) }
        #expect(throws: NumberError.moduloOfInfinity) { try inf.remainder(dividingBy: Number(3)) }
        #expect(NumberError.moduloWithZeroAndInfinity.message == "can't use modulo with zero and infinity")
    }

    // MARK: - Representation

    @Test("Small integers stay inline, in two words")
    func inline() {
        #expect(MemoryLayout<Number>.size <= 16)
        for n in [Number(7), Number(7) + Number(35), Number(6) * Number(-7), Self.lit("42"), Number(84) / Number(2), Number(1e15)] {
            guard case .small = n.storage else {
                Issue.record("\(n) is not inline")
                continue
            }
        }
        #expect(Number(42).description == "42")
        #expect(Number(Int.min).description == "-9223372036854775808")
        #expect((-Number(Int.min)).description == "9223372036854775808")
        #expect((Number(Int.max) + Number(1)).description == "9223372036854775808")
    }

    @Test("Equal numbers hash alike, across kinds and precisions")
    func hashing() {
        let texts = ["0", "-0", "3", "3.0", "0.1", "1152921504606846976", "1e20", "-2.5", "Inf", "1e600"]
        var numbers: [Number] = texts.map { Self.lit($0) }
        numbers += [Number(0), Number(-0.0), Number(3), Number(3.0), Number(0.1), Number(1152921504606846976.0)]
        numbers += [Number(1e20), Number(-2.5), Number(Double.infinity), Number(BigInt(3)), Number(parsing: "0.1", precision: 53)!]
        for a in numbers {
            for b in numbers where a == b {
                #expect(a.hashValue == b.hashValue, "\(a) (\(a.precision) bits) == \(b) (\(b.precision) bits)")
            }
        }
    }

    @Test("Conversions to Int and Double")
    func conversions() {
        #expect(Self.lit("9223372036854775807").int == Int.max)
        #expect(Self.lit("-9223372036854775808").int == Int.min)
        #expect(Self.lit("9223372036854775808").int == nil)
        #expect(Self.lit("2.5").int == nil)
        #expect(Self.lit("1e400").double == .infinity)
        #expect(Self.lit("0.1").double == 0.1)
        #expect(Self.lit("-0").double.sign == .minus)
        #expect(Self.lit("4.9e-324").double == .leastNonzeroMagnitude)
        #expect(Self.lit("2e-324").double == 0)
    }
}
