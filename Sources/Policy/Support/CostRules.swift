import HCL
import Terraform

/// What the cost checks share: instance sizes against the allowed maximum, and the EBS
/// volumes a resource declares.
enum CostRules {
    /// Fails when the instance type or class at `path` is larger than `max` (a size name
    /// such as `4xlarge`).
    static func judgeSize(_ r: ResourceInstance, path: String, max: String, what: String) -> Verdict {
        guard let v = r.value(path) else { return .notApplicable }
        guard v.isKnown else {
            // An instance without instance_type takes it from its launch template, judged there.
            return r.configurationWrites(path) == false ? .notApplicable : AttributeRules.unknown(r, path)
        }
        guard let name = v.stringValue, let type = ParsedInstanceType(name) else { return .notApplicable }
        let limit = ParsedInstanceType.capacity(ofSize: max) ?? 16
        if type.capacity > limit {
            return .failed(path: path, message: "\(what) \(name) of \(r.address) is larger than \(max), the largest size allowed without a reason.")
        }
        return .passed
    }

    /// One EBS volume a resource declares: where its type is written, the type (nil when
    /// only apply knows it), whether that is the service default, and where its IOPS are.
    struct Volume {
        var path: String
        var type: String?
        var defaulted: Bool
        var iopsPath: String
    }

    /// The volumes whose type the configuration decides. A block device without a
    /// volume_type takes the AMI's type, which no scan can see, so it is not listed; a
    /// standalone aws_ebs_volume without type is gp2, the API's default.
    static func volumeTypes(of r: ResourceInstance) -> [Volume] {
        func volume(_ base: String, typeKey: String) -> Volume? {
            let path = base + typeKey
            let iopsPath = base + "iops"
            guard let v = r.value(path), !v.isNull else { return nil }
            if !v.isKnown && r.configurationWrites(path) == false { return nil }
            return Volume(path: path, type: v.isKnown ? v.stringValue : nil, defaulted: false, iopsPath: iopsPath)
        }
        switch r.type {
        case "aws_ebs_volume":
            guard let v = r.valueOrProviderDefault("type", default: .string("gp2")) else { return [] }
            return [Volume(path: "type", type: v.isKnown ? v.stringValue : nil, defaulted: r.configurationWrites("type") == false, iopsPath: "iops")]
        case "aws_instance", "aws_launch_configuration":
            var volumes: [Volume] = []
            if !r.blocks("root_block_device").isEmpty, let v = volume("root_block_device[0].", typeKey: "volume_type") {
                volumes.append(v)
            }
            for i in r.blocks("ebs_block_device").indices {
                if let v = volume("ebs_block_device[\(i)].", typeKey: "volume_type") { volumes.append(v) }
            }
            return volumes
        case "aws_launch_template":
            var volumes: [Volume] = []
            for (i, mapping) in r.blocks("block_device_mappings").enumerated() where !(mapping.attributes?["ebs"]?.elements ?? []).isEmpty {
                if let v = volume("block_device_mappings[\(i)].ebs[0].", typeKey: "volume_type") { volumes.append(v) }
            }
            return volumes
        default:
            return []
        }
    }
}
