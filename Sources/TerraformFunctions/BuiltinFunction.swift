import HCL

/// One Terraform built-in function: its signature as data, and its implementation.
///
/// The generic part of every call (argument count, conversion to parameter types, null
/// and unknown arguments, sensitive marks) is done once in `BuiltinFunction.call`, so an
/// implementation sees only known, unmarked values of the declared types unless its
/// parameters say otherwise.
public struct BuiltinFunction: Sendable {
    public struct Parameter: Sendable {
        public var name: String
        public var type: ValueType
        /// Whether null reaches the implementation (otherwise it is an argument error).
        public var allowNull: Bool
        /// Whether unknown values reach the implementation (otherwise the result is unknown).
        public var allowUnknown: Bool

        public init(_ name: String, _ type: ValueType, allowNull: Bool = false, allowUnknown: Bool = false) {
            self.name = name
            self.type = type
            self.allowNull = allowNull
            self.allowUnknown = allowUnknown
        }
    }

    public typealias Implementation = @Sendable (_ arguments: [Value], _ context: FunctionContext) throws(FunctionError) -> Value

    public var name: String
    public var parameters: [Parameter]
    /// The parameter that takes any number of trailing arguments.
    public var variadic: Parameter?
    /// The result type when known from the signature; `.any` when it depends on arguments.
    public var returnType: ValueType
    /// Whether the implementation wants sensitive marks kept (`sensitive`, `nonsensitive`, `issensitive`).
    public var handlesMarks: Bool
    public var implementation: Implementation

    public init(
        _ name: String, _ parameters: [Parameter], variadic: Parameter? = nil, returns returnType: ValueType,
        handlesMarks: Bool = false, _ implementation: @escaping Implementation
    ) {
        self.name = name
        self.parameters = parameters
        self.variadic = variadic
        self.returnType = returnType
        self.handlesMarks = handlesMarks
        self.implementation = implementation
    }
}

extension BuiltinFunction {
    /// Calls the function with go-cty's calling convention.
    public func call(_ arguments: [Value], context: FunctionContext) throws(FunctionError) -> Value {
        if arguments.count < parameters.count {
            let missing = parameters[arguments.count].name
            throw FunctionError("Function \"\(name)\" expects \(variadic == nil ? "" : "at least ")\(parameters.count) argument(s). Missing value for \"\(missing)\".")
        }
        if variadic == nil, arguments.count > parameters.count {
            throw FunctionError("Function \"\(name)\" expects only \(parameters.count) argument(s).")
        }
        var sensitive = false
        var converted: [Value] = []
        converted.reserveCapacity(arguments.count)
        var resultUnknown = false
        for (i, raw) in arguments.enumerated() {
            let parameter = i < parameters.count ? parameters[i] : variadic!
            if !handlesMarks, raw.containsSensitive { sensitive = true }
            let argument = handlesMarks ? raw : (raw.containsSensitive ? raw.unmarkedDeep : raw)
            if argument.isNull && !parameter.allowNull {
                throw FunctionError(argument: i, parameter: parameter.name, "argument must not be null.")
            }
            if !argument.isWhollyKnown && !parameter.allowUnknown {
                resultUnknown = true
            }
            do {
                converted.append(try argument.converted(to: parameter.type))
            } catch {
                throw FunctionError(argument: i, parameter: parameter.name, "\(error.description).")
            }
        }
        if resultUnknown { return Value.unknown(returnType).marked(sensitive) }
        let result: Value
        do {
            result = try implementation(converted, context)
        } catch {
            var named = error
            if let i = error.argument, named.parameter == nil {
                named.parameter = i < parameters.count ? parameters[i].name : variadic?.name
            }
            throw named
        }
        return result.marked(sensitive)
    }
}
