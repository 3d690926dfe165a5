/// A resource instance address taken apart: `module.a["x"].data.aws_iam_policy_document.p[0]`.
public struct ResourceInstanceAddress: Sendable, Hashable, CustomStringConvertible {
    public var module: [ModuleStep]
    public var mode: ResourceInstance.Mode
    public var type: String
    public var name: String
    public var key: InstanceKey?

    public init(module: [ModuleStep] = [], mode: ResourceInstance.Mode, type: String, name: String, key: InstanceKey? = nil) {
        self.module = module
        self.mode = mode
        self.type = type
        self.name = name
        self.key = key
    }

    /// The address written as Terraform writes it.
    public var description: String { Address.instance(module: module, mode: mode, type: type, name: name, key: key) }
}

extension ResourceInstance {
    /// The instance's address taken apart.
    public var parsedAddress: ResourceInstanceAddress {
        ResourceInstanceAddress(module: module, mode: mode, type: type, name: name, key: key)
    }
}
