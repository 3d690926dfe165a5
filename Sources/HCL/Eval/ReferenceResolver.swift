/// Resolves the names an expression refers to (`var.x`, `each.key`, `aws_s3_bucket.b.arn`).
///
/// The resolver sees the whole reference and consumes as many leading steps as it
/// understands; the evaluator applies the remaining attribute and index steps itself.
public protocol ReferenceResolver {
    func resolve(_ steps: [TraversalStep], range: SourceRange) -> Resolution
}

/// What a resolver made of a reference.
public enum Resolution {
    /// The value of the first `consumed` steps.
    case value(Value, consumed: Int)
    /// The reference is invalid; the diagnostic says why.
    case failure(Diagnostic)
}

/// A resolver over a fixed table of root names, as HCL's `EvalContext.Variables`.
public struct VariableTable: ReferenceResolver {
    public var variables: [String: Value]

    public init(_ variables: [String: Value] = [:]) {
        self.variables = variables
    }

    public func resolve(_ steps: [TraversalStep], range: SourceRange) -> Resolution {
        guard case .root(let name, let r) = steps.first else {
            return .failure(Diagnostic(code: .invalidReference, summary: "Invalid reference", detail: "A reference must start with a name.", subject: range))
        }
        guard let value = variables[name] else {
            return .failure(Diagnostic(
                code: .unknownVariable, summary: "Unknown variable",
                detail: "There is no variable named \"\(name)\".", subject: r))
        }
        return .value(value, consumed: 1)
    }
}
