import Audit
import Foundation
import Gate
import Policy

/// The audit records a gate run, a review and an apply leave, made in one place so the CLI
/// (which appends them to `audit.log`) and the server (which chains them in its database)
/// log the same events in the same words.
public enum GateAudit {
    public static func record(
        _ kind: AuditEventKind, actor: Actor, decision: Decision?, summary: String, details: [String: String] = [:]
    ) -> AuditRecord {
        AuditRecord(
            kind: kind, actor: actor.id, actorDetails: actor.details, planDigest: decision?.planDigest,
            policyDigest: decision?.policyDigest, decisionID: decision?.id, summary: summary, details: details)
    }

    /// A policy (configuration, checks, baseline) seen for the first time.
    public static func policyChange(_ policy: GatePolicy, actor: Actor, previous: String?) -> AuditRecord {
        let configuration = policy.configuration.path
        return AuditRecord(
            kind: .configurationChange, actor: actor.id, actorDetails: actor.details, planDigest: nil,
            policyDigest: policy.digest, decisionID: nil,
            summary: "policy in force: \(configuration ?? "the defaults (no airlock.yaml)"), \(policy.checkCount) checks"
                + (previous.map { ", replacing \($0.prefix(19))" } ?? ""),
            details: [
                "configuration": configuration ?? "", "previous_policy_digest": previous ?? "",
                "airlock_version": ReportTool.airlock.version,
            ])
    }

    /// The scan and the decision of one gate run, in the order they are logged.
    public static func gateRun(_ evaluation: GateEvaluation, source: String) -> [AuditRecord] {
        let decision = evaluation.decision
        return [
            record(
                .scan, actor: decision.actor, decision: decision,
                summary: "scanned \(source): \(evaluation.failedCount) failing findings on \(evaluation.resourceCount) resources",
                details: ["findings_failed": String(evaluation.failedCount), "resources": String(evaluation.resourceCount)]),
            record(
                .decision, actor: decision.actor, decision: decision,
                summary: "\(decision.outcome.rawValue) (risk \(decision.tier.rawValue)): \(decision.reasons.first?.message ?? "")",
                details: [
                    "outcome": decision.outcome.rawValue, "tier": decision.tier.rawValue,
                    "environment": decision.environment?.name ?? "", "plan_file_digest": decision.planFileDigest ?? "",
                    "rules": decision.reasons.map(\.rule).joined(separator: ","),
                ]),
        ]
    }

    /// A recorded verdict and where the decision stands after it.
    public static func verdict(_ approval: Approval, decision: Decision, status: ApprovalStatus) -> AuditRecord {
        let verb = approval.verdict == .approve ? "approved" : "rejected"
        return record(
            approval.verdict == .approve ? .approval : .rejection, actor: approval.reviewer, decision: decision,
            summary: "\(verb) \(decision.id)\(approval.role.map { " as \($0)" } ?? "")\(approval.comment.map { ": \($0)" } ?? "") — now \(status.state.rawValue)",
            details: [
                "approval_id": approval.id, "role": approval.role ?? "", "comment": approval.comment ?? "",
                "status": status.state.rawValue,
            ])
    }

    /// A verdict the approval policy refused (separation of duties, expired, rejected).
    public static func refusedVerdict(
        _ verdict: Approval.Verdict, reviewer: Actor, role: String?, decision: Decision, refusal: ApprovalRefusal
    ) -> AuditRecord {
        record(
            verdict == .approve ? .approval : .rejection, actor: reviewer, decision: decision,
            summary: "refused \(verdict.rawValue) of \(decision.id): \(refusal.message)",
            details: ["refused": refusal.code, "role": role ?? ""])
    }

    public static func applyStarted(_ decision: Decision, actor: Actor, source: String, applyID: String, planFileDigest: String) -> AuditRecord {
        record(
            .applyStarted, actor: actor, decision: decision, summary: "terraform apply \(source) under \(decision.id)",
            details: ["apply_id": applyID, "plan_file_digest": planFileDigest])
    }

    public static func applyFinished(_ decision: Decision, actor: Actor, source: String, applyID: String, exitCode: Int32, planFileDigest: String) -> AuditRecord {
        record(
            .applyFinished, actor: actor, decision: decision,
            summary: exitCode == 0 ? "applied \(source)" : "terraform apply failed with exit code \(exitCode)",
            details: ["apply_id": applyID, "exit_code": String(exitCode), "plan_file_digest": planFileDigest])
    }

    public static func applyRefused(_ clearance: Clearance, actor: Actor, source: String, planFileDigest: String?, planDigest: String?) -> AuditRecord {
        AuditRecord(
            kind: .applyRefused, actor: actor.id, actorDetails: actor.details,
            planDigest: planDigest ?? clearance.candidates.first?.planDigest, policyDigest: nil,
            decisionID: clearance.candidates.first?.id, summary: "apply of \(source) refused",
            details: ["plan_file_digest": planFileDigest ?? "", "why": clearance.refusals.joined(separator: " | ")])
    }
}
