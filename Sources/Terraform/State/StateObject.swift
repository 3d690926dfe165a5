/// One remote object recorded in state: a resource instance plus its bookkeeping.
public struct StateObject: Sendable, Hashable {
    public var instance: ResourceInstance
    /// The deposed key when this is a deposed object: an old object that a
    /// `create_before_destroy` replacement failed to destroy. It still exists in the
    /// cloud, and the next apply will try to destroy it.
    public var deposed: String?
    /// Whether the object is tainted (a failed create or `terraform taint`): the next
    /// apply replaces it.
    public var tainted: Bool
    /// The provider's schema version the attributes were written with.
    public var schemaVersion: Int?
    /// Addresses of the resources this one depended on when it was last applied.
    public var dependencies: [String]

    public init(instance: ResourceInstance, deposed: String? = nil, tainted: Bool = false, schemaVersion: Int? = nil, dependencies: [String] = []) {
        self.instance = instance
        self.deposed = deposed
        self.tainted = tainted
        self.schemaVersion = schemaVersion
        self.dependencies = dependencies
    }
}
