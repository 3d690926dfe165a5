/// What the gate decides for a plan.
public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case allow
    case approvalRequired = "approval_required"
    case deny

    /// Strictness: deny > approval_required > allow. The strictest outcome of all the rules
    /// and limits that apply is the decision.
    public static func < (a: Outcome, b: Outcome) -> Bool { a.rank < b.rank }

    var rank: Int {
        switch self {
        case .allow: return 0
        case .approvalRequired: return 1
        case .deny: return 2
        }
    }
}
