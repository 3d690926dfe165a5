extension Evaluator {
    mutating func evaluateBinary(
        _ op: BinaryOperator, _ lhsExpr: Expression, _ rhsExpr: Expression, range: SourceRange, _ context: EvalContext
    ) -> Value {
        let lhs = evaluate(lhsExpr, in: context)
        let rhs = evaluate(rhsExpr, in: context)
        let sensitive = lhs.isSensitive || rhs.isSensitive
        switch op {
        case .equal, .notEqual:
            let eq = lhs.equals(rhs)
            guard op == .notEqual else { return eq }
            guard let b = eq.boolValue else { return eq }
            return Value.bool(!b).marked(eq.isSensitive)
        case .and, .or:
            guard let l = operand(lhs, .bool, side: "left", lhsExpr, context),
                let r = operand(rhs, .bool, side: "right", rhsExpr, context)
            else { return .unknown(.bool) }
            // HCL short-circuits on a known deciding operand even when the other is unknown.
            let decisive = op == .or
            if l.boolValue == decisive || r.boolValue == decisive { return Value.bool(decisive).marked(sensitive) }
            guard let a = l.boolValue, let b = r.boolValue else { return Value.unknown(.bool).marked(sensitive) }
            return Value.bool(op == .and ? (a && b) : (a || b)).marked(sensitive)
        case .greaterThan, .greaterThanOrEqual, .lessThan, .lessThanOrEqual:
            guard let l = operand(lhs, .number, side: "left", lhsExpr, context),
                let r = operand(rhs, .number, side: "right", rhsExpr, context)
            else { return .unknown(.bool) }
            guard let a = l.numberValue, let b = r.numberValue else { return Value.unknown(.bool).marked(sensitive) }
            let result: Bool
            switch op {
            case .greaterThan: result = a > b
            case .greaterThanOrEqual: result = a >= b
            case .lessThan: result = a < b
            default: result = a <= b
            }
            return Value.bool(result).marked(sensitive)
        case .add, .subtract, .multiply, .divide, .modulo:
            guard let l = operand(lhs, .number, side: "left", lhsExpr, context),
                let r = operand(rhs, .number, side: "right", rhsExpr, context)
            else { return .unknown(.number) }
            guard let a = l.numberValue, let b = r.numberValue else { return Value.unknown(.number).marked(sensitive) }
            switch op {
            case .add: return Value.number(a + b).marked(sensitive)
            case .subtract: return Value.number(a - b).marked(sensitive)
            case .multiply: return Value.number(a * b).marked(sensitive)
            case .divide, .modulo:
                if b.sign == 0 {
                    // go-cty: x/0 is an infinity and x%0 is x; only 0/0 has no value.
                    if op == .modulo { return Value.number(a).marked(sensitive) }
                    if a.sign == 0 {
                        report(.divisionByZero, "Error in function call",
                               "Call to function \"divide\" failed: can't divide zero by zero.", range, context)
                        return .unknown(.number)
                    }
                    return Value.number(.infinity(negative: a.sign < 0)).marked(sensitive)
                }
                return Value.number(op == .divide ? a / b : a % b).marked(sensitive)
            default: return .unknown(.number)
            }
        }
    }

    /// An operand converted to the operator's type; nil (after a diagnostic) when it cannot be.
    private mutating func operand(
        _ value: Value, _ type: ValueType, side: String, _ expr: Expression, _ context: EvalContext
    ) -> Value? {
        if value.isNull {
            report(.invalidOperand, "Invalid operand",
                   "Unsuitable value for \(side) operand: a \(type == .bool ? "bool" : "number") is required.",
                   expr.range, context)
            return nil
        }
        do {
            return try value.converted(to: type)
        } catch {
            report(.invalidOperand, "Invalid operand", "Unsuitable value for \(side) operand: \(error.message).", expr.range, context)
            return nil
        }
    }

    mutating func evaluateUnary(_ op: UnaryOperator, _ operandExpr: Expression, range: SourceRange, _ context: EvalContext) -> Value {
        let value = evaluate(operandExpr, in: context)
        switch op {
        case .not:
            guard let v = operand(value, .bool, side: "unary", operandExpr, context) else { return .unknown(.bool) }
            guard let b = v.boolValue else { return Value.unknown(.bool).marked(value.isSensitive) }
            return Value.bool(!b).marked(value.isSensitive)
        case .negate:
            guard let v = operand(value, .number, side: "unary", operandExpr, context) else { return .unknown(.number) }
            guard let n = v.numberValue else { return Value.unknown(.number).marked(value.isSensitive) }
            return Value.number(-n).marked(value.isSensitive)
        }
    }

    mutating func evaluateConditional(
        _ conditionExpr: Expression, _ trueExpr: Expression, _ falseExpr: Expression, range: SourceRange, _ context: EvalContext
    ) -> Value {
        let trueResult = evaluate(trueExpr, in: context)
        let falseResult = evaluate(falseExpr, in: context)
        var resultType: ValueType
        let trueIsDynamicNull = trueResult.isNull && trueResult.type == .any
        let falseIsDynamicNull = falseResult.isNull && falseResult.type == .any
        if trueIsDynamicNull {
            resultType = falseResult.type
        } else if falseIsDynamicNull {
            resultType = trueResult.type
        } else if trueResult.type == .any || falseResult.type == .any {
            resultType = .any
        } else if let unified = TypeUnification.unify([trueResult.type, falseResult.type]) {
            resultType = unified
        } else {
            report(.inconsistentConditionalTypes, "Inconsistent conditional result types",
                   "The true and false result expressions must have consistent types. The 'true' value is \(trueResult.type.friendlyName), but the 'false' value is \(falseResult.type.friendlyName).",
                   .between(trueExpr.range, falseExpr.range), context, contextRange: range)
            return .dynamicUnknown
        }
        let condition = evaluate(conditionExpr, in: context)
        if condition.isNull {
            report(.incorrectConditionType, "Null condition",
                   "The condition value is null. Conditions must either be true or false.", conditionExpr.range, context, contextRange: range)
            return .unknown(resultType)
        }
        guard condition.isKnown else { return Value.unknown(resultType).marked(condition.isSensitive) }
        guard let b = (try? condition.converted(to: .bool))?.boolValue else {
            report(.incorrectConditionType, "Incorrect condition type",
                   "The condition expression must be of type bool.", conditionExpr.range, context, contextRange: range)
            return .unknown(resultType)
        }
        let chosen = b ? trueResult : falseResult
        do {
            return try chosen.converted(to: resultType).marked(condition.isSensitive)
        } catch {
            report(.inconsistentConditionalTypes, "Inconsistent conditional result types",
                   "The \(b ? "true" : "false") result value has the wrong type: \(error.description).",
                   (b ? trueExpr : falseExpr).range, context, contextRange: range)
            return .unknown(resultType)
        }
    }
}
