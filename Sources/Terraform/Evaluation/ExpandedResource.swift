import HCL

/// A resource block after `count`/`for_each` expansion and evaluation.
struct ExpandedResource {
    var instances: [ResourceInstance]
    /// What `aws_s3_bucket.b` evaluates to elsewhere in the module.
    var referenceValue: Value
}

extension ModuleScope {
    func expand(_ declaration: ResourceDeclaration) -> ExpandedResource {
        let key = ResourceDeclaration.key(mode: declaration.mode, type: declaration.type, name: declaration.name)
        if let done = resources[key] { return done }
        let result = guarded(key, range: declaration.site.range, file: declaration.site.file,
                             cycleValue: ExpandedResource(instances: [], referenceValue: .dynamicUnknown)) {
            evaluateResource(declaration)
        }
        resources[key] = result
        return result
    }

    private func evaluateResource(_ d: ResourceDeclaration) -> ExpandedResource {
        let file = d.site.file
        let what = ResourceDeclaration.key(mode: d.mode, type: d.type, name: d.name)
        // `for_each = aws_s3_bucket.b` with `bucket = each.value.id`: what the expansion
        // refers to, each instance refers to.
        let (expanded, expansionDependencies) = collectingDependencies {
            Expansion.instances(count: d.count, forEach: d.forEach, scope: self, file: file, what: what)
        }
        guard let expansion = expanded else {
            return ExpandedResource(instances: [], referenceValue: .dynamicUnknown)
        }
        let schema = session.schemas.schema(mode: d.mode, type: d.type)
        var instances: [ResourceInstance] = []
        var values: [(InstanceKey?, Value)] = []
        for instance in expansion {
            let (value, found) = collectingDependencies {
                BodyValues.resourceValue(
                    d.body, schema: schema, knownProvider: session.schemas.knowsProvider(of: d.type) || d.type == "terraform_data",
                    scope: self, file: file, bound: instance.bound)
            }
            values.append((instance.key, value))
            instances.append(ResourceInstance(
                module: path, mode: d.mode, type: d.type, name: d.name, key: instance.key,
                provider: providerName(d), values: value, origin: .configuration(file: file, range: d.site.range),
                dependencies: found.union(expansionDependencies).sorted(), body: d.body))
        }
        return ExpandedResource(
            instances: instances, referenceValue: Expansion.referenceValue(count: d.count, forEach: d.forEach, instances: values))
    }

    private func providerName(_ d: ResourceDeclaration) -> String {
        if d.type == "terraform_data" { return "terraform.io/builtin/terraform" }
        let local = d.provider?.split(separator: ".").first.map(String.init) ?? String(d.type.prefix { $0 != "_" })
        return "registry.terraform.io/hashicorp/\(local)"
    }
}
