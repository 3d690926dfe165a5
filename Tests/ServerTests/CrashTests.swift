import Foundation
import Testing

/// `kill -9` under load: whatever the server acknowledged with 201 before it died must be
/// there after a restart on the same state, with its audit events, in a chain that verifies.
/// A decision and its events commit in one transaction, so the chain after the crash holds
/// both events of a decision or neither, acknowledged or not.
@Suite(.serialized) struct CrashTests {
    static let clients = 8
    /// Load runs at least this long, and until this many decisions are acknowledged, before
    /// the kill (so the kill lands among writes in flight); neither is a measurement.
    static let minimumLoadSeconds = 2.0
    static let minimumAcknowledged = 16

    @Test(arguments: ServerBackend.available)
    func everyAcknowledgedDecisionSurvivesSIGKILL(backend: ServerBackend) async throws {
        let store = try await backend.freshStore()
        let token = try ServerProcess.agentToken(store)
        // An allowed plan and one that waits for approval, so both kinds of decision are written.
        let plans = [try ServerProcess.plan("dev-tag-change"), try ServerProcess.plan("iam-wildcard")]

        let server = try ServerProcess.start(store)
        let ledger = Ledger()
        let client = APIClient(baseURL: server.baseURL, token: token, connections: Self.clients)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<Self.clients {
                group.addTask {
                    var n = worker
                    while true {
                        n += 1
                        let reply: APIClient.Reply
                        do {
                            reply = try await client.submit(plans[n % plans.count])
                        } catch {
                            // After the kill every request fails (reset or refused); before it, none may.
                            if await !ledger.killed { await ledger.fail("client \(worker): \(error) before the kill") }
                            return
                        }
                        if reply.status == 201, let id = reply.json?["decision_id"] as? String {
                            await ledger.acknowledge(id)
                        } else {
                            await ledger.fail("client \(worker): \(reply)")
                            return
                        }
                    }
                }
            }
            let started = Date()
            while Date().timeIntervalSince(started) < 120, await ledger.failures.isEmpty {
                let count = await ledger.acknowledged.count
                if Date().timeIntervalSince(started) >= Self.minimumLoadSeconds, count >= Self.minimumAcknowledged { break }
                try await Task.sleep(nanoseconds: 50_000_000)
            }
            await ledger.markKilled()
            server.killHard()
            try await group.waitForAll()
        }
        let failures = await ledger.failures
        #expect(failures.isEmpty, "\(failures.prefix(5))\n\(server.log.suffix(2000))")
        let acknowledged = await ledger.acknowledged
        try #require(acknowledged.count >= Self.minimumAcknowledged, "too few decisions before the kill to test anything")

        let restarted = try ServerProcess.start(store)
        defer { restarted.stop() }
        let after = APIClient(baseURL: restarted.baseURL, token: token)

        for id in acknowledged {
            let reply = try await after.send("GET", "/api/v1/decisions/\(id)")
            #expect(reply.status == 200 && reply.json?["decision_id"] as? String == id, "acknowledged \(id) is gone: \(reply)")
        }

        let events = try await after.auditEvents()
        #expect(events.compactMap { $0["seq"] as? Int } == Array(1...events.count), "the chain's sequence numbers have gaps")
        let decided = Set(events.filter { $0["kind"] as? String == "decision" }.compactMap { $0["decision_id"] as? String })
        let scanned = Set(events.filter { $0["kind"] as? String == "scan" }.compactMap { $0["decision_id"] as? String })
        let missing = Set(acknowledged).subtracting(decided)
        #expect(missing.isEmpty, "\(missing.count) acknowledged decisions have no decision event: \(missing.sorted().prefix(5))")
        #expect(scanned == decided, "a decision's scan and decision events were not committed together")
        // One configuration_change (the policy, on the first start), then two per decision.
        #expect(events.count == 1 + 2 * decided.count, "\(events.count) events for \(decided.count) decisions")
        // Decisions written but never acknowledged (in flight at the kill) are whole too.
        for id in decided.subtracting(acknowledged) {
            let reply = try await after.send("GET", "/api/v1/decisions/\(id)")
            #expect(reply.status == 200, "\(id) has audit events but no decision: \(reply)")
        }

        let verify = try await after.verifyAudit()
        #expect(verify.json?["valid"] as? Bool == true, "\(verify)")
        #expect(verify.json?["events"] as? Int == events.count, "\(verify)")

        let fresh = try await after.submit(plans[0])
        #expect(fresh.status == 201, "no submission after the restart: \(fresh)")
        let reverify = try await after.verifyAudit()
        #expect(reverify.json?["valid"] as? Bool == true && reverify.json?["events"] as? Int == events.count + 2, "\(reverify)")

        print("CrashTests \(backend): \(acknowledged.count) decisions acknowledged before SIGKILL, \(decided.count - acknowledged.count) more committed in flight; \(events.count) events verify after the restart")
    }
}

/// What the clients saw before the kill.
actor Ledger {
    private(set) var acknowledged: [String] = []
    private(set) var failures: [String] = []
    private(set) var killed = false

    func acknowledge(_ id: String) { acknowledged.append(id) }
    func fail(_ message: String) { failures.append(message) }
    func markKilled() { killed = true }
}
