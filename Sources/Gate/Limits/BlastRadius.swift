import Policy

/// Checks a change set against the limits that apply to an actor.
public enum BlastRadius {
    /// One reason per breach, each with the outcome its limits entry asks for. A limit
    /// that needs a value the plan does not show (an account only apply knows) cannot be
    /// proved kept, so it asks for approval rather than passing silently.
    public static func check(
        _ entries: [ActorLimits], actor: Actor, changes: ChangeSet, environment: String?, context: GateContext
    ) -> [Reason] {
        var reasons: [Reason] = []
        for entry in entries where entry.actors.contains(where: { $0.matches(actor.id) }) {
            let scope = entry.actors.map(\.text).joined(separator: ", ")
            func breach(_ limit: String, _ message: String, address: String? = nil) {
                reasons.append(Reason(rule: "limit:\(limit)", outcome: entry.onViolation, message: "\(message) (limits for \(scope))", address: address))
            }
            func unprovable(_ limit: String, _ message: String) {
                reasons.append(Reason(rule: "limit:\(limit)", outcome: min(entry.onViolation, .approvalRequired), message: "\(message) (limits for \(scope))", address: nil))
            }
            let limits = entry.limits
            let effective = changes.effective
            if let allowed = limits.environments {
                if let environment {
                    if !allowed.contains(environment) {
                        breach("environments", "\(actor.id) may change only \(allowed.joined(separator: ", ")), not \(environment)")
                    }
                } else {
                    unprovable("environments", "the plan's environment is not recognised, so the limit to \(allowed.joined(separator: ", ")) cannot be checked")
                }
            }
            if let rule = limits.resourceTypes {
                for change in effective {
                    if let why = rule.refusal(of: change.type) {
                        breach("resource_types", "\(change.kind.rawValue) of \(change.type) is \(why)", address: change.address)
                    }
                }
            }
            if let providers = limits.providers {
                for change in effective where !providers.contains(where: { $0.matches(change.provider) || $0.matches(change.providerSource) || change.providerSource.hasSuffix("/" + $0.text) }) {
                    breach("providers", "provider \(change.provider) is not allowed (\(providers.map(\.text).joined(separator: ", ")))", address: change.address)
                }
            }
            if let accounts = limits.accounts {
                let seen = context.account.map { [$0] } ?? changes.accounts
                if seen.isEmpty {
                    unprovable("accounts", "the plan does not show its AWS account, so the limit to \(accounts.joined(separator: ", ")) cannot be checked; pass --account")
                }
                for account in seen where !accounts.contains(account) {
                    breach("accounts", "account \(account) is not allowed (\(accounts.joined(separator: ", ")))")
                }
            }
            if let regions = limits.regions {
                let seen = context.region.map { [$0] } ?? changes.regions
                if seen.isEmpty {
                    unprovable("regions", "the plan does not show its region, so the limit to \(regions.map(\.text).joined(separator: ", ")) cannot be checked; pass --region")
                }
                for region in seen where !regions.contains(where: { $0.matches(region) }) {
                    breach("regions", "region \(region) is not allowed (\(regions.map(\.text).joined(separator: ", ")))")
                }
            }
            if let max = limits.maxChanges, effective.count > max {
                breach("max_changes", "\(effective.count) resource changes, more than the \(max) allowed")
            }
            let deletes = effective.filter { $0.kind == .delete }
            if let max = limits.maxDeletes, deletes.count > max {
                breach("max_deletes", "\(deletes.count) deletes, more than the \(max) allowed: \(list(deletes))")
            }
            let replacements = effective.filter { $0.kind == .replace }
            if let max = limits.maxReplacements, replacements.count > max {
                breach("max_replacements", "\(replacements.count) replacements, more than the \(max) allowed: \(list(replacements))")
            }
            if limits.protectStateful == true {
                for change in effective where change.isStateful && change.kind.destroys {
                    breach("protect_stateful", "\(change.kind == .delete ? "deletes" : "replaces") stateful \(change.type): its data would be lost", address: change.address)
                }
            }
            if let rule = limits.instanceTypes {
                for change in effective where change.kind != .delete {
                    for type in change.instanceTypes {
                        if let why = rule.refusal(of: type) { breach("instance_types", "instance class \(type) is \(why)", address: change.address) }
                    }
                }
            }
            if let maxSize = limits.maxInstanceSize, let ceiling = ParsedInstanceType.capacity(ofSize: maxSize) {
                for change in effective where change.kind != .delete {
                    for type in change.instanceTypes {
                        guard let size = InstanceClass.size(of: type), let capacity = ParsedInstanceType.capacity(ofSize: size) else { continue }
                        if capacity > ceiling {
                            breach("max_instance_size", "instance class \(type) is larger than the \(maxSize) ceiling", address: change.address)
                        }
                    }
                }
            }
        }
        return reasons
    }

    private static func list(_ changes: [PlannedChange]) -> String {
        let shown = changes.prefix(5).map(\.address).joined(separator: ", ")
        return changes.count > 5 ? shown + ", and \(changes.count - 5) more" : shown
    }
}

/// Reads the size out of instance classes of every AWS service.
enum InstanceClass {
    /// `m5.24xlarge` → `24xlarge`; `db.r6g.large` → `large`; `cache.m5.large` → `large`;
    /// `r6g.large.search` → `large`; `ra3.4xlarge` → `4xlarge`.
    static func size(of type: String) -> String? {
        var parts = type.split(separator: ".").map(String.init)
        if let first = parts.first, ["db", "cache"].contains(first) { parts.removeFirst() }
        if let last = parts.last, ["search", "elasticsearch"].contains(last) { parts.removeLast() }
        guard parts.count == 2 else { return nil }
        return parts[1]
    }
}
