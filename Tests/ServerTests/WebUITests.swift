import Foundation
import Gate
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AirlockServer

/// The web UI in process: sign-in, redirects, the queue, the decision page and its
/// verdict forms, the audit log and the dashboard, as a browser would see them.
@Suite struct WebUITests {
    @Test func pagesWithoutSessionRedirectToLogin() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            for path in ["/ui", "/ui/audit", "/ui/dashboard", "/ui/decisions/dec_x?reviewed=approve"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .seeOther, "\(path)")
                #expect(response.location == WebSession.loginURL(next: path), "\(path)")
            }
            // A stale cookie is not a session either, and the browser is told to drop it.
            let stale = try await client.execute(uri: "/ui", method: .get, headers: .session("alk_revoked"))
            #expect(stale.status == .seeOther)
            #expect(stale.headers[.setCookie]?.contains("Max-Age=0") == true)
        }
    }

    @Test func loginSetsCookieAndFollowsNext() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let form = try await client.execute(uri: "/ui/login?next=/ui/audit", method: .get)
            #expect(form.status == .ok)
            #expect(form.text.contains("name=\"token\""))
            #expect(form.text.contains("value=\"/ui/audit\""))

            let posted = try await client.execute(
                uri: "/ui/login", method: .post, headers: .form(nil), body: .form([("token", fixture.reviewer), ("next", "/ui/audit")]))
            #expect(posted.status == .seeOther)
            #expect(posted.location == "/ui/audit")
            #expect(posted.headers[.setCookie] == "airlock_session=\(fixture.reviewer); Path=/; HttpOnly; SameSite=Strict")

            let link = try await client.execute(uri: "/ui/login?token=\(fixture.reviewer)&next=/ui/dashboard", method: .get)
            #expect(link.status == .seeOther)
            #expect(link.location == "/ui/dashboard")
            #expect(link.headers[.setCookie]?.hasPrefix("airlock_session=\(fixture.reviewer);") == true)

            let page = try await client.execute(uri: "/ui", method: .get, headers: .session(fixture.reviewer))
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(page.text.contains("human:bob"))

            let logout = try await client.execute(uri: "/ui/logout", method: .post, headers: .form(fixture.reviewer))
            #expect(logout.status == .seeOther)
            #expect(logout.headers[.setCookie]?.contains("Max-Age=0") == true)
        }
    }

    @Test func badTokenShowsLoginWith401() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let posted = try await client.execute(
                uri: "/ui/login", method: .post, headers: .form(nil), body: .form([("token", "alk_not-a-token")]))
            #expect(posted.status == .unauthorized)
            #expect(posted.headers[.setCookie] == nil)
            #expect(posted.text.contains("That token is not valid"))
            let link = try await client.execute(uri: "/ui/login?token=nonsense", method: .get)
            #expect(link.status == .unauthorized)
        }
    }

    @Test(arguments: [
        "https://evil.example/", "//evil.example/ui", "/ui/../api/v1/tokens", "/\\evil.example", "/uix", "javascript:alert(1)",
        "/ui/\\evil.example", "/ui//evil.example",
    ])
    func loginNeverRedirectsOffTheUI(next: String) async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let encoded = WebSession.percentEncode(next).replacingOccurrences(of: "/", with: "%2F")
            let response = try await client.execute(uri: "/ui/login?token=\(fixture.reviewer)&next=\(encoded)", method: .get)
            #expect(response.status == .seeOther)
            #expect(response.location == "/ui")
        }
    }

    @Test func crossSiteFormsAreRefused() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let id = try await fixture.submitPlan(client)
            let response = try await client.execute(
                uri: "/ui/decisions/\(id)/approve", method: .post, headers: .form(fixture.reviewer, origin: "https://evil.example"),
                body: .form([("role", "security")]))
            #expect(response.status == .forbidden)
            #expect(response.text.contains("cross_site"))
            let record = try await fixture.service.decision(id: id)
            #expect(record.approvals.isEmpty)

            let login = try await client.execute(
                uri: "/ui/login", method: .post, headers: .form(nil, origin: "https://evil.example"), body: .form([("token", fixture.reviewer)]))
            #expect(login.status == .forbidden)
            #expect(login.headers[.setCookie] == nil)
        }
    }

    @Test func queueListsThePendingPlan() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let id = try await fixture.submitPlan(client)
            let page = try await client.execute(uri: "/ui", method: .get, headers: .session(fixture.reviewer))
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains(id))
            #expect(html.contains("AI agent"))
            #expect(html.contains("claude-code"))
            #expect(html.contains("claude-sonnet-4.5"))
            #expect(html.contains("on behalf of <strong>human:alice</strong>"))
            #expect(html.contains("Waiting for approval <span class=\"count\">1</span>"))
            #expect(html.contains("awaiting approval"))
        }
    }

    @Test func decisionPageShowsChangesFindingsAndButtonsToReviewer() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let id = try await fixture.submitPlan(client)
            let record = try await fixture.service.decision(id: id)
            let page = try await client.execute(uri: "/ui/decisions/\(id)", method: .get, headers: .session(fixture.reviewer))
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains(id))
            #expect(html.contains(record.decision.planDigest))
            #expect(html.contains("tier tier-\(record.decision.tier.rawValue)"))
            for item in record.decision.changes.items {
                #expect(html.contains(item.address))
            }
            let finding = try #require(record.findings.first { $0.isNew && !$0.path.isEmpty })
            #expect(html.contains(finding.check))
            #expect(html.contains(finding.path))
            for reason in record.decision.reasons {
                #expect(html.contains(reason.rule))
            }
            #expect(html.contains(">Approve</button>"))
            #expect(html.contains(">Reject</button>"))
            #expect(html.contains("formaction=\"/ui/decisions/\(id)/approve\""))
        }
    }

    @Test func agentSeesNoButtons() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let id = try await fixture.submitPlan(client)
            let page = try await client.execute(uri: "/ui/decisions/\(id)", method: .get, headers: .session(fixture.agent))
            #expect(page.status == .ok)
            #expect(!page.text.contains(">Approve</button>"))
            #expect(page.text.contains("Agents and CI jobs cannot approve"))

            // Posting anyway is refused on the page, not as JSON.
            let post = try await client.execute(uri: "/ui/decisions/\(id)/approve", method: .post, headers: .form(fixture.agent), body: .form([]))
            #expect(post.status == .forbidden)
            #expect(post.headers[.contentType] == "text/html; charset=utf-8")
            #expect(post.text.contains("banner-error"))
        }
    }

    @Test func reviewerApprovesThroughTheForm() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let id = try await fixture.submitPlan(client)
            let roles = try await fixture.service.decision(id: id).decision.approvals?.roles ?? []
            let response = try await client.execute(
                uri: "/ui/decisions/\(id)/approve", method: .post, headers: .form(fixture.reviewer, origin: "http://localhost"),
                body: .form([("role", roles.first ?? ""), ("comment", "Checked the policy document")]))
            #expect(response.status == .seeOther, "\(response.text)")
            #expect(response.location == "/ui/decisions/\(id)?reviewed=approve")

            let record = try await fixture.service.decision(id: id)
            #expect(record.approvals.map(\.reviewer.id) == ["human:bob"])
            #expect(record.approvals.first?.comment == "Checked the policy document")
            #expect(record.status.state == .cleared)

            let page = try await client.execute(uri: response.location ?? "", method: .get, headers: .session(fixture.reviewer))
            #expect(page.text.contains("Your approval was recorded."))
            #expect(page.text.contains("Checked the policy document"))
            #expect(page.text.contains("state state-cleared"))
        }
    }

    @Test func sponsorIsRefusedWithBanner() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let id = try await fixture.submitPlan(client)
            let page = try await client.execute(uri: "/ui/decisions/\(id)", method: .get, headers: .session(fixture.sponsor))
            #expect(page.text.contains(">Approve</button>"))
            let response = try await client.execute(
                uri: "/ui/decisions/\(id)/approve", method: .post, headers: .form(fixture.sponsor), body: .form([("role", "security")]))
            #expect(response.status == .forbidden)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("banner-error"))
            #expect(response.text.contains("GATE203"))
            #expect(response.text.contains("sponsors agent:claude-code"))
            #expect(try await fixture.service.decision(id: id).approvals.isEmpty)
        }
    }

    @Test func hostileCommentIsEscaped() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let id = try await fixture.submitPlan(client)
            let hostile = "<script>alert('x')</script> & \"quotes\""
            let response = try await client.execute(
                uri: "/ui/decisions/\(id)/reject", method: .post, headers: .form(fixture.reviewer), body: .form([("comment", hostile)]))
            #expect(response.status == .seeOther)
            let page = try await client.execute(uri: "/ui/decisions/\(id)", method: .get, headers: .session(fixture.reviewer))
            #expect(!page.text.contains("<script>"))
            #expect(page.text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
            #expect(page.text.contains("state state-rejected"))
            // The rejection reason is in the queue too, escaped there as well.
            let queue = try await client.execute(uri: "/ui", method: .get, headers: .session(fixture.reviewer))
            #expect(!queue.text.contains("<script>"))
        }
    }

    @Test func unknownDecisionIsAnHTML404() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let page = try await client.execute(uri: "/ui/decisions/dec_nothing", method: .get, headers: .session(fixture.reviewer))
            #expect(page.status == .notFound)
            #expect(page.text.contains("No decision dec_nothing."))
        }
    }

    @Test func auditPageShowsVerifiedChainNewestFirst() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let id = try await fixture.submitPlan(client)
            let page = try await client.execute(uri: "/ui/audit", method: .get, headers: .session(fixture.reviewer))
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("Chain verified ✓"))
            #expect(html.contains(id))
            let (events, total) = try await fixture.service.auditPage(before: nil, limit: 50)
            #expect(total >= 2)
            #expect(events.map(\.sequence) == Array((1...total).reversed()))
            let newest = try #require(html.range(of: ">\(total)</td>"))
            let oldest = try #require(html.range(of: ">1</td>"))
            #expect(newest.lowerBound < oldest.lowerBound)

            let older = try await fixture.service.auditPage(before: total, limit: 1)
            #expect(older.events.map(\.sequence) == [total - 1])
        }
    }

    @Test func dashboardShowsTheNumbers() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let id = try await fixture.submitPlan(client)
            let roles = try await fixture.service.decision(id: id).decision.approvals?.roles ?? []
            _ = try await client.execute(
                uri: "/ui/decisions/\(id)/approve", method: .post, headers: .form(fixture.reviewer), body: .form([("role", roles.first ?? "")]))
            let page = try await client.execute(uri: "/ui/dashboard", method: .get, headers: .session(fixture.reviewer))
            #expect(page.status == .ok)
            let html = page.text
            // One decision, by an agent: all changed resources are the agent's.
            #expect(html.contains("<span class=\"stat-value\">100%</span>"))
            #expect(html.contains("From the latest 1 decisions"))
            #expect(html.contains("over 1 approved decision(s)"))
            #expect(html.contains("class=\"fill fill-agent\" x=\"0\" y=\"0\" width=\"100.0\""))
            #expect(html.contains("<svg class=\"columns\""))
        }
    }

    @Test func stylesheetIsServed() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let css = try await client.execute(uri: "/static/airlock.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.text.contains(".tier-critical"))
        }
    }
}
