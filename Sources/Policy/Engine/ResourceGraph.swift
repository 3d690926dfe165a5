import Terraform

/// The resource instances of one scan and the references between them.
///
/// The AWS provider splits one bucket into many resources; a check on the bucket asks the
/// graph for the `aws_s3_bucket_versioning` (etc.) that refer to it.
public struct ResourceGraph: Sendable {
    public let instances: [ResourceInstance]
    /// Instances by resource address (no key).
    private let byResource: [String: [Int]]
    /// Instances that refer to a resource address.
    private let referrers: [String: [Int]]

    public init(_ instances: [ResourceInstance]) {
        self.instances = instances
        var byResource: [String: [Int]] = [:]
        var referrers: [String: [Int]] = [:]
        for (i, instance) in instances.enumerated() {
            byResource[instance.resourceAddress, default: []].append(i)
            for dependency in Set(instance.dependencies) { referrers[dependency, default: []].append(i) }
        }
        self.byResource = byResource
        self.referrers = referrers
    }

    /// Instances of `types` that refer to `target`. Where both sides are keyed (`for_each`
    /// on both), an instance connects to the target with the same key when there is one.
    public func referencing(_ target: ResourceInstance, types: Set<String>) -> [ResourceInstance] {
        let candidates = (referrers[target.resourceAddress] ?? []).map { instances[$0] }.filter { types.contains($0.type) }
        guard let key = target.key else { return candidates }
        let siblingKeys = Set((byResource[target.resourceAddress] ?? []).compactMap { instances[$0].key })
        return candidates.filter { c in
            guard let k = c.key, siblingKeys.contains(k) else { return true }
            return k == key
        }
    }

    /// Instances of `types` that `source` refers to.
    public func referenced(by source: ResourceInstance, types: Set<String>) -> [ResourceInstance] {
        source.dependencies.flatMap { (byResource[$0] ?? []).map { instances[$0] } }.filter { types.contains($0.type) }
    }

    /// Every instance of a type.
    public func instances(ofType type: String) -> [ResourceInstance] {
        instances.filter { $0.type == type }
    }
}
