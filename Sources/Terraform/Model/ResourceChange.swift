import HCL

/// What a plan will do to one resource instance.
public struct ResourceChange: Sendable, Hashable {
    /// Terraform's change actions; a replacement is `[delete, create]` or `[create, delete]`.
    public enum Action: String, Sendable, Hashable {
        case noOp = "no-op"
        case create
        case read
        case update
        case delete
        case forget
    }

    public var address: String
    public var previousAddress: String?
    public var mode: ResourceInstance.Mode
    public var type: String
    public var name: String
    public var actions: [Action]
    /// Why Terraform chose the action (`replace_because_cannot_update`, ...), when it says.
    public var actionReason: String?
    /// The object before and after; unknown parts of `after` are unknown values.
    public var before: Value?
    public var after: Value?
    /// Attribute paths whose change forces replacement.
    public var replacePaths: [String]

    public init(
        address: String, previousAddress: String? = nil, mode: ResourceInstance.Mode, type: String, name: String,
        actions: [Action], actionReason: String? = nil, before: Value?, after: Value?, replacePaths: [String] = []
    ) {
        self.address = address
        self.previousAddress = previousAddress
        self.mode = mode
        self.type = type
        self.name = name
        self.actions = actions
        self.actionReason = actionReason
        self.before = before
        self.after = after
        self.replacePaths = replacePaths
    }

    public var isReplace: Bool { actions.contains(.delete) && actions.contains(.create) }
}
