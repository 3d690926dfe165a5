import Foundation
import Gate
import Testing

@testable import AirlockServer

/// `Dashboard.make` on decisions made up here: shares, findings per day, latency, outcomes.
@Suite struct DashboardTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21T14:13:20Z
    static let day: TimeInterval = 86400

    static func decision(
        _ id: String, kind: Actor.Kind, outcome: Outcome = .approvalRequired, changes: Int = 1, newFindings: [String: Int] = [:],
        ago: TimeInterval = 3600, approvals: Int = 1
    ) -> Decision {
        var summary = ChangeSummary(ChangeSet(changes: []))
        summary.create = changes
        return Decision(
            id: id, outcome: outcome, tier: .high, reasons: [], riskFactors: [], approvals: ApprovalRequirement(count: approvals),
            planDigest: "sha256:" + id, planFileDigest: nil, policyDigest: "sha256:p", actor: Actor(kind: kind, identity: "x-\(id)"),
            environment: nil, changes: summary, findings: FindingsSummary(new: newFindings), createdAt: now.addingTimeInterval(-ago),
            expiresAt: now.addingTimeInterval(3 * day), terraformVersion: nil)
    }

    static func approval(_ decision: Decision, by reviewer: String, after seconds: TimeInterval, verdict: Approval.Verdict = .approve) -> Approval {
        let at = decision.createdAt.addingTimeInterval(seconds)
        return Approval(
            id: "apr_\(decision.id)_\(reviewer)", decisionID: decision.id, verdict: verdict, reviewer: Actor(kind: .human, identity: reviewer),
            role: nil, comment: nil, planDigest: decision.planDigest, createdAt: at, expiresAt: at.addingTimeInterval(day))
    }

    @Test func sharesOfChangesByActorKind() {
        let records = [
            (Self.decision("a", kind: .agent, changes: 6), [Approval]()),
            (Self.decision("b", kind: .agent, changes: 0), []),
            (Self.decision("c", kind: .human, changes: 3), []),
            (Self.decision("d", kind: .ci, changes: 1), []),
        ].map { (decision: $0.0, approvals: $0.1) }
        let dashboard = Dashboard.make(records, now: Self.now)
        #expect(dashboard.decisionCount == 4)
        #expect(dashboard.actors.map(\.kind) == [.agent, .human, .ci])
        #expect(dashboard.actors.map(\.decisions) == [2, 1, 1])
        #expect(dashboard.actors.map(\.changes) == [6, 3, 1])
        #expect(dashboard.agentChangeShare == 0.6)
    }

    @Test func nothingChangedMeansNoShare() {
        let dashboard = Dashboard.make([], now: Self.now)
        #expect(dashboard.agentChangeShare == 0)
        #expect(dashboard.findingsByDay.count == 14)
        #expect(dashboard.latency == Dashboard.Latency(count: 0, median: nil, p90: nil))
        #expect(dashboard.outcomes == [.allow: 0, .approvalRequired: 0, .deny: 0])
    }

    @Test func newFindingsPerUTCDayForTwoWeeks() {
        let records = [
            Self.decision("today", kind: .agent, newFindings: ["critical": 1, "high": 2]),
            Self.decision("today2", kind: .human, newFindings: ["high": 1, "bogus": 9]),
            Self.decision("three", kind: .agent, newFindings: ["low": 4], ago: 3 * Self.day),
            Self.decision("old", kind: .agent, newFindings: ["critical": 7], ago: 20 * Self.day),
        ].map { (decision: $0, approvals: [Approval]()) }
        let days = Dashboard.make(records, now: Self.now).findingsByDay
        #expect(days.count == 14)
        #expect(days.last?.day == "2026-09-21")
        #expect(days.first?.day == "2026-09-08")
        #expect(days.last?.bySeverity == [.critical: 1, .high: 3])
        #expect(days[days.count - 4].bySeverity == [.low: 4])
        #expect(days.map(\.total).reduce(0, +) == 8)
    }

    @Test func latencyIsToTheApprovalThatCleared() {
        // Needs two approvals: cleared by the second, at 40 minutes.
        let two = Self.decision("two", kind: .agent, approvals: 2)
        // Cleared by its only approval at 10 minutes.
        let quick = Self.decision("quick", kind: .agent)
        // Cleared at 2 hours.
        let slow = Self.decision("slow", kind: .human)
        // Rejected: never cleared, not counted.
        let rejected = Self.decision("rejected", kind: .agent)
        // Allowed without approval: not counted.
        let allowed = Self.decision("allowed", kind: .agent, outcome: .allow)
        let records = [
            (two, [Self.approval(two, by: "bob", after: 600), Self.approval(two, by: "carol", after: 2400)]),
            (quick, [Self.approval(quick, by: "bob", after: 600)]),
            (slow, [Self.approval(slow, by: "bob", after: 7200)]),
            (rejected, [Self.approval(rejected, by: "bob", after: 60, verdict: .reject)]),
            (allowed, []),
        ].map { (decision: $0.0, approvals: $0.1) }
        let dashboard = Dashboard.make(records, now: Self.now)
        #expect(dashboard.latency.count == 3)
        #expect(dashboard.latency.median == 2400)
        #expect(dashboard.latency.p90 == 7200)
        #expect(dashboard.outcomes == [.allow: 1, .approvalRequired: 4, .deny: 0])
    }

    struct PercentileCase: Sendable, CustomTestStringConvertible {
        var values: [Double]
        var p: Double
        var expected: Double?
        var testDescription: String { "p\(Int(p * 100)) of \(values)" }
    }

    @Test(arguments: [
        PercentileCase(values: [], p: 0.5, expected: nil),
        PercentileCase(values: [5], p: 0.9, expected: 5),
        PercentileCase(values: [1, 2], p: 0.5, expected: 1),
        PercentileCase(values: [1, 2, 3], p: 0.5, expected: 2),
        PercentileCase(values: Array(1...10).map(Double.init), p: 0.9, expected: 9),
        PercentileCase(values: Array(1...11).map(Double.init), p: 0.9, expected: 10),
    ])
    func nearestRankPercentile(_ c: PercentileCase) {
        #expect(Dashboard.percentile(c.values, c.p) == c.expected)
    }
}
