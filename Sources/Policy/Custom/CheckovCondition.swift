import Foundation

/// One condition of a Checkov policy's `definition` block.
///
/// The shapes are Checkov's: attribute conditions on one resource, connection conditions
/// between two resource types, filters that narrow which types are reported, the resource
/// allow/deny list, and `and` / `or` / `not` over them.
indirect enum CheckovCondition: Sendable {
    /// `cond_type: attribute`.
    case attribute(AttributeCondition)
    /// `cond_type: connection`.
    case connection(ConnectionCondition)
    /// `cond_type: filter` (`attribute: resource_type`, `operator: within`).
    case filter(ResourceTypeSet)
    /// `cond_type: resource`: `exists` allows only the listed types, `not_exists` forbids them.
    case resource(ResourceTypeSet, allowed: Bool)
    case and([CheckovCondition])
    case or([CheckovCondition])
    case not(CheckovCondition)

    /// Whether this condition relates two resources: a connection, or `and`/`or` with one
    /// among its direct children (Checkov's "complex connection" solvers, in which an
    /// attribute condition on another type is left out instead of failing).
    var isConnectionGroup: Bool {
        switch self {
        case .connection: return true
        case .and(let cs), .or(let cs): return cs.contains { $0.isConnectionGroup }
        case .attribute, .filter, .resource, .not: return false
        }
    }

    /// Every filter in the definition: the types a finding may be reported for.
    var filters: [ResourceTypeSet] {
        switch self {
        case .filter(let types): return [types]
        case .and(let cs), .or(let cs): return cs.flatMap(\.filters)
        case .not(let c): return c.filters
        case .attribute, .connection, .resource: return []
        }
    }

    /// The resource types the policy judges: every type it names, on either side of a
    /// connection (Checkov reports both ends), narrowed by its filters.
    var judgedTypes: ResourceTypeSet {
        var types: ResourceTypeSet
        switch self {
        case .attribute(let a): types = a.resourceTypes
        case .connection(let c): types = c.resourceTypes.union(c.connectedTypes)
        case .filter: types = ResourceTypeSet(types: [])
        case .resource: types = .all
        case .and(let cs), .or(let cs): types = cs.reduce(ResourceTypeSet(types: [])) { $0.union($1.judgedTypes) }
        case .not(let c): types = c.judgedTypes
        }
        for filter in filters { types = types.intersection(filter) }
        return types
    }

    /// The condition in words, for messages: `versioning.enabled equals true`.
    var summary: String {
        switch self {
        case .attribute(let a): return a.summary
        case .connection(let c):
            let verb = c.mustExist ? "is connected to" : "is not connected to"
            return "\(c.resourceTypes) \(verb) \(c.connectedTypes)"
        case .filter(let t): return "resource_type within \(t)"
        case .resource(let t, let allowed): return allowed ? "resource_type within \(t)" : "resource_type not within \(t)"
        case .and(let cs): return "all of (" + cs.map(\.summary).joined(separator: "; ") + ")"
        case .or(let cs): return "any of (" + cs.map(\.summary).joined(separator: "; ") + ")"
        case .not(let c): return "not (\(c.summary))"
        }
    }
}

/// `resource_types` (or `connected_resource_types`): a list of types, or `all`.
struct ResourceTypeSet: Sendable, Hashable, CustomStringConvertible {
    var isAll: Bool
    var types: Set<String>

    static let all = ResourceTypeSet(isAll: true, types: [])

    init(isAll: Bool = false, types: Set<String>) {
        self.isAll = isAll
        self.types = types
    }

    func contains(_ type: String) -> Bool { isAll || types.contains(type) }

    func union(_ other: ResourceTypeSet) -> ResourceTypeSet {
        ResourceTypeSet(isAll: isAll || other.isAll, types: types.union(other.types))
    }

    func intersection(_ other: ResourceTypeSet) -> ResourceTypeSet {
        if isAll { return other }
        if other.isAll { return self }
        return ResourceTypeSet(types: types.intersection(other.types))
    }

    var description: String {
        if isAll { return "all" }
        let sorted = types.sorted()
        return sorted.count == 1 ? sorted[0] : "[" + sorted.joined(separator: ", ") + "]"
    }
}

/// `cond_type: attribute`: one attribute of a resource against one operator.
struct AttributeCondition: @unchecked Sendable {
    var resourceTypes: ResourceTypeSet
    var attribute: CheckovAttributePath
    var op: CheckovOperator
    /// `value`; `.null` when the policy gives none.
    var value: PolicyValue
    /// `value` compiled, for `regex_match` and `not_regex_match`. (NSRegularExpression is
    /// immutable once built and safe to share between threads.)
    var regex: NSRegularExpression?

    var summary: String {
        op.needsValue ? "\(attribute.text) \(op.rawValue) \(value.shortDescription)" : "\(attribute.text) \(op.rawValue)"
    }
}

/// `cond_type: connection`: whether resources of two kinds refer to each other.
struct ConnectionCondition: Sendable {
    var resourceTypes: ResourceTypeSet
    var connectedTypes: ResourceTypeSet
    /// `exists` (true) or `not_exists` (false).
    var mustExist: Bool
}

/// A Checkov attribute path: dot-separated names, list indexes (`0`), and `*` for any
/// index (`ingress.*.cidr_blocks`). `name[0]` is read as `name.0`.
struct CheckovAttributePath: Sendable, Hashable {
    enum Step: Sendable, Hashable {
        case name(String)
        case index(Int)
        case wildcard
    }

    var text: String
    var steps: [Step]

    init(_ text: String) {
        self.text = text
        var steps: [Step] = []
        for part in text.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "").split(separator: ".") {
            if part == "*" {
                steps.append(.wildcard)
            } else if let i = Int(part), i >= 0 {
                steps.append(.index(i))
            } else {
                steps.append(.name(String(part)))
            }
        }
        self.steps = steps
    }

    var hasWildcard: Bool { steps.contains(.wildcard) }
}
