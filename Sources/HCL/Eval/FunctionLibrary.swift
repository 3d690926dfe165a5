/// Where the evaluator finds the functions an expression calls.
///
/// The HCL layer knows only this interface; Terraform's built-ins live in the
/// `TerraformFunctions` target. `try` and `can` are not here: they take unevaluated
/// expressions, so the evaluator implements them itself.
public protocol FunctionLibrary: Sendable {
    /// Calls the function `name` with evaluated arguments.
    ///
    /// Returns nil when no function of that name exists. Implementations handle argument
    /// conversion, unknown and null arguments and sensitive marks as Terraform does.
    func call(_ name: String, arguments: [Value], context: FunctionContext) throws(FunctionError) -> Value?
}

/// What a function may need from the place it is called: the directory relative file
/// paths resolve against, and the evaluator for `templatefile`.
public struct FunctionContext: Sendable {
    /// The directory `file()` and friends resolve relative paths against (Terraform: the working directory).
    public var baseDirectory: String
    /// The functions available to templates rendered by `templatefile`.
    public var library: any FunctionLibrary

    public init(baseDirectory: String, library: any FunctionLibrary) {
        self.baseDirectory = baseDirectory
        self.library = library
    }
}

/// A function call that failed, in the words Terraform uses.
public struct FunctionError: Error, Sendable, Hashable {
    /// The zero-based argument at fault, when the problem is one argument.
    public var argument: Int?
    /// The name of the parameter that argument fills, as Terraform names it in messages.
    public var parameter: String?
    public var message: String

    public init(argument: Int? = nil, parameter: String? = nil, _ message: String) {
        self.argument = argument
        self.parameter = parameter
        self.message = message
    }
}

/// A library with no functions at all, for evaluating plain data.
public struct NoFunctions: FunctionLibrary {
    public init() {}
    public func call(_ name: String, arguments: [Value], context: FunctionContext) throws(FunctionError) -> Value? { nil }
}
