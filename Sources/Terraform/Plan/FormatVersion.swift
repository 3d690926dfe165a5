/// The `format_version` of Terraform's JSON output: `major.minor`.
///
/// Terraform's compatibility promise for `terraform show -json` is per major version: minor
/// versions only add members (1.0 → 1.1 added `relevant_attributes`, 1.2 `checks` and the
/// `complete`/`errored` flags), so a reader of 1.x accepts any 1.y. Major version 0 is the
/// format of Terraform 0.12–0.15; it has the same shape with fewer members.
public struct FormatVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Reads `"1.2"`; nil unless the text is two (or three) dot-separated decimal numbers.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            parts.allSatisfy({ !$0.isEmpty && $0.count <= 9 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let major = Int(parts[0]), let minor = Int(parts[1])
        else { return nil }
        self.major = major
        self.minor = minor
    }

    /// The newest major version Airlock reads; anything newer may change meaning, so it is refused.
    public static let newestSupportedMajor = 1

    public var isSupported: Bool { major <= Self.newestSupportedMajor }

    public var description: String { "\(major).\(minor)" }

    public static func < (a: FormatVersion, b: FormatVersion) -> Bool { (a.major, a.minor) < (b.major, b.minor) }
}
