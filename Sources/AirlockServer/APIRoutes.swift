import Audit
import ControlPlane
import Foundation
import Gate
import Hummingbird
import NIOCore
import Policy
import Store

/// The REST API under `/api/v1`, health and readiness, metrics, and the OpenAPI document.
/// `Sources/AirlockServer/Static/openapi.yaml` describes every route here; ServerTests
/// checks that the two agree.
struct APIRoutes {
    let service: ControlService

    func register(on router: Router<AirlockRequestContext>) {
        router.get("/healthz") { _, _ in try JSONCoding.response(["status": "ok"]) }
        router.get("/readyz") { _, _ in
            let ready = await service.ping()
            return try JSONCoding.response(
                ["status": ready ? "ready" : "database unavailable"], status: ready ? .ok : .serviceUnavailable)
        }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: service.metrics.text())))
        }
        router.get("/openapi.yaml") { _, _ in
            guard let url = Bundle.module.url(forResource: "Static/openapi", withExtension: "yaml"),
                  let data = try? Data(contentsOf: url)
            else { throw APIError.notFound("The OpenAPI document is not bundled with this build.") }
            return Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }

        let api = router.group("/api/v1")
        api.get("/whoami") { _, context in try JSONCoding.response(TokenView(try context.requireToken())) }
        api.post("/plans", use: submit)
        api.get("/decisions", use: listDecisions)
        api.get("/decisions/:id", use: showDecision)
        api.post("/decisions/:id/approve") { request, context in try await review(request, context, .approve) }
        api.post("/decisions/:id/reject") { request, context in try await review(request, context, .reject) }
        api.get("/clearance", use: clearance)
        api.post("/applies", use: startApply)
        api.post("/applies/:id/finish", use: finishApply)
        api.get("/audit", use: auditEvents)
        api.get("/audit/verify", use: verifyAudit)
        api.get("/audit/public-key") { _, context in
            _ = try context.requireToken()
            return Response(
                status: .ok, headers: [.contentType: "application/x-pem-file"],
                body: .init(byteBuffer: ByteBuffer(string: service.signer.publicKeyPEM)))
        }
        api.get("/configuration", use: configuration)
        api.get("/catalog", use: catalog)
        api.get("/tokens", use: listTokens)
        api.post("/tokens", use: createToken)
        api.delete("/tokens/:id", use: revokeToken)
    }

    // MARK: Plans and decisions

    @Sendable func submit(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        let token = try context.require(.agent)
        try Self.requireJSON(request)
        let body = try await Self.body(of: request, context: context)
        guard !body.isEmpty else { throw APIError.badRequest("empty_body", "The body must be a plan's JSON (terraform show -json PLANFILE).") }
        let query = request.uri.queryParameters
        let parameter = { (name: String) -> String? in query.get(name).flatMap { $0.isEmpty ? nil : $0 } }
        if let digest = parameter("plan_file_digest"), !Self.isDigest(digest) {
            throw APIError.badRequest("bad_digest", "plan_file_digest must be sha256: and 64 hex digits.")
        }
        let submission = ControlService.Submission(
            planJSON: body, source: parameter("source") ?? "plan.json", planFileDigest: parameter("plan_file_digest"),
            context: GateContext(
                workspace: parameter("workspace"), directory: parameter("directory"), account: parameter("account"),
                region: parameter("region")),
            model: parameter("model"), tool: parameter("tool"), session: parameter("session"))
        let record = try await service.submit(submission, token: token, baseURL: Self.baseURL(request))
        return JSONCoding.raw(
            Self.decisionJSON(record), status: .created, headers: [.location: "/api/v1/decisions/\(record.decision.id)"])
    }

    @Sendable func listDecisions(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        _ = try context.requireToken()
        let query = request.uri.queryParameters
        var state: ApprovalStatus.State?
        if let text = query.get("state"), !text.isEmpty {
            guard let parsed = ApprovalStatus.State(rawValue: text) else {
                throw APIError.badRequest("bad_state", "state must be one of pending, cleared, rejected, denied, expired.")
            }
            state = parsed
        }
        let limit = try Self.integer(query.get("limit"), name: "limit", default: 50, range: 1...500)
        let rows = try await service.decisions(state: state, limit: limit)
        return try JSONCoding.response(["decisions": rows.map { DecisionListItem($0.0, $0.1) }])
    }

    @Sendable func showDecision(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        _ = try context.requireToken()
        let id = try context.parameters.require("id")
        let wait = try Self.integer(request.uri.queryParameters.get("wait"), name: "wait", default: 0, range: 0...3600)
        let record = wait > 0 ? try await service.waitForDecision(id: id, seconds: wait) : try await service.decision(id: id)
        return JSONCoding.raw(Self.decisionJSON(record))
    }

    struct ReviewBody: Decodable {
        var role: String?
        var comment: String?
    }

    func review(_ request: Request, _ context: AirlockRequestContext, _ verdict: Approval.Verdict) async throws -> Response {
        let token = try context.require(.reviewer)
        let id = try context.parameters.require("id")
        let body: ReviewBody = try await Self.decodeOptional(request, context: context) ?? ReviewBody()
        let record = try await service.review(
            decisionID: id, verdict: verdict, token: token, role: body.role, comment: body.comment, baseURL: Self.baseURL(request))
        return JSONCoding.raw(Self.decisionJSON(record))
    }

    // MARK: Applies

    @Sendable func clearance(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        _ = try context.requireToken()
        let (fileDigest, jsonDigest) = try Self.digests(
            request.uri.queryParameters.get("plan_file_digest"), request.uri.queryParameters.get("plan_digest"))
        let clearance = try await service.clearance(planFileDigest: fileDigest, planDigest: jsonDigest)
        return try JSONCoding.response(ClearanceView(clearance))
    }

    struct StartApplyBody: Decodable {
        var planFileDigest: String?
        var planDigest: String?
        var source: String?

        enum CodingKeys: String, CodingKey {
            case planFileDigest = "plan_file_digest", planDigest = "plan_digest", source
        }
    }

    @Sendable func startApply(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        let token = try context.require(.agent, .reviewer)
        try Self.requireJSON(request)
        guard let body: StartApplyBody = try await Self.decodeOptional(request, context: context) else {
            throw APIError.badRequest("empty_body", "Send {\"plan_file_digest\": \"sha256:...\", \"plan_digest\": \"sha256:...\"}.")
        }
        let (fileDigest, jsonDigest) = try Self.digests(body.planFileDigest, body.planDigest)
        let start = try await service.startApply(
            planFileDigest: fileDigest, planDigest: jsonDigest, source: body.source ?? "plan", token: token)
        return try JSONCoding.response(
            ["apply_id": start.applyID, "decision_id": start.decision.id, "plan_digest": start.decision.planDigest], status: .created)
    }

    struct FinishApplyBody: Decodable {
        var exitCode: Int32
        var source: String?

        enum CodingKeys: String, CodingKey {
            case exitCode = "exit_code", source
        }
    }

    @Sendable func finishApply(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        let token = try context.require(.agent, .reviewer)
        try Self.requireJSON(request)
        guard let body: FinishApplyBody = try await Self.decodeOptional(request, context: context) else {
            throw APIError.badRequest("empty_body", "Send {\"exit_code\": N}.")
        }
        try await service.finishApply(
            applyID: try context.parameters.require("id"), exitCode: body.exitCode, source: body.source ?? "plan", token: token)
        return try JSONCoding.response(["status": "recorded"])
    }

    // MARK: Audit, configuration, catalog

    @Sendable func auditEvents(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        _ = try context.requireToken()
        let query = request.uri.queryParameters
        let after = try Self.integer(query.get("after"), name: "after", default: 0, range: 0...Int.max)
        let limit = try Self.integer(query.get("limit"), name: "limit", default: 100, range: 1...1000)
        let events = try await service.auditEvents(after: after, limit: limit)
        // AuditRendering.json is the CLI's `audit show --format json`: the same events, the same form.
        let body = "{\"events\":" + AuditRendering.json(events).trimmingCharacters(in: .whitespacesAndNewlines) + "}"
        return JSONCoding.raw(Data(body.utf8))
    }

    @Sendable func verifyAudit(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        _ = try context.requireToken()
        let signatures = request.uri.queryParameters.get("signatures") ?? "anchored"
        guard signatures == "every" || signatures == "anchored" || signatures.isEmpty else {
            throw APIError.badRequest("bad_parameter", "signatures must be every or anchored.")
        }
        let every = signatures == "every"
        let verification = try await service.verifyAudit(signatures: every ? .everyEvent : .chainAnchored)
        let body = AuditRendering.json(verification, logPath: "database:audit_events")
        return JSONCoding.raw(Data(body.utf8), status: .ok)
    }

    @Sendable func configuration(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        _ = try context.requireToken()
        let policy = service.settings.policy
        return try JSONCoding.response(ConfigurationView(
            policyDigest: policy.digest, path: policy.configuration.path, text: policy.configurationText,
            environments: policy.configuration.environments.map(\.name), checks: policy.checkCount,
            airlockVersion: ReportTool.airlock.version))
    }

    @Sendable func catalog(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        _ = try context.requireToken()
        let engine = service.settings.policy.engine
        let checks = (engine.checks.map(\.metadata) + engine.moduleChecks.map(\.metadata)).map(CheckView.init)
        return try JSONCoding.response(["checks": checks])
    }

    // MARK: Tokens

    @Sendable func listTokens(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        _ = try context.require(.admin)
        let tokens = try await service.pool.withStore { try await $0.tokens() }
        return try JSONCoding.response(["tokens": tokens.map(TokenView.init)])
    }

    struct CreateTokenBody: Decodable {
        var name: String
        var role: String
        var actor: String
        var onBehalfOf: String?
        var environments: [String]?

        enum CodingKeys: String, CodingKey {
            case name, role, actor, onBehalfOf = "on_behalf_of", environments
        }
    }

    @Sendable func createToken(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        _ = try context.require(.admin)
        try Self.requireJSON(request)
        guard let body: CreateTokenBody = try await Self.decodeOptional(request, context: context) else {
            throw APIError.badRequest("empty_body", "Send {\"name\", \"role\", \"actor\"}.")
        }
        guard let role = APIToken.Role(rawValue: body.role) else {
            throw APIError.badRequest("bad_role", "role must be agent, reviewer or admin (got \"\(body.role)\").")
        }
        do {
            let (token, secret) = try await service.pool.withStore {
                try await $0.createToken(
                    name: body.name, role: role, actorID: body.actor, sponsor: body.onBehalfOf,
                    environments: body.environments ?? [], at: Date())
            }
            return try JSONCoding.response(CreatedToken(token: TokenView(token), secret: secret), status: .created)
        } catch let error as StoreError {
            throw APIError.badRequest(error.code, error.message)
        }
    }

    @Sendable func revokeToken(_ request: Request, context: AirlockRequestContext) async throws -> Response {
        _ = try context.require(.admin)
        let id = try context.parameters.require("id")
        guard try await service.pool.withStore({ try await $0.revokeToken(id: id) }) else {
            throw APIError.notFound("No token \(id).")
        }
        return try JSONCoding.response(["status": "revoked", "id": id])
    }

    // MARK: Request helpers

    /// The body, refused with 413 past the server's limit (by Content-Length before reading,
    /// and while streaming for a chunked body).
    static func body(of request: Request, context: AirlockRequestContext) async throws -> [UInt8] {
        let limit = context.maxUploadSize
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError(.contentTooLarge, "too_large", "The body is \(length) bytes; this server accepts at most \(limit) (airlock serve --max-body-mb).")
        }
        do {
            var buffer = try await request.body.collect(upTo: limit)
            return buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "too_large", "The body is larger than this server accepts (\(limit) bytes).")
        }
    }

    static func requireJSON(_ request: Request) throws {
        let type = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard type == "application/json" else {
            throw APIError(
                .unsupportedMediaType, "unsupported_media_type",
                "Send the body as Content-Type: application/json (got \(request.headers[.contentType] ?? "none")).")
        }
    }

    /// Decodes a JSON body, or nil when there is none; malformed JSON is a 400 that says where.
    static func decodeOptional<T: Decodable>(_ request: Request, context: AirlockRequestContext) async throws -> T? {
        let bytes = try await body(of: request, context: context)
        guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return nil }
        try requireJSON(request)
        do {
            return try JSONCoding.decoder.decode(T.self, from: Data(bytes))
        } catch let DecodingError.dataCorrupted(context) {
            throw APIError.badRequest("malformed_json", "The body is not valid JSON: \(context.debugDescription) \(context.underlyingError.map { "(\($0))" } ?? "")")
        } catch let DecodingError.keyNotFound(key, _) {
            throw APIError.badRequest("missing_field", "The body lacks the field \"\(key.stringValue)\".")
        } catch let DecodingError.typeMismatch(_, context) {
            throw APIError.badRequest("bad_field", "The field \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type: \(context.debugDescription)")
        } catch {
            throw APIError.badRequest("bad_body", "The body cannot be read: \(error)")
        }
    }

    static func integer(_ text: String?, name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text, !text.isEmpty else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIError.badRequest("bad_parameter", "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return number
    }

    static func isDigest(_ text: String) -> Bool {
        text.hasPrefix("sha256:") && text.count == 71 && text.dropFirst(7).allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    static func digests(_ file: String?, _ json: String?) throws -> (String?, String?) {
        let file = file.flatMap { $0.isEmpty ? nil : $0 }
        let json = json.flatMap { $0.isEmpty ? nil : $0 }
        guard file != nil || json != nil else {
            throw APIError.badRequest("missing_digest", "Give plan_file_digest (the binary plan's sha256:) or plan_digest (its JSON's).")
        }
        for digest in [file, json].compactMap({ $0 }) where !isDigest(digest) {
            throw APIError.badRequest("bad_digest", "\(digest) is not sha256: and 64 lower-case hex digits.")
        }
        return (file, json)
    }

    static func baseURL(_ request: Request) -> String {
        let host = request.head.authority ?? "localhost"
        return "http://" + host
    }

    /// A decision as the CLI's `--format json` prints it, with its live status, the
    /// verdicts given and the findings behind it.
    static func decisionJSON(_ record: ControlService.DecisionRecord) -> Data {
        let base = Data(DecisionRendering.json(record.decision, status: record.status).utf8)
        guard var object = (try? JSONSerialization.jsonObject(with: base)) as? [String: Any],
              let approvals = try? JSONSerialization.jsonObject(with: DecisionRendering.compactEncoder.encode(record.approvals)),
              let findings = try? JSONSerialization.jsonObject(with: JSONCoding.encoder.encode(record.findings))
        else { return base }
        object["approvals"] = approvals
        object["findings"] = findings
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? base
    }
}

/// One row of `GET /api/v1/decisions`.
struct DecisionListItem: Encodable {
    var decisionID: String
    var outcome: String
    var tier: String
    var state: String
    var actor: String
    var actorKind: String
    var sponsor: String?
    var environment: String?
    var changes: ChangeSummaryView
    var newFindings: Int
    var createdAt: Date
    var planDigest: String

    init(_ decision: Decision, _ status: ApprovalStatus) {
        decisionID = decision.id
        outcome = decision.outcome.rawValue
        tier = decision.tier.rawValue
        state = status.state.rawValue
        actor = decision.actor.id
        actorKind = decision.actor.kind.rawValue
        sponsor = decision.actor.sponsor
        environment = decision.environment?.name
        changes = ChangeSummaryView(decision.changes)
        newFindings = decision.findings.newCount
        createdAt = decision.createdAt
        planDigest = decision.planDigest
    }

    enum CodingKeys: String, CodingKey {
        case decisionID = "decision_id", outcome = "decision", tier, state, actor, actorKind = "actor_kind", sponsor = "on_behalf_of", environment
        case changes, newFindings = "new_findings", createdAt = "created_at", planDigest = "plan_digest"
    }
}

struct ChangeSummaryView: Encodable {
    var create: Int
    var update: Int
    var delete: Int
    var replace: Int

    init(_ c: ChangeSummary) {
        create = c.create
        update = c.update
        delete = c.delete
        replace = c.replace
    }
}

struct ClearanceView: Encodable {
    var cleared: Bool
    var decisionID: String?
    var pending: Bool
    var candidates: [String]
    var refusals: [String]

    init(_ c: Clearance) {
        cleared = c.isCleared
        decisionID = c.decision?.id
        pending = c.pending
        candidates = c.candidates.map(\.id)
        refusals = c.refusals
    }

    enum CodingKeys: String, CodingKey {
        case cleared, decisionID = "decision_id", pending, candidates, refusals
    }
}

struct ConfigurationView: Encodable {
    var policyDigest: String
    var path: String?
    var text: String?
    var environments: [String]
    var checks: Int
    var airlockVersion: String

    enum CodingKeys: String, CodingKey {
        case policyDigest = "policy_digest", path, text, environments, checks, airlockVersion = "airlock_version"
    }
}

struct CheckView: Encodable {
    var id: String
    var title: String
    var severity: String

    init(_ m: CheckMetadata) {
        id = m.id
        title = m.title
        severity = m.severity.rawValue
    }
}

struct TokenView: Encodable {
    var id: String
    var name: String
    var role: String
    var actor: String
    var onBehalfOf: String?
    var environments: [String]
    var createdAt: Date
    var revokedAt: Date?

    init(_ t: APIToken) {
        id = t.id
        name = t.name
        role = t.role.rawValue
        actor = t.actorID
        onBehalfOf = t.sponsor
        environments = t.environments
        createdAt = t.createdAt
        revokedAt = t.revokedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, role, actor, onBehalfOf = "on_behalf_of", environments, createdAt = "created_at", revokedAt = "revoked_at"
    }
}

struct CreatedToken: Encodable {
    var token: TokenView
    /// Shown once; only its SHA-256 is stored.
    var secret: String
}
