import HCL

/// One resource instance as every source sees it: configuration, plan, state or the cloud.
///
/// This is the centre of Airlock's data path. Checks read only this: its type, its full
/// address exactly as Terraform writes it, attribute values in which every part is known
/// or unknown, and where it came from.
public struct ResourceInstance: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable {
        case managed
        case data
    }

    /// The full address, `module.a["x"].aws_s3_bucket.b[0]`. Kept up to date with the parts
    /// it is made of, since checks and the resource graph ask for it constantly.
    public private(set) var address: String = ""
    /// The resource's address without the instance key (`module.a.aws_s3_bucket.b`).
    public private(set) var resourceAddress: String = ""
    /// The module instance path; empty for the root module.
    public var module: [ModuleStep] { didSet { refreshAddresses() } }
    public var mode: Mode { didSet { refreshAddresses() } }
    public var type: String { didSet { refreshAddresses() } }
    public var name: String { didSet { refreshAddresses() } }
    /// The `count` index or `for_each` key; nil for a single instance.
    public var key: InstanceKey? { didSet { refreshAddresses() } }
    /// The provider configuration, as Terraform names it (`registry.terraform.io/hashicorp/aws`).
    public var provider: String?
    /// The attribute values as one object. Nested blocks are lists of objects, as in
    /// Terraform's `planned_values`; what only apply can know is unknown.
    public var values: Value
    public var origin: Origin
    /// The resources this instance's configuration refers to, directly or through locals,
    /// variables and module outputs: resource addresses without instance keys
    /// (`module.a.aws_s3_bucket.b`). How split resources find the bucket they configure.
    public var dependencies: [String]
    /// The resource block as written, when the instance comes from configuration: checks
    /// use it to point at the exact attribute.
    public var body: Body?

    public init(
        module: [ModuleStep] = [], mode: Mode, type: String, name: String, key: InstanceKey? = nil,
        provider: String? = nil, values: Value, origin: Origin, dependencies: [String] = [], body: Body? = nil
    ) {
        self.dependencies = dependencies
        self.body = body
        self.module = module
        self.mode = mode
        self.type = type
        self.name = name
        self.key = key
        self.provider = provider
        self.values = values
        self.origin = origin
        refreshAddresses()
    }

    /// The paths of every unknown attribute, in Terraform's path syntax (`ingress[0].cidr_blocks`).
    public var unknownPaths: [String] { ValuePath.unknownPaths(in: values) }

    private mutating func refreshAddresses() {
        resourceAddress = Address.instance(module: module, mode: mode, type: type, name: name, key: nil)
        address = key.map { resourceAddress + $0.description } ?? resourceAddress
    }
}

/// Where a resource instance's values come from.
public enum Origin: Sendable, Hashable {
    /// Evaluated from configuration: the file and the range of the resource block.
    case configuration(file: String, range: SourceRange)
    /// Read from a plan (`terraform show -json`).
    case plan(path: String)
    /// Read from a state file.
    case state(path: String)
    /// Observed in the cloud by an API call.
    case cloud(call: String)
}

/// A `count` index or a `for_each` key.
public enum InstanceKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    case int(Int)
    case string(String)

    /// The key as it appears in an address: `[0]` or `["name"]`.
    public var description: String {
        switch self {
        case .int(let i): return "[\(i)]"
        case .string(let s): return "[\(Address.quoted(s))]"
        }
    }

    /// The key as a Terraform value (`count.index` or `each.key`).
    public var value: Value {
        switch self {
        case .int(let i): return .number(i)
        case .string(let s): return .string(s)
        }
    }

    public static func < (a: InstanceKey, b: InstanceKey) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.string(let x), .string(let y)): return x < y
        case (.int, .string): return true
        case (.string, .int): return false
        }
    }
}

/// One step of a module instance path: `module.name` plus its key.
public struct ModuleStep: Sendable, Hashable {
    public var name: String
    public var key: InstanceKey?

    public init(name: String, key: InstanceKey? = nil) {
        self.name = name
        self.key = key
    }
}
