import HCL

/// Terraform state, read from a state file (`terraform.tfstate`, version 4) or from
/// `terraform show -json` of a state (or a plan's `prior_state`).
public struct State: Sendable, Hashable {
    /// Which of Terraform's two state representations the state was read from.
    public enum Format: Sendable, Hashable {
        /// A state file, `"version": 4`.
        case stateFile(version: Int)
        /// The JSON output format (`format_version` plus `values`).
        case values(formatVersion: FormatVersion)
    }

    /// The file the state was read from.
    public var path: String
    public var format: Format
    public var terraformVersion: String?
    /// The state file's serial and lineage; nil in the JSON output format.
    public var serial: Int?
    public var lineage: String?
    /// Every object in the state, current and deposed, in the file's order.
    public var objects: [StateObject]
    /// Root module outputs, sorted by name.
    public var outputs: [OutputValue]

    public init(
        path: String, format: Format, terraformVersion: String? = nil, serial: Int? = nil, lineage: String? = nil,
        objects: [StateObject] = [], outputs: [OutputValue] = []
    ) {
        self.path = path
        self.format = format
        self.terraformVersion = terraformVersion
        self.serial = serial
        self.lineage = lineage
        self.objects = objects
        self.outputs = outputs
    }

    /// The current object of every resource instance (deposed objects left out, so each
    /// address appears once).
    public var resourceInstances: [ResourceInstance] {
        objects.compactMap { $0.deposed == nil ? $0.instance : nil }
    }

    /// The current instance at an address (as Terraform writes it), if the state has one.
    public func instance(at address: String) -> ResourceInstance? {
        guard let parsed = try? Address.parseInstance(address) else { return nil }
        return objects.first { $0.deposed == nil && $0.instance.parsedAddress == parsed }?.instance
    }
}
