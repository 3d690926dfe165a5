/// The tier of a change and the factors that set it.
public struct RiskAssessment: Sendable, Hashable {
    public var tier: RiskTier
    /// Every factor, highest tier first; the first ones explain the tier.
    public var factors: [RiskFactor]

    public init(tier: RiskTier, factors: [RiskFactor]) {
        self.tier = tier
        self.factors = factors
    }

    public static func assess(
        changes: ChangeSet, findings: [AssessedFinding], environment: String?, actor: Actor, settings: RiskSettings
    ) -> RiskAssessment {
        var factors: [RiskFactor] = []
        for a in findings {
            let severity = a.finding.check.severity
            let tier = (a.isNew ? settings.newFindings[severity] : settings.existingFindings[severity]) ?? .low
            factors.append(RiskFactor(
                kind: a.isNew ? "new_finding" : "existing_finding", tier: tier,
                message: "\(a.isNew ? "new" : "existing") \(severity.rawValue.uppercased()) finding \(a.finding.check.id): \(a.finding.message)",
                address: a.finding.resource))
        }
        for change in changes.effective {
            if change.kind.destroys {
                let verb = change.kind == .delete ? "delete" : "replace"
                if change.isStateful {
                    factors.append(RiskFactor(
                        kind: "stateful_\(verb)", tier: change.kind == .delete ? settings.statefulDelete : settings.statefulReplace,
                        message: "\(verb) of stateful \(change.type): its data is lost unless restored", address: change.address))
                } else {
                    factors.append(RiskFactor(kind: verb, tier: settings.otherDelete, message: "\(verb) of \(change.type)", address: change.address))
                }
            }
            if let category = change.sensitiveCategory {
                factors.append(RiskFactor(
                    kind: "sensitive_change", tier: settings.sensitiveTier(category),
                    message: "\(change.kind.rawValue) of \(category) resource \(change.type)", address: change.address))
            }
        }
        let size = changes.effective.count
        if let threshold = settings.size.filter({ size >= $0.changes }).max(by: { $0.tier < $1.tier }) {
            factors.append(RiskFactor(kind: "size", tier: threshold.tier, message: "\(size) resource changes (at least \(threshold.changes))", address: nil))
        }
        var tier = factors.map(\.tier).max() ?? .low
        for escalation in settings.escalations {
            if let envs = escalation.environments, !(environment.map(envs.contains) ?? false) { continue }
            if let kinds = escalation.actorKinds, !kinds.contains(actor.kind) { continue }
            if tier == .low, !escalation.fromLow { continue }
            let raised = tier.raised(by: escalation.steps)
            guard raised != tier else { continue }
            var why: [String] = []
            if let environment, escalation.environments != nil { why.append("environment \(environment)") }
            if escalation.actorKinds != nil { why.append("actor is \(actor.kind.rawValue == "agent" ? "an agent" : "a " + actor.kind.rawValue)") }
            factors.append(RiskFactor(kind: "escalation", tier: raised, message: "raised from \(tier.rawValue) to \(raised.rawValue): \(why.joined(separator: ", "))", address: nil))
            tier = raised
        }
        factors.sort { $0.tier != $1.tier ? $0.tier > $1.tier : ($0.address ?? "") < ($1.address ?? "") }
        return RiskAssessment(tier: tier, factors: Self.capped(factors))
    }
}

extension RiskAssessment {
    /// How many factors a decision lists; the rest are counted in one closing factor, so a
    /// plan of thousands of resources does not make a decision of megabytes.
    public static let listedFactors = 50

    static func capped(_ factors: [RiskFactor]) -> [RiskFactor] {
        guard factors.count > listedFactors else { return factors }
        var kept = Array(factors.prefix(listedFactors - 1))
        let rest = factors.dropFirst(listedFactors - 1)
        var byKind: [String: Int] = [:]
        for f in rest { byKind[f.kind, default: 0] += 1 }
        let counts = byKind.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.replacingOccurrences(of: "_", with: " "))" }.joined(separator: ", ")
        kept.append(RiskFactor(kind: "more", tier: rest.map(\.tier).max() ?? .low, message: "\(rest.count) more factors: \(counts)", address: nil))
        return kept
    }
}

/// One reason a change is as risky as it is.
public struct RiskFactor: Sendable, Hashable, Codable {
    /// `new_finding`, `existing_finding`, `stateful_delete`, `stateful_replace`, `delete`,
    /// `replace`, `sensitive_change`, `size`, `escalation`.
    public var kind: String
    public var tier: RiskTier
    public var message: String
    public var address: String?

    public init(kind: String, tier: RiskTier, message: String, address: String?) {
        self.kind = kind
        self.tier = tier
        self.message = message
        self.address = address
    }
}
