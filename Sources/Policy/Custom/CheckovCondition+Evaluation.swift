import HCL
import Terraform

/// What one condition concluded about one resource instance.
enum ConditionOutcome: Sendable {
    /// Holds; `path` is the attribute that satisfied it, when there is one (for `not`).
    case pass(path: String)
    case fail(path: String, reason: String)
    case unknown(paths: [String], reason: String)
    /// The condition does not judge this instance (another resource type inside a
    /// connection group, a filter, a type a `not_exists` resource rule does not name).
    case neutral
}

/// Evaluates a policy definition on one instance, with the resource graph for connections.
struct CheckovEvaluator {
    var graph: ResourceGraph

    /// The outcome of `condition` for `instance`. `inGroup` is true inside an `and`/`or`
    /// that relates resources, where Checkov leaves an attribute condition on another
    /// resource type out rather than failing it; `constraints` are the attribute
    /// conditions of the enclosing `and`, which connected resources must also satisfy.
    func evaluate(
        _ condition: CheckovCondition, _ instance: ResourceInstance, inGroup: Bool, constraints: [CheckovCondition] = []
    ) -> ConditionOutcome {
        switch condition {
        case .attribute(let a):
            return attribute(a, instance, inGroup: inGroup)
        case .connection(let c):
            return connection(c, instance, constraints: constraints)
        case .filter:
            return .neutral
        case .resource(let types, let allowed):
            let listed = types.contains(instance.type)
            if allowed {
                return listed ? .pass(path: "") : .fail(path: "", reason: "Resource type \(instance.type) is not among the allowed types \(types).")
            }
            return listed ? .fail(path: "", reason: "Resource type \(instance.type) is forbidden by the policy.") : .neutral
        case .and(let children):
            let group = inGroup || condition.isConnectionGroup
            let own = group ? children.filter { !$0.isConnectionGroup && !Self.isFilter($0) } : []
            var outcomes: [ConditionOutcome] = []
            for child in children {
                let outcome = member(child, instance, group: group, constraints: own)
                if case .fail = outcome { return outcome }
                outcomes.append(outcome)
            }
            return Self.all(outcomes)
        case .or(let children):
            let group = inGroup || condition.isConnectionGroup
            var outcomes: [ConditionOutcome] = []
            for child in children {
                let outcome = member(child, instance, group: group, constraints: [])
                if case .pass = outcome { return outcome }
                outcomes.append(outcome)
            }
            var failures: [(String, String)] = []
            var unknownPaths: [String] = []
            var unknownReasons: [String] = []
            for o in outcomes {
                switch o {
                case .fail(let p, let r): failures.append((p, r))
                case .unknown(let ps, let r):
                    unknownPaths += ps
                    unknownReasons.append(r)
                case .pass, .neutral: break
                }
            }
            if !unknownPaths.isEmpty || !unknownReasons.isEmpty {
                return .unknown(paths: unknownPaths, reason: unknownReasons.joined(separator: " "))
            }
            if failures.isEmpty { return .neutral }
            if failures.count == 1 { return .fail(path: failures[0].0, reason: failures[0].1) }
            return .fail(
                path: failures.first { !$0.0.isEmpty }?.0 ?? "",
                reason: "None of the alternatives holds: " + failures.map(\.1).joined(separator: " / "))
        case .not(let child):
            switch evaluate(child, instance, inGroup: inGroup, constraints: constraints) {
            case .pass(let path):
                return .fail(path: path, reason: "The policy requires that this does not hold: \(child.summary).")
            case .fail: return .pass(path: "")
            case .unknown(let paths, let reason): return .unknown(paths: paths, reason: reason)
            case .neutral: return .neutral
            }
        }
    }

    /// One child of `and`/`or`. In a connection group, a condition that does not name the
    /// instance's type is left out (Checkov's attribute solvers only judge their own
    /// types there), and connections inherit the group's attribute conditions.
    private func member(_ child: CheckovCondition, _ instance: ResourceInstance, group: Bool, constraints: [CheckovCondition]) -> ConditionOutcome {
        guard group else { return evaluate(child, instance, inGroup: false) }
        if child.isConnectionGroup { return evaluate(child, instance, inGroup: true, constraints: constraints) }
        if Self.isFilter(child) || !child.judgedTypes.contains(instance.type) { return .neutral }
        return evaluate(child, instance, inGroup: false)
    }

    private static func isFilter(_ c: CheckovCondition) -> Bool {
        if case .filter = c { return true }
        return false
    }

    /// `and` over outcomes that did not fail: unknown if one is, neutral if all are.
    private static func all(_ outcomes: [ConditionOutcome]) -> ConditionOutcome {
        var unknownPaths: [String] = []
        var reasons: [String] = []
        var passed: String?
        for o in outcomes {
            switch o {
            case .unknown(let ps, let r):
                unknownPaths += ps
                reasons.append(r)
            case .pass(let p): if passed == nil || passed == "" { passed = p }
            case .fail(let p, let r): return .fail(path: p, reason: r)
            case .neutral: break
            }
        }
        if !reasons.isEmpty { return .unknown(paths: unknownPaths, reason: reasons.joined(separator: " ")) }
        return passed.map { .pass(path: $0) } ?? .neutral
    }

    // MARK: Attribute conditions

    private func attribute(_ a: AttributeCondition, _ instance: ResourceInstance, inGroup: Bool) -> ConditionOutcome {
        guard a.resourceTypes.contains(instance.type) else {
            if inGroup { return .neutral }
            return .fail(path: "", reason: "\(a.summary) applies to \(a.resourceTypes), not to \(instance.type).")
        }
        if a.op == .any { return .pass(path: "") }
        var passes: [String] = []
        var failures: [(String, String)] = []
        var unknowns: [String] = []
        for match in a.attribute.resolve(in: instance) {
            let value: PolicyValue
            switch match.found {
            case .known(let v):
                value = v
            case .partlyKnown where a.op.isPresenceCheck:
                value = .string("(known after apply)")
            case .unknown where a.op.isPresenceCheck && Self.isWritten(match.path, in: instance.body):
                // An attribute written in the configuration exists even when its value
                // (a reference to a computed ID) is known only after apply.
                value = .string("(known after apply)")
            case .partlyKnown, .unknown:
                unknowns.append(match.path)
                continue
            }
            if a.op.holds(value, a.value, regex: a.regex) {
                passes.append(match.path)
            } else {
                let shown = value.isNull ? "is not set" : "is \(value.shortDescription)"
                failures.append((match.path, "`\(match.path)` \(shown); the policy requires \(a.summary)."))
            }
        }
        let unknown = ConditionOutcome.unknown(
            paths: unknowns, reason: "Whether \(a.summary) holds depends on \(unknowns.map { "`\($0)`" }.joined(separator: ", ")), known only after apply.")
        if a.op.appliesToAllMatches {
            if let f = failures.first { return .fail(path: f.0, reason: f.1) }
            if !unknowns.isEmpty { return unknown }
            return .pass(path: passes.first ?? "")
        }
        if let p = passes.first { return .pass(path: p) }
        if !unknowns.isEmpty { return unknown }
        let f = failures.first ?? ("", "The policy requires \(a.summary).")
        return .fail(path: f.0, reason: f.1)
    }

    /// Whether an attribute path (`a.b[0].c`) is written in the resource block.
    static func isWritten(_ path: String, in body: Body?) -> Bool {
        guard var current = body else { return false }
        let steps = PathStep.parse(path)
        var i = 0
        while i < steps.count {
            guard case .attribute(let name) = steps[i] else { return false }
            if i == steps.count - 1 { return current.attribute(name) != nil || !current.blocks(ofType: name).isEmpty }
            let blocks = current.blocks(ofType: name)
            guard !blocks.isEmpty else { return false }
            var index = 0
            if case .index(let n) = steps[i + 1] {
                index = n
                i += 1
            }
            guard index < blocks.count else { return false }
            current = blocks[index].body
            i += 1
        }
        return true
    }

    // MARK: Connections

    private func connection(_ c: ConnectionCondition, _ instance: ResourceInstance, constraints: [CheckovCondition]) -> ConditionOutcome {
        var others = ResourceTypeSet(types: [])
        if c.resourceTypes.contains(instance.type) { others = others.union(c.connectedTypes) }
        if c.connectedTypes.contains(instance.type) { others = others.union(c.resourceTypes) }
        if !others.isAll && others.types.isEmpty { return .neutral }
        let types = others.isAll ? Set(graph.instances.map(\.type)) : others.types
        var seen: Set<String> = []
        let connected = (graph.referencing(instance, types: types) + graph.referenced(by: instance, types: types))
            .filter { $0.address != instance.address && seen.insert($0.address).inserted }
            .sorted { $0.address < $1.address }
        // A connected resource counts only if it satisfies the attribute conditions of the
        // same `and` (Checkov fails both ends of a connection to a resource that does not).
        var satisfying: [ResourceInstance] = []
        var failing: [(ResourceInstance, String)] = []
        var unknown: [(ResourceInstance, [String])] = []
        for other in connected {
            var verdict = ConditionOutcome.pass(path: "")
            for constraint in constraints {
                let outcome = member(constraint, other, group: true, constraints: [])
                if case .fail = outcome { verdict = outcome; break }
                if case .unknown = outcome { verdict = outcome }
            }
            switch verdict {
            case .pass, .neutral: satisfying.append(other)
            case .fail(_, let reason): failing.append((other, reason))
            case .unknown(let paths, _): unknown.append((other, paths))
            }
        }
        let unknownPaths = unknown.flatMap { u in u.1.map { "\(u.0.address).\($0)" } }
        if c.mustExist {
            if connected.isEmpty {
                return .fail(path: "", reason: "\(instance.address) is connected to no \(others); the policy requires one.")
            }
            if let (other, reason) = failing.first {
                return .fail(path: "", reason: "\(instance.address) is connected to \(other.address), which does not satisfy the policy: \(reason)")
            }
            if !unknown.isEmpty {
                return .unknown(paths: unknownPaths, reason: "Whether the resources connected to \(instance.address) satisfy the policy depends on values known only after apply.")
            }
            return .pass(path: "")
        }
        if !satisfying.isEmpty {
            return .fail(path: "", reason: "\(instance.address) is connected to \(satisfying.map(\.address).joined(separator: ", ")); the policy forbids a connection to \(others).")
        }
        if !unknown.isEmpty {
            return .unknown(paths: unknownPaths, reason: "Whether \(instance.address) has a forbidden connection depends on values known only after apply.")
        }
        return .pass(path: "")
    }
}
