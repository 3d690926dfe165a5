import Terraform

/// What apply does to one resource instance, with Terraform's `[delete, create]` pairs read
/// as one replacement.
public enum ChangeKind: String, Sendable, Hashable, Codable, CaseIterable {
    case create, update, delete, replace, read
    case noOp = "no-op"
    /// Removed from state without destroying (a `removed` block with `destroy = false`).
    case forget

    public init(_ actions: [ResourceChange.Action]) {
        let set = Set(actions)
        if set.contains(.delete), set.contains(.create) { self = .replace; return }
        if set.contains(.delete) { self = .delete; return }
        if set.contains(.create) { self = .create; return }
        if set.contains(.update) { self = .update; return }
        if set.contains(.read) { self = .read; return }
        if set.contains(.forget) { self = .forget; return }
        self = .noOp
    }

    /// Whether the change does anything to real infrastructure.
    public var isChange: Bool {
        switch self {
        case .create, .update, .delete, .replace: return true
        case .read, .noOp, .forget: return false
        }
    }

    /// Whether the existing object is destroyed.
    public var destroys: Bool { self == .delete || self == .replace }
}
