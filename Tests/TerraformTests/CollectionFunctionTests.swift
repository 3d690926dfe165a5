import HCL
import Testing
import TerraformFunctions

/// An expression over unknown and sensitive values, and what Terraform 1.11.4 makes of it.
///
/// Expectations come from `terraform console -plan` on a module whose locals hold the same
/// unknowns as `UnknownLocals` (a `terraform_data` resource's `id` before apply), reading
/// `type(...)` and `issensitive(...)` beside the value. The function-case table cannot hold
/// these: it is made with `terraform apply`, where everything is known.
struct MarkedCase: CustomTestStringConvertible, Sendable {
    var expression: String
    /// The result type as `type()` prints it, but in constraint syntax (`any` for dynamic).
    var type: String
    /// The value with `?` for anything unknown and `(sensitive)` for a marked part; the
    /// mark on the value itself is `sensitive`.
    var rendering: String
    /// Whether the result itself is marked (Terraform's `issensitive`).
    var sensitive: Bool

    init(_ expression: String, _ type: String, _ rendering: String, sensitive: Bool = false) {
        self.expression = expression
        self.type = type
        self.rendering = rendering
        self.sensitive = sensitive
    }

    var testDescription: String { expression }
}

/// The unknowns the cases refer to as `local.<name>`.
enum UnknownLocals {
    static var table: VariableTable {
        VariableTable([
        "local": .object([
            "us": .unknown(.string),
            "un": .unknown(.number),
            "ul": .tuple([.unknown(.string)]),
            "ulist": .unknown(.list(.string)),
            "umap": .unknown(.map(.string)),
            "uset": .unknown(.set(.string)),
            "udyn": .dynamicUnknown,
        ])
        ])
    }

    static func evaluate(_ source: String) -> (Value, [Diagnostic]) {
        let (expression, parseDiagnostics) = HCLParser.parseExpression(Array(source.utf8), path: "<test>")
        if parseDiagnostics.hasErrors { return (.dynamicUnknown, parseDiagnostics) }
        let context = EvalContext(resolver: table, functions: TerraformFunctionLibrary.standard, baseDirectory: ".")
        var evaluator = Evaluator()
        let value = evaluator.evaluate(expression, in: context)
        return (value, evaluator.diagnostics)
    }

    /// `?` for unknown, `(sensitive)` for a marked part below the top, JSON-like otherwise.
    static func render(_ v: Value, top: Bool = true) -> String {
        if !top, v.isSensitive { return "(sensitive)" }
        switch v.storage {
        case .unknown: return "?"
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.description
        case .string(let s): return "\"\(s)\""
        case .list(let es, _), .set(let es, _), .tuple(let es):
            return "[" + es.map { render($0, top: false) }.joined(separator: ",") + "]"
        case .map(let es, _), .object(let es):
            return "{" + es.keys.sorted().map { "\"\($0)\":" + render(es[$0]!, top: false) }.joined(separator: ",") + "}"
        }
    }
}

@Suite struct CollectionFunctionTests {
    static let unknownCases: [MarkedCase] = [
        // A known sequence with unknown elements still has a known length.
        MarkedCase("length(local.ul)", "number", "1"),
        MarkedCase("length(local.uset)", "number", "?"),
        MarkedCase("length(local.umap)", "number", "?"),
        MarkedCase("length(local.us)", "number", "?"),
        MarkedCase("length(local.udyn)", "number", "?"),
        MarkedCase("length(sensitive(local.ulist))", "number", "?", sensitive: true),
        MarkedCase("length([sensitive(\"a\")])", "number", "1"),
        MarkedCase("length(sensitive(\"abc\"))", "number", "3", sensitive: true),
        // Terraform segments with Unicode 15.0: an Indic conjunct is two characters.
        MarkedCase("length(\"क्ष\")", "number", "2"),
        MarkedCase("length(\"नमस्ते\")", "number", "4"),
        // cty normalizes strings to NFC, so these are one value.
        MarkedCase("distinct([\"é\", \"e\\u0301\"])", "list(string)", "[\"é\"]"),
        MarkedCase("contains([\"é\"], \"e\\u0301\")", "bool", "true"),
        MarkedCase("setsubtract([\"é\", \"x\"], [\"e\\u0301\"])", "set(string)", "[\"x\"]"),
        // Unknown arguments give unknowns of the type the known ones decide.
        MarkedCase("concat(local.ulist, tolist([\"a\"]))", "list(string)", "?"),
        MarkedCase("concat(local.ul, [1])", "tuple([string, number])", "[?,1]"),
        MarkedCase("concat(local.ulist, [1])", "any", "?"),
        MarkedCase("coalesce(local.us, \"x\")", "string", "?"),
        MarkedCase("coalesce(\"a\", local.us)", "string", "\"a\""),
        MarkedCase("coalesce(local.un, \"x\")", "string", "?"),
        MarkedCase("coalescelist(local.ulist, [\"a\"])", "any", "?"),
        MarkedCase("coalescelist([\"a\"], local.ulist)", "tuple([string])", "[\"a\"]"),
        MarkedCase("compact([\"a\", local.us])", "list(string)", "?"),
        MarkedCase("distinct([\"a\", local.us])", "list(string)", "?"),
        MarkedCase("element(local.ul, 0)", "string", "?"),
        MarkedCase("element([\"a\", 1], local.un)", "any", "?"),
        MarkedCase("element(tolist([\"a\"]), local.un)", "string", "?"),
        MarkedCase("flatten([local.ulist, [\"a\"]])", "any", "?"),
        MarkedCase("flatten([local.us, \"a\"])", "tuple([string, string])", "[?,\"a\"]"),
        MarkedCase("flatten([local.udyn, \"a\"])", "any", "?"),
        MarkedCase("index([\"a\", local.us], \"b\")", "number", "?"),
        MarkedCase("contains([local.us, \"a\"], \"a\")", "bool", "true"),
        MarkedCase("contains([local.us, \"a\"], \"b\")", "bool", "?"),
        MarkedCase("keys(local.umap)", "list(string)", "?"),
        MarkedCase("keys({a = local.us})", "tuple([string])", "[\"a\"]"),
        MarkedCase("values({a = local.us})", "tuple([string])", "[?]"),
        MarkedCase("lookup(local.umap, \"a\")", "string", "?"),
        MarkedCase("lookup({a = 1}, local.us, 2)", "any", "?"),
        MarkedCase("merge(local.umap, {a = 1})", "any", "?"),
        MarkedCase("merge(local.umap, tomap({a = \"x\"}))", "map(string)", "?"),
        MarkedCase("one(local.ulist)", "string", "?"),
        MarkedCase("range(local.un)", "list(number)", "?"),
        MarkedCase("reverse(local.ul)", "tuple([string])", "[?]"),
        MarkedCase("slice(local.ulist, 0, 1)", "list(string)", "?"),
        MarkedCase("slice([\"a\", \"b\"], 0, local.un)", "any", "?"),
        MarkedCase("sum([1, local.un])", "number", "?"),
        MarkedCase("transpose({a = [local.us]})", "map(list(string))", "?"),
        MarkedCase("zipmap(local.ulist, [1])", "any", "?"),
        MarkedCase("zipmap([\"a\"], local.ulist)", "map(string)", "?"),
        MarkedCase("zipmap([local.us], [1])", "any", "?"),
        MarkedCase("matchkeys([\"a\"], [local.us], [\"x\"])", "list(string)", "?"),
        // cty gives up on the first comparison it cannot decide, with an empty list.
        MarkedCase("matchkeys([\"a\"], [\"x\"], [local.us])", "list(string)", "[]"),
        MarkedCase("alltrue([true, local.us == \"x\"])", "bool", "?"),
        MarkedCase("alltrue([false, local.us == \"x\"])", "bool", "false"),
        MarkedCase("anytrue([true, local.us == \"x\"])", "bool", "true"),
        MarkedCase("anytrue([false, local.us == \"x\"])", "bool", "?"),
        MarkedCase("chunklist(local.ulist, 2)", "list(list(string))", "?"),
        MarkedCase("chunklist([\"a\", local.us], 1)", "list(list(string))", "[[\"a\"],[?]]"),
        // Sets: only the union can be computed with unknown elements.
        MarkedCase("setunion([\"a\"], [local.us])", "set(string)", "[\"a\",?]"),
        MarkedCase("setintersection([\"a\"], [local.us])", "set(string)", "?"),
        MarkedCase("setsubtract([\"a\"], local.ulist)", "set(string)", "?"),
        MarkedCase("setunion(local.uset, [\"a\"])", "set(string)", "?"),
        MarkedCase("setproduct(local.ulist, [\"a\"])", "list(tuple([string, string]))", "?"),
        MarkedCase("setproduct([\"a\", local.us], [\"b\"])", "list(tuple([string, string]))", "[[\"a\",\"b\"],[?,\"b\"]]"),
        // Conversions: the declared type while the value is unknown.
        MarkedCase("tolist(local.ulist)", "list(any)", "?"),
        MarkedCase("tolist(local.udyn)", "list(any)", "?"),
        MarkedCase("tolist([local.us, 1])", "list(string)", "[?,\"1\"]"),
        MarkedCase("toset([local.us, \"a\"])", "set(string)", "[\"a\",?]"),
        MarkedCase("tomap({a = local.us, b = 1})", "map(string)", "{\"a\":?,\"b\":\"1\"}"),
        MarkedCase("tostring(local.un)", "string", "?"),
        MarkedCase("tobool(local.udyn)", "bool", "?"),
        MarkedCase("sensitive(local.us)", "string", "?", sensitive: true),
        MarkedCase("nonsensitive(sensitive(local.us))", "string", "?"),
        MarkedCase("issensitive(local.us)", "bool", "?"),
        MarkedCase("issensitive(sensitive(local.us))", "bool", "true"),
    ]

    static let sensitiveCases: [MarkedCase] = [
        // Functions that accept marks keep nested ones where they are...
        MarkedCase("concat([sensitive(\"a\")], [\"b\"])", "tuple([string, string])", "[(sensitive),\"b\"]"),
        MarkedCase("concat(sensitive([\"a\"]), [\"b\"])", "tuple([string, string])", "[\"a\",\"b\"]", sensitive: true),
        MarkedCase("lookup({a = sensitive(\"x\"), b = \"y\"}, \"b\")", "string", "\"y\""),
        MarkedCase("lookup(sensitive({a = \"x\"}), \"a\")", "string", "\"x\"", sensitive: true),
        MarkedCase("element(sensitive([\"a\", \"b\"]), 1)", "string", "\"b\"", sensitive: true),
        MarkedCase("keys(sensitive({a = 1}))", "tuple([string])", "[\"a\"]", sensitive: true),
        MarkedCase("values({a = sensitive(1), b = 2})", "tuple([number, number])", "[(sensitive),2]"),
        MarkedCase("merge({a = sensitive(1)}, {b = 2})", "object({a=number, b=number})", "{\"a\":(sensitive),\"b\":2}"),
        MarkedCase("merge(sensitive({a = 1}), {b = 2})", "object({a=number, b=number})", "{\"a\":1,\"b\":2}", sensitive: true),
        MarkedCase("zipmap([sensitive(\"a\")], [1])", "object({a=number})", "{\"a\":1}", sensitive: true),
        MarkedCase("zipmap([\"a\", \"b\"], [sensitive(1), 2])", "object({a=number, b=number})", "{\"a\":(sensitive),\"b\":2}"),
        MarkedCase("flatten([sensitive([\"a\"]), [\"b\"]])", "tuple([string, string])", "[\"a\",\"b\"]", sensitive: true),
        MarkedCase("reverse(sensitive([1, 2]))", "tuple([number, number])", "[2,1]", sensitive: true),
        MarkedCase("slice(sensitive([\"a\", \"b\"]), 0, 1)", "tuple([string])", "[\"a\"]", sensitive: true),
        MarkedCase("chunklist(sensitive([\"a\", \"b\"]), 1)", "list(list(string))", "[[\"a\"],[\"b\"]]", sensitive: true),
        MarkedCase("setproduct(sensitive([\"a\"]), [\"b\"])", "list(tuple([string, string]))", "[[\"a\",\"b\"]]", sensitive: true),
        MarkedCase("length({a = sensitive(1)})", "number", "1"),
        MarkedCase("tonumber(sensitive(\"1\"))", "number", "1", sensitive: true),
        // ...the others see unmarked values and mark the whole result.
        MarkedCase("contains([sensitive(\"a\")], \"a\")", "bool", "true", sensitive: true),
        MarkedCase("distinct([sensitive(\"a\"), \"a\"])", "list(string)", "[\"a\"]", sensitive: true),
        MarkedCase("sort([sensitive(\"b\"), \"a\"])", "list(string)", "[\"a\",\"b\"]", sensitive: true),
        MarkedCase("coalesce(sensitive(\"\"), \"b\")", "string", "\"b\"", sensitive: true),
        MarkedCase("one([sensitive(\"a\")])", "string", "\"a\"", sensitive: true),
        // cty keeps no marks inside sets: building one moves them to the set.
        MarkedCase("toset([sensitive(\"a\"), \"b\"])", "set(string)", "[\"a\",\"b\"]", sensitive: true),
        MarkedCase("length(toset([sensitive(\"a\"), \"b\"]))", "number", "2", sensitive: true),
        MarkedCase("setproduct(toset([\"a\"]), [sensitive(\"b\")])", "set(tuple([string, string]))", "[[\"a\",\"b\"]]", sensitive: true),
        MarkedCase("setproduct([\"a\"], [sensitive(\"b\")])", "list(tuple([string, string]))", "[[\"a\",(sensitive)]]"),
        MarkedCase("tolist([sensitive(null), \"a\"])", "list(string)", "[(sensitive),\"a\"]"),
        // Unknown results keep the marks of arguments that do not accept marks only.
        MarkedCase("element(sensitive(local.ulist), 0)", "string", "?"),
        MarkedCase("keys(sensitive(local.umap))", "list(string)", "?", sensitive: true),
    ]

    @Test(arguments: unknownCases + sensitiveCases)
    func matchesTerraformConsole(_ c: MarkedCase) {
        let (value, diagnostics) = UnknownLocals.evaluate(c.expression)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.detail))")
        #expect(value.type.constraintSyntax == c.type, "type")
        #expect(UnknownLocals.render(value) == c.rendering, "value")
        #expect(value.isSensitive == c.sensitive, "sensitive mark")
    }

    /// Unification as `true ? a : b` shows it in Terraform (cty's `UnifyUnsafe`).
    static let unifications: [(types: [ValueType], expected: ValueType?)] = [
        ([.number, .string], .string),
        ([.bool, .string], .string),
        ([.number, .bool], nil),
        ([.list(.number), .tuple([.string])], .list(.string)),
        ([.map(.number), .object(["b": .string])], .map(.string)),
        ([.object(["a": .number]), .object(["a": .string])], .object(["a": .string])),
        ([.object(["a": .number]), .object(["b": .string])], .map(.string)),
        ([.tuple([.number]), .tuple([.string])], .tuple([.string])),
        ([.tuple([.number]), .tuple([.number, .number])], .list(.number)),
        ([.set(.string), .list(.string)], .list(.string)),
        ([.set(.string), .tuple([.string])], .set(.string)),
        ([.map(.number), .map(.string)], .map(.string)),
        ([.object([:]), .object(["a": .number])], .map(.number)),
        ([.tuple([]), .tuple([.number])], .list(.number)),
        ([.list(.number), .list(.string)], .list(.string)),
        ([.object(["a": .number]), .tuple([.number])], nil),
        ([.string, .any], .string),
        ([.list(.string), .any], .any),
    ]

    @Test(arguments: unifications)
    func unifiesAsTerraform(_ c: (types: [ValueType], expected: ValueType?)) {
        #expect(TypeUnification.unify(c.types) == c.expected)
    }

    @Test func conversionKeepsNestedMarks() throws {
        let tuple = Value.tuple([Value.string("a").marked(true), .number(1)])
        let list = try tuple.converted(to: .list(.any))
        #expect(list.type == .list(.string))
        #expect(list.elements?.map(\.isSensitive) == [true, false])
        #expect(!list.isSensitive)
    }

    @Test func unknownConvertsToItsRefinedType() throws {
        let unknown = Value.unknown(.tuple([.number, .string]))
        #expect(try unknown.converted(to: .list(.any)).type == .list(.string))
        #expect(try Value.dynamicUnknown.converted(to: .set(.number)).type == .set(.number))
    }
}
