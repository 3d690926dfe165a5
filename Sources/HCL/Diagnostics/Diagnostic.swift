/// A problem found in a source file, with a stable machine code and the exact range it concerns.
///
/// Parsing never throws: it returns a (possibly partial) tree plus diagnostics, as
/// HashiCorp's parser does. `summary` is short; `detail` says what was found, why it
/// matters and how to fix it.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// A stable identifier such as `HCL0101`, for tooling and documentation.
    public var code: DiagnosticCode
    public var summary: String
    public var detail: String
    /// The range the problem is about; `nil` when it concerns no source position.
    public var subject: SourceRange?
    /// A wider range that gives context around `subject`, when one helps.
    public var context: SourceRange?
    /// The file `subject` lies in, when the diagnostic was made away from the parser
    /// (evaluation spans files and modules).
    public var file: String?

    public init(
        severity: Severity = .error, code: DiagnosticCode, summary: String, detail: String,
        subject: SourceRange?, context: SourceRange? = nil, file: String? = nil
    ) {
        self.file = file
        self.severity = severity
        self.code = code
        self.summary = summary
        self.detail = detail
        self.subject = subject
        self.context = context
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic in the list is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
extension Diagnostic: Error {}
