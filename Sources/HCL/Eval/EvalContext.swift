/// Everything an expression may refer to while it is evaluated.
public struct EvalContext {
    /// Resolves references to names not bound locally (`var.x`, `aws_s3_bucket.b`).
    public var resolver: any ReferenceResolver
    public var functions: any FunctionLibrary
    /// The directory file functions resolve relative paths against.
    public var baseDirectory: String
    /// The file the expressions come from, stamped on diagnostics.
    public var file: String?
    /// Names bound by enclosing `for` expressions, `dynamic` iterators and templates;
    /// they shadow the resolver.
    public var bound: [String: Value]

    public init(
        resolver: any ReferenceResolver = VariableTable(), functions: any FunctionLibrary = NoFunctions(),
        baseDirectory: String = ".", file: String? = nil, bound: [String: Value] = [:]
    ) {
        self.resolver = resolver
        self.functions = functions
        self.baseDirectory = baseDirectory
        self.file = file
        self.bound = bound
    }

    /// A copy with one more bound name.
    public func binding(_ name: String, to value: Value) -> EvalContext {
        var copy = self
        copy.bound[name] = value
        return copy
    }
}
