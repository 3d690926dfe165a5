import HCL
import Terraform

/// How an `aws_s3_bucket` finds the resources that configure it since AWS provider v4
/// split the bucket (`aws_s3_bucket_versioning`, `_server_side_encryption_configuration`,
/// `_public_access_block`, `_logging`, `_lifecycle_configuration`, `_acl`, `_policy` ...).
enum S3BucketLinks {
    /// The instances of `type` whose `bucket` argument names this bucket: by reference
    /// (directly, or through locals and variables), or by the same literal bucket name.
    ///
    /// A reference elsewhere in the resource does not count: `aws_s3_bucket_logging` refers
    /// to its `target_bucket` too, and that does not give the target bucket logging.
    static func configurations(of bucket: ResourceInstance, type: String, _ context: CheckContext) -> [ResourceInstance] {
        var byReference = context.graph.referencing(bucket, types: [type]).filter { configures($0, bucket) }
        // `for_each = aws_s3_bucket.b` with `bucket = each.value.id`: the reference is in
        // the for_each expression, which the instances' dependencies do not record.
        let known = Set(byReference.map(\.address))
        byReference += context.graph.instances(ofType: type).filter { c in
            guard !known.contains(c.address), c.module == bucket.module, c.key == bucket.key, c.key != nil,
                let forEach = c.body?.attribute("for_each")?.expression
            else { return false }
            return forEach.resourceReferences.contains("aws_s3_bucket.\(bucket.name)") && configures(c, bucket)
        }
        guard let name = bucket.string("bucket") else { return byReference }
        let addresses = Set(byReference.map(\.address))
        let byName = context.graph.instances(ofType: type, where: "bucket", equals: name).filter {
            $0.module == bucket.module && !addresses.contains($0.address)
        }
        return byReference + byName
    }

    /// Whether `config`'s `bucket` argument is this bucket, as far as can be told (true
    /// when it cannot: the graph already says the two are connected).
    private static func configures(_ config: ResourceInstance, _ bucket: ResourceInstance) -> Bool {
        names(config, "bucket", bucket) ?? true
    }

    /// Whether the argument `attribute` of `config` (`bucket`, `target_bucket`) names this
    /// bucket: by a direct reference, through a module output of the module the bucket is
    /// in, or by the same literal name. Nil when it cannot be told (a local or variable
    /// stands in between, or the value is unknown in a plan).
    static func names(_ config: ResourceInstance, _ attribute: String, _ bucket: ResourceInstance) -> Bool? {
        if let e = config.configuredExpression(at: attribute) {
            let references = e.resourceReferences
            let buckets = Set(references.filter { $0.hasPrefix("aws_s3_bucket.") })
            if !buckets.isEmpty {
                return config.module == bucket.module && buckets.contains("aws_s3_bucket.\(bucket.name)")
            }
            let modules = Set(e.moduleReferences)
            if !modules.isEmpty {
                // module.logs.id names a bucket inside module "logs" (called from config's module).
                let depth = config.module.count
                guard bucket.module.count > depth, Array(bucket.module.prefix(depth)) == config.module else { return false }
                return modules.contains(bucket.module[depth].name)
            }
            if let theirs = config.string(attribute), let ours = bucket.string("bucket") { return theirs == ours }
            return nil
        }
        if let theirs = config.string(attribute), let ours = bucket.string("bucket") { return theirs == ours }
        return nil
    }

    /// A provider-v3 style inline setting of the bucket (`versioning`, `logging`, `acl`,
    /// `server_side_encryption_configuration`, `lifecycle_rule`, `policy`), or nil when
    /// the bucket does not set it inline.
    ///
    /// Provider v4+ declares these arguments optional *and computed*: left out, they are
    /// filled from the separate resources after apply, so a plan shows them as wholly
    /// unknown. Such a value is "not set inline", not an unknown setting; a value the
    /// configuration writes but apply must compute stays unknown.
    static func inline(_ bucket: ResourceInstance, _ path: String) -> Value? {
        guard let v = bucket.value(path), !v.isNull else { return nil }
        if !v.isKnown {
            let written = bucket.body.map { $0.attribute(path) != nil || !$0.blocks(ofType: path).isEmpty || $0.blocks.contains { $0.type == "dynamic" && $0.labels.first == path } } ?? false
            return written ? v : nil
        }
        if let es = v.elements, es.isEmpty { return nil }
        return v
    }
}

extension Expression {
    /// The module calls (`logs` in `module.logs.id`) this expression reads outputs of.
    var moduleReferences: [String] {
        var found: [String] = []
        collectReferences(into: &found, modules: true)
        return found
    }

    /// The resource addresses (`aws_s3_bucket.b`, `data.aws_iam_policy_document.d`) this
    /// expression refers to directly, in source order; references through locals,
    /// variables and modules are not followed.
    var resourceReferences: [String] {
        var found: [String] = []
        collectReferences(into: &found, modules: false)
        return found
    }

    private func collectReferences(into found: inout [String], modules: Bool) {
        switch self {
        case .scopeTraversal(let steps, _):
            guard case .root(let root, _)? = steps.first else { return }
            if modules {
                if root == "module", steps.count >= 2, case .attribute(let name, _) = steps[1] { found.append(name) }
                return
            }
            switch root {
            case "var", "local", "module", "each", "count", "path", "terraform", "self":
                return
            case "data":
                if steps.count >= 3, case .attribute(let type, _) = steps[1], case .attribute(let name, _) = steps[2] {
                    found.append("data.\(type).\(name)")
                }
            default:
                if steps.count >= 2, case .attribute(let name, _) = steps[1] { found.append("\(root).\(name)") }
            }
        case .literal, .anonSymbol, .invalid:
            return
        case .template(let parts, _):
            for p in parts { p.collectReferences(into: &found, modules: modules) }
        case .templateWrap(let e, _), .parentheses(let e, _), .unary(_, let e, _, _):
            e.collectReferences(into: &found, modules: modules)
        case .templateJoin(let f), .forExpression(let f):
            f.collection.collectReferences(into: &found, modules: modules)
            f.keyExpression?.collectReferences(into: &found, modules: modules)
            f.valueExpression.collectReferences(into: &found, modules: modules)
            f.condition?.collectReferences(into: &found, modules: modules)
        case .relativeTraversal(let source, _, _):
            source.collectReferences(into: &found, modules: modules)
        case .functionCall(let call):
            for a in call.arguments { a.collectReferences(into: &found, modules: modules) }
        case .conditional(let c, let t, let f, _):
            c.collectReferences(into: &found, modules: modules)
            t.collectReferences(into: &found, modules: modules)
            f.collectReferences(into: &found, modules: modules)
        case .binary(_, let l, let r, _):
            l.collectReferences(into: &found, modules: modules)
            r.collectReferences(into: &found, modules: modules)
        case .tuple(let es, _, _):
            for e in es { e.collectReferences(into: &found, modules: modules) }
        case .object(let items, _, _):
            for item in items {
                item.key.expression.collectReferences(into: &found, modules: modules)
                item.value.collectReferences(into: &found, modules: modules)
            }
        case .index(let c, let k, _, _):
            c.collectReferences(into: &found, modules: modules)
            k.collectReferences(into: &found, modules: modules)
        case .splat(let s, let e, _, _, _):
            s.collectReferences(into: &found, modules: modules)
            e.collectReferences(into: &found, modules: modules)
        }
    }
}
