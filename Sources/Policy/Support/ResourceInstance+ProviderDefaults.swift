import HCL
import Terraform

/// Whether an attribute will hold a value after apply, as far as a check can tell.
enum Presence: Sendable, Hashable {
    /// A non-null, non-empty value (or a reference to another resource's attribute, which
    /// apply always fills in).
    case set
    /// Null, empty, or not written.
    case unset
    /// Only apply can tell.
    case unknown
}

extension ResourceInstance {
    /// Whether the resource block writes the attribute or nested block at `path`
    /// (`encrypted`, `root_block_device[0].volume_type`).
    ///
    /// Nil when no one can tell: there is no block to read (plans, state), or a `dynamic`
    /// block stands where the path leads, or several blocks of a set disagree.
    func configurationWrites(_ path: String) -> Bool? {
        guard let body else { return nil }
        return Self.writes(PathStep.parse(path)[...], in: body)
    }

    private static func writes(_ steps: ArraySlice<PathStep>, in body: Body) -> Bool? {
        guard let first = steps.first else { return true }
        guard case .attribute(let name) = first else { return nil }
        if body.attribute(name) != nil { return true }
        if body.blocks.contains(where: { $0.type == "dynamic" && $0.labels.first == name }) { return nil }
        let blocks = body.blocks(ofType: name)
        if blocks.isEmpty { return false }
        var rest = steps.dropFirst()
        if case .index(let i)? = rest.first {
            rest = rest.dropFirst()
            if blocks.count == 1 && i != 0 { return nil }
        }
        if rest.isEmpty { return true }
        // Nested blocks of a list keep source order but those of a set do not, so with
        // several blocks each is asked and they must agree.
        let answers = Set(blocks.map { writes(rest, in: $0.body) })
        return answers.count == 1 ? answers.first! : nil
    }

    /// The value at `path`, where an attribute the configuration leaves unset is replaced by
    /// `serviceDefault`: what the provider or AWS documents it applies when the argument is
    /// absent (EFS `encrypted` is false, an EBS volume's `type` is `gp2`). That is no guess
    /// when the provider computes such an attribute (it is unknown in a plan): the block
    /// provably says nothing and the API's default is fixed. A null value (unset, or
    /// written `null`) also means the default. An attribute written as an expression whose
    /// value only apply knows stays unknown, and so does an unset computed attribute when
    /// there is no block to read (plans, state). Nil when the path leads nowhere.
    func valueOrProviderDefault(_ path: String, default serviceDefault: Value) -> Value? {
        guard let v = value(path) else {
            return configurationWrites(path) == false ? serviceDefault : nil
        }
        if v.isNull { return serviceDefault }
        if v.isKnown { return v }
        if configurationWrites(path) == false { return serviceDefault }
        return v
    }

    /// Whether `path` will hold a value. An unknown value written as a reference to a
    /// resource's or data source's attribute (`aws_kms_key.logs.arn`) is set: apply fills
    /// it in and it is never null. Other unknowns (a variable, a module output, a
    /// conditional) may still turn out null.
    func presence(of path: String) -> Presence {
        guard let v = value(path) else { return .unset }
        if !v.isKnown {
            if let expression = writtenExpression(path), ExpressionFacts.refersToResourceAttribute(expression) {
                return .set
            }
            return .unknown
        }
        if v.isNull { return .unset }
        if let s = v.stringValue { return s.isEmpty ? .unset : .set }
        if let c = v.count, v.elements != nil || v.attributes != nil { return c == 0 ? .unset : .set }
        return .set
    }

    /// The expression written for a top-level or nested attribute, when the block has one.
    func writtenExpression(_ path: String) -> Expression? {
        guard var current = body else { return nil }
        let steps = PathStep.parse(path)
        var i = 0
        while i < steps.count {
            guard case .attribute(let name) = steps[i] else { return nil }
            if i == steps.count - 1 { return current.attribute(name)?.expression }
            let blocks = current.blocks(ofType: name)
            guard blocks.count == 1 else { return nil }
            current = blocks[0].body
            i += 1
            if i < steps.count, case .index(let n) = steps[i] {
                guard n == 0 else { return nil }
                i += 1
            }
        }
        return nil
    }
}

/// Facts about expressions as written, for checks that must tell a reference from a value.
enum ExpressionFacts {
    /// Roots of references that are not resources.
    private static let nonResourceRoots: Set<String> = ["var", "local", "module", "each", "count", "path", "terraform", "self"]

    /// Whether `expression` is a reference to an attribute of a managed resource or a data
    /// source (`aws_kms_key.k.arn`, `data.aws_kms_alias.s3.target_key_arn`), perhaps with
    /// an index (`aws_kms_key.k[0].arn`).
    static func refersToResourceAttribute(_ expression: Expression) -> Bool {
        guard let (root, names) = referenceChain(expression), !nonResourceRoots.contains(root) else { return false }
        return root == "data" ? names >= 3 : names >= 2
    }

    /// The root name of a reference and how many attribute names follow it, through
    /// indexes (`aws_kms_key.k[count.index].arn` is `aws_kms_key` then 2 names).
    private static func referenceChain(_ expression: Expression) -> (String, Int)? {
        switch expression {
        case .scopeTraversal(let steps, _):
            guard case .root(let root, _)? = steps.first else { return nil }
            return (root, attributeCount(steps.dropFirst()))
        case .relativeTraversal(let source, let steps, _):
            guard let (root, names) = referenceChain(source) else { return nil }
            return (root, names + attributeCount(steps[...]))
        case .index(let collection, _, _, _):
            return referenceChain(collection)
        case .templateWrap(let inner, _), .parentheses(let inner, _):
            return referenceChain(inner)
        default:
            return nil
        }
    }

    private static func attributeCount(_ steps: ArraySlice<TraversalStep>) -> Int {
        steps.filter { if case .attribute = $0 { return true } else { return false } }.count
    }
}
