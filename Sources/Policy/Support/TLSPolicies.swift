/// Which predefined TLS security policies of AWS load balancers and CloudFront accept
/// nothing older than TLS 1.2.
enum TLSPolicies {
    /// Prefixes of the Elastic Load Balancing security policies whose lowest protocol is
    /// TLS 1.2 or 1.3 (`ELBSecurityPolicy-TLS13-1-2-2021-06`, `ELBSecurityPolicy-FS-1-2-Res-2020-10`,
    /// `ELBSecurityPolicy-TLS-1-2-Ext-2018-06`, the FIPS and post-quantum variants).
    /// `ELBSecurityPolicy-TLS13-1-0-2021-06` and `-1-1-` carry TLS 1.3 but still accept 1.0
    /// and 1.1, so "TLS13" alone is not enough.
    private static let modernLoadBalancerPrefixes = [
        "ELBSecurityPolicy-TLS-1-2-", "ELBSecurityPolicy-FS-1-2-", "ELBSecurityPolicy-TLS13-1-2-", "ELBSecurityPolicy-TLS13-1-3-",
    ]

    /// The policy a listener gets when `ssl_policy` is not set (the AWS provider's
    /// documented default); it accepts TLS 1.0.
    static let loadBalancerDefault = "ELBSecurityPolicy-2016-08"

    static func loadBalancerPolicyRequiresTLS12(_ name: String) -> Bool {
        modernLoadBalancerPrefixes.contains { name.hasPrefix($0) }
    }

    /// CloudFront viewer policies are named `TLSv1.2_2021`; those of TLS 1.2 or later.
    static func cloudFrontPolicyRequiresTLS12(_ name: String) -> Bool {
        guard name.hasPrefix("TLSv1."), let minor = name.dropFirst("TLSv1.".count).first?.wholeNumberValue else { return false }
        let rest = name.dropFirst("TLSv1.".count + 1)
        return minor >= 2 && (rest.isEmpty || rest.hasPrefix("_"))
    }

    /// CloudFront's default when `minimum_protocol_version` is not set.
    static let cloudFrontDefault = "TLSv1"
}
