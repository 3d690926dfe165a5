/// How risky a change is, in four ordered tiers.
public enum RiskTier: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case low, medium, high, critical

    public static func < (a: RiskTier, b: RiskTier) -> Bool { a.rank < b.rank }

    var rank: Int {
        switch self {
        case .low: return 0
        case .medium: return 1
        case .high: return 2
        case .critical: return 3
        }
    }

    /// This tier moved `steps` up (or down, when negative), within low…critical.
    public func raised(by steps: Int) -> RiskTier {
        let index = min(max(rank + steps, 0), RiskTier.allCases.count - 1)
        return RiskTier.allCases[index]
    }
}
