import HCL

/// Converts source ranges to SARIF regions measured in UTF-16 code units.
///
/// Our columns count grapheme clusters (as HashiCorp's HCL does); SARIF columns count the
/// unit the run's `columnKind` names, and GitHub and editors index lines in UTF-16. The two
/// agree on ASCII lines only, so the column is recomputed from the byte offset and the
/// file's own bytes; the file is only measured, never copied into the report. When the
/// file cannot be read, or no longer matches the range, the grapheme column is kept.
struct SourceColumns {
    /// 1-based line and column, both in SARIF's sense.
    struct Point: Equatable {
        var line: Int
        var column: Int
    }

    private struct Lines {
        var bytes: [UInt8]
        /// Byte offset of the first byte of each line.
        var starts: [Int]
    }

    private let read: (String) -> [UInt8]?
    private var cache: [String: Lines?] = [:]

    init(read: @escaping (String) -> [UInt8]?) {
        self.read = read
    }

    /// The region of `range` in `file`: nil for an empty range, which SARIF would read as
    /// an insertion point; the caller then names the whole line.
    mutating func region(_ range: SourceRange, in file: String) -> (start: Point, end: Point)? {
        guard range.end.byte > range.start.byte else { return nil }
        let lines = self.lines(file)
        var start = Point(line: range.start.line, column: range.start.column)
        var end = Point(line: range.end.line, column: range.end.column)
        // Both ends in one unit or neither: a file that changed since the scan keeps the
        // grapheme columns rather than a mixture.
        guard let lines, let startColumn = utf16Column(range.start, lines) else { return (start, end) }
        start.column = startColumn
        // A range that stops at the start of a line (after a newline) ends, for a reader,
        // at the end of the line before: keep the alert on the lines it really covers.
        if range.end.column == 1, range.end.line > range.start.line,
           let previous = lineLength(range.end.line - 1, lines) {
            end = Point(line: range.end.line - 1, column: previous + 1)
        } else if let c = utf16Column(range.end, lines) {
            end.column = c
        }
        return (start, end)
    }

    private mutating func lines(_ file: String) -> Lines? {
        if let cached = cache[file] { return cached }
        var result: Lines?
        if let bytes = read(file) {
            var starts = [0]
            for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
            result = Lines(bytes: bytes, starts: starts)
        }
        cache[file] = result
        return result
    }

    /// The 1-based UTF-16 column of `pos`, when its line and byte offset agree with the file.
    private func utf16Column(_ pos: SourcePos, _ lines: Lines) -> Int? {
        guard pos.line >= 1, pos.line <= lines.starts.count else { return nil }
        let lineStart = lines.starts[pos.line - 1]
        let lineEnd = pos.line < lines.starts.count ? lines.starts[pos.line] : lines.bytes.count
        guard pos.byte >= lineStart, pos.byte <= lineEnd else { return nil }
        return String(decoding: lines.bytes[lineStart..<pos.byte], as: UTF8.self).utf16.count + 1
    }

    /// The length of line `line` in UTF-16 code units, without its line break.
    private func lineLength(_ line: Int, _ lines: Lines) -> Int? {
        guard line >= 1, line <= lines.starts.count else { return nil }
        let start = lines.starts[line - 1]
        var end = line < lines.starts.count ? lines.starts[line] - 1 : lines.bytes.count
        if end > start, lines.bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: lines.bytes[start..<max(start, end)], as: UTF8.self).utf16.count
    }
}
