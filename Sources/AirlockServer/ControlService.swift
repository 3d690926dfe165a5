import Audit
import ControlPlane
import Foundation
import Gate
import Logging
import Store

/// What the server does, apart from HTTP: judge submitted plans, list and show decisions,
/// record verdicts, clear applies, and read the audit chain. The gate itself is
/// `GatePolicy.evaluate` (the CLI's code); every write goes to the database in one
/// transaction with its audit events, so an acknowledged decision or verdict is never
/// without its place in the chain, on any replica.
public final class ControlService: Sendable {
    public let settings: ServerSettings
    let pool: StorePool
    let signer: AuditSigner
    let metrics: ServerMetrics
    let webhooks: Webhooks
    let logger: Logger

    init(settings: ServerSettings, pool: StorePool, signer: AuditSigner, logger: Logger) {
        self.settings = settings
        self.pool = pool
        self.signer = signer
        self.metrics = ServerMetrics()
        self.webhooks = Webhooks(targets: settings.webhooks, logger: logger)
        self.logger = logger
    }

    /// Opens the store (migrating it), loads or creates the audit key, and logs the policy
    /// in force if this is the first time the database sees it.
    public static func start(settings: ServerSettings, logger: Logger) async throws -> ControlService {
        let pool = try await StorePool.open(location: settings.storeLocation, size: settings.poolSize)
        let signer = try AuditSigner.loadOrCreate(directory: settings.keyDirectory)
        let service = ControlService(settings: settings, pool: pool, signer: signer, logger: logger)
        try await service.recordPolicy()
        return service
    }

    public func close() async {
        await pool.close()
    }

    static let serverActor = Actor(kind: .ci, identity: "airlock-server", source: .apiToken)

    private func recordPolicy() async throws {
        let policy = settings.policy
        try await pool.withStore { store in
            if try await store.recordPolicy(
                digest: policy.digest, configurationPath: policy.configuration.path,
                configurationText: policy.configurationText, at: Date()) {
                let previous = try await store.previousPolicy(before: policy.digest)
                try await store.appendAudit(
                    [GateAudit.policyChange(policy, actor: Self.serverActor, previous: previous)], signer: signer, at: Date())
            }
        }
    }

    // MARK: Tokens

    func token(secret: String) async throws -> APIToken? {
        try await pool.withStore { try await $0.token(secret: secret) }
    }

    /// The actor a token stands for, with what the client says about its model and session.
    static func actor(for token: APIToken, model: String?, tool: String?, session: String?) throws -> Actor {
        let kind: Actor.Kind
        let identity: String
        do {
            (kind, identity) = try Actor.parseID(token.actorID)
        } catch {
            throw APIError.forbidden("bad_token", "The token \(token.name) names no valid actor (\(token.actorID)); revoke it and create another.")
        }
        return Actor(
            kind: kind, identity: identity, model: model, tool: tool, session: session, sponsor: token.sponsor, source: .apiToken)
    }

    // MARK: Submitting plans

    struct Submission: Sendable {
        var planJSON: [UInt8]
        var source: String
        var planFileDigest: String?
        var context: GateContext
        var model: String?
        var tool: String?
        var session: String?
    }

    struct DecisionRecord: Sendable {
        var decision: Decision
        var status: ApprovalStatus
        var approvals: [Approval]
        var findings: [ReviewFinding]
    }

    /// Scans and decides a plan for the token's actor, and records the decision with its
    /// findings and audit events in one transaction.
    func submit(_ submission: Submission, token: APIToken, baseURL: String) async throws -> DecisionRecord {
        let actor = try Self.actor(for: token, model: submission.model, tool: submission.tool, session: submission.session)
        let evaluation: GateEvaluation
        do {
            evaluation = try settings.policy.evaluate(
                planJSON: submission.planJSON, path: submission.source, planFileDigest: submission.planFileDigest,
                actor: actor, context: submission.context)
        } catch {
            throw APIError(.unprocessableContent, "invalid_plan", error.description)
        }
        let decision = evaluation.decision
        if !token.environments.isEmpty, !token.environments.contains(decision.environment?.name ?? "") {
            throw APIError.forbidden(
                "environment",
                "The token \(token.name) may submit plans for \(token.environments.joined(separator: ", ")) only; this plan is for "
                    + (decision.environment.map { "\($0.name) (\($0.because))" } ?? "no configured environment") + ".")
        }
        let findings = evaluation.findings
        try await pool.withStore { store in
            _ = try await store.save(decision, findings: Self.encode(findings), auditing: GateAudit.gateRun(evaluation, source: submission.source), signer: signer)
        }
        let status = ApprovalPolicy.status(of: decision, approvals: [], now: Date())
        metrics.recordDecision(decision, newFindings: decision.findings.new)
        let summary = "\(decision.actor.id) submitted a plan: \(decision.outcome.rawValue), risk \(decision.tier.rawValue)"
        webhooks.send(.decisionCreated, decision: decision, status: status, summary: summary, baseURL: baseURL)
        if status.state == .pending {
            webhooks.send(.approvalPending, decision: decision, status: status, summary: summary, baseURL: baseURL)
        }
        return DecisionRecord(decision: decision, status: status, approvals: [], findings: findings)
    }

    static func encode(_ findings: [ReviewFinding]) -> String {
        String(decoding: (try? JSONCoding.encoder.encode(findings)) ?? Data("[]".utf8), as: UTF8.self)
    }

    // MARK: Reading decisions

    func decision(id: String) async throws -> DecisionRecord {
        try await pool.withStore { store in
            guard let decision = try await store.decision(id: id) else {
                throw APIError.notFound("No decision \(id).")
            }
            let approvals = try await store.approvals(decisionID: id)
            let findingsText = try await store.findings(decisionID: id)
            let findings = findingsText.flatMap { try? JSONCoding.decoder.decode([ReviewFinding].self, from: Data($0.utf8)) } ?? []
            return DecisionRecord(
                decision: decision, status: ApprovalPolicy.status(of: decision, approvals: approvals, now: Date()),
                approvals: approvals, findings: findings)
        }
    }

    /// Waits up to `seconds` for a pending decision to be settled (approved, rejected or
    /// expired), polling the database so a verdict given on any replica is seen.
    func waitForDecision(id: String, seconds: Int) async throws -> DecisionRecord {
        let deadline = Date().addingTimeInterval(TimeInterval(min(max(seconds, 0), settings.maxWaitSeconds)))
        var record = try await decision(id: id)
        while record.status.state == .pending, Date() < deadline {
            try await Task.sleep(nanoseconds: 500_000_000)
            record = try await decision(id: id)
        }
        return record
    }

    /// Recent decisions with their live status, newest first; `state` filters by it.
    func decisions(state: ApprovalStatus.State?, limit: Int) async throws -> [(Decision, ApprovalStatus)] {
        try await pool.withStore { store in
            let now = Date()
            // Filtering happens after the status is computed, so read more than `limit`.
            let recent = try await store.recentDecisions(limit: state == nil ? limit : max(limit * 4, 200))
            var result: [(Decision, ApprovalStatus)] = []
            for decision in recent {
                let status = ApprovalPolicy.status(of: decision, approvals: try await store.approvals(decisionID: decision.id), now: now)
                if let state, status.state != state { continue }
                result.append((decision, status))
                if result.count == limit { break }
            }
            return result
        }
    }

    // MARK: Verdicts

    /// Records an approval or rejection by the token's human, under the approval policy
    /// and in one transaction with its audit event. A refusal is logged too, and thrown as 403.
    func review(
        decisionID: String, verdict: Approval.Verdict, token: APIToken, role: String?, comment: String?, baseURL: String
    ) async throws -> DecisionRecord {
        let reviewer = try Self.actor(for: token, model: nil, tool: nil, session: nil)
        guard reviewer.kind == .human else {
            throw APIError.forbidden("GATE201", "Only humans approve or reject; \(reviewer.id) is not a human.")
        }
        let approvalSettings = settings.policy.configuration.approvals
        let now = Date()
        let outcome: Result<(Decision, [Approval]), ApprovalRefusal> = try await pool.withStore { store in
            guard let decision = try await store.decision(id: decisionID) else {
                throw APIError.notFound("No decision \(decisionID).")
            }
            if !token.environments.isEmpty, !token.environments.contains(decision.environment?.name ?? "") {
                throw APIError.forbidden(
                    "environment",
                    "The token \(token.name) may review \(token.environments.joined(separator: ", ")) only; \(decisionID) is for \(decision.environment?.name ?? "no configured environment").")
            }
            let approval = Approval(
                id: Approval.newID(), decisionID: decisionID, verdict: verdict, reviewer: reviewer, role: role, comment: comment,
                planDigest: decision.planDigest, createdAt: now,
                expiresAt: now.addingTimeInterval(TimeInterval(approvalSettings.approvalLifetime)))
            do {
                let recorded = try await store.record(
                    approval,
                    check: { decision, existing in
                        try ApprovalPolicy.check(
                            reviewer: reviewer, role: role, verdict: verdict, decision: decision, existing: existing,
                            settings: approvalSettings, now: now)
                    },
                    auditing: { decision, approvals in
                        [GateAudit.verdict(approval, decision: decision, status: ApprovalPolicy.status(of: decision, approvals: approvals, now: now))]
                    },
                    signer: signer)
                return .success((recorded.0, recorded.1))
            } catch let refusal as ApprovalRefusal {
                try await store.appendAudit(
                    [GateAudit.refusedVerdict(verdict, reviewer: reviewer, role: role, decision: decision, refusal: refusal)],
                    signer: signer, at: now)
                return .failure(refusal)
            }
        }
        switch outcome {
        case .failure(let refusal):
            throw APIError.forbidden(refusal.code, refusal.message)
        case .success(let (decision, approvals)):
            let status = ApprovalPolicy.status(of: decision, approvals: approvals, now: now)
            if status.state != .pending {
                metrics.recordSettled(after: now.timeIntervalSince(decision.createdAt))
            }
            webhooks.send(
                .decisionReviewed, decision: decision, status: status,
                summary: "\(reviewer.id) \(verdict == .approve ? "approved" : "rejected") \(decision.id): now \(status.state.rawValue)",
                baseURL: baseURL)
            var record = try await self.decision(id: decisionID)
            record.status = status
            return record
        }
    }

    // MARK: Applies

    /// Whether a plan may be applied now, by the digest of its binary file or of its JSON.
    func clearance(planFileDigest: String?, planDigest: String?) async throws -> Clearance {
        try await pool.withStore { store in
            var candidates: [Decision] = []
            if let planFileDigest { candidates = try await store.decisions(planFileDigest: planFileDigest) }
            if candidates.isEmpty, let planDigest { candidates = try await store.decisions(planDigest: planDigest) }
            return try await Clearance.judge(candidates, in: store, now: Date())
        }
    }

    struct ApplyStart: Sendable {
        var applyID: String
        var decision: Decision
    }

    /// Records that an apply of a cleared plan starts, or refuses it (logged) when no
    /// decision clears the plan now.
    func startApply(planFileDigest: String?, planDigest: String?, source: String, token: APIToken) async throws -> ApplyStart {
        let actor = try Self.actor(for: token, model: nil, tool: nil, session: nil)
        return try await pool.withStore { store in
            var candidates: [Decision] = []
            if let planFileDigest { candidates = try await store.decisions(planFileDigest: planFileDigest) }
            if candidates.isEmpty, let planDigest { candidates = try await store.decisions(planDigest: planDigest) }
            let clearance = try await Clearance.judge(candidates, in: store, now: Date())
            guard let decision = clearance.decision else {
                try await store.appendAudit(
                    [GateAudit.applyRefused(clearance, actor: actor, source: source, planFileDigest: planFileDigest, planDigest: planDigest)],
                    signer: signer, at: Date())
                let why = candidates.isEmpty
                    ? "No decision was made for this exact plan; a plan changed after it was gated has a different digest."
                    : clearance.refusals.joined(separator: "; ")
                throw APIError(.conflict, clearance.pending ? "approval_pending" : "not_cleared", "No decision clears this plan. " + why)
            }
            let started: (id: String, events: [AuditEvent])
            do {
                started = try await store.recordApplyStarted(
                    decisionID: decision.id, planDigest: decision.planDigest, actor: actor.id, at: Date(),
                    auditing: { id in
                        [GateAudit.applyStarted(decision, actor: actor, source: source, applyID: id, planFileDigest: planFileDigest ?? "")]
                    },
                    signer: signer)
            } catch let error as StoreError where error.code == "STORE008" {
                var refused = clearance
                refused.refusals = [error.message]
                try await store.appendAudit(
                    [GateAudit.applyRefused(refused, actor: actor, source: source, planFileDigest: planFileDigest, planDigest: planDigest)],
                    signer: signer, at: Date())
                throw APIError(.conflict, "already_applied", error.message)
            }
            return ApplyStart(applyID: started.id, decision: decision)
        }
    }

    func finishApply(applyID: String, exitCode: Int32, source: String, token: APIToken) async throws {
        let actor = try Self.actor(for: token, model: nil, tool: nil, session: nil)
        try await pool.withStore { store in
            guard let apply = try await store.apply(id: applyID) else { throw APIError.notFound("No apply \(applyID).") }
            guard apply.actorID == actor.id else {
                throw APIError.forbidden("not_your_apply", "Apply \(applyID) was started by \(apply.actorID); only it can record the result.")
            }
            guard apply.finishedAt == nil else {
                throw APIError(.conflict, "apply_finished", "Apply \(applyID) already finished with exit code \(apply.exitCode ?? -1).")
            }
            guard let decision = try await store.decision(id: apply.decisionID) else { throw APIError.notFound("No decision \(apply.decisionID).") }
            try await store.recordApplyFinished(
                id: applyID, exitCode: exitCode, at: Date(),
                auditing: [GateAudit.applyFinished(decision, actor: actor, source: source, applyID: applyID, exitCode: exitCode, planFileDigest: decision.planFileDigest ?? "")],
                signer: signer)
        }
    }

    // MARK: Audit

    func auditEvents(after: Int, limit: Int) async throws -> [AuditEvent] {
        try await pool.withStore { try await $0.auditEvents(after: after, limit: limit) }
    }

    func verifyAudit(signatures: AuditSignatureCheck) async throws -> AuditVerification {
        try await pool.withStore { try await $0.verifyAudit(publicKeyPEM: signer.publicKeyPEM, signatures: signatures) }
    }

    /// Whether the database answers: the readiness probe.
    func ping() async -> Bool {
        (try? await pool.withStore { try await $0.auditCount() }) != nil
    }
}
