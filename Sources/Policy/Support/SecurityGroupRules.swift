import HCL
import Terraform

/// The effective ingress rules of a security group, and what they admit from the internet.
///
/// Terraform lets a group's ingress rules be written in three places: inline `ingress`
/// blocks of the group (`dynamic` blocks already expanded in the values), resources
/// `aws_security_group_rule` of type "ingress", and resources
/// `aws_vpc_security_group_ingress_rule`, both pointing at the group through
/// `security_group_id`. A group is judged with all of them; a rule resource is also judged
/// on its own, so that a finding sits on the block that opened the port.
enum SecurityGroupRules {
    /// The resource types that hold ingress rules of their own.
    static let ruleResourceTypes: Set<String> = ["aws_security_group_rule", "aws_vpc_security_group_ingress_rule"]

    /// One ingress rule and where it is written.
    struct Rule: Sendable {
        enum Form: Sendable, Hashable {
            /// An `ingress` block (or element) of `aws_security_group` / `aws_default_security_group`.
            case inline
            /// An `aws_security_group_rule`: lists `cidr_blocks`, `ipv6_cidr_blocks`.
            case securityGroupRule
            /// An `aws_vpc_security_group_ingress_rule`: one `cidr_ipv4` or `cidr_ipv6`.
            case vpcIngressRule
        }

        var form: Form
        /// The instance the rule is written in.
        var owner: ResourceInstance
        /// Where the rule sits in the owner's values (`ingress[2]`; empty for a rule resource).
        var valuePath: String
        /// The same with the block counted in source order, for findings.
        var sourcePath: String

        func value(_ name: String) -> Value? { owner.value(Self.join(valuePath, name)) }
        func path(_ name: String) -> String { Self.join(sourcePath, name) }

        var protocolName: String { form == .vpcIngressRule ? "ip_protocol" : "protocol" }
        var ipv4Name: String { form == .vpcIngressRule ? "cidr_ipv4" : "cidr_blocks" }
        var ipv6Name: String { form == .vpcIngressRule ? "cidr_ipv6" : "ipv6_cidr_blocks" }

        private static func join(_ a: String, _ b: String) -> String { a.isEmpty ? b : "\(a).\(b)" }
    }

    /// What one rule admits of a target.
    struct Judgement: Sendable {
        var admits: Tri
        /// When `.yes`: the attribute holding the whole-internet CIDR, and what it lets in.
        var faultPath = ""
        var detail = ""
        /// When `.maybe`: the attributes only apply can fill.
        var unknownPaths: [String] = []
    }

    /// Whether `rule` admits `target` traffic from the whole internet.
    static func judge(_ rule: Rule, _ target: NetworkExposure.Target) -> Judgement {
        var unknown: [String] = []
        let v4Value = rule.value(rule.ipv4Name), v6Value = rule.value(rule.ipv6Name)
        let v4 = NetworkExposure.includesWholeInternet(v4Value)
        let v6 = NetworkExposure.includesWholeInternet(v6Value)
        let fromInternet = v4 || v6
        if fromInternet == .no { return Judgement(admits: .no) }
        if v4 == .maybe { unknown.append(rule.path(rule.ipv4Name)) }
        if v6 == .maybe { unknown.append(rule.path(rule.ipv6Name)) }

        let protocolValue = rule.value(rule.protocolName)
        guard let protocolValue, protocolValue.isKnown else {
            return Judgement(admits: .maybe, unknownPaths: unknown + [rule.path(rule.protocolName)])
        }
        guard let raw = protocolValue.stringValue ?? protocolValue.numberValue.map({ "\($0.int ?? -1)" }) else {
            return Judgement(admits: .no)
        }
        let proto = NetworkExposure.IPProtocol(raw)
        var ports = NetworkExposure.PortRange(from: nil, to: nil)
        if proto.hasPorts {
            let from = rule.value("from_port"), to = rule.value("to_port")
            var portsUnknown: [String] = []
            if from?.isKnown == false { portsUnknown.append(rule.path("from_port")) }
            if to?.isKnown == false { portsUnknown.append(rule.path("to_port")) }
            guard portsUnknown.isEmpty else { return Judgement(admits: .maybe, unknownPaths: unknown + portsUnknown) }
            ports = NetworkExposure.PortRange(from: from?.numberValue?.int, to: to?.numberValue?.int)
        }
        guard let detail = target.admitted(by: proto, ports: ports) else { return Judgement(admits: .no) }
        guard fromInternet == .yes else { return Judgement(admits: .maybe, unknownPaths: unknown) }
        let faultName = v4 == .yes ? rule.ipv4Name : rule.ipv6Name
        let cidr = NetworkExposure.wholeInternetCIDR(in: v4 == .yes ? v4Value : v6Value) ?? "the internet"
        return Judgement(admits: .yes, faultPath: rule.path(faultName), detail: "\(detail) from \(cidr)")
    }

    // MARK: Gathering

    /// A rule resource as a rule; nil for an `aws_security_group_rule` of type "egress" and
    /// for any other type.
    static func rule(resource r: ResourceInstance) -> Rule? {
        switch r.type {
        case "aws_security_group_rule":
            if r.string("type") == "egress" { return nil }
            return Rule(form: .securityGroupRule, owner: r, valuePath: "", sourcePath: "")
        case "aws_vpc_security_group_ingress_rule":
            return Rule(form: .vpcIngressRule, owner: r, valuePath: "", sourcePath: "")
        default:
            return nil
        }
    }

    /// The rule resources that add ingress rules to `group`.
    static func separateRules(of group: ResourceInstance, in graph: ResourceGraph) -> [Rule] {
        graph.referencing(group, types: ruleResourceTypes)
            .filter { !namesAnotherGroup($0, than: group) }
            .compactMap { rule(resource: $0) }
    }

    /// Whether a rule resource's `security_group_id` is written as a direct reference to a
    /// different group: then `group` is only its source (`source_security_group_id`).
    private static func namesAnotherGroup(_ rule: ResourceInstance, than group: ResourceInstance) -> Bool {
        guard let expression = rule.writtenExpression("security_group_id"),
            case .scopeTraversal(let steps, _) = expression,
            case .root(let root, _)? = steps.first, root.hasPrefix("aws_"),
            steps.count >= 2, case .attribute(let name, _) = steps[1]
        else { return false }
        return rule.module == group.module && (root != group.type || name != group.name)
    }

    /// The inline rules of a group, and the path to report when they are unknown.
    ///
    /// When the configuration writes no `ingress`, the provider computes the attribute from
    /// whatever AWS holds, so it is unknown before apply; a new group then has no inline
    /// rules. Rule resources pointing at the group prove the same: the provider forbids
    /// mixing them with inline rules.
    static func inlineRules(of group: ResourceInstance, hasSeparateRules: Bool) -> (rules: [Rule], unknownPath: String?) {
        guard let ingress = group.value("ingress"), !ingress.isNull else { return ([], nil) }
        guard ingress.isKnown else {
            let writes = group.configurationWrites("ingress")
            if writes == false || (writes == nil && hasSeparateRules) { return ([], nil) }
            return ([], "ingress")
        }
        let elements = ingress.elements ?? []
        let compared = ["from_port", "to_port", "protocol", "cidr_blocks", "ipv6_cidr_blocks", "description"]
        return (elements.enumerated().map { i, element in
            let k = SetBlockLocator.sourceIndex(of: element, valueIndex: i, blockType: "ingress", in: group.body, comparing: compared)
            return Rule(form: .inline, owner: group, valuePath: "ingress[\(i)]", sourcePath: "ingress[\(k)]")
        }, nil)
    }

    // MARK: Verdicts

    /// The verdict on a security group (with every rule that applies to it) or on a rule
    /// resource (on its own) for traffic `target` from the whole internet.
    static func verdict(_ instance: ResourceInstance, _ graph: ResourceGraph, _ target: NetworkExposure.Target) -> Verdict {
        switch instance.type {
        case "aws_security_group", "aws_default_security_group":
            return groupVerdict(instance, graph, target)
        default:
            return ruleVerdict(instance, target)
        }
    }

    private static func groupVerdict(_ group: ResourceInstance, _ graph: ResourceGraph, _ target: NetworkExposure.Target) -> Verdict {
        let separate = separateRules(of: group, in: graph)
        let (inline, inlineUnknown) = inlineRules(of: group, hasSeparateRules: !separate.isEmpty)
        var unknownPaths: [String] = inlineUnknown.map { [$0] } ?? []
        var opened: (Rule, Judgement)?
        for rule in inline + separate {
            let j = judge(rule, target)
            switch j.admits {
            case .yes:
                if opened == nil { opened = (rule, j) }
            case .maybe:
                unknownPaths += rule.form == .inline ? j.unknownPaths : j.unknownPaths.map { "\(rule.owner.address).\($0)" }
            case .no:
                break
            }
        }
        if let (rule, j) = opened {
            if rule.form == .inline {
                return .failed(path: j.faultPath, message: "\(group.address) admits \(j.detail) (\(rule.sourcePath)).")
            }
            return .failed(path: "", message: "\(group.address) admits \(j.detail) through \(rule.owner.address).")
        }
        if !unknownPaths.isEmpty {
            let why = inlineUnknown != nil
                ? (group.body == nil
                    ? "The plan does not show the inline ingress rules of \(group.address): the configuration writes none (AWS then adds none), or writes them from values known only after apply."
                    : "The inline ingress rules of \(group.address) are known only after apply.")
                : "Whether \(group.address) admits this traffic from the internet depends on \(unknownPaths.joined(separator: ", ")), known only after apply."
            return .unknown(paths: unknownPaths, message: why)
        }
        return .passed
    }

    private static func ruleVerdict(_ resource: ResourceInstance, _ target: NetworkExposure.Target) -> Verdict {
        guard let rule = rule(resource: resource) else { return .notApplicable }
        var j = judge(rule, target)
        // A rule whose direction is unknown may be an egress rule.
        if rule.form == .securityGroupRule, resource.value("type")?.isKnown == false, j.admits == .yes {
            j = Judgement(admits: .maybe, unknownPaths: ["type"])
        }
        switch j.admits {
        case .yes:
            return .failed(path: j.faultPath, message: "\(resource.address) admits \(j.detail).")
        case .maybe:
            return .unknown(paths: j.unknownPaths, message: "Whether \(resource.address) admits this traffic from the internet depends on \(j.unknownPaths.joined(separator: ", ")), known only after apply.")
        case .no:
            return .passed
        }
    }
}
