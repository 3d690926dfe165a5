import Foundation
import Policy
import Terraform

/// Decides a plan: reads its changes, weighs its findings, checks the actor's limits,
/// computes the tier and applies the rules. Pure: the caller brings the scan, the clock
/// and the ID, and records the result.
public struct GateEngine: Sendable {
    public var configuration: GateConfiguration
    /// `sha256:` of the configuration, checks and baseline in force (see `PolicyDigest`).
    public var policyDigest: String

    public init(configuration: GateConfiguration, policyDigest: String) {
        self.configuration = configuration
        self.policyDigest = policyDigest
    }

    /// Everything one decision is made from.
    public struct Input: Sendable {
        public var plan: Plan
        public var planDigest: String
        public var planFileDigest: String?
        public var actor: Actor
        public var context: GateContext
        /// The scan of the planned instances (baseline applied).
        public var findings: [Finding]
        /// The scan of the prior state's instances: what already failed before the change.
        public var priorFindings: [Finding]

        public init(
            plan: Plan, planDigest: String, planFileDigest: String? = nil, actor: Actor, context: GateContext = GateContext(),
            findings: [Finding], priorFindings: [Finding] = []
        ) {
            self.plan = plan
            self.planDigest = planDigest
            self.planFileDigest = planFileDigest
            self.actor = actor
            self.context = context
            self.findings = findings
            self.priorFindings = priorFindings
        }
    }

    public func decide(_ input: Input, id: String = Decision.newID(), now: Date = Date()) -> Decision {
        let changes = ChangeSet(plan: input.plan, configuration: configuration)
        let environment = ResolvedEnvironment.resolve(configuration.environments, context: input.context, changes: changes)
        let assessed = AssessedFinding.assess(findings: input.findings, prior: input.priorFindings, changes: changes)
        let touched = Set(changes.effective.map(\.address))
        let unknown = input.findings.filter { $0.status == .unknown && touched.contains($0.resource) }.count
        let risk = RiskAssessment.assess(
            changes: changes, findings: assessed, environment: environment?.name, actor: input.actor, settings: configuration.risk)

        var reasons: [Reason] = []
        if input.plan.errored == true {
            reasons.append(Reason(rule: "plan:errored", outcome: .deny, message: "Terraform reported errors while planning; such a plan cannot be applied. Fix the errors and plan again."))
        }
        if input.plan.complete == false {
            reasons.append(Reason(rule: "plan:incomplete", outcome: .approvalRequired, message: "The plan defers some changes to a later plan (complete = false); what it will finally do is not all here.", approvals: ApprovalRequirement()))
        }
        reasons += BlastRadius.check(
            configuration.actorLimits, actor: input.actor, changes: changes, environment: environment?.name, context: input.context)
        for rule in configuration.rules {
            let (holds, address) = rule.when.matches(
                tier: risk.tier, actor: input.actor, environment: environment?.name, changes: changes, findings: assessed)
            if holds { reasons.append(rule.reason(address: address)) }
        }
        if reasons.isEmpty {
            reasons.append(Reason(
                rule: "default", outcome: configuration.defaultOutcome,
                message: "No rule or limit applies; the default outcome is \(configuration.defaultOutcome.rawValue).",
                approvals: configuration.defaultOutcome == .approvalRequired ? ApprovalRequirement() : nil))
        }
        let outcome = reasons.map(\.outcome).max() ?? configuration.defaultOutcome
        var approvals: ApprovalRequirement?
        if outcome == .approvalRequired {
            for reason in reasons where reason.outcome == .approvalRequired {
                let requirement = reason.approvals ?? ApprovalRequirement()
                approvals = approvals.map { $0.merged(with: requirement) } ?? requirement
            }
        }
        // Strictest first, then in the order they were found, so the first reason explains the outcome.
        let ordered = reasons.enumerated().sorted { a, b in
            a.element.outcome != b.element.outcome ? a.element.outcome > b.element.outcome : a.offset < b.offset
        }.map(\.element)
        return Decision(
            id: id, outcome: outcome, tier: risk.tier, reasons: ordered, riskFactors: risk.factors, approvals: approvals,
            planDigest: input.planDigest, planFileDigest: input.planFileDigest, policyDigest: policyDigest, actor: input.actor,
            environment: environment, changes: ChangeSummary(changes), findings: FindingsSummary(assessed, unknown: unknown),
            createdAt: now, expiresAt: now.addingTimeInterval(TimeInterval(configuration.approvals.decisionLifetime)),
            terraformVersion: input.plan.terraformVersion)
    }
}
