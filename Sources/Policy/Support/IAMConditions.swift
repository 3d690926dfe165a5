/// What the conditions of a statement achieve, for resource and trust policies.
enum IAMConditions {
    /// Condition keys that narrow *who* can use a statement (the caller's organisation,
    /// account, network path or the resource on whose behalf a service calls). Keys of the
    /// request (aws:SecureTransport, aws:RequestTag ...) do not: anyone can meet them.
    static let callerKeys: Set<String> = [
        "aws:sourcevpce", "aws:sourcevpc", "aws:vpceaccount", "aws:vpceorgid", "aws:vpceorgpaths",
        "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
        "aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid", "aws:sourceorgpaths", "aws:sourceip",
        "aws:userid", "aws:username", "aws:principalservicename", "aws:ec2instancesourcevpc",
        "ec2:sourceinstancearn", "lambda:sourcefunctionarn", "ssm:sourceinstancearn", "sts:externalid",
    ]

    /// Whether a condition operator can narrow the caller. Negated operators admit
    /// everyone but a few; `...IfExists` passes when the key is absent, which it is for an
    /// anonymous caller; `Null` only tests presence.
    static func narrows(_ op: String) -> Bool {
        let o = op.lowercased()
        if o.contains("not") || o.hasSuffix("ifexists") || o == "null" { return false }
        return true
    }

    /// Whether a statement's conditions limit who can use it.
    static func restrictsCaller(_ s: IAMStatement) -> Tri {
        if s.conditionsUnknown { return .maybe }
        guard let conditions = s.conditions else { return .no }
        return Tri.any(conditions) { c in
            guard case .known(let op) = c.test else { return .maybe }
            guard narrows(op) else { return .no }
            guard case .known(let key) = c.variable else { return .maybe }
            guard callerKeys.contains(key.lowercased()) else { return .no }
            // A value of "*" (or an ARN wildcarding the account) narrows nothing.
            return c.values.any { v in v != "*" && !v.hasPrefix("arn:aws:iam::*") && v != "arn:aws:*" }
        }
    }

    /// Whether a Deny statement refuses requests that do not use TLS: condition
    /// `Bool` (or `BoolIfExists`) `aws:SecureTransport` = false, for every principal and
    /// for S3's object and bucket actions.
    static func deniesInsecureTransport(_ s: IAMStatement) -> Tri {
        let everyone = s.principal?.isAnyone ?? .no
        let coversS3 = s.covers(action: "s3:GetObject") && s.covers(action: "s3:PutObject")
        if s.conditionsUnknown { return .maybe && everyone && coversS3 }
        let condition = Tri.any(s.conditions ?? []) { c in
            guard case .known(let op) = c.test else { return .maybe }
            guard op.lowercased() == "bool" || op.lowercased() == "boolifexists" else { return .no }
            guard case .known(let key) = c.variable else { return .maybe }
            guard key.lowercased() == "aws:securetransport" else { return .no }
            return c.values.any { $0.lowercased() == "false" }
        }
        return condition && everyone && coversS3
    }
}
