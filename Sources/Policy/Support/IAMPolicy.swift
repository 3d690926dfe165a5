import HCL
import Terraform

/// A string of a policy document: written out, or known only after apply.
enum PolicyText: Sendable, Hashable {
    case known(String)
    /// Partly written out: `PartialJSON.hole` marks text apply fills in
    /// (`"${aws_s3_bucket.b.arn}/*"`).
    case partial(String)
    case unknown

    var known: String? {
        if case .known(let s) = self { return s }
        return nil
    }

    /// Whether the text is (or, where partly unknown, could be) exactly `target`.
    func equals(_ target: String) -> Tri {
        switch self {
        case .known(let s): return Tri(s == target)
        case .unknown: return .maybe
        case .partial(let t): return PolicyText.couldBe(t, target) ? .maybe : .no
        }
    }

    /// Whether a template with holes can produce `target`.
    static func couldBe(_ template: String, _ target: String) -> Bool {
        // Holes read as `*`; literal `*` and `?` in the template are read as wildcards too,
        // which can only make the answer more cautious.
        let pattern = String(template.map { $0 == PartialJSON.hole ? "*" : $0 })
        return Glob.matches(Array(pattern.utf8), Array(target.utf8))
    }
}

/// A list-valued element of a statement (`Action`, `Resource`, a principal's identifiers).
enum PolicyList: Sendable, Hashable {
    /// The element is not in the statement.
    case absent
    /// The element is there but nothing of it is known (how many, which).
    case unknown
    case values([PolicyText])

    var isPresent: Bool {
        if case .absent = self { return false }
        return true
    }

    /// `.yes` if some element satisfies `f`, `.maybe` if an unknown element might.
    func any(_ f: (String) -> Bool) -> Tri {
        switch self {
        case .absent: return .no
        case .unknown: return .maybe
        case .values(let vs):
            return Tri.any(vs) { v in
                switch v {
                case .known(let s): return Tri(f(s))
                case .partial, .unknown: return .maybe
                }
            }
        }
    }

    /// Whether some element is exactly `target` (`"*"`); partly written elements that
    /// cannot be it (`"arn:aws:s3:::${var.b}/*"` is never `"*"`) answer no.
    func contains(exactly target: String) -> Tri {
        switch self {
        case .absent: return .no
        case .unknown: return .maybe
        case .values(let vs): return Tri.any(vs) { $0.equals(target) }
        }
    }

    /// `.yes` if some element satisfies `f`, a question that can be asked of partly
    /// written text too.
    func any(_ f: (PolicyText) -> Tri) -> Tri {
        switch self {
        case .absent: return .no
        case .unknown: return .maybe
        case .values(let vs): return Tri.any(vs, f)
        }
    }

    /// The known strings; unknown elements are skipped.
    var knownValues: [String] {
        if case .values(let vs) = self { return vs.compactMap(\.known) }
        return []
    }
}

/// The `Principal` (or `NotPrincipal`) of a statement.
enum IAMPrincipal: Sendable, Hashable {
    /// `"Principal": "*"`: everyone, signed in or not.
    case anyone
    case unknown
    /// `{"AWS": [...], "Service": ...}`, or `principals { type identifiers }` blocks.
    case typed([Entry])

    struct Entry: Sendable, Hashable {
        var type: PolicyText
        var identifiers: PolicyList
    }

    /// Identifiers of principals of a type (`AWS`, `Service`, `Federated`); unknown
    /// types count as possibly this one.
    func identifiers(ofType type: String) -> [PolicyList] {
        switch self {
        case .anyone, .unknown: return []
        case .typed(let entries):
            return entries.compactMap { e in
                switch e.type {
                case .known(let t): return t == type ? e.identifiers : nil
                case .partial, .unknown: return e.identifiers
                }
            }
        }
    }

    /// Whether the principal is everyone: `"*"`, or `{"AWS": "*"}`.
    var isAnyone: Tri {
        switch self {
        case .anyone: return .yes
        case .unknown: return .maybe
        case .typed(let entries):
            return Tri.any(entries) { e in
                let typeMatches = e.type.equals("AWS") || e.type.equals("*")
                return typeMatches && e.identifiers.contains(exactly: "*")
            }
        }
    }
}

/// One condition: `"StringEquals": {"aws:SourceVpce": [...]}` or a `condition` block.
struct IAMCondition: Sendable, Hashable {
    var test: PolicyText
    var variable: PolicyText
    var values: PolicyList
}

/// One statement, with every element as far as it is known.
struct IAMStatement: Sendable, Hashable {
    var sid: String?
    /// Nil when the statement has no `Effect` (a data source's default is `Allow`).
    var effect: PolicyText?
    var actions: PolicyList = .absent
    var notActions: PolicyList = .absent
    var resources: PolicyList = .absent
    var notResources: PolicyList = .absent
    var principal: IAMPrincipal?
    var notPrincipal: IAMPrincipal?
    /// Nil when there is no condition; `.unknown`-holding list when its shape is unknown.
    var conditions: [IAMCondition]?
    var conditionsUnknown = false
    /// How a message names the statement: `Statement[1] ("AllowAll")` or
    /// `data.aws_iam_policy_document.x statement[0]`.
    var label: String
    /// For a statement of an `aws_iam_policy_document` data source, the attribute path
    /// that a finding on that data source points at (`statement[0]`).
    var path: String?

    /// Whether the statement allows (rather than denies).
    var allows: Tri { effect?.equals("Allow") ?? .no }

    var denies: Tri { effect?.equals("Deny") ?? .no }

    /// Whether the statement grants the concrete action `action` (ignoring effect).
    func covers(action: String) -> Tri {
        if actions.isPresent { return actions.any { IAMActions.matches($0, action) } }
        if notActions.isPresent { return !notActions.any { IAMActions.matches($0, action) } }
        return .no
    }

    /// Whether some action the statement names satisfies `f` (a question about a pattern).
    /// A `NotAction` statement grants nearly everything, so it answers yes unless it
    /// excludes every action.
    func coversPattern(_ f: (String) -> Bool) -> Tri {
        if actions.isPresent { return actions.any(f) }
        if notActions.isPresent { return !notActions.any { IAMActions.isFullWildcard($0) } }
        return .no
    }

    /// Whether the statement applies to every resource: `"Resource": "*"`, or a
    /// `NotResource` (everything but a few).
    var onAllResources: Tri {
        if notResources.isPresent { return .yes }
        return resources.contains(exactly: "*")
    }

    /// Whether the statement carries any condition.
    var hasCondition: Tri {
        if conditionsUnknown { return .maybe }
        guard let conditions else { return .no }
        return Tri(!conditions.isEmpty)
    }

    /// An allow on every resource without conditions: what Cloudsplaining calls "without
    /// resource constraints".
    var allowsUnconstrained: Tri {
        allows && onAllResources && !hasCondition
    }

    /// Whether the statement is part of an identity policy: resource and trust policies
    /// name a `Principal`.
    var namesPrincipal: Bool { principal != nil || notPrincipal != nil }

    /// The values of conditions on `key` (case-insensitive, as IAM compares keys), with
    /// their operators.
    func conditions(on key: String) -> [IAMCondition] {
        (conditions ?? []).filter { c in
            if case .known(let v) = c.variable { return v.lowercased() == key.lowercased() }
            return true
        }
    }
}

/// A policy document: statements, as far as they are known.
struct IAMPolicy: Sendable, Hashable {
    var statements: [IAMStatement] = []
    /// Some statements cannot be read at all (an unknown `Statement` list or element, a
    /// `source_policy_documents` only apply can tell).
    var hasUnknownStatements = false

    static let unknown = IAMPolicy(statements: [], hasUnknownStatements: true)
}

// MARK: Reading JSON

extension IAMPolicy {
    /// A policy from its JSON (or the part of it the configuration shows).
    init(json: PartialJSON) {
        switch json {
        case .unknown:
            self = .unknown
        case .object:
            guard let statement = json["Statement"] else { return }
            switch statement {
            case .unknown:
                hasUnknownStatements = true
            case .array(let elements):
                for (i, e) in elements.enumerated() { add(e, index: i) }
            case .object:
                add(statement, index: 0)
            case .null, .bool, .number, .string:
                break
            }
        case .null, .bool, .number, .string, .array:
            break
        }
    }

    private mutating func add(_ e: PartialJSON, index: Int) {
        guard case .object = e else {
            if e.isUnknown { hasUnknownStatements = true }
            return
        }
        let sid = e["Sid"]?.scalarText
        var s = IAMStatement(label: "Statement[\(index)]" + (sid.map { " (\"\($0)\")" } ?? ""))
        s.sid = sid
        s.effect = e["Effect"].map(Self.text)
        s.actions = Self.list(e["Action"])
        s.notActions = Self.list(e["NotAction"])
        s.resources = Self.list(e["Resource"])
        s.notResources = Self.list(e["NotResource"])
        s.principal = e["Principal"].map(Self.principal)
        s.notPrincipal = e["NotPrincipal"].map(Self.principal)
        if let c = e["Condition"] {
            switch c {
            case .unknown:
                s.conditionsUnknown = true
            case .object(let operators):
                var conditions: [IAMCondition] = []
                for op in operators {
                    switch op.value {
                    case .object(let keys):
                        for k in keys {
                            conditions.append(IAMCondition(test: .known(op.key), variable: .known(k.key), values: Self.list(k.value)))
                        }
                    case .unknown:
                        conditions.append(IAMCondition(test: .known(op.key), variable: .unknown, values: .unknown))
                    case .null, .bool, .number, .string, .array:
                        break
                    }
                }
                s.conditions = conditions
            case .null, .bool, .number, .string, .array:
                s.conditions = []
            }
        }
        statements.append(s)
    }

    private static func text(_ j: PartialJSON) -> PolicyText {
        guard let s = j.scalarText else { return .unknown }
        return s.contains(PartialJSON.hole) ? .partial(s) : .known(s)
    }

    private static func list(_ j: PartialJSON?) -> PolicyList {
        guard let j else { return .absent }
        switch j {
        case .unknown: return .unknown
        case .null: return .absent
        case .array(let es): return .values(es.map(text))
        case .bool, .number, .string, .object: return .values([text(j)])
        }
    }

    private static func principal(_ j: PartialJSON) -> IAMPrincipal {
        switch j {
        case .unknown: return .unknown
        case .string(let s) where s == "*": return .anyone
        case .object(let members):
            return .typed(members.map { IAMPrincipal.Entry(type: .known($0.key), identifiers: list($0.value)) })
        case .null, .bool, .number, .string, .array:
            return .typed([])
        }
    }
}

// MARK: Reading an aws_iam_policy_document data source

extension IAMPolicy {
    /// The statements of an `aws_iam_policy_document` data source, read from its
    /// `statement` blocks (its `json` is computed, so unknown before apply).
    /// `source_policy_documents` and `override_policy_documents` are merged as the provider
    /// does: override statements replace those with the same `sid`.
    init(dataSource doc: ResourceInstance, context: CheckContext, depth: Int = 0) {
        var own: [IAMStatement] = []
        switch doc.value("statement") {
        case let v? where !v.isKnown:
            hasUnknownStatements = true
        case let v?:
            for (i, block) in (v.elements ?? []).enumerated() {
                let sid = block.attributes?["sid"]?.stringValue
                own.append(Self.statement(block, label: "statement[\(i)]" + (sid.map { " (\"\($0)\")" } ?? ""), path: "statement[\(i)]", doc: doc))
            }
        case nil:
            break
        }
        var merged: [IAMStatement] = []
        for attribute in ["source_policy_documents", "source_json"] {
            for p in Self.documents(doc, attribute, context: context, depth: depth) {
                merged.append(contentsOf: p.statements)
                if p.hasUnknownStatements { hasUnknownStatements = true }
            }
        }
        merged = Self.overriding(merged, with: own)
        for attribute in ["override_policy_documents", "override_json"] {
            for p in Self.documents(doc, attribute, context: context, depth: depth) {
                merged = Self.overriding(merged, with: p.statements)
                if p.hasUnknownStatements { hasUnknownStatements = true }
            }
        }
        statements = merged
    }

    /// Statements of `base` with those of `overrides` put in place of the ones sharing a `sid`.
    private static func overriding(_ base: [IAMStatement], with overrides: [IAMStatement]) -> [IAMStatement] {
        var result = base
        for o in overrides {
            if let sid = o.sid, !sid.isEmpty, let i = result.firstIndex(where: { $0.sid == sid }) {
                result[i] = o
            } else {
                result.append(o)
            }
        }
        return result
    }

    /// The policies named by a document-valued attribute of a data source (a JSON string
    /// or a list of them).
    private static func documents(_ doc: ResourceInstance, _ attribute: String, context: CheckContext, depth: Int) -> [IAMPolicy] {
        guard let v = doc.value(attribute), !v.isNull else { return [] }
        if v.isWhollyKnown {
            let texts = v.elements.map { $0.compactMap(\.stringValue) } ?? [v.stringValue].compactMap { $0 }
            return texts.map { PartialJSON.parse($0).map { IAMPolicy(json: $0) } ?? IAMPolicy() }
        }
        switch doc.policyDocument(at: attribute, context: context, depth: depth + 1) {
        case .known(let p): return [p]
        case .dataSources(let docs): return docs.map { IAMPolicy(dataSource: $0, context: context, depth: depth + 1) }
        case .list(let items): return items
        case .none, .invalid: return []
        case .unreadable: return [.unknown]
        }
    }

    private static func statement(_ block: Value, label: String, path: String, doc: ResourceInstance) -> IAMStatement {
        func list(_ name: String) -> PolicyList {
            IAMPolicy.list(block.attributes?[name], written: doc.configuredExpression(at: "\(path).\(name)"))
        }
        var s = IAMStatement(label: label, path: path)
        guard let a = block.attributes else {
            s.effect = .unknown
            s.actions = .unknown
            s.resources = .unknown
            s.conditionsUnknown = true
            return s
        }
        s.sid = a["sid"]?.stringValue
        // The provider's default effect is Allow.
        switch a["effect"] {
        case let e? where !e.isKnown: s.effect = .unknown
        case let e?: s.effect = .known(e.stringValue ?? "Allow")
        case nil: s.effect = .known("Allow")
        }
        s.actions = list("actions")
        s.notActions = list("not_actions")
        s.resources = list("resources")
        s.notResources = list("not_resources")
        s.principal = principals(a["principals"], doc: doc, path: "\(path).principals")
        s.notPrincipal = principals(a["not_principals"], doc: doc, path: "\(path).not_principals")
        if let c = a["condition"] {
            if let blocks = c.elements, c.isKnown {
                if !blocks.isEmpty {
                    s.conditions = blocks.map { b in
                        IAMCondition(test: text(b.attributes?["test"]), variable: text(b.attributes?["variable"]), values: IAMPolicy.list(b.attributes?["values"]))
                    }
                }
            } else if !c.isKnown {
                s.conditionsUnknown = true
            }
        }
        return s
    }

    private static func text(_ v: Value?) -> PolicyText {
        guard let v, v.isKnown, let s = v.stringValue else { return .unknown }
        return .known(s)
    }

    /// A list attribute of a statement block. Elements only apply can know are read from
    /// how the configuration writes them, where it does so element by element (a tuple,
    /// or a `for` expression whose every element has the same form).
    private static func list(_ v: Value?, written: Expression? = nil) -> PolicyList {
        guard let v, !v.isNull else { return .absent }
        let forms: (Int) -> PolicyText = { i in
            switch written {
            case .tuple(let es, _, _)? where i < es.count:
                return text(PartialJSON.fromExpression(es[i], keepingPartialStrings: true))
            case .forExpression(let f)? where f.keyExpression == nil:
                return text(PartialJSON.fromExpression(f.valueExpression, keepingPartialStrings: true))
            default:
                return .unknown
            }
        }
        guard v.isKnown, let es = v.elements else {
            // A set with an unknown element is unknown as a whole; the written form still tells.
            switch written {
            case .tuple(let es, _, _)?: return .values(es.indices.map(forms))
            case .forExpression(let f)? where f.keyExpression == nil && forms(0) != .unknown: return .values([forms(0)])
            default: return .unknown
            }
        }
        return .values(es.enumerated().map { i, e in e.isKnown && e.stringValue != nil ? .known(e.stringValue!) : forms(i) })
    }

    private static func principals(_ v: Value?, doc: ResourceInstance? = nil, path: String = "") -> IAMPrincipal? {
        guard let v, !v.isNull else { return nil }
        guard v.isKnown, let blocks = v.elements else { return .unknown }
        if blocks.isEmpty { return nil }
        return .typed(blocks.enumerated().map { k, b in
            IAMPrincipal.Entry(
                type: text(b.attributes?["type"]),
                identifiers: list(b.attributes?["identifiers"], written: doc?.configuredExpression(at: "\(path)[\(k)].identifiers")))
        })
    }
}
