import Foundation
import Terraform

/// The resource instances of one scan and the references between them.
///
/// The AWS provider splits one bucket into many resources; a check on the bucket asks the
/// graph for the `aws_s3_bucket_versioning` (etc.) that refer to it. Lookups are indexed:
/// checks run once per instance, so a scan over thousands of buckets must not rescan
/// every instance for each of them.
public struct ResourceGraph: Sendable {
    public let instances: [ResourceInstance]
    /// Instances by resource address (no key).
    private let byResource: [String: [Int]]
    /// Instances by type.
    private let byType: [String: [Int]]
    /// For each resource address, the instances that refer to it: those whose key matches
    /// one of the resource's own keys (`for_each` on both sides), by that key, and the rest.
    private let keyedReferrers: [String: [InstanceKey: [Int]]]
    private let otherReferrers: [String: [Int]]
    /// Instances by the known string at an attribute path, built on first use per
    /// (type, path): "which logging resource names this bucket" is asked once per bucket.
    private let stringIndex = StringIndex()

    public init(_ instances: [ResourceInstance]) {
        self.instances = instances
        var byResource: [String: [Int]] = [:]
        var byType: [String: [Int]] = [:]
        var referrers: [String: [Int]] = [:]
        for (i, instance) in instances.enumerated() {
            byResource[instance.resourceAddress, default: []].append(i)
            byType[instance.type, default: []].append(i)
            for dependency in Set(instance.dependencies) { referrers[dependency, default: []].append(i) }
        }
        var keyed: [String: [InstanceKey: [Int]]] = [:]
        var other: [String: [Int]] = [:]
        for (address, indices) in referrers {
            let ownKeys = Set((byResource[address] ?? []).compactMap { instances[$0].key })
            for i in indices {
                if let k = instances[i].key, ownKeys.contains(k) {
                    keyed[address, default: [:]][k, default: []].append(i)
                } else {
                    other[address, default: []].append(i)
                }
            }
        }
        self.byResource = byResource
        self.byType = byType
        self.keyedReferrers = keyed
        self.otherReferrers = other
    }

    /// Instances of `types` that refer to `target`. Where both sides are keyed (`for_each`
    /// on both), an instance connects to the target with the same key when there is one.
    public func referencing(_ target: ResourceInstance, types: Set<String>) -> [ResourceInstance] {
        let address = target.resourceAddress
        var indices = otherReferrers[address] ?? []
        if let key = target.key {
            indices += keyedReferrers[address]?[key] ?? []
        } else {
            for (_, more) in keyedReferrers[address] ?? [:] { indices += more }
        }
        // Filter on the type before copying: a resource referred to by thousands of
        // instances of other types must not copy them all to find a handful of rules.
        return indices.filter { types.contains(instances[$0].type) }.sorted().map { instances[$0] }
    }

    /// Instances of `types` that `source` refers to.
    public func referenced(by source: ResourceInstance, types: Set<String>) -> [ResourceInstance] {
        source.dependencies.flatMap { (byResource[$0] ?? []).filter { types.contains(instances[$0].type) }.map { instances[$0] } }
    }

    /// Instances of `type` whose known string at `path` equals `value`.
    public func instances(ofType type: String, where path: String, equals value: String) -> [ResourceInstance] {
        let table = stringIndex.table(type: type, path: path) {
            var table: [String: [Int]] = [:]
            for i in byType[type] ?? [] {
                if let s = instances[i].string(path) { table[s, default: []].append(i) }
            }
            return table
        }
        return (table[value] ?? []).map { instances[$0] }
    }

    /// Every instance of a type.
    public func instances(ofType type: String) -> [ResourceInstance] {
        (byType[type] ?? []).map { instances[$0] }
    }
}

/// The memo behind `ResourceGraph.instances(ofType:where:equals:)`; the graph is a value
/// shared by every check, so the memo is a locked reference.
private final class StringIndex: @unchecked Sendable {
    private var tables: [String: [String: [Int]]] = [:]
    private let lock = NSLock()

    func table(type: String, path: String, build: () -> [String: [Int]]) -> [String: [Int]] {
        let key = type + "|" + path
        lock.lock()
        defer { lock.unlock() }
        if let t = tables[key] { return t }
        let t = build()
        tables[key] = t
        return t
    }
}
