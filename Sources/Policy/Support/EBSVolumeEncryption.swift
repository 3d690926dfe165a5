import HCL
import Terraform

/// How EBS volumes, wherever they are declared, come to be encrypted.
enum EBSVolumeEncryption {
    /// Whether the configuration turns EBS encryption by default on for its region (the
    /// resource's `enabled` defaults to true). Every new volume is then encrypted, whatever
    /// the volume itself says.
    static func enabledByDefault(_ graph: ResourceGraph) -> Bool {
        graph.instances(ofType: "aws_ebs_encryption_by_default").contains { setting in
            switch setting.argument("enabled") {
            case .unset: return true
            case .unknown: return false
            case let s: return s.bool == true
            }
        }
    }

    enum Answer: Equatable {
        case yes
        /// Not encrypted: the path to point at.
        case no(String)
        /// Only apply can tell: the path that decides.
        case maybe(String)
    }

    /// Whether the volume described at `prefix` (`root_block_device[0]`, `""` for an
    /// `aws_ebs_volume`) is encrypted. A volume restored from a snapshot takes the
    /// snapshot's encryption, which the configuration does not show.
    static func volume(_ r: ResourceInstance, _ prefix: String, byDefault: Bool) -> Answer {
        func path(_ name: String) -> String { prefix.isEmpty ? name : "\(prefix).\(name)" }
        let encrypted = r.argument(path("encrypted"))
        switch encrypted {
        case .known:
            if encrypted.bool == true || byDefault { return .yes }
            return .no(path("encrypted"))
        case .unknown:
            return byDefault ? .yes : .maybe(path("encrypted"))
        case .unset:
            if byDefault { return .yes }
            switch r.argument(path("snapshot_id")) {
            case .known: return .maybe(path("snapshot_id"))
            case .unknown: return .maybe(path("snapshot_id"))
            case .unset: return .no(path("encrypted"))
            }
        }
    }
}
