extension Evaluator {
    /// A string template: every part converted to string and joined.
    mutating func evaluateTemplate(_ parts: [Expression], _ context: EvalContext) -> Value {
        var result = ""
        var known = true
        var sensitive = false
        for part in parts {
            let value = evaluate(part, in: context)
            sensitive = sensitive || value.containsSensitive
            if value.isNull {
                report(.invalidTemplateValue, "Invalid template interpolation value",
                       "The expression result is null. Cannot include a null value in a string template.", part.range, context)
                known = false
                continue
            }
            guard value.isKnown else { known = false; continue }
            guard let s = (try? value.converted(to: .string))?.stringValue else {
                report(.invalidTemplateValue, "Invalid template interpolation value",
                       "Cannot include the given value in a string template: string required.", part.range, context)
                known = false
                continue
            }
            if known { result += s }
        }
        return (known ? Value.string(result) : Value.unknown(.string)).marked(sensitive)
    }

    /// A `%{ for }` directive: each iteration renders the body; the pieces are joined.
    mutating func evaluateTemplateJoin(_ forExpr: ForExpression, _ context: EvalContext) -> Value {
        let tuple = evaluateFor(forExpr, context)
        guard let pieces = tuple.elements else { return Value.unknown(.string).marked(tuple.isSensitive) }
        var result = ""
        var sensitive = tuple.isSensitive
        for piece in pieces {
            sensitive = sensitive || piece.isSensitive
            if piece.isNull {
                report(.invalidTemplateValue, "Invalid template interpolation value",
                       "An iteration result is null. Cannot include a null value in a string template.", forExpr.range, context)
                return .unknown(.string)
            }
            guard let s = piece.stringValue else { return Value.unknown(.string).marked(sensitive) }
            result += s
        }
        return Value.string(result).marked(sensitive)
    }
}
