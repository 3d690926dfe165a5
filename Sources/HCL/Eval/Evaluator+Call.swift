extension Evaluator {
    mutating func evaluateCall(_ call: FunctionCall, _ context: EvalContext) -> Value {
        switch call.name {
        case "try": return evaluateTry(call, context)
        case "can": return evaluateCan(call, context)
        case "templatestring", "core::templatestring":
            // Terraform renders only templates held in a value; a literal template here
            // would already have been rendered in the caller's scope.
            if let first = call.arguments.first {
                switch first {
                case .scopeTraversal, .relativeTraversal, .index, .parentheses: break
                default:
                    report(.invalidFunctionArgument, "Invalid template expression",
                           "The template argument to templatestring must be a reference to a string value defined elsewhere, such as a local value or variable.",
                           first.range, context, contextRange: call.range)
                    return .dynamicUnknown
                }
            }
        default: break
        }
        var arguments = call.arguments.map { evaluate($0, in: context) }
        var argumentRanges = call.arguments.map(\.range)
        if call.expandFinal, let last = arguments.popLast(), let lastRange = argumentRanges.popLast() {
            if last.isNull {
                report(.invalidExpansionArgument, "Invalid expanding argument value",
                       "The expanding argument (indicated by ...) must not be null.", lastRange, context)
                return .dynamicUnknown
            }
            guard last.isKnown else { return Value.dynamicUnknown.marked(last.isSensitive) }
            guard let elements = last.elements else {
                report(.invalidExpansionArgument, "Invalid expanding argument value",
                       "The expanding argument (indicated by ...) must be of a tuple, list, or set type.", lastRange, context)
                return .dynamicUnknown
            }
            arguments.append(contentsOf: elements.map { $0.marked(last.isSensitive) })
            argumentRanges.append(contentsOf: Array(repeating: lastRange, count: elements.count))
        }
        if call.name.hasPrefix("provider::") {
            // Provider-defined functions run inside the provider; statically they are unknown.
            return .dynamicUnknown
        }
        let functionContext = FunctionContext(baseDirectory: context.baseDirectory, library: context.functions)
        do {
            guard let result = try context.functions.call(call.name, arguments: arguments, context: functionContext) else {
                report(.unknownFunction, "Call to unknown function",
                       "There is no function named \"\(call.name)\".", call.nameRange, context, contextRange: call.range)
                return .dynamicUnknown
            }
            return result
        } catch {
            if let i = error.argument, i < argumentRanges.count {
                report(.invalidFunctionArgument, "Invalid function argument",
                       error.parameter.map { "Invalid value for \"\($0)\" parameter: \(error.message)" }
                           ?? "Invalid value for \"\(call.name)\" argument \(i + 1): \(error.message)", argumentRanges[i], context, contextRange: call.range)
            } else {
                report(.errorInFunctionCall, "Error in function call",
                       "Call to function \"\(call.name)\" failed: \(error.message)", call.range, context, contextRange: call.range)
            }
            return .dynamicUnknown
        }
    }

    /// `try(a, b, ...)`: the first argument that evaluates without error.
    private mutating func evaluateTry(_ call: FunctionCall, _ context: EvalContext) -> Value {
        guard !call.arguments.isEmpty else {
            report(.wrongArgumentCount, "Not enough function arguments",
                   "Function \"try\" expects at least one argument.", call.range, context)
            return .dynamicUnknown
        }
        for argument in call.arguments {
            var sandbox = Evaluator()
            sandbox.splatItems = splatItems
            let value = sandbox.evaluate(argument, in: context)
            if sandbox.diagnostics.hasErrors { continue }
            // Whether a later step would fail cannot be known until the value is.
            guard value.isWhollyKnown else { return .dynamicUnknown }
            return value
        }
        report(.errorInFunctionCall, "Error in function call",
               "Call to function \"try\" failed: no expression succeeded.", call.range, context)
        return .dynamicUnknown
    }

    /// `can(expr)`: whether `expr` evaluates without error.
    private mutating func evaluateCan(_ call: FunctionCall, _ context: EvalContext) -> Value {
        guard call.arguments.count == 1 else {
            report(.wrongArgumentCount, "Wrong number of function arguments",
                   "Function \"can\" expects exactly one argument.", call.range, context)
            return .unknown(.bool)
        }
        var sandbox = Evaluator()
        sandbox.splatItems = splatItems
        let value = sandbox.evaluate(call.arguments[0], in: context)
        if sandbox.diagnostics.hasErrors { return .false }
        guard value.isWhollyKnown else { return .unknown(.bool) }
        return .true
    }
}
