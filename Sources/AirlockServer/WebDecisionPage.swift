import ControlPlane
import Foundation
import Gate
import Policy
import Store

/// `GET /ui/decisions/{id}`: everything a reviewer needs to judge one decision, and the
/// form to give a verdict when the signed-in token may give one.
struct WebDecisionPage: Sendable {
    struct ReasonView: Sendable {
        var rule: String
        var outcome: String
        var outcomeLabel: String
        var message: String
        var address: String?
    }

    struct RiskFactorView: Sendable {
        var kind: String
        var tier: String
        var message: String
        var address: String?
    }

    struct ChangeGroup: Sendable {
        var action: String
        var label: String
        var count: Int
        /// Deletes and replacements destroy what exists: shown first and highlighted.
        var destructive: Bool
        var items: [Item]

        struct Item: Sendable {
            var address: String
            var type: String
        }
    }

    struct FindingView: Sendable {
        var check: String
        var title: String
        var severity: String
        var status: String
        var resource: String
        var path: String?
        var value: String?
        var message: String
        var isNew: Bool
    }

    struct ApprovalView: Sendable {
        var reviewer: String
        var verdict: String
        var isApprove: Bool
        var role: String?
        var comment: String?
        var at: String
        var counted: Bool
    }

    struct RoleOption: Sendable {
        var name: String
        var required: Bool
    }

    struct ReviewForm: Sendable {
        var approveAction: String
        var rejectAction: String
        var roles: [RoleOption]
        var hasRoles: Bool
    }

    var chrome: WebChrome
    var id: String
    var outcome: String
    var outcomeLabel: String
    var tier: String
    var state: String
    var stateLabel: String
    var actor: WebActor
    var environment: String?
    var environmentBecause: String?
    var reasons: [ReasonView]
    var hasReasons: Bool
    var riskFactors: [RiskFactorView]
    var hasRiskFactors: Bool
    var create: Int
    var update: Int
    var delete: Int
    var replace: Int
    var noOp: Int
    var changeGroups: [ChangeGroup]
    var findings: [FindingView]
    var newFindingCount: Int
    var existingFindingCount: Int
    var unknownFindingCount: Int
    var hasUnknownFindings: Bool
    var approvals: [ApprovalView]
    var required: String?
    var missing: [String]
    var hasMissing: Bool
    /// "Still missing" while a verdict can clear it; otherwise what stands in the way.
    var missingLabel: String
    var planDigest: String
    var planFileDigest: String?
    var policyDigest: String
    var terraformVersion: String?
    var createdAt: String
    var age: String
    var expiresAt: String
    var review: ReviewForm?
    var reviewNote: String?

    init(
        _ record: ControlService.DecisionRecord, token: APIToken, configuredRoles: [String], now: Date,
        error: WebBanner? = nil, notice: WebBanner? = nil
    ) {
        let decision = record.decision
        chrome = WebChrome(title: "Decision \(decision.id)", token: token, tab: .queue, error: error, notice: notice)
        id = decision.id
        outcome = decision.outcome.rawValue
        outcomeLabel = WebFormat.label(decision.outcome)
        tier = decision.tier.rawValue
        state = record.status.state.rawValue
        stateLabel = WebFormat.label(record.status.state)
        actor = WebActor(decision.actor)
        environment = decision.environment?.name
        environmentBecause = decision.environment?.because
        reasons = decision.reasons.map {
            ReasonView(rule: $0.rule, outcome: $0.outcome.rawValue, outcomeLabel: WebFormat.label($0.outcome), message: $0.message, address: $0.address)
        }
        hasReasons = !reasons.isEmpty
        riskFactors = decision.riskFactors.map { RiskFactorView(kind: $0.kind, tier: $0.tier.rawValue, message: $0.message, address: $0.address) }
        hasRiskFactors = !riskFactors.isEmpty

        let changes = decision.changes
        create = changes.create
        update = changes.update
        delete = changes.delete
        replace = changes.replace
        noOp = changes.noOp
        let order: [(ChangeKind, String)] = [(.delete, "Delete"), (.replace, "Replace"), (.update, "Update"), (.create, "Create")]
        changeGroups = order.compactMap { kind, label in
            let items = changes.items.filter { $0.action == kind }.map { ChangeGroup.Item(address: $0.address, type: $0.type) }
            guard !items.isEmpty else { return nil }
            return ChangeGroup(action: kind.rawValue, label: label, count: items.count, destructive: kind.destroys, items: items)
        }

        // New findings first, then by severity, then where they are.
        let rank = { (severity: String) in Severity(rawValue: severity)?.rank ?? -1 }
        findings = record.findings
            .sorted { ($0.isNew ? 0 : 1, -rank($0.severity), $0.resource, $0.path, $0.check) < ($1.isNew ? 0 : 1, -rank($1.severity), $1.resource, $1.path, $1.check) }
            .map {
                FindingView(
                    check: $0.check, title: $0.title, severity: $0.severity, status: $0.status, resource: $0.resource,
                    path: $0.path.isEmpty ? nil : $0.path, value: $0.value.map { WebFormat.truncated($0) }, message: $0.message,
                    isNew: $0.isNew)
            }
        newFindingCount = decision.findings.new.values.reduce(0, +)
        existingFindingCount = decision.findings.existing.values.reduce(0, +)
        unknownFindingCount = decision.findings.unknown
        hasUnknownFindings = unknownFindingCount > 0

        let counted = Set(record.status.counted.map(\.id))
        approvals = record.approvals.map {
            ApprovalView(
                reviewer: $0.reviewer.id, verdict: $0.verdict == .approve ? "approved" : "rejected", isApprove: $0.verdict == .approve,
                role: $0.role, comment: $0.comment, at: WebFormat.timestamp($0.createdAt), counted: counted.contains($0.id))
        }
        if let requirement = decision.approvals {
            let reviewers = "\(requirement.count) approval\(requirement.count == 1 ? "" : "s")"
            required = requirement.roles.isEmpty ? reviewers : reviewers + ", including the role\(requirement.roles.count == 1 ? "" : "s") " + requirement.roles.joined(separator: ", ")
        }
        missing = record.status.missing
        hasMissing = !missing.isEmpty
        missingLabel = record.status.state == .pending ? "Still missing" : "Why it is not cleared"

        planDigest = decision.planDigest
        planFileDigest = decision.planFileDigest
        policyDigest = decision.policyDigest
        terraformVersion = decision.terraformVersion
        createdAt = WebFormat.timestamp(decision.createdAt)
        age = WebFormat.age(of: decision.createdAt, now: now)
        expiresAt = WebFormat.timestamp(decision.expiresAt)

        // The form is offered to whoever could give a verdict: a person with a reviewer or
        // admin token, on a decision that asks for approval and is still open. Everything
        // else (a sponsor, a second approval by the same person) is the approval policy's
        // to refuse, and its refusal is shown as a banner with its GATE2xx code.
        let tokenKind = try? Actor.parseID(token.actorID).kind
        let openForVerdict = decision.outcome == .approvalRequired && (record.status.state == .pending || record.status.state == .cleared)
        if tokenKind != .human {
            reviewNote = "You are signed in as \(token.actorID). Agents and CI jobs cannot approve or reject changes; a human reviewer must."
        } else if token.role != .reviewer && token.role != .admin {
            reviewNote = "Your token's role (\(token.role.rawValue)) cannot give verdicts; a reviewer or admin token can."
        } else if !openForVerdict {
            reviewNote = "This decision is \(WebFormat.label(record.status.state)); there is nothing to approve."
        } else {
            let link = WebFormat.decisionLink(decision.id)
            let requiredRoles = decision.approvals?.roles ?? []
            let names = Array(Set(requiredRoles + configuredRoles)).sorted()
            let roles = names.map { RoleOption(name: $0, required: requiredRoles.contains($0)) }
            review = ReviewForm(approveAction: link + "/approve", rejectAction: link + "/reject", roles: roles, hasRoles: !roles.isEmpty)
        }
    }
}
