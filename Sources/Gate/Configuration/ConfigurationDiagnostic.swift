/// One problem found while reading `airlock.yaml`: where it is, a stable code, a one-line
/// summary and a detail that says what was found, why it matters and how to fix it.
public struct ConfigurationDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Whether the problem stops the configuration from being used.
    public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
        /// The file cannot be used: `parse` returns no configuration.
        case error
        /// The file is used as read, but probably does not say what its author meant.
        case warning
    }

    public var severity: Severity
    /// `GATE001`…: stable across releases; the catalog is `ConfigurationDiagnostic.Code`.
    public var code: String
    /// The file the problem is in, as given to `parse` or found by `load`.
    public var path: String
    /// Line of the offending node, from 1.
    public var line: Int
    /// Column of the offending node, from 1, counted in Unicode scalars (as libyaml counts).
    public var column: Int
    public var summary: String
    /// What was found, why it matters, and how to fix it.
    public var detail: String

    public init(severity: Severity, code: String, path: String, line: Int, column: Int, summary: String, detail: String) {
        self.severity = severity
        self.code = code
        self.path = path
        self.line = line
        self.column = column
        self.summary = summary
        self.detail = detail
    }

    /// `path:line:column: error[GATE008]: summary`, then the detail indented on the next line.
    public var description: String {
        "\(path):\(line):\(column): \(severity.rawValue)[\(code)]: \(summary)\n  \(detail)"
    }
}

extension ConfigurationDiagnostic {
    /// Every problem `airlock.yaml` can have, each with its stable code. docs/airlock-yaml.md
    /// lists them in the same order; a test checks that every code is documented there.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The text is not YAML (libyaml's message, at libyaml's position).
        case invalidYAML = "GATE001"
        /// A tab in indentation, which YAML forbids.
        case tabIndentation = "GATE002"
        /// Collections nested deeper than any configuration needs (a guard for the parser's stack).
        case nestingTooDeep = "GATE003"
        /// Nothing but comments and blank lines.
        case emptyFile = "GATE004"
        /// The document is a list or a scalar instead of a mapping of sections.
        case notAMapping = "GATE005"
        /// No `version:` key.
        case missingVersion = "GATE006"
        /// A `version` this Airlock does not read.
        case unsupportedVersion = "GATE007"
        /// A key the schema does not have at that level.
        case unknownKey = "GATE008"
        /// The same key twice in one mapping.
        case duplicateKey = "GATE009"
        /// A value of the wrong shape: a mapping where a name is expected, a string where a number is.
        case wrongType = "GATE010"
        /// A name outside a closed set: tier, outcome, action, actor kind, severity.
        case invalidValue = "GATE011"
        /// A number outside its range: negative counts, zero thresholds.
        case numberOutOfRange = "GATE012"
        /// A required key is missing (`name` and `outcome` of a rule, `match` of an actor entry).
        case missingKey = "GATE013"
        /// Two rules with the same name.
        case duplicateRuleName = "GATE014"
        /// Actor limits name an environment that is neither declared nor a default one.
        case undeclaredEnvironment = "GATE015"
        /// A rule or escalation names an environment that is neither declared nor a default one.
        case unknownEnvironmentReference = "GATE016"
        /// An account ID written as a YAML number instead of a quoted string.
        case unquotedAccount = "GATE017"
        /// An account ID that is not 12 digits.
        case invalidAccount = "GATE018"
        /// An actor pattern that is not `KIND:NAME` with a kind of human, agent, ci or `*`.
        case invalidActorPattern = "GATE019"
        /// `max_instance_size` that is not an instance size.
        case invalidInstanceSize = "GATE020"
        /// `approvals` on a rule whose outcome is not `approval_required`.
        case approvalsIgnored = "GATE021"
        /// A duration that is not `N`, `Ns`, `Nm`, `Nh` or `Nd` with N above zero.
        case invalidDuration = "GATE022"
        /// An environment with no selector, which no plan can match.
        case environmentNeverMatches = "GATE023"
        /// A list that must have items is empty.
        case emptyList = "GATE024"
        /// The file exists but cannot be read as UTF-8 text.
        case unreadableFile = "GATE025"
        /// A sensitive category that no `sensitive_types` entry defines.
        case unknownSensitiveCategory = "GATE026"

        /// The severity every diagnostic with this code has.
        public var severity: Severity {
            switch self {
            case .unknownEnvironmentReference, .unquotedAccount, .approvalsIgnored, .environmentNeverMatches,
                .unknownSensitiveCategory:
                return .warning
            case .invalidYAML, .tabIndentation, .nestingTooDeep, .emptyFile, .notAMapping, .missingVersion,
                .unsupportedVersion, .unknownKey, .duplicateKey, .wrongType, .invalidValue, .numberOutOfRange,
                .missingKey, .duplicateRuleName, .undeclaredEnvironment, .invalidAccount, .invalidActorPattern,
                .invalidInstanceSize, .invalidDuration, .emptyList, .unreadableFile:
                return .error
            }
        }
    }
}

extension Array where Element == ConfigurationDiagnostic {
    /// Whether any of the diagnostics is an error (warnings alone leave a usable configuration).
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
