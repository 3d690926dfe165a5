import AirlockServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The REST API in process: a plan from an agent, separation of duties, the audit chain,
/// applies that happen once, tokens and roles.
@Suite struct APITests {
    static func decisionID(_ response: TestResponse) throws -> String {
        try #require(response.json["decision_id"] as? String)
    }

    @Test func agentPlanWaitsForASecurityReviewerNotItsSponsor() async throws {
        let server = try await ServerHarness.make()
        try await server.test { client in
            let submitted = try await client.call(
                .post, "/api/v1/plans?workspace=dev&model=claude-sonnet-4.5&session=s-42", token: server.agent,
                body: try ServerHarness.plan("iam-wildcard/plan.json"))
            #expect(submitted.status == .created, "\(submitted.text)")
            let id = try Self.decisionID(submitted)
            #expect(submitted.headers[.location] == "/api/v1/decisions/\(id)")
            #expect(submitted.json["decision"] as? String == "approval_required")
            let actor = try #require(submitted.json["actor"] as? [String: Any])
            #expect(actor["id"] as? String == "agent:claude-code")
            #expect(actor["on_behalf_of"] as? String == "human:alice")
            #expect(actor["model"] as? String == "claude-sonnet-4.5")
            #expect(actor["source"] as? String == "api_token")
            let findings = try #require(submitted.json["findings"] as? [[String: Any]])
            let admin = try #require(findings.first { $0["check"] as? String == "AL-AWS-IAM-001" })
            #expect(admin["resource"] as? String == "aws_iam_policy.admin")
            #expect(admin["path"] as? String == "policy")
            #expect((admin["value"] as? String)?.contains("\\\"Action\\\":\\\"*\\\"") == true)
            #expect((submitted.json["status"] as? [String: Any])?["state"] as? String == "pending")

            // Agents never approve; the sponsor may not approve the agent's change.
            let byAgent = try await client.call(.post, "/api/v1/decisions/\(id)/approve", token: server.agent, json: #"{"role":"security"}"#)
            #expect(byAgent.status == .forbidden)
            #expect(byAgent.errorCode == "role")
            let bySponsor = try await client.call(.post, "/api/v1/decisions/\(id)/approve", token: server.sponsor, json: #"{"role":"security"}"#)
            #expect(bySponsor.status == .forbidden, "\(bySponsor.text)")
            #expect(bySponsor.errorCode?.hasPrefix("GATE2") == true)

            let pending = try await client.call(.get, "/api/v1/decisions?state=pending", token: server.reviewer)
            let queue = try #require(pending.json["decisions"] as? [[String: Any]])
            #expect(queue.map { $0["decision_id"] as? String } == [id])

            let approved = try await client.call(
                .post, "/api/v1/decisions/\(id)/approve", token: server.reviewer, json: #"{"role":"security","comment":"scoped later"}"#)
            #expect(approved.status == .ok, "\(approved.text)")
            #expect((approved.json["status"] as? [String: Any])?["state"] as? String == "cleared")
            let approvals = try #require(approved.json["approvals"] as? [[String: Any]])
            #expect(approvals.count == 1)
            #expect((approvals[0]["reviewer"] as? [String: Any])?["id"] as? String == "human:bob")

            // Every step is in the chain, and the chain verifies.
            let verify = try await client.call(.get, "/api/v1/audit/verify", token: server.reviewer)
            #expect(verify.json["valid"] as? Bool == true, "\(verify.text)")
            let audit = try await client.call(.get, "/api/v1/audit?limit=100", token: server.reviewer)
            let kinds = try #require(audit.json["events"] as? [[String: Any]]).compactMap { $0["kind"] as? String }
            #expect(kinds == ["configuration_change", "scan", "decision", "approval", "approval"], "\(kinds)")
        }
    }

    @Test func aPlanAppliesOnceAndOnlyWhenCleared() async throws {
        let server = try await ServerHarness.make()
        try await server.test { client in
            let submitted = try await client.call(
                .post, "/api/v1/plans?workspace=dev", token: server.agent, body: try ServerHarness.plan("iam-wildcard/plan.json"))
            let id = try Self.decisionID(submitted)
            let digest = try #require(submitted.json["plan_digest"] as? String)
            let body = #"{"plan_digest":"\#(digest)","source":"plan.tfplan"}"#

            let early = try await client.call(.post, "/api/v1/applies", token: server.agent, json: body)
            #expect(early.status == .conflict)
            #expect(early.errorCode == "approval_pending")

            _ = try await client.call(.post, "/api/v1/decisions/\(id)/approve", token: server.reviewer, json: #"{"role":"security"}"#)
            let clearance = try await client.call(.get, "/api/v1/clearance?plan_digest=\(digest)", token: server.agent)
            #expect(clearance.json["cleared"] as? Bool == true)
            #expect(clearance.json["decision_id"] as? String == id)

            let started = try await client.call(.post, "/api/v1/applies", token: server.agent, json: body)
            #expect(started.status == .created, "\(started.text)")
            let applyID = try #require(started.json["apply_id"] as? String)
            // While it runs, nobody starts it again.
            let twice = try await client.call(.post, "/api/v1/applies", token: server.agent, json: body)
            #expect(twice.status == .conflict)
            #expect(twice.errorCode == "already_applied")
            // Only the actor that started it records its end.
            let other = try await client.call(.post, "/api/v1/applies/\(applyID)/finish", token: server.reviewer, json: #"{"exit_code":0}"#)
            #expect(other.status == .forbidden)
            let finished = try await client.call(.post, "/api/v1/applies/\(applyID)/finish", token: server.agent, json: #"{"exit_code":0}"#)
            #expect(finished.status == .ok, "\(finished.text)")
            let again = try await client.call(.post, "/api/v1/applies", token: server.agent, json: body)
            #expect(again.status == .conflict)
            let unknown = try await client.call(
                .post, "/api/v1/applies", token: server.agent,
                json: #"{"plan_digest":"sha256:\#(String(repeating: "0", count: 64))"}"#)
            #expect(unknown.status == .conflict)
            #expect(unknown.errorCode == "not_cleared")

            let audit = try await client.call(.get, "/api/v1/audit?after=5", token: server.reviewer)
            let kinds = try #require(audit.json["events"] as? [[String: Any]]).compactMap { $0["kind"] as? String }
            #expect(kinds.filter { $0 == "apply_started" }.count == 1)
            #expect(kinds.filter { $0 == "apply_finished" }.count == 1)
            #expect(kinds.filter { $0 == "apply_refused" }.count == 3)
            let verify = try await client.call(.get, "/api/v1/audit/verify?signatures=every", token: server.reviewer)
            #expect(verify.json["valid"] as? Bool == true, "\(verify.text)")
        }
    }

    @Test func tokensAreCheckedBeforeAnythingElse() async throws {
        let server = try await ServerHarness.make()
        try await server.test { client in
            let none = try await client.call(.get, "/api/v1/decisions")
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let forged = try await client.call(.get, "/api/v1/decisions", token: "alk_" + String(repeating: "A", count: 43))
            #expect(forged.status == .unauthorized)
            let basic = try await client.call(.get, "/api/v1/decisions", headers: [.authorization: "Basic YWxpY2U6cHc="])
            #expect(basic.status == .unauthorized)
            // Probes answer whatever a client sends.
            let health = try await client.call(.get, "/healthz", token: "nonsense")
            #expect(health.status == .ok)
            let ready = try await client.call(.get, "/readyz")
            #expect(ready.status == .ok)
            // Roles.
            let listAsAgent = try await client.call(.get, "/api/v1/tokens", token: server.agent)
            #expect(listAsAgent.status == .forbidden)
            let submitAsReviewer = try await client.call(
                .post, "/api/v1/plans", token: server.reviewer, body: try ServerHarness.plan("dev-tag-change/plan.json"))
            #expect(submitAsReviewer.status == .forbidden)

            // An admin makes a token; it works at once and stops at once when revoked.
            let made = try await client.call(
                .post, "/api/v1/tokens", token: server.admin,
                json: #"{"name":"ci","role":"agent","actor":"ci:github-actions","environments":["dev"]}"#)
            #expect(made.status == .created, "\(made.text)")
            let secret = try #require(made.json["secret"] as? String)
            let tokenID = try #require((made.json["token"] as? [String: Any])?["id"] as? String)
            let whoami = try await client.call(.get, "/api/v1/whoami", token: secret)
            #expect(whoami.json["actor"] as? String == "ci:github-actions")
            let listed = try await client.call(.get, "/api/v1/tokens", token: server.admin)
            #expect(!listed.text.contains(secret), "a token's secret is never shown again")
            let badRole = try await client.call(
                .post, "/api/v1/tokens", token: server.admin, json: #"{"name":"x","role":"root","actor":"human:x"}"#)
            #expect(badRole.errorCode == "bad_role")
            let agentReviewer = try await client.call(
                .post, "/api/v1/tokens", token: server.admin, json: #"{"name":"x","role":"reviewer","actor":"agent:x"}"#)
            #expect(agentReviewer.status == .badRequest, "an agent can never hold a reviewer token")
            let revoked = try await client.call(.delete, "/api/v1/tokens/\(tokenID)", token: server.admin)
            #expect(revoked.status == .ok)
            let after = try await client.call(.get, "/api/v1/whoami", token: secret)
            #expect(after.status == .unauthorized)
        }
    }

    @Test func aTokenLimitedToAnEnvironmentSubmitsOnlyThere() async throws {
        let server = try await ServerHarness.make()
        try await server.test { client in
            let made = try await client.call(
                .post, "/api/v1/tokens", token: server.admin,
                json: #"{"name":"prod-bot","role":"agent","actor":"agent:prod-bot","on_behalf_of":"human:dave","environments":["prod"]}"#)
            let secret = try #require(made.json["secret"] as? String)
            let dev = try await client.call(
                .post, "/api/v1/plans?workspace=dev", token: secret, body: try ServerHarness.plan("dev-tag-change/plan.json"))
            #expect(dev.status == .forbidden, "\(dev.text)")
            #expect(dev.errorCode == "environment")
            let prod = try await client.call(
                .post, "/api/v1/plans?workspace=prod", token: secret, body: try ServerHarness.plan("dev-tag-change/plan.json"))
            #expect(prod.status == .created, "\(prod.text)")
        }
    }

    @Test func badRequestsGetClearErrors() async throws {
        let server = try await ServerHarness.make()
        try await server.test { client in
            let notJSON = try await client.call(.post, "/api/v1/plans", token: server.agent, json: "{\"format_version\": ")
            #expect(notJSON.status == .unprocessableContent)
            #expect(notJSON.errorCode == "invalid_plan")
            #expect((notJSON.json["error"] as? [String: Any])?["message"] as? String != nil)
            let wrongType = try await client.call(
                .post, "/api/v1/plans", token: server.agent, body: ByteBuffer(string: "{}"), headers: [.contentType: "text/plain"])
            #expect(wrongType.status == .unsupportedMediaType)
            let empty = try await client.call(.post, "/api/v1/plans", token: server.agent, body: ByteBuffer(), headers: [.contentType: "application/json"])
            #expect(empty.status == .badRequest)
            let tooLarge = try await client.call(
                .post, "/api/v1/plans", token: server.agent, body: ByteBuffer(repeating: 0x20, count: 9 * 1024 * 1024))
            #expect(tooLarge.status == .contentTooLarge)
            let badDigest = try await client.call(.get, "/api/v1/clearance?plan_digest=md5:abc", token: server.agent)
            #expect(badDigest.errorCode == "bad_digest")
            let badLimit = try await client.call(.get, "/api/v1/decisions?limit=0", token: server.agent)
            #expect(badLimit.status == .badRequest)
            let missing = try await client.call(.get, "/api/v1/decisions/dec_nothing", token: server.agent)
            #expect(missing.status == .notFound)
            #expect(missing.errorCode == "not_found")
            let badReview = try await client.call(.post, "/api/v1/decisions/dec_nothing/approve", token: server.reviewer, json: "{role")
            #expect(badReview.errorCode == "malformed_json")
            let health = try await client.call(.get, "/healthz")
            #expect(health.status == .ok)
        }
    }

    @Test func metricsCountDecisionsFindingsAndAgents() async throws {
        let server = try await ServerHarness.make()
        try await server.test { client in
            _ = try await client.call(
                .post, "/api/v1/plans?workspace=dev", token: server.agent, body: try ServerHarness.plan("iam-wildcard/plan.json"))
            let metrics = try await client.call(.get, "/metrics")
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(metrics.text.contains(#"airlock_decisions_total{outcome="approval_required",actor_kind="agent"} 1"#), "\(metrics.text)")
            #expect(metrics.text.contains(#"airlock_findings_total{severity="critical"}"#))
            #expect(metrics.text.contains("airlock_agent_change_share_ratio 1.0"))
        }
    }
}
