/// Evaluates HCL expressions to values the way HashiCorp's `hclsyntax` does for Terraform.
///
/// Evaluation never throws. A problem becomes a diagnostic with the range of the
/// offending part, and the failing expression evaluates to an unknown value so the
/// caller can go on with everything else.
public struct Evaluator {
    public private(set) var diagnostics: [Diagnostic] = []
    /// The current element of the innermost splat (`[*]`), for its anonymous symbol.
    var splatItems: [Value] = []

    public init() {}

    /// The value of `expression`, or an unknown value where it is in error.
    public mutating func evaluate(_ expression: Expression, in context: EvalContext) -> Value {
        switch expression {
        case .literal(let literal, let range):
            return literalValue(literal, range: range, context)
        case .template(let parts, _):
            return evaluateTemplate(parts, context)
        case .templateWrap(let inner, _):
            return evaluate(inner, in: context)
        case .templateJoin(let forExpr):
            return evaluateTemplateJoin(forExpr, context)
        case .scopeTraversal(let steps, let range):
            return evaluateTraversal(steps, range: range, context)
        case .relativeTraversal(let source, let steps, _):
            let base = evaluate(source, in: context)
            return applySteps(steps[...], to: base, context)
        case .functionCall(let call):
            return evaluateCall(call, context)
        case .conditional(let condition, let trueResult, let falseResult, let range):
            return evaluateConditional(condition, trueResult, falseResult, range: range, context)
        case .binary(let op, let lhs, let rhs, let range):
            return evaluateBinary(op, lhs, rhs, range: range, context)
        case .unary(let op, let operand, let range, _):
            return evaluateUnary(op, operand, range: range, context)
        case .tuple(let items, _, _):
            return .tuple(items.map { evaluate($0, in: context) })
        case .object(let items, _, _):
            return evaluateObject(items, context)
        case .forExpression(let forExpr):
            return evaluateFor(forExpr, context)
        case .index(let collection, let key, _, let bracketRange):
            let c = evaluate(collection, in: context)
            let k = evaluate(key, in: context)
            return index(c, by: k, range: bracketRange, context)
        case .splat(let source, let each, _, _, let markerRange):
            return evaluateSplat(source, each, markerRange: markerRange, context)
        case .anonSymbol(let range):
            guard let item = splatItems.last else {
                report(.invalidReference, "Invalid splat symbol", "The splat symbol can only be used inside a splat expression.", range, context)
                return .dynamicUnknown
            }
            return item
        case .parentheses(let inner, _):
            return evaluate(inner, in: context)
        case .invalid:
            // The parser already reported this.
            return .dynamicUnknown
        }
    }

    /// Records a diagnostic for the current file.
    mutating func report(
        _ code: DiagnosticCode, _ summary: String, _ detail: String, _ subject: SourceRange?,
        _ context: EvalContext, contextRange: SourceRange? = nil
    ) {
        diagnostics.append(Diagnostic(
            code: code, summary: summary, detail: detail, subject: subject, context: contextRange, file: context.file))
    }

    /// Adds a diagnostic produced elsewhere (a resolver), stamping the file when missing.
    mutating func append(_ diagnostic: Diagnostic, _ context: EvalContext) {
        var d = diagnostic
        if d.file == nil { d.file = context.file }
        diagnostics.append(d)
    }

    private mutating func literalValue(_ literal: Literal, range: SourceRange, _ context: EvalContext) -> Value {
        switch literal {
        case .null: return .dynamicNull
        case .bool(let b): return .bool(b)
        case .string(let s): return .string(s)
        case .number(let text):
            guard let n = Number(parsing: text) else {
                report(.invalidNumberLiteral, "Invalid number literal", "\"\(text)\" is not a valid number.", range, context)
                return .unknown(.number)
            }
            return .number(n)
        }
    }

    private mutating func evaluateObject(_ items: [ObjectItem], _ context: EvalContext) -> Value {
        var attributes: [String: Value] = [:]
        var unknownKey = false
        var sensitiveKey = false
        for item in items {
            let keyValue: Value
            if let name = item.key.literalName {
                keyValue = .string(name)
            } else {
                keyValue = evaluate(item.key.expression, in: context)
            }
            let value = evaluate(item.value, in: context)
            if !keyValue.isKnown { unknownKey = true; continue }
            if keyValue.isNull {
                report(.invalidObjectKey, "Null value as key", "Can't use a null value as a key.", item.key.range, context)
                continue
            }
            guard let key = try? keyValue.converted(to: .string), let s = key.stringValue else {
                report(.invalidObjectKey, "Incorrect key type", "Can't use this value as a key: string required.", item.key.range, context)
                continue
            }
            sensitiveKey = sensitiveKey || keyValue.isSensitive
            attributes[s] = value
        }
        if unknownKey { return .dynamicUnknown }
        return Value.object(attributes).marked(sensitiveKey)
    }
}
