import Audit
import Foundation
import Gate
import Testing

@testable import Store

extension Backend {
    /// A location of its own: a new SQLite directory, or a new PostgreSQL database. The
    /// audit chain and the token count are one per database, so tests of them cannot share
    /// the database the other store tests use.
    func isolatedLocation() async throws -> String {
        switch self {
        case .sqlite: return AirlockStoreTests.temporaryDirectory()
        case .postgres:
            let base = Backend.postgresURL!
            let name = "airlock_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
            let admin = try await AirlockStore.open(location: base)
            try await admin.database.raw("CREATE DATABASE \(unsafeRaw: name)").run()
            await admin.close()
            var components = try #require(URLComponents(string: base))
            components.path = "/" + name
            return try #require(components.string)
        }
    }
}

struct AuditStoreTests {
    static func signer() throws -> AuditSigner {
        try AuditSigner.loadOrCreate(directory: AirlockStoreTests.temporaryDirectory())
    }

    static func record(_ n: Int, decisionID: String? = nil, kind: AuditEventKind = .scan) -> AuditRecord {
        AuditRecord(
            kind: kind, actor: "agent:claude-code", decisionID: decisionID, summary: "event \(n)", details: ["n": String(n)])
    }

    @Test(arguments: Backend.available)
    func appendedEventsArePagedCountedAndVerify(_ backend: Backend) async throws {
        let store = try await AirlockStore.open(location: try await backend.isolatedLocation())
        let signer = try Self.signer()
        #expect(try await store.auditHead() == nil)
        #expect(try await store.auditCount() == 0)
        #expect(try await store.verifyAudit(publicKeyPEM: signer.publicKeyPEM).isValid)

        let first = try await store.appendAudit((1...3).map { Self.record($0) }, signer: signer, at: AirlockStoreTests.now)
        let second = try await store.appendAudit([Self.record(4)], signer: signer, at: AirlockStoreTests.now)
        #expect(first.map(\.sequence) == [1, 2, 3])
        #expect(second.map(\.sequence) == [4])
        #expect(second[0].previousHash == first[2].hash)
        #expect(try await store.auditHead() == second[0])
        #expect(try await store.auditCount() == 4)
        #expect(try await store.auditEvents() == first + second)
        #expect(try await store.auditEvents(after: 1, limit: 2).map(\.sequence) == [2, 3])
        #expect(try await store.auditEvents(after: 4).isEmpty)

        let head = try signer.head(for: second[0])
        let verification = try await store.verifyAudit(publicKeyPEM: signer.publicKeyPEM, expectedHead: head, signatures: .everyEvent)
        #expect(verification.isValid, "\(verification.problems)")
        #expect(verification.eventCount == 4)
        #expect(verification.keyFingerprint == signer.fingerprint)
        await store.close()
    }

    /// Replicas (one store each: a connection) extend one chain at once, every append in its
    /// own transaction: the sequence numbers come out 1…100 with no gap or repeat, each
    /// replica sees only its own, and the chain verifies. Four stores for SQLite, ten for
    /// PostgreSQL.
    @Test(arguments: Backend.available)
    func replicasAppendingAtOnceNeverForkTheChain(_ backend: Backend) async throws {
        let location = try await backend.isolatedLocation()
        let signer = try Self.signer()
        let replicas = backend == .postgres ? 10 : 4
        let each = 100 / replicas
        var stores: [AirlockStore] = []
        for _ in 0..<replicas { stores.append(try await AirlockStore.open(location: location)) }
        // Errors are collected, not thrown, so every store is closed whatever happens.
        let (sequences, errors) = await withTaskGroup(of: ([Int], String?).self) { group in
            for (replica, store) in stores.enumerated() {
                group.addTask {
                    var mine: [Int] = []
                    do {
                        for n in 0..<each {
                            mine += try await store.appendAudit([Self.record(replica * 1000 + n)], signer: signer).map(\.sequence)
                        }
                    } catch {
                        return (mine, "\(error)")
                    }
                    return (mine, nil)
                }
            }
            var all: [[Int]] = []
            var errors: [String] = []
            for await (mine, error) in group {
                all.append(mine)
                if let error { errors.append(error) }
            }
            return (all, errors)
        }
        #expect(errors.isEmpty)
        #expect(sequences.allSatisfy { $0 == $0.sorted() && $0.count == each })
        #expect(sequences.flatMap { $0 }.sorted() == Array(1...100))
        #expect(try await stores[0].auditEvents(limit: 1000).map(\.sequence) == Array(1...100))
        let verification = try await stores[1].verifyAudit(publicKeyPEM: signer.publicKeyPEM)
        #expect(verification.isValid, "\(verification.problems)")
        #expect(verification.eventCount == 100)
        for store in stores { await store.close() }
    }

    @Test(arguments: Backend.available)
    func aSavedDecisionHasItsEventsAndAFailedSaveHasNone(_ backend: Backend) async throws {
        let store = try await AirlockStore.open(location: try await backend.isolatedLocation())
        let signer = try Self.signer()
        let d = AirlockStoreTests.decision()
        let events = try await store.save(d, auditing: [Self.record(1, decisionID: d.id, kind: .decision)], signer: signer)
        #expect(events.map(\.sequence) == [1])
        #expect(events[0].time == "2027-01-15T08:00:00.000Z")
        #expect(try await store.decision(id: d.id) != nil)
        let chain = try await store.auditEvents()
        #expect(chain.map(\.record.kind) == [.decision])
        #expect(chain.map(\.record.decisionID) == [d.id])

        // The same ID again: the insert fails, and its event must not be in the chain.
        await #expect(throws: (any Error).self) {
            try await store.save(d, auditing: [Self.record(2, decisionID: d.id, kind: .decision)], signer: signer)
        }
        #expect(try await store.auditCount() == 1)
        #expect(try await store.verifyAudit(publicKeyPEM: signer.publicKeyPEM).isValid)
        await store.close()
    }

    @Test(arguments: Backend.available)
    func appliesAreAuditedWithTheirID(_ backend: Backend) async throws {
        let store = try await AirlockStore.open(location: try await backend.isolatedLocation())
        let signer = try Self.signer()
        let d = AirlockStoreTests.decision(outcome: .allow)
        try await store.save(d)
        let started = try await store.recordApplyStarted(
            decisionID: d.id, planDigest: d.planDigest, actor: "human:bob", at: AirlockStoreTests.now,
            auditing: { id in
                [AuditRecord(kind: .applyStarted, actor: "human:bob", decisionID: d.id, summary: "apply", details: ["apply_id": id])]
            }, signer: signer)
        #expect(started.events.map(\.record.details["apply_id"]) == [started.id])
        try await store.recordApplyFinished(
            id: started.id, exitCode: 0, at: AirlockStoreTests.now,
            auditing: [AuditRecord(kind: .applyFinished, actor: "human:bob", decisionID: d.id, summary: "done")], signer: signer)
        #expect(try await store.successfulApplies(decisionID: d.id) == 1)
        #expect(try await store.auditEvents().map(\.record.kind) == [.applyStarted, .applyFinished])
        await store.close()
    }

    /// Stores race to approve as the same reviewer, each with its audit events: one verdict
    /// is recorded, with its events; the refused ones leave none.
    @Test(arguments: Backend.available)
    func racingAuditedApprovalsRecordOnceWithTheirEvents(_ backend: Backend) async throws {
        let location = try await backend.isolatedLocation()
        let signer = try Self.signer()
        let d = AirlockStoreTests.decision()
        var stores: [AirlockStore] = []
        for _ in 0..<6 { stores.append(try await AirlockStore.open(location: location)) }
        try await stores[0].save(d, auditing: [Self.record(0, decisionID: d.id, kind: .decision)], signer: signer)
        let check: @Sendable (Decision, [Approval]) throws -> Void = { decision, existing in
            try ApprovalPolicy.check(
                reviewer: Actor(kind: .human, identity: "carol"), role: "security", verdict: .approve, decision: decision,
                existing: existing, settings: ApprovalSettings(), now: AirlockStoreTests.now)
        }
        let auditing: @Sendable (Decision, [Approval]) -> [AuditRecord] = { decision, approvals in
            [AuditRecord(
                kind: .approval, actor: "human:carol", decisionID: decision.id,
                summary: "approval \(approvals.count) of \(decision.approvals?.count ?? 0)")]
        }
        let recorded = await withTaskGroup(of: [AuditEvent]?.self) { group in
            for store in stores {
                group.addTask {
                    try? await store.record(
                        AirlockStoreTests.approval(d, reviewer: "carol"), check: check, auditing: auditing, signer: signer
                    ).2
                }
            }
            var results: [[AuditEvent]] = []
            for await events in group { if let events { results.append(events) } }
            return results
        }
        #expect(recorded.count == 1)
        #expect(recorded.first?.map(\.sequence) == [2])
        #expect(try await stores[0].approvals(decisionID: d.id).count == 1)
        let chain = try await stores[1].auditEvents()
        #expect(chain.map(\.record.kind) == [.decision, .approval])
        #expect(chain.last?.record.summary == "approval 1 of 1")
        #expect(try await stores[0].verifyAudit(publicKeyPEM: signer.publicKeyPEM).isValid)
        for store in stores { await store.close() }
    }

    @Test(arguments: Backend.available)
    func aChainIsNotExtendedUnderAnotherKey(_ backend: Backend) async throws {
        let store = try await AirlockStore.open(location: try await backend.isolatedLocation())
        let signer = try Self.signer()
        try await store.appendAudit([Self.record(1)], signer: signer)
        await #expect { try await store.appendAudit([Self.record(2)], signer: try Self.signer()) } throws: { error in
            (error as? StoreError)?.code == "STORE007"
        }
        #expect(try await store.auditCount() == 1)
        await store.close()
    }

    @Test(arguments: Backend.available)
    func anEditedRowIsFoundByVerifyAndStopsAppends(_ backend: Backend) async throws {
        let store = try await AirlockStore.open(location: try await backend.isolatedLocation())
        let signer = try Self.signer()
        try await store.appendAudit((1...3).map { Self.record($0) }, signer: signer)
        let line = try #require(try await store.database.raw("SELECT line FROM audit_events WHERE sequence = 3").first())
            .decode(column: "line", as: String.self)
        let edited = line.replacingOccurrences(of: "event 3", with: "event X")
        try await store.database.raw("UPDATE audit_events SET line = \(bind: edited) WHERE sequence = 3").run()

        let verification = try await store.verifyAudit(publicKeyPEM: signer.publicKeyPEM)
        #expect(verification.problems.map(\.code) == [AuditCode.modified.rawValue])
        #expect(verification.firstBadSequence == 3)
        await #expect { try await store.appendAudit([Self.record(4)], signer: signer) } throws: { error in
            (error as? StoreError)?.code == "STORE007"
        }
        await store.close()
    }
}
