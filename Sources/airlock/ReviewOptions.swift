import ArgumentParser
import Audit
import ControlPlane
import Foundation
import Gate
import Store

/// What `approve` and `reject` share: the decision, the reviewer, the role and a comment.
struct ReviewOptions: ParsableArguments {
    @Argument(help: "The decision ID that airlock gate printed (dec_...).")
    var decisionID: String

    @Option(name: .customLong("as"), help: ArgumentHelp("The reviewer: human:NAME (agents never review). With --server the token says who.", valueName: "human:NAME"))
    var reviewer: String?

    @Option(help: ArgumentHelp("The role the reviewer acts in (security, platform, ...).", valueName: "ROLE"))
    var role: String?

    @Option(help: ArgumentHelp("Why; recorded with the verdict.", valueName: "TEXT"))
    var comment: String?

    @Option(name: .customLong("chdir"), help: ArgumentHelp("The repository directory whose state to use (default: the current directory).", valueName: "DIR"))
    var chdir: String?

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var serverOptions: ServerOptions

    func validate() throws {
        if try serverOptions.client() != nil {
            guard reviewer == nil else { throw ValidationError("With --server the token says who reviews; drop --as.") }
            return
        }
        guard let reviewer else { throw ValidationError("Say who reviews: --as human:NAME.") }
        do {
            _ = try Actor.parseID(reviewer)
        } catch {
            throw ValidationError(error.message)
        }
    }

    /// Records the verdict under the store's transaction and in the audit log.
    func record(_ verdict: Approval.Verdict) async throws {
        if let client = try serverOptions.client() {
            try await recordOnServer(client, verdict)
            return
        }
        let directory = chdir ?? FileManager.default.currentDirectoryPath
        let (kind, identity) = try Actor.parseID(reviewer ?? "")
        let actor = Actor(kind: kind, identity: identity, source: .flags)
        let (configuration, _) = try storeOptions.configuration(for: directory)
        let now = Date()
        try await storeOptions.withStore(for: directory) { store in
            guard let decision = try await store.decision(id: decisionID) else {
                Terminal.writeStderr("error: no decision \(decisionID) in \(store.path); airlock gate prints the ID of each decision it makes.\n")
                throw ExitStatus.usage
            }
            let approval = Approval(
                id: Approval.newID(), decisionID: decisionID, verdict: verdict, reviewer: actor, role: role, comment: comment,
                planDigest: decision.planDigest, createdAt: now,
                expiresAt: now.addingTimeInterval(TimeInterval(configuration.approvals.approvalLifetime)))
            let recorded: (Decision, [Approval])
            do {
                recorded = try await store.record(approval) { decision, existing in
                    try ApprovalPolicy.check(
                        reviewer: actor, role: role, verdict: verdict, decision: decision, existing: existing,
                        settings: configuration.approvals, now: now)
                }
            } catch let refusal as ApprovalRefusal {
                Terminal.writeStderr("error[\(refusal.code)]: \(refusal.message)\n")
                let log = storeOptions.auditLog(for: directory)
                try AuditTrail.append(log, GateAudit.refusedVerdict(verdict, reviewer: actor, role: role, decision: decision, refusal: refusal))
                throw ExitStatus.denied
            }
            let status = ApprovalPolicy.status(of: recorded.0, approvals: recorded.1, now: now)
            let log = storeOptions.auditLog(for: directory)
            try AuditTrail.append(log, GateAudit.verdict(approval, decision: recorded.0, status: status))
            Terminal.writeStdout(DecisionRendering.text(recorded.0, status: status, color: Terminal.supportsColor(fileDescriptor: 1)))
        }
    }

    /// The server checks the token's human against the approval policy and records the verdict.
    func recordOnServer(_ client: ServerClient, _ verdict: Approval.Verdict) async throws {
        var body: [String: String] = [:]
        if let role { body["role"] = role }
        if let comment { body["comment"] = comment }
        let reply = try await client.send(
            "POST", "api/v1/decisions/\(decisionID)/\(verdict == .approve ? "approve" : "reject")",
            body: try JSONSerialization.data(withJSONObject: body))
        guard reply.isSuccess else {
            let (code, message) = reply.error
            Terminal.writeStderr("error[\(code)]: \(message)\n")
            throw reply.status == 403 ? ExitStatus.denied : ExitStatus.usage
        }
        let (decision, status) = try ServerClient.decision(from: reply)
        Terminal.writeStdout(DecisionRendering.text(decision, status: status, color: Terminal.supportsColor(fileDescriptor: 1)))
    }
}
