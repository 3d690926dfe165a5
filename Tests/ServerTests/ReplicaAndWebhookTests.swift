import AirlockServer
import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// Two replicas on one database behave as one; webhooks arrive signed.
@Suite struct ReplicaAndWebhookTests {
    /// Two servers (two pools of connections) on one PostgreSQL database: submissions,
    /// verdicts and apply starts race from both, and the chain has no fork, no verdict is
    /// counted twice and no plan starts twice.
    @Test func twoReplicasOnOnePostgreSQLAreOne() async throws {
        guard ServerHarness.postgresURL != nil else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("CI needs AIRLOCK_TEST_POSTGRES_URL (scripts/test.sh starts PostgreSQL)")
            }
            return
        }
        let location = try await ServerHarness.freshPostgresDatabase()
        let directory = ServerHarness.temporaryDirectory()
        let first = try await ServerHarness.make(location: location, directory: directory)
        // The second replica shares the database and the key, with tokens of its own.
        let second = try await ServerHarness.make(location: location, directory: directory)
        let appA = first.application()
        let appB = second.application()
        try await appA.test(.router) { a in
            try await appB.test(.router) { b in
                // Both replicas take plans at once.
                let ids = try await withThrowingTaskGroup(of: String.self) { group in
                    for i in 0..<12 {
                        let (client, token) = i % 2 == 0 ? (a, first.agent) : (b, second.agent)
                        group.addTask {
                            let r = try await client.call(
                                .post, "/api/v1/plans?workspace=dev", token: token, body: try ServerHarness.plan("iam-wildcard/plan.json"))
                            #expect(r.status == .created, "\(r.text)")
                            return try APITests.decisionID(r)
                        }
                    }
                    var ids: [String] = []
                    for try await id in group { ids.append(id) }
                    return ids
                }
                #expect(Set(ids).count == 12)
                // The same reviewer approves one decision through both replicas at once:
                // exactly one verdict counts (a reviewer approves once).
                let target = ids[0]
                let verdicts = try await withThrowingTaskGroup(of: Int.self) { group in
                    for i in 0..<6 {
                        let (client, token) = i % 2 == 0 ? (a, first.reviewer) : (b, second.reviewer)
                        group.addTask {
                            let r = try await client.call(.post, "/api/v1/decisions/\(target)/approve", token: token, json: #"{"role":"security"}"#)
                            return Int(r.status.code)
                        }
                    }
                    var codes: [Int] = []
                    for try await code in group { codes.append(code) }
                    return codes
                }
                #expect(verdicts.filter { $0 == 200 }.count == 1, "\(verdicts)")
                #expect(verdicts.filter { $0 == 403 }.count == 5, "\(verdicts)")
                let shown = try await b.call(.get, "/api/v1/decisions/\(target)", token: second.reviewer)
                #expect((shown.json["approvals"] as? [Any])?.count == 1)
                // Both replicas try to start the cleared plan's apply at once: one may.
                let digest = try #require(shown.json["plan_digest"] as? String)
                let starts = try await withThrowingTaskGroup(of: Int.self) { group in
                    for i in 0..<6 {
                        let (client, token) = i % 2 == 0 ? (a, first.agent) : (b, second.agent)
                        group.addTask {
                            let r = try await client.call(.post, "/api/v1/applies", token: token, json: #"{"plan_digest":"\#(digest)"}"#)
                            return Int(r.status.code)
                        }
                    }
                    var codes: [Int] = []
                    for try await code in group { codes.append(code) }
                    return codes
                }
                #expect(starts.filter { $0 == 201 }.count == 1, "\(starts)")
                // One chain, verified from either replica.
                for (client, token) in [(a, first.reviewer), (b, second.reviewer)] {
                    let verify = try await client.call(.get, "/api/v1/audit/verify?signatures=every", token: token)
                    #expect(verify.json["valid"] as? Bool == true, "\(verify.text)")
                }
                let audit = try await a.call(.get, "/api/v1/audit?limit=1000", token: first.reviewer)
                let events = try #require(audit.json["events"] as? [[String: Any]])
                let sequences = events.compactMap { $0["seq"] as? Int }
                #expect(sequences == Array(1...sequences.count))
                #expect(events.filter { $0["kind"] as? String == "decision" }.count == 12)
            }
        }
        await first.service.close()
        await second.service.close()
    }

    static func header(_ fields: HTTPFields, _ name: String) -> String? {
        fields.first { $0.name.canonicalName == name.lowercased() }?.value
    }

    /// A receiver on loopback gets decision.created and approval.pending, each signed
    /// with HMAC-SHA256 over `<timestamp>.<body>`.
    @Test func webhooksArriveSignedWithHMAC() async throws {
        let received = Mutex<[(headers: HTTPFields, body: Data)]>([])
        let router = Router()
        router.post("/hook") { request, _ -> HTTPResponse.Status in
            var body = try await request.body.collect(upTo: 1 << 20)
            let data = Data(body.readBytes(length: body.readableBytes) ?? [])
            received.withLock { $0.append((request.headers, data)) }
            return .noContent
        }
        let receiver = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await receiver.test(.live) { hook in
            let port = try #require(hook.port)
            let secret = "s3cret-\(UUID().uuidString)"
            let server = try await ServerHarness.make(
                webhooks: [WebhookTarget(url: URL(string: "http://127.0.0.1:\(port)/hook")!, secret: secret)])
            try await server.test { client in
                let r = try await client.call(
                    .post, "/api/v1/plans?workspace=dev", token: server.agent, body: try ServerHarness.plan("iam-wildcard/plan.json"))
                let id = try APITests.decisionID(r)
                for _ in 0..<100 where received.withLock({ $0.count }) < 2 {
                    try await Task.sleep(nanoseconds: 50_000_000)
                }
                let deliveries = received.withLock { $0 }
                #expect(deliveries.count == 2)
                var events: [String] = []
                for delivery in deliveries {
                    let timestamp = try #require(Self.header(delivery.headers, "X-Airlock-Timestamp"))
                    let signature = try #require(Self.header(delivery.headers, "X-Airlock-Signature"))
                    var message = Data(timestamp.utf8)
                    message.append(UInt8(ascii: "."))
                    message.append(delivery.body)
                    let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
                    #expect(signature == "sha256=" + mac.map { String(format: "%02x", $0) }.joined())
                    let object = try #require(try JSONSerialization.jsonObject(with: delivery.body) as? [String: Any])
                    #expect(object["decision_id"] as? String == id)
                    #expect(object["actor"] as? String == "agent:claude-code")
                    events.append(try #require(Self.header(delivery.headers, "X-Airlock-Event")))
                }
                #expect(Set(events) == ["decision.created", "approval.pending"])
            }
        }
    }
}
