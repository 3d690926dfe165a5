import HCL

/// One parameter of a function declared the way go-cty declares it.
///
/// The flags say what the implementation must be shown instead of being handled
/// generically: nulls (otherwise an argument error), unknown values (otherwise the
/// result is unknown), values typed `any` (otherwise the result type is `any`), and
/// sensitive marks (otherwise the argument is unmarked deeply and the whole result
/// is marked).
struct CtyParameter: Sendable {
    var name: String
    var type: ValueType
    var allowNull = false
    var allowUnknown = false
    var allowDynamicType = false
    var allowMarked = false
}

/// A built-in function written against go-cty's `function.Spec`: a type function that
/// decides the result type from the arguments (possibly unknown), and an implementation.
///
/// Terraform's collection, set and conversion functions are go-cty functions whose
/// results depend on exactly these rules: a known list holding unknown elements is
/// still processed (`length([x.id])` is 1), an unknown argument gives an unknown of
/// the *computed* type (`concat(unknown list(string), ["a"])` is an unknown
/// `list(string)`), and a parameter that accepts marks keeps nested marks in place
/// (`concat([sensitive("a")], ["b"])` is not sensitive as a whole).
struct CtyFunction: Sendable {
    typealias TypeFunction = @Sendable (_ arguments: [Value]) throws(FunctionError) -> ValueType
    typealias Implementation = @Sendable (_ arguments: [Value], _ returnType: ValueType) throws(FunctionError) -> Value

    var name: String
    var parameters: [CtyParameter]
    var variadic: CtyParameter?
    var returnType: TypeFunction
    /// The result type when it does not depend on the arguments, for the catalog.
    var staticReturnType: ValueType
    var implementation: Implementation

    init(
        _ name: String, _ parameters: [CtyParameter], variadic: CtyParameter? = nil,
        type returnType: @escaping TypeFunction, _ implementation: @escaping Implementation
    ) {
        self.name = name
        self.parameters = parameters
        self.variadic = variadic
        self.returnType = returnType
        self.staticReturnType = .any
        self.implementation = implementation
    }

    /// A function whose result type does not depend on its arguments.
    init(
        _ name: String, _ parameters: [CtyParameter], variadic: CtyParameter? = nil,
        returns type: ValueType, _ implementation: @escaping Implementation
    ) {
        self.init(name, parameters, variadic: variadic, type: { _ in type }, implementation)
        staticReturnType = type
    }

    private func parameter(at index: Int) -> CtyParameter {
        index < parameters.count ? parameters[index] : variadic!
    }

    /// go-cty's `Function.Call` on arguments already converted to the parameter types.
    func call(_ arguments: [Value]) throws(FunctionError) -> Value {
        var plain = arguments
        var sensitive = false
        var dynamic = false
        for (i, argument) in arguments.enumerated() {
            let p = parameter(at: i)
            if !p.allowMarked, argument.containsSensitive {
                plain[i] = argument.unmarkedDeep
                sensitive = true
            }
            // Only an unknown or null can have type `any`; checking that avoids computing
            // the type of every large argument.
            if !p.allowDynamicType, case .unknown(.any) = argument.storage { dynamic = true }
            if !p.allowDynamicType, case .null(.any) = argument.storage { dynamic = true }
        }
        // With an argument of unknown type, the result type cannot be decided yet.
        let type = dynamic ? ValueType.any : try returnType(plain)
        for (i, argument) in plain.enumerated() where !argument.isKnown && !parameter(at: i).allowUnknown {
            return Value.unknown(type).marked(sensitive)
        }
        return try implementation(plain, type).marked(sensitive)
    }

    /// The function in the catalog's form; arity, nulls and conversion to the parameter
    /// types are left to `BuiltinFunction.call`, everything else is done here.
    var builtin: BuiltinFunction {
        func declared(_ p: CtyParameter) -> BuiltinFunction.Parameter {
            BuiltinFunction.Parameter(p.name, p.type, allowNull: p.allowNull, allowUnknown: true)
        }
        let spec = self
        return BuiltinFunction(
            name, parameters.map(declared), variadic: variadic.map(declared), returns: staticReturnType,
            handlesMarks: true
        ) { arguments, _ throws(FunctionError) in
            try spec.call(arguments)
        }
    }
}

extension CtyParameter {
    /// A parameter of any type that sees everything: nulls, unknowns, `any` and marks.
    static func anything(_ name: String) -> CtyParameter {
        CtyParameter(name: name, type: .any, allowNull: true, allowUnknown: true, allowDynamicType: true, allowMarked: true)
    }
}
