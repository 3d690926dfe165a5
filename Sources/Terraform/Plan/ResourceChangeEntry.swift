/// One entry of a plan's `resource_changes` or `resource_drift`: the change itself plus what
/// the plan says about the object it concerns.
public struct ResourceChangeEntry: Sendable, Hashable {
    /// A resource being imported (`import` blocks, Terraform 1.5+).
    public struct Importing: Sendable, Hashable {
        /// The import ID, when given by ID (identity-based imports have none).
        public var id: String?

        public init(id: String?) { self.id = id }
    }

    public var change: ResourceChange
    /// The module instance path, parsed from the address.
    public var module: [ModuleStep]
    /// The `count` index or `for_each` key, parsed from the address.
    public var key: InstanceKey?
    /// The provider, as the plan names it (`registry.terraform.io/hashicorp/aws`).
    public var provider: String?
    /// The deposed key when the entry concerns a deposed object — one left behind by a
    /// `create_before_destroy` replacement whose destroy failed — rather than the current
    /// object. The same address then has two entries.
    public var deposed: String?
    public var importing: Importing?
    /// HCL that `terraform plan -generate-config-out` wrote for an imported resource.
    public var generatedConfig: String?

    public init(
        change: ResourceChange, module: [ModuleStep], key: InstanceKey?, provider: String?,
        deposed: String? = nil, importing: Importing? = nil, generatedConfig: String? = nil
    ) {
        self.change = change
        self.module = module
        self.key = key
        self.provider = provider
        self.deposed = deposed
        self.importing = importing
        self.generatedConfig = generatedConfig
    }

    public var address: String { change.address }

    /// The address taken apart.
    public var parsedAddress: ResourceInstanceAddress {
        ResourceInstanceAddress(module: module, mode: change.mode, type: change.type, name: change.name, key: key)
    }
}
