/// What happened: the closed set of things the audit log records.
///
/// The raw values are what the log stores in `"kind"`; they never change once written,
/// since every signed event carries them.
public enum AuditEventKind: String, Sendable, Codable, CaseIterable {
    case scan
    case decision
    case approval
    case rejection
    case applyStarted = "apply_started"
    case applyFinished = "apply_finished"
    case applyRefused = "apply_refused"
    case configurationChange = "configuration_change"
    /// Written by the log itself when an append found and quarantined a torn final write.
    case logRecovered = "log_recovered"
}
