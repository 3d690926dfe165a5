/// An attribute whose value the configuration depends on (`relevant_attributes`, format 1.1+).
///
/// Terraform uses the list to tell which `resource_drift` entries could have influenced the
/// plan; drift outside it is reported but changed nothing.
public struct RelevantAttribute: Sendable, Hashable {
    /// The resource instance address (`aws_s3_bucket.b`).
    public var resource: String
    /// The attribute path in Airlock's path syntax (`tags["Name"]`, `ingress[0].cidr_blocks`).
    public var path: String

    public init(resource: String, path: String) {
        self.resource = resource
        self.path = path
    }
}
