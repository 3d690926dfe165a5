import HCL
import Testing
@testable import TerraformFunctions

/// The string, regex, format and number functions on unknown, untyped and sensitive
/// arguments, and the Go behaviours the function-case table does not reach.
///
/// Every expectation was read from Terraform 1.11.4: unknowns with `terraform console -plan`
/// on a module whose locals hold the unknowns of `UnknownLocals`, values with
/// `terraform console` (`jsonencode(...)` of the result).
@Suite struct StringFunctionTests {
    static let unknownCases: [MarkedCase] = [
        MarkedCase("upper(local.us)", "string", "?"),
        // A typed parameter converts an untyped unknown to its own type...
        MarkedCase("upper(local.udyn)", "string", "?"),
        MarkedCase("startswith(local.us, \"a\")", "bool", "?"),
        MarkedCase("split(\",\", local.us)", "list(string)", "?"),
        MarkedCase("join(\",\", [\"a\", local.us])", "string", "?"),
        // ...while regex knows its result type from the pattern alone.
        MarkedCase("regex(\"a\", local.us)", "string", "?"),
        MarkedCase("regex(\"(a)(b)\", local.us)", "tuple([string, string])", "?"),
        MarkedCase("regex(\"(?P<x>a)\", local.us)", "object({x=string})", "?"),
        MarkedCase("regex(local.us, \"abc\")", "any", "?"),
        MarkedCase("regexall(\"(a)\", local.us)", "list(tuple([string]))", "?"),
        MarkedCase("regexall(\"a\", local.udyn)", "list(string)", "?"),
        MarkedCase("regexall(local.us, \"abc\")", "list(any)", "?"),
        MarkedCase("format(\"%s-%d\", local.us, 1)", "string", "?"),
        MarkedCase("format(local.us, 1)", "string", "?"),
        // An untyped argument to a dynamic parameter leaves even the type unknown.
        MarkedCase("format(\"%s\", local.udyn)", "any", "?"),
        MarkedCase("format(\"%v\", null)", "any", "?"),
        MarkedCase("formatlist(\"%s\", local.udyn)", "any", "?"),
        MarkedCase("parseint(local.udyn, 10)", "any", "?"),
        MarkedCase("parseint(local.us, 10)", "number", "?"),
        MarkedCase("parseint(\"ff\", local.un)", "number", "?"),
        // formatlist computes the iterations it can.
        MarkedCase("formatlist(\"%s\", local.ulist)", "list(string)", "?"),
        MarkedCase("formatlist(\"%s\", local.ul)", "list(string)", "[?]"),
        // A set of one unknown has a known length; a set of two might hold one element.
        MarkedCase("formatlist(\"%s\", toset([local.us]))", "list(string)", "[?]"),
        MarkedCase("formatlist(\"%s\", toset([local.us, \"a\"]))", "list(string)", "?"),
        MarkedCase("formatlist(\"%s\", local.uset)", "list(string)", "?"),
        MarkedCase("formatlist(\"%s-%s\", [\"a\", local.us], \"x\")", "list(string)", "[\"a-x\",?]"),
        MarkedCase("formatlist(\"%s-%s\", [\"a\", \"b\"], local.us)", "list(string)", "[?,?]"),
        MarkedCase("formatlist(\"%s\", local.umap)", "list(string)", "[?]"),
        MarkedCase("formatlist(\"%s\", tolist([]), local.us)", "list(string)", "[]"),
        MarkedCase("max(1, local.un)", "number", "?"),
        MarkedCase("pow(local.un, 2)", "number", "?"),
    ]

    static let sensitiveCases: [MarkedCase] = [
        MarkedCase("upper(sensitive(\"a\"))", "string", "\"A\"", sensitive: true),
        MarkedCase("format(\"%s\", sensitive(\"a\"))", "string", "\"a\"", sensitive: true),
        MarkedCase("formatlist(\"%s\", [sensitive(\"a\"), \"b\"])", "list(string)", "[\"a\",\"b\"]", sensitive: true),
        MarkedCase("regex(\"(a)\", sensitive(\"xa\"))", "tuple([string])", "[\"a\"]", sensitive: true),
        MarkedCase("split(\",\", sensitive(\"a,b\"))", "list(string)", "[\"a\",\"b\"]", sensitive: true),
        MarkedCase("join(\",\", [sensitive(\"a\"), \"b\"])", "string", "\"a,b\"", sensitive: true),
        MarkedCase("max(sensitive(1), 2)", "number", "2", sensitive: true),
        MarkedCase("abs(sensitive(-1))", "number", "1", sensitive: true),
        MarkedCase("replace(sensitive(\"ab\"), \"/a/\", \"c\")", "string", "\"cb\"", sensitive: true),
        MarkedCase("format(\"%v\", sensitive(local.us))", "string", "?", sensitive: true),
        MarkedCase("regex(sensitive(\"a\"), local.us)", "string", "?", sensitive: true),
    ]

    @Test(arguments: unknownCases + sensitiveCases)
    func matchesTerraformPlan(_ c: MarkedCase) {
        let (value, diagnostics) = UnknownLocals.evaluate(c.expression)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.detail))")
        #expect(value.type.constraintSyntax == c.type, "type")
        #expect(UnknownLocals.render(value) == c.rendering, "value")
        #expect(value.isSensitive == c.sensitive, "sensitive mark")
    }

    /// An expression and the JSON of its value (`jsonencode` in `terraform console`), or
    /// the text of Terraform's error.
    struct ValueCase: CustomTestStringConvertible, Sendable {
        var expression: String
        var json: String?
        var error: String?

        init(_ expression: String, json: String) {
            self.expression = expression
            self.json = json
        }

        init(_ expression: String, error: String) {
            self.expression = expression
            self.error = error
        }

        var testDescription: String { expression }
    }

    static let goBehaviour: [ValueCase] = [
        // Go's fmt on big floats rounds the exact binary value, not the shortest text.
        ValueCase("format(\"%.2f\", 2.675)", json: #""2.67""#),
        ValueCase("format(\"%.0f %.0f %.0f\", 0.5, 1.5, 2.5)", json: #""0 2 2""#),
        ValueCase("format(\"%.20f\", pow(2, 0.5))", json: #""1.41421356237309514547""#),
        ValueCase("format(\"%d\", pow(2, 100))", json: #""1267650600228229401496703205376""#),
        ValueCase("format(\"%v|%v|%v\", 1234567, 0.00001, 123456.5)", json: #""1.234567e+06|1e-05|123456.5""#),
        ValueCase("format(\"%x|%X|%o|%b\", -255, 3735928559, 8, 5)", json: #""-ff|DEADBEEF|10|101""#),
        ValueCase("format(\"%#x %#o %#b\", 255, 8, 5)", json: #""0xff 010 0b101""#),
        ValueCase("format(\"%.3d|%08.3d|%.0d|\", 7, 7, 0)", json: #""007|     007||""#),
        // The 0 flag: floats pad with zeros even when left-aligned; strings pad on the right.
        ValueCase("format(\"%-08.2f|%-08d|%-05s|\", 3.14159, 5, \"ab\")", json: #""00003.14|5       |ab000|""#),
        ValueCase("format(\"%+d|% d|%+.1e|%+g\", 5, 5, 5, 5)", json: #""+5| 5|+5.0e+00|+5""#),
        ValueCase("format(\"%5.1q|%.1s|%.0s\", \"héllo\", \"héllo\", \"abc\")", json: #""  \"h\"|h|abc""#),
        ValueCase("format(\"%d %d %[1]d %d\", 1, 2)", json: #""1 2 1 2""#),
        ValueCase("format(\"%5[1]d|%.[1]d\", 5)", json: #""    5|5""#),
        ValueCase("format(\"%[1]5d\", 5)", error: "unrecognized format character '5' at offset 4"),
        ValueCase("format(\"%5%\")", error: "unrecognized format character '%' at offset 2"),
        ValueCase("format(\"%[3]s %s\", \"a\", \"b\", \"c\")", error: "not enough arguments for \"%s\" at 6: need index 4 but have 3 total"),
        ValueCase("format(\"%z\")", error: "not enough arguments for \"%z\" at 0: need index 1 but have 0 total"),
        ValueCase("format(\"%t\", \"yes\")", error: "unsupported value for \"%t\" at 0: a bool is required"),
        ValueCase("format(\"%[1]s %[1]s\", \"a\", \"b\")", error: "too many arguments; only 1 used by format string"),
        ValueCase("formatlist(\"%s\", \"a\", \"b\")", error: "error on format iteration 0: too many arguments; only 1 used by format string"),
        // RE2, not ICU: $ is the end of the text, . stops at \n only, \d is ASCII, U is ungreedy.
        ValueCase("regexall(\"a$\", \"a\\n\")", json: "[]"),
        ValueCase("regex(\".+\", \"a\\rb\\nc\")", json: #""a\rb""#),
        ValueCase("regex(\"\\\\d+\", \"٣٤5\")", json: #""5""#),
        ValueCase("regex(\"(?U)a+\", \"aaa\")", json: #""a""#),
        ValueCase("regex(\"(?i)straße\", \"STRASSE\")", error: "pattern did not match any part of the given string"),
        ValueCase("regexall(\"a|\", \"bab\")", json: #"["","a",""]"#),
        ValueCase("replace(\"baaac\", \"/a*/\", \"-\")", json: #""-b-c-""#),
        ValueCase("replace(\"abc\", \"/(?P<x>b)/\", \"[$x][$1x][$$][$]\")", json: #""a[b][][$][$]c""#),
        ValueCase("regex(\"(?P<a>x)|(?P<b>y)\", \"y\")", json: #"{"a":null,"b":"y"}"#),
        ValueCase("regex(\"\\\\Q.*\\\\E+\", \"a.**\")", json: #"".**""#),
        ValueCase("regex(\"x*?+\", \"x\")", error: "invalid regexp pattern: invalid nested repetition operator in *?+"),
        ValueCase("regex(\"(a{500}){3}\", \"a\")", error: "invalid regexp pattern: invalid repeat count in {3}"),
        ValueCase("regex(\"\\\\18\", \"x\")", error: "invalid regexp pattern: invalid escape sequence in \\1"),
        ValueCase("replace(\"a\", \"/(/\", \"b\")", error: "error parsing regexp: missing closing ): `(`"),
        // Go's strings package: bytes, runes and simple case mappings.
        ValueCase("upper(\"ßǆᾳ\")", json: #""ßǄᾼ""#),
        ValueCase("lower(\"İǅ\")", json: #""iǆ""#),
        ValueCase("title(\"hello wORLD_x-y ǆa\")", json: #""Hello WORLD_x-Y ǅa""#),
        ValueCase("split(\"\", \"aé😀\")", json: #"["a","é","😀"]"#),
        ValueCase("replace(\"aé\", \"\", \"-\")", json: #""-a-é-""#),
        ValueCase("substr(\"hello\", -2, 0)", json: #""lo""#),
        ValueCase("substr(\"hello\", -10, 2)", json: #""he""#),
        ValueCase("substr(\"hello\", 1.5, 2)", error: "value must be a whole number, between -9223372036854775808 and 9223372036854775807"),
        ValueCase("indent(-1, \"a\")", error: "panic in function implementation: strings: negative Repeat count"),
        // Go's math package, bit for bit.
        ValueCase("log(3, 9)", json: "0.4999999999999999"),
        ValueCase("pow(1.1, 10)", json: "2.593742460100002"),
        ValueCase("pow(7, 0.3)", json: "1.792789962520997"),
        ValueCase("pow(-8, 1/3)", error: "panic in function implementation: Float.SetFloat64(NaN)"),
        ValueCase("signum(0.5)", error: "value must be a whole number, between -9223372036854775808 and 9223372036854775807"),
        ValueCase("parseint(\"Zz\", 62)", json: "3817"),
        ValueCase("parseint(\"ffffffffffffffffffffffff\", 16)", json: "79228162514264337593543950335"),
        ValueCase("parseint(12, 10)", error: "first argument must be a string, not number"),
    ]

    @Test(arguments: goBehaviour)
    func matchesTerraformConsole(_ c: ValueCase) {
        let (value, diagnostics) = UnknownLocals.evaluate(c.expression)
        if let error = c.error {
            #expect(diagnostics.hasErrors)
            #expect(diagnostics.contains { $0.detail.contains(error) }, "\(diagnostics.map(\.detail))")
            return
        }
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.detail))")
        #expect(value.jsonEncoded == c.json)
    }

    /// The translation keeps Go's group numbering and names for the result's shape.
    @Test(arguments: [
        ("a(b)(?:c)(?P<n>d)", [nil, "n"]),
        ("(?i)(x)|(?<y>z)", [nil, "y"]),
        ("\\Q(\\E", []),
        ("[(]", []),
    ] as [(String, [String?])])
    func groupNames(_ pattern: String, _ names: [String?]) throws {
        #expect(try RE2Pattern(pattern).groupNames == names)
    }
}
