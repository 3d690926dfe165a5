import HCL
import Terraform

/// The inbound entries of a network ACL, and which of them decides whether traffic from the
/// whole internet gets in.
///
/// Unlike a security group, a network ACL is ordered: AWS applies the entry with the lowest
/// rule number that matches a packet, and denies what no entry matches. Entries live in
/// inline `ingress` blocks of `aws_network_acl` / `aws_default_network_acl` and in
/// `aws_network_acl_rule` resources (with `egress = false`) that refer to the ACL.
enum NetworkACLRules {
    static let aclTypes: Set<String> = ["aws_network_acl", "aws_default_network_acl"]

    /// One inbound entry and where it is written.
    struct Entry: Sendable {
        /// Whether the entry is an `aws_network_acl_rule` resource rather than an inline block.
        var isResource: Bool
        var owner: ResourceInstance
        var valuePath: String
        var sourcePath: String

        func value(_ name: String) -> Value? { owner.value(valuePath.isEmpty ? name : "\(valuePath).\(name)") }
        func path(_ name: String) -> String { sourcePath.isEmpty ? name : "\(sourcePath).\(name)" }
        /// A path as a finding on another instance names it.
        func qualified(_ name: String) -> String { isResource ? "\(owner.address).\(name)" : path(name) }

        var numberName: String { isResource ? "rule_number" : "rule_no" }
        var actionName: String { isResource ? "rule_action" : "action" }
    }

    /// Which entry decides for internet traffic of a target.
    enum Decision: Sendable {
        /// `entry` lets the traffic in; `faultPath` holds its whole-internet CIDR.
        case admitted(Entry, faultPath: String, detail: String)
        /// A deny entry comes first, or no entry matches.
        case kept
        /// Only apply can tell (paths qualified by the owner when it is a rule resource).
        case unknown([String])
    }

    /// The inbound entries of `acl`, and the path to report when its inline entries are unknown.
    static func entries(of acl: ResourceInstance, in graph: ResourceGraph) -> (entries: [Entry], unknownPath: String?) {
        let separate = graph.referencing(acl, types: ["aws_network_acl_rule"]).filter { $0.bool("egress") != true }
            .map { Entry(isResource: true, owner: $0, valuePath: "", sourcePath: "") }
        guard let ingress = acl.value("ingress"), !ingress.isNull else { return (separate, nil) }
        guard ingress.isKnown else {
            // Unwritten, the attribute is computed from AWS; the provider forbids mixing
            // inline entries with rule resources.
            let writes = acl.configurationWrites("ingress")
            if writes == false || (writes == nil && !separate.isEmpty) { return (separate, nil) }
            return (separate, "ingress")
        }
        let compared = ["rule_no", "action", "protocol", "from_port", "to_port", "cidr_block", "ipv6_cidr_block"]
        let inline = (ingress.elements ?? []).enumerated().map { i, element in
            let k = SetBlockLocator.sourceIndex(of: element, valueIndex: i, blockType: "ingress", in: acl.body, comparing: compared)
            return Entry(isResource: false, owner: acl, valuePath: "ingress[\(i)]", sourcePath: "ingress[\(k)]")
        }
        return (inline + separate, nil)
    }

    /// What one entry does with `target` traffic from the whole internet, ignoring order:
    /// whether it matches (with the CIDR path and a description), and the unknown paths.
    private static func match(_ e: Entry, _ target: NetworkExposure.Target) -> (Tri, faultPath: String, detail: String, unknown: [String]) {
        let v4Value = e.value("cidr_block"), v6Value = e.value("ipv6_cidr_block")
        let v4 = NetworkExposure.includesWholeInternet(v4Value), v6 = NetworkExposure.includesWholeInternet(v6Value)
        let world = v4 || v6
        if world == .no { return (.no, "", "", []) }
        var unknown: [String] = []
        if v4 == .maybe { unknown.append(e.qualified("cidr_block")) }
        if v6 == .maybe { unknown.append(e.qualified("ipv6_cidr_block")) }
        guard let p = e.value("protocol"), p.isKnown else { return (.maybe, "", "", unknown + [e.qualified("protocol")]) }
        guard let raw = p.stringValue ?? p.numberValue.map({ "\($0.int ?? -1)" }) else { return (.no, "", "", []) }
        let proto = NetworkExposure.IPProtocol(raw)
        var ports = NetworkExposure.PortRange(from: nil, to: nil)
        if proto.hasPorts {
            let from = e.value("from_port"), to = e.value("to_port")
            if from?.isKnown == false || to?.isKnown == false {
                return (.maybe, "", "", unknown + [e.qualified("from_port"), e.qualified("to_port")])
            }
            ports = NetworkExposure.PortRange(from: from?.numberValue?.int, to: to?.numberValue?.int)
        }
        guard let detail = target.admitted(by: proto, ports: ports) else { return (.no, "", "", []) }
        guard world == .yes else { return (.maybe, "", "", unknown) }
        let cidr = NetworkExposure.wholeInternetCIDR(in: v4 == .yes ? v4Value : v6Value) ?? "the internet"
        return (.yes, e.path(v4 == .yes ? "cidr_block" : "ipv6_cidr_block"), "\(detail) from \(cidr)", [])
    }

    /// The entry that decides, walking the entries by rule number as AWS does.
    static func decide(_ entries: [Entry], _ target: NetworkExposure.Target) -> Decision {
        var numbered: [(Double, Entry)] = []
        var unknown: [String] = []
        var pendingAllow = false, pendingDeny = false
        for e in entries {
            if let n = e.value(e.numberName)?.numberValue?.double {
                numbered.append((n, e))
            } else if match(e, target).0 != .no {
                // Where an entry of unknown number falls in the order is unknown.
                pendingAllow = true
                unknown.append(e.qualified(e.numberName))
            }
        }
        for (_, e) in numbered.sorted(by: { $0.0 < $1.0 }) {
            let (m, faultPath, detail, paths) = match(e, target)
            if m == .no { continue }
            let action = e.value(e.actionName)?.stringValue?.lowercased()
            if m == .maybe || action == nil {
                unknown += m == .maybe ? paths : [e.qualified(e.actionName)]
                if action == "deny" { pendingDeny = true } else { pendingAllow = true }
                continue
            }
            if action == "allow" {
                return pendingDeny ? .unknown(unknown) : .admitted(e, faultPath: faultPath, detail: detail)
            }
            return pendingAllow ? .unknown(unknown) : .kept
        }
        return pendingAllow ? .unknown(unknown) : .kept
    }

    /// The verdict on an ACL (all its entries in order) or on a rule resource (as part of
    /// its ACL when the ACL is in the scan, otherwise on its own).
    static func verdict(_ instance: ResourceInstance, _ graph: ResourceGraph, _ target: NetworkExposure.Target) -> Verdict {
        if instance.type == "aws_network_acl_rule" {
            if instance.bool("egress") == true { return .notApplicable }
            if instance.value("egress")?.isKnown == false { return instance.unknownVerdict("egress") }
            let acls = graph.referenced(by: instance, types: aclTypes)
            let own = Entry(isResource: true, owner: instance, valuePath: "", sourcePath: "")
            var all = [own]
            if acls.count == 1 {
                let (entries, unknownPath) = entries(of: acls[0], in: graph)
                if unknownPath != nil { return instance.unknownVerdict("network_acl_id", why: "The inline entries of \(acls[0].address) are known only after apply.") }
                all = entries.contains { $0.owner.address == instance.address } ? entries : entries + [own]
            }
            switch decide(all, target) {
            case .admitted(let e, let faultPath, let detail):
                guard e.owner.address == instance.address else { return .passed }
                return .failed(path: faultPath, message: "\(instance.address) lets in \(detail).")
            case .kept:
                return .passed
            case .unknown(let paths):
                return .unknown(paths: paths, message: "Whether \(instance.address) lets this traffic in from the internet depends on \(paths.joined(separator: ", ")), known only after apply.")
            }
        }
        let (entries, unknownPath) = entries(of: instance, in: graph)
        if let unknownPath { return instance.unknownVerdict(unknownPath, why: "The inbound entries of \(instance.address) are known only after apply.") }
        switch decide(entries, target) {
        case .admitted(let e, let faultPath, let detail):
            if e.isResource {
                return .failed(path: "", message: "\(instance.address) lets in \(detail) through \(e.owner.address) (rule \(e.value("rule_number")?.numberValue?.description ?? "?")).")
            }
            return .failed(path: faultPath, message: "\(instance.address) lets in \(detail) (\(e.sourcePath), rule \(e.value("rule_no")?.numberValue?.description ?? "?")).")
        case .kept:
            return .passed
        case .unknown(let paths):
            return .unknown(paths: paths, message: "Whether \(instance.address) lets this traffic in from the internet depends on \(paths.joined(separator: ", ")), known only after apply.")
        }
    }
}
