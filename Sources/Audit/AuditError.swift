/// Why an audit operation could not be done: a stable code, a summary, a detail that says
/// what to do, and the file (and line) it is about.
public struct AuditError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An `AuditCode` raw value, e.g. `AUD103`.
    public var code: String
    public var message: String
    public var detail: String
    public var path: String
    /// 1-based line of the log when the error is about one line.
    public var line: Int?

    public init(code: AuditCode, message: String, detail: String, path: String, line: Int? = nil) {
        self.code = code.rawValue
        self.message = message
        self.detail = detail
        self.path = path
        self.line = line
    }

    /// `path:line: error[AUD103]: message: detail`.
    public var description: String {
        var location = path
        if let line { location += ":\(line)" }
        return "\(location): error[\(code)]: \(message): \(detail)"
    }
}
