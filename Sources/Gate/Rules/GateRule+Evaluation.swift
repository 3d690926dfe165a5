extension RuleCondition {
    /// Whether the condition holds for a change, and the address of the changed resource
    /// that met its resource conditions (nil when it has none).
    func matches(
        tier: RiskTier, actor: Actor, environment: String?, changes: ChangeSet, findings: [AssessedFinding]
    ) -> (holds: Bool, address: String?) {
        if let tiers, !tiers.contains(tier) { return (false, nil) }
        if let actorKinds, !actorKinds.contains(actor.kind) { return (false, nil) }
        if let actors, !actors.contains(where: { $0.matches(actor.id) }) { return (false, nil) }
        if let environments, !(environment.map(environments.contains) ?? false) { return (false, nil) }
        if let severities = newFindingSeverities {
            guard findings.contains(where: { $0.isNew && severities.contains($0.finding.check.severity.rawValue) }) else { return (false, nil) }
        }
        guard hasResourceConditions else { return (true, nil) }
        let hit = changes.effective.first { change in
            if let actions, !actions.contains(change.kind) { return false }
            if let resourceTypes, !resourceTypes.contains(where: { $0.matches(change.type) }) { return false }
            if let stateful, change.isStateful != stateful { return false }
            if let sensitive, (change.sensitiveCategory != nil) != sensitive { return false }
            if let categories = sensitiveCategories, !(change.sensitiveCategory.map(categories.contains) ?? false) { return false }
            return true
        }
        return (hit != nil, hit?.address)
    }
}

extension GateRule {
    /// The message when the rule fires: the configured one, else one built from the conditions.
    func reason(address: String?) -> Reason {
        Reason(
            rule: "rule:\(name)", outcome: outcome,
            message: message ?? "rule \(name) asks for \(outcome.rawValue.replacingOccurrences(of: "_", with: " "))",
            address: address, approvals: outcome == .approvalRequired ? (approvals ?? ApprovalRequirement()) : nil)
    }
}
