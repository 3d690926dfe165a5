import Foundation

/// A reviewer's verdict on a decision, bound to the plan digest the reviewer saw.
public struct Approval: Sendable, Hashable, Codable {
    public enum Verdict: String, Sendable, Hashable, Codable {
        case approve, reject
    }

    public var id: String
    public var decisionID: String
    public var verdict: Verdict
    public var reviewer: Actor
    public var role: String?
    public var comment: String?
    /// The plan digest of the decision when the reviewer gave the verdict.
    public var planDigest: String
    public var createdAt: Date
    /// After this the approval no longer counts (rejections do not expire).
    public var expiresAt: Date

    enum CodingKeys: String, CodingKey {
        case id = "approval_id", decisionID = "decision_id", verdict, reviewer, role, comment
        case planDigest = "plan_digest", createdAt = "created_at", expiresAt = "expires_at"
    }

    public init(
        id: String, decisionID: String, verdict: Verdict, reviewer: Actor, role: String?, comment: String?, planDigest: String,
        createdAt: Date, expiresAt: Date
    ) {
        self.id = id
        self.decisionID = decisionID
        self.verdict = verdict
        self.reviewer = reviewer
        self.role = role
        self.comment = comment
        self.planDigest = planDigest
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    /// A new approval ID: `apr_` and 20 random base32 characters.
    public static func newID() -> String { randomID(prefix: "apr_") }
}

/// Why a reviewer may not give a verdict on a decision.
public struct ApprovalRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// `GATE201`…: stable codes for scripts.
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}

/// Where a decision stands: whether its plan may be applied now, and if not, what is missing.
public struct ApprovalStatus: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, Codable {
        /// Allowed by the gate, or approved by enough reviewers: apply may proceed.
        case cleared
        case pending
        case rejected
        case denied
        case expired
    }

    public var state: State
    /// What is still needed or what stands in the way, one line each.
    public var missing: [String]
    /// The approvals that count now.
    public var counted: [Approval]

    public var isCleared: Bool { state == .cleared }
}

/// Separation of duties and approval counting, the same for the CLI and the server.
public enum ApprovalPolicy {
    /// Checks that `reviewer` may give a verdict on `decision` in `role`, given the
    /// verdicts already recorded. Throws the refusal that says why not.
    public static func check(
        reviewer: Actor, role: String?, verdict: Approval.Verdict, decision: Decision, existing: [Approval],
        settings: ApprovalSettings, now: Date
    ) throws(ApprovalRefusal) {
        guard reviewer.kind == .human else {
            throw ApprovalRefusal(code: "GATE201", message: "\(reviewer.id) is \(reviewer.kind == .agent ? "an agent" : "a CI system"); only humans approve or reject changes.")
        }
        if reviewer.id == decision.actor.id {
            throw ApprovalRefusal(code: "GATE202", message: "\(reviewer.id) asked for this change and cannot review it; another reviewer must.")
        }
        if let sponsor = decision.actor.sponsor, sponsor == reviewer.id {
            throw ApprovalRefusal(code: "GATE203", message: "\(reviewer.id) sponsors \(decision.actor.id), which made this change, and cannot review it; another reviewer must.")
        }
        switch decision.outcome {
        case .deny:
            throw ApprovalRefusal(code: "GATE204", message: "Decision \(decision.id) is a deny; a denied plan cannot be approved. Change the plan and run the gate again.")
        case .allow:
            throw ApprovalRefusal(code: "GATE205", message: "Decision \(decision.id) was allowed without approval; there is nothing to approve.")
        case .approvalRequired: break
        }
        if now >= decision.expiresAt {
            throw ApprovalRefusal(code: "GATE206", message: "Decision \(decision.id) expired at \(timestamp(decision.expiresAt)); plan and run the gate again.")
        }
        if existing.contains(where: { $0.verdict == .reject }) {
            throw ApprovalRefusal(code: "GATE207", message: "Decision \(decision.id) was rejected; a rejected plan stays rejected. Plan again.")
        }
        if let role {
            if let members = settings.roleMembers[role], !members.contains(where: { $0.matches(reviewer.id) }) {
                throw ApprovalRefusal(code: "GATE208", message: "\(reviewer.id) is not a member of role \(role) in airlock.yaml (members: \(members.map(\.text).joined(separator: ", "))).")
            }
        }
        if verdict == .approve, existing.contains(where: { $0.verdict == .approve && $0.reviewer.id == reviewer.id && $0.expiresAt > now }) {
            throw ApprovalRefusal(code: "GATE209", message: "\(reviewer.id) has already approved decision \(decision.id); each approval must come from a different reviewer.")
        }
    }

    /// Whether the decision's plan may be applied at `now`, counting unexpired approvals
    /// from distinct reviewers, and for each required role at least one of its members.
    public static func status(of decision: Decision, approvals: [Approval], now: Date) -> ApprovalStatus {
        if now >= decision.expiresAt {
            return ApprovalStatus(state: .expired, missing: ["decision \(decision.id) expired at \(timestamp(decision.expiresAt)); plan and run the gate again"], counted: [])
        }
        switch decision.outcome {
        case .deny:
            return ApprovalStatus(state: .denied, missing: decision.reasons.filter { $0.outcome == .deny }.map(\.message), counted: [])
        case .allow:
            return ApprovalStatus(state: .cleared, missing: [], counted: [])
        case .approvalRequired: break
        }
        let bound = approvals.filter { $0.planDigest == decision.planDigest && $0.decisionID == decision.id }
        if let rejection = bound.first(where: { $0.verdict == .reject }) {
            return ApprovalStatus(state: .rejected, missing: ["rejected by \(rejection.reviewer.id)\(rejection.comment.map { ": \($0)" } ?? "")"], counted: [])
        }
        var byReviewer: [String: Approval] = [:]
        for a in bound where a.verdict == .approve && a.expiresAt > now { byReviewer[a.reviewer.id] = byReviewer[a.reviewer.id] ?? a }
        let counted = byReviewer.values.sorted { $0.createdAt < $1.createdAt }
        let requirement = decision.approvals ?? ApprovalRequirement()
        var missing: [String] = []
        if counted.count < requirement.count {
            let needed = requirement.count - counted.count
            missing.append("\(needed) more approval\(needed == 1 ? "" : "s") (\(counted.count) of \(requirement.count))")
        }
        for role in requirement.roles where !counted.contains(where: { $0.role == role }) {
            missing.append("an approval from the \(role) role")
        }
        let expired = bound.filter { $0.verdict == .approve && $0.expiresAt <= now }
        if !missing.isEmpty, !expired.isEmpty {
            missing.append("\(expired.count) earlier approval\(expired.count == 1 ? "" : "s") expired")
        }
        return ApprovalStatus(state: missing.isEmpty ? .cleared : .pending, missing: missing, counted: counted)
    }

    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter.string(from: date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withInternetDateTime])
    }
}
