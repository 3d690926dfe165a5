/// An HCL expression, with the range of every part a message could need.
///
/// The cases follow HashiCorp's `hclsyntax` node types one to one, so the tree can be
/// compared node by node with theirs and a Terraform user's intuition carries over.
public indirect enum Expression: Sendable, Hashable {
    /// A number, bool, null or string constant.
    case literal(Literal, SourceRange)
    /// A string template: literal parts, interpolations and directives, joined.
    case template(parts: [Expression], range: SourceRange)
    /// A template that is exactly one interpolation, `"${x}"`: its value is `x` unconverted.
    case templateWrap(Expression, range: SourceRange)
    /// A `%{ for }` directive: the `for` expression whose results are joined.
    case templateJoin(ForExpression)
    /// A reference such as `var.name` or `aws_instance.web[0].id`.
    case scopeTraversal([TraversalStep], range: SourceRange)
    /// Attribute or index steps applied to the result of another expression.
    case relativeTraversal(source: Expression, steps: [TraversalStep], range: SourceRange)
    case functionCall(FunctionCall)
    case conditional(condition: Expression, trueResult: Expression, falseResult: Expression, range: SourceRange)
    case binary(BinaryOperator, lhs: Expression, rhs: Expression, range: SourceRange)
    case unary(UnaryOperator, operand: Expression, range: SourceRange, symbolRange: SourceRange)
    case tuple([Expression], range: SourceRange, openRange: SourceRange)
    case object([ObjectItem], range: SourceRange, openRange: SourceRange)
    case forExpression(ForExpression)
    /// `collection[key]` where the key is not a constant.
    case index(collection: Expression, key: Expression, range: SourceRange, bracketRange: SourceRange)
    /// `source[*].each` or `source.*.each`: `each` is evaluated once per element.
    case splat(source: Expression, each: Expression, item: SourceRange, range: SourceRange, markerRange: SourceRange)
    /// The placeholder for the current element inside a splat's `each`.
    case anonSymbol(SourceRange)
    case parentheses(Expression, range: SourceRange)
    /// What is left where an expression could not be parsed.
    case invalid(SourceRange)

    /// The whole source range of the expression.
    public var range: SourceRange {
        switch self {
        case .literal(_, let r), .template(_, let r), .templateWrap(_, let r), .scopeTraversal(_, let r),
            .relativeTraversal(_, _, let r), .conditional(_, _, _, let r), .binary(_, _, _, let r),
            .unary(_, _, let r, _), .tuple(_, let r, _), .object(_, let r, _), .index(_, _, let r, _),
            .splat(_, _, _, let r, _), .anonSymbol(let r), .parentheses(_, let r), .invalid(let r):
            return r
        case .templateJoin(let f), .forExpression(let f):
            return f.range
        case .functionCall(let call):
            return call.range
        }
    }
}

/// A constant value written in the source.
public enum Literal: Sendable, Hashable {
    /// A number as written (`10`, `1.5e3`); converted by the evaluator, never rounded here.
    case number(String)
    case bool(Bool)
    case null
    case string(String)
}

/// One step of a reference.
public enum TraversalStep: Sendable, Hashable {
    /// The first name, `var` in `var.x`.
    case root(String, SourceRange)
    /// `.name`
    case attribute(String, SourceRange)
    /// `[key]` or the legacy `.0` with a constant key; `nil` where the key is invalid.
    case index(Literal?, SourceRange)

    public var range: SourceRange {
        switch self {
        case .root(_, let r), .attribute(_, let r), .index(_, let r): return r
        }
    }
}

/// A function call, `name(args...)`, possibly provider-namespaced (`provider::aws::arn_parse`).
public struct FunctionCall: Sendable, Hashable {
    public var name: String
    public var arguments: [Expression]
    /// Whether the last argument is expanded with `...`.
    public var expandFinal: Bool
    public var nameRange: SourceRange
    public var openParenRange: SourceRange
    public var closeParenRange: SourceRange

    public var range: SourceRange { .between(nameRange, closeParenRange) }
}

/// `[for k, v in coll : v if cond]` or `{for k, v in coll : k => v... if cond}`.
public struct ForExpression: Sendable, Hashable {
    public var keyVariable: String?
    public var valueVariable: String
    public var collection: Expression
    /// Present only when building an object.
    public var keyExpression: Expression?
    public var valueExpression: Expression
    public var condition: Expression?
    /// `...` after the value: group values with the same key into lists.
    public var grouping: Bool
    public var range: SourceRange
    public var openRange: SourceRange
    public var closeRange: SourceRange
}

/// One `key = value` (or `key: value`) item of an object constructor.
public struct ObjectItem: Sendable, Hashable {
    public var key: ObjectKey
    public var value: Expression
}

/// An object key. A bare identifier is a literal name, not a reference, unless the key
/// is written in parentheses.
public struct ObjectKey: Sendable, Hashable {
    public var expression: Expression
    public var forceNonLiteral: Bool

    /// The literal name this key stands for (`name` in `{ name = 1 }`), if it is one.
    public var literalName: String? {
        guard !forceNonLiteral else { return nil }
        switch expression {
        case .scopeTraversal(let steps, _):
            if steps.count == 1, case .root(let name, _) = steps[0] { return name }
            return nil
        case .literal(.null, _): return "null"
        case .literal(.bool(let b), _): return b ? "true" : "false"
        default: return nil
        }
    }

    public var range: SourceRange { expression.range }
}

public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case or = "||", and = "&&"
    case equal = "==", notEqual = "!="
    case greaterThan = ">", greaterThanOrEqual = ">=", lessThan = "<", lessThanOrEqual = "<="
    case add = "+", subtract = "-"
    case multiply = "*", divide = "/", modulo = "%"
}

public enum UnaryOperator: String, Sendable, Hashable {
    case negate = "-"
    case not = "!"
}
