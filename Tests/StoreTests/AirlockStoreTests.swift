import Foundation
import Gate
import Store
import Testing

/// Where a test's store lives: a SQLite file in a temporary directory, or the PostgreSQL
/// that scripts/test.sh starts (AIRLOCK_TEST_POSTGRES_URL).
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// The backends to run: SQLite always; PostgreSQL when a server was started for the
    /// tests. In CI a missing server is a failure, not a skip (see `postgresIsAvailable`).
    static var available: [Backend] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    static var postgresURL: String? {
        let url = ProcessInfo.processInfo.environment["AIRLOCK_TEST_POSTGRES_URL"]
        return url?.isEmpty == false ? url : nil
    }

    /// A location for a fresh store; PostgreSQL tests share one database, told apart by
    /// their random decision IDs.
    func location() -> String {
        switch self {
        case .sqlite: return AirlockStoreTests.temporaryDirectory()
        case .postgres: return Backend.postgresURL!
        }
    }
}

struct AirlockStoreTests {
    @Test func postgresIsAvailableInCI() {
        if ProcessInfo.processInfo.environment["CI"] != nil {
            #expect(Backend.postgresURL != nil, "CI must run the store tests against PostgreSQL: scripts/test.sh starts one (scripts/start-postgres.sh)")
        }
    }

    static func temporaryDirectory() -> String {
        let dir = (NSTemporaryDirectory() as NSString).appendingPathComponent("airlock-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A decision with digests of its own, so tests sharing one PostgreSQL database never
    /// find each other's decisions.
    static func decision(id: String = Decision.newID(), digest: String? = nil, outcome: Outcome = .approvalRequired) -> Decision {
        let digest = digest ?? "sha256:" + id
        return Decision(
            id: id, outcome: outcome, tier: .high, reasons: [Reason(rule: "rule:x", outcome: outcome, message: "because")],
            riskFactors: [RiskFactor(kind: "size", tier: .high, message: "big", address: nil)],
            approvals: ApprovalRequirement(count: 1, roles: ["security"]), planDigest: digest, planFileDigest: "sha256:file-" + id,
            policyDigest: "sha256:policy", actor: Actor(kind: .agent, identity: "claude-code", sponsor: "human:alice"),
            environment: ResolvedEnvironment(name: "prod", because: "workspace"), changes: ChangeSummaryFixture.empty,
            findings: FindingsSummary(), createdAt: now, expiresAt: now.addingTimeInterval(3600), terraformVersion: "1.11.4")
    }

    static func approval(_ decision: Decision, reviewer: String) -> Approval {
        Approval(
            id: Approval.newID(), decisionID: decision.id, verdict: .approve, reviewer: Actor(kind: .human, identity: reviewer),
            role: "security", comment: "ok", planDigest: decision.planDigest, createdAt: now, expiresAt: now.addingTimeInterval(600))
    }

    @Test(arguments: Backend.available)
    func decisionsRoundTripAndAreFoundByEitherDigest(_ backend: Backend) async throws {
        let store = try await AirlockStore.open(location: backend.location())
        let d = Self.decision()
        try await store.save(d)
        let back = try await store.decision(id: d.id)
        #expect(back?.id == d.id && back?.actor == d.actor && back?.reasons == d.reasons && back?.expiresAt == d.expiresAt)
        #expect(try await store.decisions(planDigest: d.planDigest).map(\.id) == [d.id])
        #expect(try await store.decisions(planFileDigest: d.planFileDigest).map(\.id) == [d.id])
        #expect(try await store.decisions(planDigest: "sha256:zzz").isEmpty)
        #expect(try await store.decision(id: "dec_missing") == nil)
        await store.close()
    }

    @Test(arguments: Backend.available)
    func reopeningKeepsEverythingAndDoesNotMigrateTwice(_ backend: Backend) async throws {
        let dir = backend.location()
        let d = Self.decision()
        do {
            let store = try await AirlockStore.open(location: dir)
            try await store.save(d)
            _ = try await store.record(Self.approval(d, reviewer: "carol")) { _, _ in }
            await store.close()
        }
        let store = try await AirlockStore.open(location: dir)
        #expect(try await store.decision(id: d.id) != nil)
        #expect(try await store.approvals(decisionID: d.id).count == 1)
        await store.close()
    }

    @Test(arguments: Backend.available)
    func aRefusedApprovalIsNotRecorded(_ backend: Backend) async throws {
        let store = try await AirlockStore.open(location: backend.location())
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

    /// Stores (connections, as processes or replicas would have) race to approve as the same
    /// reviewer: the database's lock lets exactly one through. Six on either backend: each
    /// SQLite store has a thread of its own, so a store waiting for the lock never holds the
    /// thread the one holding it needs to commit.
    @Test(arguments: Backend.available)
    func racingApprovalsByOneReviewerRecordOnce(_ backend: Backend) async throws {
        let location = backend.location()
        let d = Self.decision()
        var stores: [AirlockStore] = []
        for _ in 0..<6 { stores.append(try await AirlockStore.open(location: location)) }
        try await stores[0].save(d)
        let check: @Sendable (Decision, [Approval]) throws -> Void = { decision, existing in
            try ApprovalPolicy.check(
                reviewer: Actor(kind: .human, identity: "carol"), role: "security", verdict: .approve, decision: decision,
                existing: existing, settings: ApprovalSettings(), now: Self.now)
        }
        let recorded = await withTaskGroup(of: Bool.self) { group in
            for store in stores {
                group.addTask { (try? await store.record(Self.approval(d, reviewer: "carol"), check: check)) != nil }
            }
            var count = 0
            for await ok in group where ok { count += 1 }
            return count
        }
        #expect(recorded == 1)
        #expect(try await stores[0].approvals(decisionID: d.id).count == 1)
        for store in stores { await store.close() }
    }

    @Test(arguments: Backend.available)
    func appliesAreRecordedWithTheirExitCode(_ backend: Backend) async throws {
        let store = try await AirlockStore.open(location: backend.location())
        let d = Self.decision(outcome: .allow)
        try await store.save(d)
        let id = try await store.recordApplyStarted(decisionID: d.id, planDigest: d.planDigest, actor: "human:bob", at: Self.now)
        #expect(try await store.successfulApplies(decisionID: d.id) == 0)
        try await store.recordApplyFinished(id: id, exitCode: 0, at: Self.now)
        #expect(try await store.successfulApplies(decisionID: d.id) == 1)
        await store.close()
    }

    @Test func anUnreachablePostgresIsAClearError() async throws {
        await #expect { _ = try await AirlockStore.open(location: "postgres://airlock:secret@127.0.0.1:1/none") } throws: { error in
            guard let e = error as? StoreError else { return false }
            return e.code == "STORE001" && !e.message.contains("secret")
        }
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
