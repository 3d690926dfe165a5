import Foundation
import HCL
import Testing
import TerraformFunctions

/// Focused cases for the encoding, hash, network, date, file and impure families, with
/// expectations taken from `terraform console` (Terraform 1.11.4).
@Suite struct EncodingFunctionTests {
    static let context = FunctionContext(
        baseDirectory: Repository.path("Tests/TerraformTests/Cases/functions"), library: TerraformFunctionLibrary.standard)

    static func call(_ name: String, _ arguments: [Value]) -> Result<Value, FunctionError> {
        do {
            guard let v = try TerraformFunctionLibrary.standard.call(name, arguments: arguments, context: context) else {
                return .failure(FunctionError("no function \(name)"))
            }
            return .success(v)
        } catch {
            return .failure(error)
        }
    }

    struct TextCase: CustomTestStringConvertible, Sendable {
        var function: String
        var arguments: [Value]
        var expected: String
        var testDescription: String { "\(function)(\(arguments.map(\.jsonValue.compactText).joined(separator: ", ")))" }
    }

    /// yamlencode's exact layout: quoting, literal blocks and their hints, indentation,
    /// `? ` keys, folding at column 80, and `...` after a bare plain scalar.
    static let yamlCases: [TextCase] = [
        TextCase(function: "yamlencode", arguments: [.string("hello")], expected: "\"hello\"\n"),
        TextCase(function: "yamlencode", arguments: [.number(1)], expected: "1\n...\n"),
        TextCase(function: "yamlencode", arguments: [.dynamicNull], expected: "null\n...\n"),
        TextCase(function: "yamlencode", arguments: [.emptyTuple], expected: "[]\n"),
        TextCase(function: "yamlencode", arguments: [.emptyObject], expected: "{}\n"),
        TextCase(function: "yamlencode", arguments: [.string("multi\nline\n")], expected: "|\n  multi\n  line\n"),
        TextCase(function: "yamlencode", arguments: [.string("a\n\n")], expected: "|+\n  a\n\n"),
        TextCase(function: "yamlencode", arguments: [.string(" a\nb")], expected: "|2-\n   a\n  b\n"),
        TextCase(function: "yamlencode", arguments: [.string("a \nb")], expected: "\"a \\nb\"\n"),
        TextCase(function: "yamlencode", arguments: [.string("a\tb\nc")], expected: "\"a\\tb\\nc\"\n"),
        TextCase(function: "yamlencode", arguments: [.string("\u{85}\u{2028}\u{FEFF}\u{7F}\u{1F600}")], expected: "\"\\N\\L\\uFEFF\\x7F\\U0001F600\"\n"),
        TextCase(
            function: "yamlencode", arguments: [.tuple([.tuple([.string("a"), .string("b")]), .tuple([.string("c")])])],
            expected: "- - \"a\"\n  - \"b\"\n- - \"c\"\n"),
        TextCase(
            function: "yamlencode",
            arguments: [.object(["c": .tuple([.number(1), .object(["d": .true])]), "g": .emptyTuple, "h": .string("x\ny")])],
            expected: "\"c\":\n- 1\n- \"d\": true\n\"g\": []\n\"h\": |-\n  x\n  y\n"),
        TextCase(function: "yamlencode", arguments: [.object(["a\nb": .number(1)])], expected: "? |-\n  a\n  b\n: 1\n"),
        TextCase(
            function: "yamlencode",
            arguments: [.object(["x": .string("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss")])],
            expected: "\"x\": \"aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp\n  qqqq rrrr ssss\"\n"),
        TextCase(function: "urlencode", arguments: [.string("a b&c=d/é~-._*!'()+")], expected: "a+b%26c%3Dd%2F%C3%A9~-._%2A%21%27%28%29%2B"),
        TextCase(function: "cidrhost", arguments: [.string("::ffff:10.0.0.0/104"), .number(1)], expected: "0:1::ffff:a00:0"),
        TextCase(function: "cidrhost", arguments: [.string("1:0:0:4:5:0:0:8/128"), .number(0)], expected: "1::4:5:0:0:8"),
        TextCase(function: "cidrsubnet", arguments: [.string("10.0.0.0/8"), .number(8), .number(-1)], expected: "0.1.0.0/16"),
        TextCase(function: "cidrsubnet", arguments: [.string("10.0.0.0/8"), .number(-1), .number(0)], expected: "10.0.0.0/7"),
        TextCase(function: "cidrhost", arguments: [.string("010.000.000.001/8"), .number(1)], expected: "10.0.0.1"),
        TextCase(function: "timeadd", arguments: [.string("2024-01-31T23:30:00+05:30"), .string("1.5h")], expected: "2024-02-01T01:00:00+05:30"),
        TextCase(function: "timeadd", arguments: [.string("2024-01-01T00:00:00.9Z"), .string("-10s")], expected: "2023-12-31T23:59:50Z"),
        TextCase(
            function: "formatdate", arguments: [.string("EEEE, DD-MMM-YY hh:mm:ss ZZZ 'o''clock' h aa"), .string("2018-01-02T23:12:01-08:00")],
            expected: "Tuesday, 02-Jan-18 23:12:01 -0800 o'clock 23 pm"),
        TextCase(function: "textencodebase64", arguments: [.string("Hello"), .string("utf-16")], expected: "/v8ASABlAGwAbABv"),
        TextCase(function: "basename", arguments: [.string("//")], expected: "/"),
        TextCase(function: "dirname", arguments: [.string("a//b/../c")], expected: "a"),
    ]

    @Test(arguments: yamlCases)
    func text(_ c: TextCase) throws {
        let result = try Self.call(c.function, c.arguments).get()
        #expect(result.stringValue == c.expected)
    }

    struct ErrorCase: CustomTestStringConvertible, Sendable {
        var function: String
        var arguments: [Value]
        var message: String
        var testDescription: String { "\(function)(\(arguments.map(\.jsonValue.compactText).joined(separator: ", ")))" }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(function: "base64decode", arguments: [.string("aGVsbG8")], message: "failed to decode base64 data \"aGVsbG8\"."),
        ErrorCase(
            function: "textdecodebase64", arguments: [.string("aGVsbG8"), .string("UTF-8")],
            message: "the given value is has an invalid base64 symbol at offset 4."),
        ErrorCase(function: "csvdecode", arguments: [.string("a,b\n1,2\n3")], message: "CSV parse error on line 3: wrong number of fields."),
        ErrorCase(function: "csvdecode", arguments: [.string("a\nb\"c")], message: "CSV parse error on line 2: bare \" in non-quoted-field."),
        ErrorCase(function: "cidrhost", arguments: [.string("10.0.0.0/24"), .number(-257)], message: "prefix of 24 does not accommodate a host numbered -1."),
        ErrorCase(
            function: "cidrsubnets", arguments: [.string("0.0.0.0/0"), .number(1), .number(1)],
            message: "not enough remaining address space for a subnet with a prefix of 1 bits after 128.0.0.0/1."),
        ErrorCase(function: "timeadd", arguments: [.string("2023-01-01"), .string("1h")], message: "not a valid RFC3339 timestamp: missing required time introducer 'T'."),
        ErrorCase(function: "timeadd", arguments: [.string("2023-01-01T00:00:00Z"), .string("1x")], message: "time: unknown unit \"x\" in duration \"1x\"."),
        ErrorCase(function: "yamldecode", arguments: [.string(".nan")], message: "on line 1, column 1: floating point NaN is not supported."),
        ErrorCase(function: "pathexpand", arguments: [.string("~user/x")], message: "cannot expand user-specific home dir."),
    ]

    @Test(arguments: errorCases)
    func error(_ c: ErrorCase) {
        switch Self.call(c.function, c.arguments) {
        case .success(let v): Issue.record("expected an error, got \(v.jsonValue.compactText)")
        case .failure(let e): #expect(e.message == c.message)
        }
    }

    struct UnknownCase: CustomTestStringConvertible, Sendable {
        var function: String
        var arguments: [Value]
        var type: ValueType
        var testDescription: String { "\(function) → unknown \(type.constraintSyntax)" }
    }

    /// Unknown arguments give unknown results of the declared type; impure functions are
    /// always unknown strings.
    static let unknownCases: [UnknownCase] = [
        UnknownCase(function: "sha256", arguments: [.unknown(.string)], type: .string),
        UnknownCase(function: "jsonencode", arguments: [.tuple([.number(1), .unknown(.string)])], type: .string),
        UnknownCase(function: "jsondecode", arguments: [.unknown(.string)], type: .any),
        UnknownCase(function: "cidrsubnets", arguments: [.string("10.0.0.0/8"), .unknown(.number)], type: .list(.string)),
        UnknownCase(function: "timecmp", arguments: [.unknown(.string), .string("2024-01-01T00:00:00Z")], type: .number),
        UnknownCase(function: "templatefile", arguments: [.unknown(.string), .emptyObject], type: .any),
        UnknownCase(function: "timestamp", arguments: [], type: .string),
        UnknownCase(function: "plantimestamp", arguments: [], type: .string),
        UnknownCase(function: "uuid", arguments: [], type: .string),
        UnknownCase(function: "bcrypt", arguments: [.string("secret"), .number(6)], type: .string),
    ]

    @Test(arguments: unknownCases)
    func unknown(_ c: UnknownCase) throws {
        let result = try Self.call(c.function, c.arguments).get()
        #expect(!result.isKnown)
        #expect(result.type == c.type)
    }

    @Test func sensitiveArgumentsMakeSensitiveResults() throws {
        let secret = Value.string("hunter2").marked(true)
        let hash = try Self.call("sha256", [secret]).get()
        #expect(hash.isSensitive)
        #expect(hash.stringValue == "f52fbd32b2b3b86ff88ef6c490628285f482af15ddcb29541f94bcf526a3f6c7")
        let encoded = try Self.call("jsonencode", [.object(["password": secret])]).get()
        #expect(encoded.isSensitive)
    }

    @Test func uuidv5MatchesTerraform() throws {
        #expect(try Self.call("uuidv5", [.string("dns"), .string("www.terraform.io")]).get().stringValue == "a5008fae-b28c-5ba5-96cd-82b4c53552d6")
    }

    @Test func filesetIsRelativeSortedAndOnlyFiles() throws {
        let result = try Self.call("fileset", [.string("files/tree"), .string("**/*.txt")]).get()
        let names = result.elements?.compactMap(\.stringValue) ?? []
        #expect(names == names.sorted())
        #expect(names.contains("a.txt"))
        #expect(names.contains("sub/deep/d.txt"))
        #expect(!names.contains(where: { $0.hasPrefix("/") || $0.hasSuffix("/") }))
    }
}
