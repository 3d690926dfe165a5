import Policy
import Yams

/// One reader per section of `airlock.yaml` (docs/airlock-yaml.md has a heading for each).
extension ConfigurationReader {
    // MARK: environments

    static let environmentKeys = ["workspaces", "directories", "accounts", "regions"]

    /// An ordered mapping, because the first environment a plan matches is its environment.
    mutating func environments(_ entry: Entry) -> [EnvironmentDefinition]? {
        guard let pairs = pairs(entry, hint: "It maps each environment's name to its selectors, most sensitive first: write `prod:` with `workspaces:` under it, not `- name: prod`.") else { return nil }
        var result: [EnvironmentDefinition] = []
        for (name, child) in pairs {
            var definition = EnvironmentDefinition(name: name, line: (child.key ?? child.value).mark?.line)
            let reported = diagnostics.count
            if let fields = fields(child, allowed: Self.environmentKeys) {
                if let e = fields["workspaces"] { definition.workspaces = globs(e) ?? [] }
                if let e = fields["directories"] { definition.directories = globs(e) ?? [] }
                if let e = fields["accounts"] { definition.accounts = accounts(e) ?? [] }
                if let e = fields["regions"] { definition.regions = globs(e) ?? [] }
                // A selector that failed to read has its own error; this is for ones left out.
                if definition.workspaces.isEmpty, definition.directories.isEmpty, definition.accounts.isEmpty,
                    definition.regions.isEmpty, diagnostics.count == reported {
                    report(.environmentNeverMatches, child.key ?? child.value, "Environment \"\(name)\" has no selectors",
                           "A plan belongs to an environment when its workspace, directory, account or region matches; \"\(name)\" lists none, so no plan will ever be in it. Add `workspaces:`, `directories:`, `accounts:` or `regions:`.")
                }
            }
            result.append(definition)
        }
        return result
    }

    // MARK: actors

    static let actorKeys = ["match", "on_violation", "limits"]
    static let limitKeys = [
        "resource_types", "providers", "accounts", "regions", "environments", "max_changes", "max_deletes",
        "max_replacements", "protect_stateful", "instance_types", "max_instance_size",
    ]

    mutating func actors(_ entry: Entry) -> [ActorLimits] {
        guard let items = items(entry) else { return [] }
        var result: [ActorLimits] = []
        for item in items {
            guard let fields = fields(item, allowed: Self.actorKeys) else { continue }
            guard let matchEntry = fields["match"] else {
                missing("match", in: item, example: "match: [\"agent:*\"]", why: "it says which actors the limits apply to")
                continue
            }
            let patterns = actorPatterns(matchEntry)
            var onViolation = Outcome.deny
            if let e = fields["on_violation"], let outcome = choice(e, of: Outcome.self, allowed: [.deny, .approvalRequired]) {
                onViolation = outcome
            }
            let limits = fields["limits"].map { self.limits($0) } ?? BlastRadiusLimits()
            if let patterns {
                result.append(ActorLimits(actors: patterns, limits: limits, onViolation: onViolation, line: item.value.mark?.line))
            }
        }
        return result
    }

    private mutating func limits(_ entry: Entry) -> BlastRadiusLimits {
        var limits = BlastRadiusLimits()
        guard let fields = fields(entry, allowed: Self.limitKeys) else { return limits }
        if let e = fields["resource_types"] { limits.resourceTypes = allowDeny(e) }
        if let e = fields["providers"] { limits.providers = globs(e) }
        if let e = fields["accounts"] { limits.accounts = accounts(e) }
        if let e = fields["regions"] { limits.regions = globs(e) }
        if let e = fields["environments"] { limits.environments = environmentNames(e, fromLimits: true) }
        if let e = fields["max_changes"] { limits.maxChanges = integer(e, minimum: 0) }
        if let e = fields["max_deletes"] { limits.maxDeletes = integer(e, minimum: 0) }
        if let e = fields["max_replacements"] { limits.maxReplacements = integer(e, minimum: 0) }
        if let e = fields["protect_stateful"] { limits.protectStateful = boolean(e) }
        if let e = fields["instance_types"] { limits.instanceTypes = allowDeny(e) }
        if let e = fields["max_instance_size"] { limits.maxInstanceSize = instanceSize(e) }
        return limits
    }

    private mutating func allowDeny(_ entry: Entry) -> AllowDeny? {
        if case .sequence = entry.value {
            wrongType(entry, expected: "a mapping", hint: "Say which list this is: `{allow: [...]}` for the only ones permitted, `{deny: [...]}` for ones never permitted.")
            return nil
        }
        guard let fields = fields(entry, allowed: ["allow", "deny"]) else { return nil }
        return AllowDeny(allow: fields["allow"].flatMap { globs($0) } ?? [], deny: fields["deny"].flatMap { globs($0) } ?? [])
    }

    /// A size such as `xlarge` or `4xlarge`, checked with the same table the limit uses.
    private mutating func instanceSize(_ entry: Entry) -> String? {
        guard let text = string(entry) else { return nil }
        if ParsedInstanceType.capacity(ofSize: text) != nil { return text }
        let size = text.split(separator: ".").last.map(String.init) ?? text
        let hint = size != text && ParsedInstanceType.capacity(ofSize: size) != nil ? " Write only the size: `\(size)`." : ""
        report(.invalidInstanceSize, entry.value, "\"\(text)\" is not an instance size",
               "max_instance_size is the size part of an instance type: nano, micro, small, medium, large, xlarge, 2xlarge, 4xlarge, …, metal.\(hint)")
        return nil
    }

    // MARK: risk

    static let riskKeys = [
        "new_findings", "existing_findings", "stateful_delete", "stateful_replace", "other_delete", "sensitive_change",
        "size", "escalations",
    ]

    /// Each key left out keeps its default; within `new_findings`, `existing_findings` and
    /// `sensitive_change`, each severity or category left out keeps its default too.
    mutating func risk(_ entry: Entry) -> RiskSettings {
        var risk = RiskSettings()
        guard let fields = fields(entry, allowed: Self.riskKeys) else { return risk }
        if let e = fields["new_findings"] { risk.newFindings.merge(severityTiers(e)) { $1 } }
        if let e = fields["existing_findings"] { risk.existingFindings.merge(severityTiers(e)) { $1 } }
        if let e = fields["stateful_delete"], let tier = choice(e, of: RiskTier.self) { risk.statefulDelete = tier }
        if let e = fields["stateful_replace"], let tier = choice(e, of: RiskTier.self) { risk.statefulReplace = tier }
        if let e = fields["other_delete"], let tier = choice(e, of: RiskTier.self) { risk.otherDelete = tier }
        if let e = fields["sensitive_change"], let pairs = pairs(e) {
            for (name, child) in pairs {
                if name != "default" { categoryReferences.append((name, child.key ?? child.value)) }
                if let tier = choice(child, of: RiskTier.self) { risk.sensitiveChange[name] = tier }
            }
        }
        if let e = fields["size"] { risk.size = sizeThresholds(e) }
        if let e = fields["escalations"] { risk.escalations = escalations(e) }
        return risk
    }

    private mutating func severityTiers(_ entry: Entry) -> [Severity: RiskTier] {
        var result: [Severity: RiskTier] = [:]
        guard let pairs = pairs(entry) else { return result }
        let names = Severity.allCases.map(\.rawValue)
        for (name, child) in pairs {
            guard let severity = Severity(rawValue: name) else {
                report(.unknownKey, child.key ?? child.value, "Unknown severity \"\(name)\" in \(entry.path)",
                       "\(entry.path) maps finding severities (\(names.joined(separator: ", "))) to tiers.\(didYouMean(name, among: names))")
                continue
            }
            if let tier = choice(child, of: RiskTier.self) { result[severity] = tier }
        }
        return result
    }

    private mutating func sizeThresholds(_ entry: Entry) -> [SizeThreshold] {
        guard let items = items(entry) else { return [] }
        var result: [SizeThreshold] = []
        for item in items {
            guard let fields = fields(item, allowed: ["changes", "tier"]) else { continue }
            guard let changesEntry = fields["changes"] else {
                missing("changes", in: item, example: "changes: 50", why: "it is the number of changed resources at which the tier applies")
                continue
            }
            guard let tierEntry = fields["tier"] else {
                missing("tier", in: item, example: "tier: medium", why: "it is the tier a change that large gets at least")
                continue
            }
            if let changes = integer(changesEntry, minimum: 1), let tier = choice(tierEntry, of: RiskTier.self) {
                result.append(SizeThreshold(changes: changes, tier: tier))
            }
        }
        return result
    }

    private mutating func escalations(_ entry: Entry) -> [Escalation] {
        guard let items = items(entry) else { return [] }
        var result: [Escalation] = []
        for item in items {
            guard let fields = fields(item, allowed: ["environments", "actor_kinds", "steps", "from_low"]) else { continue }
            var escalation = Escalation()
            if let e = fields["environments"] { escalation.environments = environmentNames(e, fromLimits: false) }
            if let e = fields["actor_kinds"] { escalation.actorKinds = choices(e, of: Actor.Kind.self) }
            if let e = fields["steps"], let steps = integer(e, minimum: 1) { escalation.steps = steps }
            if let e = fields["from_low"], let fromLow = boolean(e) { escalation.fromLow = fromLow }
            result.append(escalation)
        }
        return result
    }

    // MARK: rules

    static let ruleKeys = ["name", "when", "outcome", "approvals", "message"]
    static let conditionKeys = [
        "tier", "actor_kind", "actor", "environment", "action", "resource_type", "stateful", "sensitive",
        "sensitive_category", "new_finding_severity",
    ]

    mutating func rules(_ entry: Entry) -> [GateRule] {
        guard let items = items(entry) else { return [] }
        var result: [GateRule] = []
        var firstLines: [String: Int] = [:]
        for item in items {
            let (name, nameNode, rule) = self.rule(item)
            // A name counts as taken even when the rest of its rule has errors.
            if let name, let nameNode {
                if let line = firstLines[name] {
                    report(.duplicateRuleName, nameNode, "Duplicate rule name \"\(name)\"",
                           "A rule named \"\(name)\" is already defined at line \(line). Decisions and the audit log name the rule that fired, so names must be unique: rename one of them.")
                    continue
                }
                firstLines[name] = item.value.mark?.line ?? 1
            }
            if let rule { result.append(rule) }
        }
        return result
    }

    /// The rule, or nil when it has errors; its name (and where it is) when that much reads.
    private mutating func rule(_ item: Entry) -> (name: String?, nameNode: Node?, rule: GateRule?) {
        guard let fields = fields(item, allowed: Self.ruleKeys) else { return (nil, nil, nil) }
        var name: String?
        if let e = fields["name"], let text = string(e) {
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                report(.invalidValue, e.value, "A rule name is empty",
                       "Decisions and the audit log name the rule that fired; give the rule a short unique name such as `agents-no-destroy-in-prod`.")
            } else {
                name = text
            }
        } else if fields["name"] == nil {
            missing("name", in: item, example: "name: agents-no-destroy-in-prod", why: "decisions and the audit log name the rule that fired")
        }
        let path = name.map { "rule \"\($0)\"" } ?? item.path
        var outcome: Outcome?
        if let e = fields["outcome"] {
            outcome = choice(Entry(key: e.key, value: e.value, path: "\(path).outcome"), of: Outcome.self)
        } else {
            missing("outcome", in: item, example: "outcome: approval_required", why: "it is what the rule asks for when it matches (allow, approval_required or deny)")
        }
        let when = fields["when"].map { condition(Entry(key: $0.key, value: $0.value, path: "\(path).when")) } ?? RuleCondition()
        var approvals: ApprovalRequirement?
        if let e = fields["approvals"] {
            let requirement = approvalRequirement(Entry(key: e.key, value: e.value, path: "\(path).approvals"))
            if let outcome, outcome != .approvalRequired {
                report(.approvalsIgnored, e.key ?? e.value, "approvals has no effect on a rule whose outcome is \(outcome.rawValue)",
                       "Only a rule with `outcome: approval_required` asks for approvals; this one \(outcome == .deny ? "denies" : "allows") outright, so its approvals are ignored. Remove them, or change the outcome to approval_required.")
            } else {
                approvals = requirement
            }
        }
        let message = fields["message"].flatMap { string($0) }
        guard let name, let outcome else { return (name, fields["name"]?.value, nil) }
        let rule = GateRule(name: name, when: when, outcome: outcome, approvals: approvals, message: message, line: item.value.mark?.line)
        return (name, fields["name"]?.value, rule)
    }

    private mutating func condition(_ entry: Entry) -> RuleCondition {
        var condition = RuleCondition()
        guard let fields = fields(entry, allowed: Self.conditionKeys) else { return condition }
        if let e = fields["tier"] { condition.tiers = choices(e, of: RiskTier.self) }
        if let e = fields["actor_kind"] { condition.actorKinds = choices(e, of: Actor.Kind.self) }
        if let e = fields["actor"] { condition.actors = actorPatterns(e) }
        if let e = fields["environment"] { condition.environments = environmentNames(e, fromLimits: false) }
        if let e = fields["action"] { condition.actions = choices(e, of: ChangeKind.self) }
        if let e = fields["resource_type"] { condition.resourceTypes = globs(e, required: true) }
        if let e = fields["stateful"] { condition.stateful = boolean(e) }
        if let e = fields["sensitive"] { condition.sensitive = boolean(e) }
        if let e = fields["sensitive_category"], let items = items(e, required: true) {
            condition.sensitiveCategories = items.compactMap { item in
                guard let name = string(item) else { return nil }
                categoryReferences.append((name, item.value))
                return name
            }
        }
        if let e = fields["new_finding_severity"] { condition.newFindingSeverities = choices(e, of: Severity.self)?.map(\.rawValue) }
        return condition
    }

    private mutating func approvalRequirement(_ entry: Entry) -> ApprovalRequirement? {
        guard let fields = fields(entry, allowed: ["count", "roles"]) else { return nil }
        var requirement = ApprovalRequirement()
        if let e = fields["count"], let count = integer(e, minimum: 1) { requirement.count = count }
        if let e = fields["roles"] { requirement.roles = strings(e) ?? [] }
        return requirement
    }

    // MARK: approvals

    mutating func approvals(_ entry: Entry) -> ApprovalSettings {
        var settings = ApprovalSettings()
        guard let fields = fields(entry, allowed: ["approval_lifetime", "decision_lifetime", "roles"]) else { return settings }
        if let e = fields["approval_lifetime"], let seconds = duration(e) { settings.approvalLifetime = seconds }
        if let e = fields["decision_lifetime"], let seconds = duration(e) { settings.decisionLifetime = seconds }
        if let e = fields["roles"], let pairs = pairs(e, hint: "It maps each role to the actors who hold it: `security: [\"human:carol\"]`.") {
            for (role, child) in pairs {
                if let members = actorPatterns(child) { settings.roleMembers[role] = members }
            }
        }
        return settings
    }

    // MARK: stateful_types, sensitive_types

    mutating func sensitiveTypes(_ entry: Entry) -> [SensitiveCategory] {
        guard let pairs = pairs(entry, hint: "It maps each category to its resource type patterns: `iam: [\"aws_iam_*\"]`.") else { return [] }
        return pairs.map { SensitiveCategory(name: $0.name, types: globs($0.entry) ?? []) }
    }

    // MARK: Shared

    /// Environment names, each remembered so it can be checked once `environments` is known.
    private mutating func environmentNames(_ entry: Entry, fromLimits: Bool) -> [String]? {
        guard let items = items(entry, required: true) else { return nil }
        return items.compactMap { item in
            guard let name = string(item) else { return nil }
            environmentReferences.append((name, item.value, fromLimits))
            return name
        }
    }

    /// A required key is absent: reported at the mapping that lacks it.
    private mutating func missing(_ key: String, in entry: Entry, example: String, why: String) {
        report(.missingKey, entry.anchor, "\(entry.path) has no \(key)",
               "Add `\(example)`: \(why).")
    }
}
