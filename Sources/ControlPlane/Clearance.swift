import Foundation
import Gate
import Store

/// Whether any decision about a plan lets it be applied now: allowed, or approved by enough
/// reviewers, not expired, not rejected, and not applied already.
public struct Clearance: Sendable {
    /// The decisions made about this exact plan, newest first.
    public var candidates: [Decision]
    /// The decision that clears the plan, if one does.
    public var decision: Decision?
    /// Whether some decision is still waiting for approvals (rather than refused for good).
    public var pending: Bool
    /// Why each other candidate does not clear it, one line each.
    public var refusals: [String]

    public var isCleared: Bool { decision != nil }

    /// Judges the candidates in order and stops at the first that clears the plan.
    public static func judge(_ candidates: [Decision], in store: AirlockStore, now: Date) async throws -> Clearance {
        var clearance = Clearance(candidates: candidates, decision: nil, pending: false, refusals: [])
        for decision in candidates {
            if try await store.successfulApplies(decisionID: decision.id) > 0 {
                clearance.refusals.append("\(decision.id): already applied; a plan applies once — plan again")
                continue
            }
            let status = ApprovalPolicy.status(of: decision, approvals: try await store.approvals(decisionID: decision.id), now: now)
            if status.isCleared {
                clearance.decision = decision
                break
            }
            if status.state == .pending { clearance.pending = true }
            clearance.refusals.append("\(decision.id) (\(decision.outcome.rawValue), \(status.state.rawValue)): " + status.missing.joined(separator: "; "))
        }
        return clearance
    }
}
