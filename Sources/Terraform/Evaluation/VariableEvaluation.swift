import HCL

/// Input variables: the given value or the default, converted to the declared type with
/// `optional()` defaults applied, then checked by the `validation` blocks.
enum VariableEvaluation {
    static func value(of declaration: VariableDeclaration, given: Value?, in scope: ModuleScope) -> Value {
        let site = declaration.site
        var raw = given
        if raw == nil || (raw!.isNull && !declaration.nullable) {
            if let defaultExpression = declaration.defaultValue {
                var evaluator = Evaluator()
                raw = evaluator.evaluate(defaultExpression, in: EvalContext(functions: scope.session.functions, file: site.file))
                scope.session.diagnostics.append(contentsOf: evaluator.diagnostics)
            }
        }
        guard let raw else {
            scope.session.report(.missingRequiredVariable, "No value for required variable",
                "The \(scope.path.isEmpty ? "root module" : "module") input variable \"\(declaration.name)\" is not set, and has no default value. Use a -var or -var-file command line argument, a terraform.tfvars file or a TF_VAR_\(declaration.name) environment variable to provide a value; Airlock treats it as unknown.",
                site.range, file: site.file)
            return Value.unknown(declaration.type.type).marked(declaration.sensitive)
        }
        var value: Value
        do throws(ConversionError) {
            value = try raw.converted(to: declaration.type.type)
        } catch {
            scope.session.report(.invalidVariableValue, "Invalid value for input variable",
                "The given value is not suitable for \(scope.path.isEmpty ? "" : Address.module(scope.path) + ".")var.\(declaration.name) declared at \(site.file):\(site.range.start.line),\(site.range.start.column): \(error.description).",
                site.range, file: site.file)
            return Value.unknown(declaration.type.type).marked(declaration.sensitive)
        }
        if let defaults = declaration.type.defaults { value = defaults.apply(to: value) }
        if value.isNull, !declaration.nullable {
            scope.session.report(.invalidVariableValue, "Required variable not set",
                "Unsuitable value for var.\(declaration.name): the value must not be null.", site.range, file: site.file)
        }
        return value.marked(declaration.sensitive || raw.isSensitive)
    }

    /// Evaluates each `validation` block; a false condition is reported with its message.
    static func validate(_ declaration: VariableDeclaration, value: Value, in scope: ModuleScope) {
        for validation in declaration.validations {
            let condition = scope.evaluate(validation.condition, file: declaration.site.file)
            guard condition.isKnown, let ok = (try? condition.converted(to: ValueType.bool))?.boolValue else { continue }
            if ok { continue }
            var message = "This check failed, but has an invalid error message."
            if let m = validation.errorMessage, let s = scope.evaluate(m, file: declaration.site.file).stringValue { message = s }
            scope.session.report(.variableValidationFailed, "Invalid value for variable",
                "\(message)\n\nThis was checked by the validation rule at \(declaration.site.file):\(validation.condition.range.start.line),\(validation.condition.range.start.column).",
                validation.condition.range, file: declaration.site.file)
        }
    }
}
