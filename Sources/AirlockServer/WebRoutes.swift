import Audit
import Foundation
import Gate
import Hummingbird
import Store

/// The web UI: server-rendered pages for reviewers (see Templates/), signed in with an API
/// token kept in a cookie. No JavaScript: every action is a form POST answered with 303.
///
/// CSRF: the session cookie is SameSite=Strict, so a browser does not send it with a
/// request another site starts, and every POST whose `Origin` header names another host
/// is refused before it is read (`WebSession.isCrossSite`).
struct WebRoutes {
    let service: ControlService
    /// Loaded once; a template that fails to parse makes every page a 500 with the reason.
    let renderer: Result<WebRenderer, WebRendererError>

    init(service: ControlService) {
        self.service = service
        do {
            renderer = .success(try WebRenderer.bundled())
        } catch let error as WebRendererError {
            renderer = .failure(error)
        } catch {
            renderer = .failure(WebRendererError("cannot load the web UI's templates: \(error)"))
        }
    }

    func register(on router: Router<AirlockRequestContext>) {
        router.get("/") { _, _ in Self.redirect(WebSession.home) }
        router.get("/static/airlock.css") { _, _ in try renderer.get().stylesheetResponse() }
        router.get("/ui/login", use: loginPage)
        router.post("/ui/login", use: login)
        router.post("/ui/logout", use: logout)
        router.get("/ui", use: queue)
        router.get("/ui/decisions/:id", use: decisionPage)
        router.post("/ui/decisions/:id/approve") { request, context in try await review(request, context, .approve) }
        router.post("/ui/decisions/:id/reject") { request, context in try await review(request, context, .reject) }
        router.get("/ui/audit", use: audit)
        router.get("/ui/dashboard", use: dashboard)
    }

    // MARK: Signing in and out

    @Sendable func loginPage(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let next = WebSession.safeNext(query.get("next"))
        // A link with the token in it (headless browsers, links handed out by hand) signs
        // in at once; otherwise show the form.
        if let secret = query.get("token"), !secret.isEmpty {
            return try await signIn(secret: secret, next: next)
        }
        return try renderer.get().page("login", WebLoginPage(next: next))
    }

    struct LoginForm: Decodable {
        var token: String?
        var next: String?
    }

    @Sendable func login(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        let form: LoginForm = try await Self.form(request, context: context)
        let next = WebSession.safeNext(form.next)
        if WebSession.isCrossSite(request) {
            return try renderer.get().page(
                "login", WebLoginPage(next: next, error: "This sign-in came from another site and was refused."), status: .forbidden)
        }
        return try await signIn(secret: form.token ?? "", next: next)
    }

    func signIn(secret: String, next: String) async throws -> Response {
        let secret = secret.trimmingCharacters(in: .whitespacesAndNewlines)
        // Only a token the store knows is ever put into a cookie; its secret is `alk_` and
        // base64url, so it needs no quoting there.
        guard !secret.isEmpty, try await service.token(secret: secret) != nil else {
            return try renderer.get().page(
                "login", WebLoginPage(next: next, error: "That token is not valid: it is unknown or was revoked."), status: .unauthorized)
        }
        var response = Self.redirect(next)
        response.headers[.setCookie] = WebSession.signInCookie(secret: secret)
        return response
    }

    @Sendable func logout(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        if WebSession.isCrossSite(request) { return try errorPage(403, "cross_site", "This request came from another site and was refused.", context.token) }
        var response = Self.redirect("/ui/login")
        response.headers[.setCookie] = WebSession.signOutCookie
        return response
    }

    /// The signed-in token; without one, throws the redirect to the sign-in page that
    /// comes back here.
    func session(_ request: Request, _ context: AirlockRequestContext) throws -> APIToken {
        if let token = context.token { return token }
        let here = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        // A cookie that no longer names a valid token (revoked): have the browser drop it.
        let stale = request.headers[.cookie]?.contains(WebSession.cookieName + "=") == true
        throw WebRedirect(location: WebSession.loginURL(next: WebSession.safeNext(here)), clearSession: stale)
    }

    // MARK: Pages

    @Sendable func queue(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        let token = try session(request, context)
        let pending = try await service.decisions(state: .pending, limit: 100)
        let recent = try await service.decisions(state: nil, limit: 50)
        return try renderer.get().page("queue", WebQueuePage(pending: pending, recent: recent, token: token, now: Date()))
    }

    @Sendable func decisionPage(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        let token = try session(request, context)
        let id = try context.parameters.require("id")
        var notice: WebBanner?
        switch request.uri.queryParameters.get("reviewed") {
        case "approve": notice = WebBanner(code: nil, message: "Your approval was recorded.")
        case "reject": notice = WebBanner(code: nil, message: "Your rejection was recorded.")
        default: break
        }
        return try await renderDecision(id: id, token: token, notice: notice)
    }

    func renderDecision(
        id: String, token: APIToken, error: WebBanner? = nil, notice: WebBanner? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let record: ControlService.DecisionRecord
        do {
            record = try await service.decision(id: id)
        } catch let error as APIError {
            return try errorPage(Int(error.status.code), error.code, error.message, token)
        }
        let roles = Array(service.settings.policy.configuration.approvals.roleMembers.keys)
        let page = WebDecisionPage(record, token: token, configuredRoles: roles, now: Date(), error: error, notice: notice)
        return try renderer.get().page("decision", page, status: status)
    }

    struct ReviewForm: Decodable {
        var role: String?
        var comment: String?
    }

    /// Approve or reject from the decision page. A refusal by the approval policy (GATE2xx)
    /// or by the token's role is shown on the decision page, with status 403, rather than
    /// as the API's JSON error.
    func review(_ request: Request, _ context: AirlockRequestContext, _ verdict: Approval.Verdict) async throws -> Response {
        let token = try session(request, context)
        let id = try context.parameters.require("id")
        if WebSession.isCrossSite(request) {
            return try await renderDecision(
                id: id, token: token, error: WebBanner(code: "cross_site", message: "This form was sent from another site and was refused."),
                status: .forbidden)
        }
        let form: ReviewForm = try await Self.form(request, context: context)
        guard token.role == .reviewer || token.role == .admin else {
            return try await renderDecision(
                id: id, token: token,
                error: WebBanner(code: "role", message: "The token \(token.name) has role \(token.role.rawValue); approving and rejecting needs reviewer or admin."),
                status: .forbidden)
        }
        let clean = { (text: String?) -> String? in
            guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return String(text.prefix(4000))
        }
        do {
            _ = try await service.review(
                decisionID: id, verdict: verdict, token: token, role: clean(form.role), comment: clean(form.comment),
                baseURL: APIRoutes.baseURL(request))
        } catch let error as APIError where error.status == .forbidden {
            return try await renderDecision(id: id, token: token, error: WebBanner(code: error.code, message: error.message), status: .forbidden)
        } catch let error as APIError {
            return try errorPage(Int(error.status.code), error.code, error.message, token)
        }
        return Self.redirect(WebFormat.decisionLink(id) + "?reviewed=" + verdict.rawValue)
    }

    @Sendable func audit(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        let token = try session(request, context)
        let before = request.uri.queryParameters.get("before").flatMap { Int($0) }.map { max(1, $0) }
        let (events, total) = try await service.auditPage(before: before, limit: WebAuditPage.pageSize)
        let verification = try await service.verifyAudit(signatures: .chainAnchored)
        return try renderer.get().page("audit", WebAuditPage(events: events, total: total, verification: verification, token: token))
    }

    /// How many recent decisions the dashboard sums up.
    static let dashboardWindow = 1000

    @Sendable func dashboard(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        let token = try session(request, context)
        let records = try await service.decisionsWithApprovals(limit: Self.dashboardWindow)
        let dashboard = Dashboard.make(records, now: Date())
        return try renderer.get().page("dashboard", WebDashboardPage(dashboard, token: token, window: Self.dashboardWindow))
    }

    // MARK: Helpers

    func errorPage(_ status: Int, _ code: String, _ message: String, _ token: APIToken?) throws -> Response {
        try renderer.get().page(
            "error", WebErrorPage(status: status, code: code, message: message, token: token),
            status: HTTPResponse.Status(code: status))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// Decodes a form-urlencoded body; forms are small, so at most 64 KiB is read.
    static func form<T: Decodable>(_ request: Request, context: AirlockRequestContext) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: 64 * 1024)
        } catch {
            throw APIError(.contentTooLarge, "too_large", "A form may be at most 64 KiB.")
        }
        do {
            return try URLEncodedFormDecoder().decode(T.self, from: String(buffer: buffer))
        } catch {
            throw APIError.badRequest("bad_form", "The form could not be read: \(error)")
        }
    }
}
