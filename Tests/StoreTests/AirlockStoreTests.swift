import Foundation
import Gate
import Store
import Testing

/// The store on a real SQLite file in a temporary directory.
struct AirlockStoreTests {
    static func temporaryDirectory() -> String {
        let dir = (NSTemporaryDirectory() as NSString).appendingPathComponent("airlock-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func decision(id: String = Decision.newID(), digest: String = "sha256:abc", outcome: Outcome = .approvalRequired) -> Decision {
        Decision(
            id: id, outcome: outcome, tier: .high, reasons: [Reason(rule: "rule:x", outcome: outcome, message: "because")],
            riskFactors: [RiskFactor(kind: "size", tier: .high, message: "big", address: nil)],
            approvals: ApprovalRequirement(count: 1, roles: ["security"]), planDigest: digest, planFileDigest: "sha256:file",
            policyDigest: "sha256:policy", actor: Actor(kind: .agent, identity: "claude-code", sponsor: "human:alice"),
            environment: ResolvedEnvironment(name: "prod", because: "workspace"), changes: ChangeSummaryFixture.empty,
            findings: FindingsSummary(), createdAt: now, expiresAt: now.addingTimeInterval(3600), terraformVersion: "1.11.4")
    }

    static func approval(_ decision: Decision, reviewer: String) -> Approval {
        Approval(
            id: Approval.newID(), decisionID: decision.id, verdict: .approve, reviewer: Actor(kind: .human, identity: reviewer),
            role: "security", comment: "ok", planDigest: decision.planDigest, createdAt: now, expiresAt: now.addingTimeInterval(600))
    }

    @Test func decisionsRoundTripAndAreFoundByEitherDigest() async throws {
        let store = try await AirlockStore.open(directory: Self.temporaryDirectory())
        let d = Self.decision()
        try await store.save(d)
        let back = try await store.decision(id: d.id)
        #expect(back?.id == d.id && back?.actor == d.actor && back?.reasons == d.reasons && back?.expiresAt == d.expiresAt)
        #expect(try await store.decisions(planDigest: "sha256:abc").map(\.id) == [d.id])
        #expect(try await store.decisions(planFileDigest: "sha256:file").map(\.id) == [d.id])
        #expect(try await store.decisions(planDigest: "sha256:zzz").isEmpty)
        #expect(try await store.decision(id: "dec_missing") == nil)
        await store.close()
    }

    @Test func reopeningKeepsEverythingAndDoesNotMigrateTwice() async throws {
        let dir = Self.temporaryDirectory()
        let d = Self.decision()
        do {
            let store = try await AirlockStore.open(directory: dir)
            try await store.save(d)
            _ = try await store.record(Self.approval(d, reviewer: "carol")) { _, _ in }
            await store.close()
        }
        let store = try await AirlockStore.open(directory: dir)
        #expect(try await store.decision(id: d.id) != nil)
        #expect(try await store.approvals(decisionID: d.id).count == 1)
        await store.close()
    }

    @Test func aRefusedApprovalIsNotRecorded() async throws {
        let store = try await AirlockStore.open(directory: Self.temporaryDirectory())
        let d = Self.decision()
        try await store.save(d)
        await #expect(throws: ApprovalRefusal.self) {
            _ = try await store.record(Self.approval(d, reviewer: "alice")) { decision, existing in
                try ApprovalPolicy.check(
                    reviewer: Actor(kind: .human, identity: "alice"), role: "security", verdict: .approve, decision: decision,
                    existing: existing, settings: ApprovalSettings(), now: Self.now)
            }
        }
        #expect(try await store.approvals(decisionID: d.id).isEmpty)
        await store.close()
    }

    /// Two stores (two connections, as two processes would have) race to approve as the
    /// same reviewer: the transaction lets exactly one through.
    @Test func racingApprovalsByOneReviewerRecordOnce() async throws {
        let dir = Self.temporaryDirectory()
        let d = Self.decision()
        let first = try await AirlockStore.open(directory: dir)
        let second = try await AirlockStore.open(directory: dir)
        try await first.save(d)
        let check: @Sendable (Decision, [Approval]) throws -> Void = { decision, existing in
            try ApprovalPolicy.check(
                reviewer: Actor(kind: .human, identity: "carol"), role: "security", verdict: .approve, decision: decision,
                existing: existing, settings: ApprovalSettings(), now: Self.now)
        }
        async let a: Bool = (try? await first.record(Self.approval(d, reviewer: "carol"), check: check)) != nil
        async let b: Bool = (try? await second.record(Self.approval(d, reviewer: "carol"), check: check)) != nil
        let results = await [a, b]
        #expect(results.filter { $0 }.count == 1)
        #expect(try await first.approvals(decisionID: d.id).count == 1)
        await first.close()
        await second.close()
    }

    @Test func appliesAreRecordedWithTheirExitCode() async throws {
        let store = try await AirlockStore.open(directory: Self.temporaryDirectory())
        let d = Self.decision(outcome: .allow)
        try await store.save(d)
        let id = try await store.recordApplyStarted(decisionID: d.id, planDigest: d.planDigest, actor: "human:bob", at: Self.now)
        #expect(try await store.successfulApplies(decisionID: d.id) == 0)
        try await store.recordApplyFinished(id: id, exitCode: 0, at: Self.now)
        #expect(try await store.successfulApplies(decisionID: d.id) == 1)
        await store.close()
    }

    @Test func aDirectoryThatCannotBeCreatedIsAClearError() async throws {
        await #expect { _ = try await AirlockStore.open(directory: "/proc/airlock-cannot-exist") } throws: { error in
            (error as? StoreError)?.code == "STORE001"
        }
    }
}

enum ChangeSummaryFixture {
    static var empty: ChangeSummary { ChangeSummary(ChangeSet(changes: [])) }
}
