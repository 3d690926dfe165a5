/// The tool a report names as its producer.
public struct ReportTool: Sendable, Hashable {
    public var name: String
    public var version: String
    /// Where people learn about the tool (SARIF `tool.driver.informationUri`); omitted
    /// while nil.
    public var informationUri: String?

    public init(name: String, version: String, informationUri: String? = nil) {
        self.name = name
        self.version = version
        self.informationUri = informationUri
    }

    /// Airlock itself. Keep `version` equal to the CLI's `Airlock.version`.
    public static let airlock = ReportTool(name: "airlock", version: "0.1.0")
}
