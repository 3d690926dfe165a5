import HCL

/// A root module output value as a plan (`planned_values.outputs`) or a state records it.
public struct OutputValue: Sendable, Hashable {
    public var name: String
    /// The value; unknown where only apply can tell, marked sensitive when the output is.
    public var value: Value
    /// Whether the output is declared `sensitive = true`.
    public var sensitive: Bool
    /// The value's type when Terraform wrote it (outputs are the one place it does);
    /// `value` has then been converted to it, so lists, sets and maps are typed exactly.
    public var type: ValueType?

    public init(name: String, value: Value, sensitive: Bool, type: ValueType? = nil) {
        self.name = name
        self.value = value
        self.sensitive = sensitive
        self.type = type
    }
}
