/// Every stable code the audit log reports, in one list: AUD0xx are problems `verify`
/// finds in a log, AUD1xx are errors that stop an operation.
///
/// Codes are never renumbered or reused; scripts and the CLI's exit status depend on them.
public enum AuditCode: String, Sendable, Hashable, CaseIterable {
    case modified = "AUD001"
    case missing = "AUD002"
    case outOfOrder = "AUD003"
    case truncated = "AUD004"
    case tornWrite = "AUD005"
    case badSignature = "AUD006"
    case malformedLine = "AUD007"
    case brokenLink = "AUD008"
    case headMismatch = "AUD009"
    case badHead = "AUD010"
    case logMissing = "AUD011"
    case noPublicKey = "AUD012"

    case unreadable = "AUD101"
    case unwritable = "AUD102"
    case refusedAppend = "AUD103"
    case keyPermissions = "AUD104"
    case badKey = "AUD105"
    case lockFailed = "AUD106"

    /// What the code means, in a few words; a problem's own summary says which event.
    public var title: String {
        switch self {
        case .modified: "event modified"
        case .missing: "events missing"
        case .outOfOrder: "event out of order"
        case .truncated: "log truncated"
        case .tornWrite: "torn final write"
        case .badSignature: "bad signature"
        case .malformedLine: "malformed line"
        case .brokenLink: "chain link broken"
        case .headMismatch: "head does not match the log"
        case .badHead: "head unreadable or not signed by the key"
        case .logMissing: "log missing"
        case .noPublicKey: "no public key to check signatures"
        case .unreadable: "cannot read"
        case .unwritable: "cannot write"
        case .refusedAppend: "append refused: the log does not verify"
        case .keyPermissions: "private key readable by others"
        case .badKey: "key unusable"
        case .lockFailed: "cannot lock the log"
        }
    }
}
