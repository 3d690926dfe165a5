import Audit
import Foundation
import Gate
import Store

/// Reads the web UI needs beyond the API's: a page of the audit chain counted back from
/// its head, and the decisions with their verdicts that the dashboard sums up.
extension ControlService {
    /// The events with sequence below `before` (all, when nil), at most `limit`, newest
    /// first, and the chain's length. Sequences are 1-based without gaps (the store keys
    /// events by sequence), so the page is the range `before - limit ..< before`.
    func auditPage(before: Int?, limit: Int) async throws -> (events: [AuditEvent], total: Int) {
        try await pool.withStore { store in
            let total = try await store.auditCount()
            let end = min(before ?? (total + 1), total + 1)
            let after = max(0, end - 1 - limit)
            let count = max(0, end - 1 - after)
            let events = try await store.auditEvents(after: after, limit: count)
            return (events.reversed(), total)
        }
    }

    /// The latest `limit` decisions with every verdict given on each, newest first.
    func decisionsWithApprovals(limit: Int) async throws -> [(decision: Decision, approvals: [Approval])] {
        try await pool.withStore { store in
            var result: [(decision: Decision, approvals: [Approval])] = []
            for decision in try await store.recentDecisions(limit: limit) {
                result.append((decision, try await store.approvals(decisionID: decision.id)))
            }
            return result
        }
    }
}
