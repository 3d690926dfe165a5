/// One thing `verify` found wrong with a log: a stable code, the event it concerns, the
/// line it is on, a short summary, and a detail that says what was found, why it matters
/// and how to fix it.
public struct AuditProblem: Sendable, Hashable, CustomStringConvertible {
    /// An `AuditCode` raw value, e.g. `AUD001`.
    public var code: String
    /// The first event concerned; nil when the problem is not about an event (a bad head
    /// file, a missing key).
    public var sequence: Int?
    /// The last event concerned when one problem covers a run of events (every event from
    /// a rewritten one on has a bad signature); nil for a single event.
    public var lastSequence: Int?
    /// 1-based line of `audit.log`; for a missing event, the line where it should be; 0
    /// when the problem is about another file.
    public var line: Int
    public var summary: String
    public var detail: String

    public init(
        code: AuditCode, sequence: Int?, lastSequence: Int? = nil, line: Int, summary: String, detail: String
    ) {
        self.code = code.rawValue
        self.sequence = sequence
        self.lastSequence = lastSequence
        self.line = line
        self.summary = summary
        self.detail = detail
    }

    /// `line 12: error[AUD001]: summary: detail`.
    public var description: String {
        let place = line > 0 ? "line \(line)" : "log"
        return "\(place): error[\(code)]: \(summary): \(detail)"
    }
}
