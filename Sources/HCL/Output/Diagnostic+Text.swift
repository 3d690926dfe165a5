/// Renders diagnostics for people: `file:line:column: severity: summary`, the detail,
/// and the source line with the range underlined.
public struct DiagnosticRenderer: Sendable {
    /// Whether to use ANSI colours (only when writing to a terminal).
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    private func paint(_ s: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }

    /// The text for one diagnostic of `file`, ending with a newline.
    public func render(_ d: Diagnostic, in file: ConfigFile) -> String {
        var out = ""
        let severity = d.severity == .error ? paint("error", "1;31") : paint("warning", "1;33")
        if let r = d.subject {
            out += paint("\(file.path):\(r.start.line):\(r.start.column):", "1") + " \(severity): \(paint(d.summary, "1")) [\(d.code.rawValue)]\n"
        } else {
            out += paint("\(file.path):", "1") + " \(severity): \(paint(d.summary, "1")) [\(d.code.rawValue)]\n"
        }
        if let r = d.subject, let snippet = snippet(r, in: file.source) {
            out += snippet
        }
        for line in d.detail.split(separator: "\n", omittingEmptySubsequences: false) {
            out += "  \(line)\n"
        }
        return out
    }

    /// The source line of the range's start, with a caret line under the range.
    private func snippet(_ r: SourceRange, in source: [UInt8]) -> String? {
        guard r.start.byte <= source.count else { return nil }
        var lineStart = min(r.start.byte, source.count)
        while lineStart > 0, source[lineStart - 1] != 0x0A { lineStart -= 1 }
        var lineEnd = lineStart
        while lineEnd < source.count, source[lineEnd] != 0x0A, source[lineEnd] != 0x0D { lineEnd += 1 }
        let text = String(decoding: source[lineStart..<lineEnd], as: UTF8.self)
        // Keep tabs so the caret lines up; everything else before the range becomes a space.
        let before = Array(text.prefix(max(0, r.start.column - 1)))
        let pad = String(before.map { $0 == "\t" ? "\t" : " " })
        let width: Int
        if r.end.line == r.start.line {
            width = max(1, r.end.column - r.start.column)
        } else {
            width = max(1, text.count - before.count)
        }
        let number = String(r.start.line)
        let gutter = String(repeating: " ", count: number.count)
        return "  \(paint(number, "2")) | \(text)\n  \(gutter) | \(pad)\(paint(String(repeating: "^", count: width), "1;31"))\n"
    }
}
