import HCL

/// Terraform's built-in functions, as a `FunctionLibrary` for the evaluator.
public struct TerraformFunctionLibrary: FunctionLibrary {
    public let functions: [String: BuiltinFunction]

    /// Every built-in of `BuiltinCatalog.all`.
    public static let standard = TerraformFunctionLibrary(BuiltinCatalog.all)

    public init(_ functions: [BuiltinFunction]) {
        var table: [String: BuiltinFunction] = [:]
        for f in functions {
            precondition(table[f.name] == nil, "built-in \(f.name) declared twice")
            table[f.name] = f
        }
        self.functions = table
    }

    public func call(_ name: String, arguments: [Value], context: FunctionContext) throws(FunctionError) -> Value? {
        // Terraform also accepts every built-in as core::name.
        let bare = name.hasPrefix("core::") ? String(name.dropFirst(6)) : name
        guard let function = functions[bare] else { return nil }
        return try function.call(arguments, context: context)
    }
}
