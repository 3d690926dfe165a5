import HCL

/// Why a plan or state file cannot be read: a stable code, a summary, and a detail that
/// says what is wrong, where in the document, and what to do about it.
///
/// JSON syntax errors carry the file's line and column; errors in a well-formed document
/// name the JSON path instead (`resource_changes[3].change.actions`), since that is what
/// a person can search for in a one-line `terraform show -json` output.
public struct TerraformDocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `invalidPlanFile` (TF201), `invalidStateFile` (TF202) or `unreadableFile` (HCL901).
    public var code: DiagnosticCode
    public var summary: String
    public var detail: String
    /// The file the error is about, as the caller named it.
    public var file: String
    /// 1-based line and column of a JSON syntax error; nil for errors in the document's content.
    public var line: Int?
    public var column: Int?
    /// The byte offset of a JSON syntax error.
    public var offset: Int?

    public init(
        code: DiagnosticCode, summary: String, detail: String, file: String,
        line: Int? = nil, column: Int? = nil, offset: Int? = nil
    ) {
        self.code = code
        self.summary = summary
        self.detail = detail
        self.file = file
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `file:line:column: error[TF201]: summary: detail`, the location parts only when known.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): error[\(code.rawValue)]: \(summary): \(detail)"
    }

    /// The error as a diagnostic, with an empty range at the syntax error's position when there is one.
    public var diagnostic: Diagnostic {
        var subject: SourceRange?
        if let line, let column {
            subject = .at(SourcePos(line: line, column: column, byte: offset ?? 0))
        }
        return Diagnostic(code: code, summary: summary, detail: detail, subject: subject, file: file)
    }
}
