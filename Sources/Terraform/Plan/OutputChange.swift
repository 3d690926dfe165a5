import HCL

/// What a plan will do to one root module output (`output_changes`).
public struct OutputChange: Sendable, Hashable {
    public var name: String
    public var actions: [ResourceChange.Action]
    /// The value before and after; nil when there is none (a new or removed output).
    /// Unknown parts of `after` are unknown values; sensitive outputs carry the mark.
    public var before: Value?
    public var after: Value?

    public init(name: String, actions: [ResourceChange.Action], before: Value?, after: Value?) {
        self.name = name
        self.actions = actions
        self.before = before
        self.after = after
    }

    /// Whether either side is marked sensitive.
    public var isSensitive: Bool { (before?.containsSensitive ?? false) || (after?.containsSensitive ?? false) }
}
