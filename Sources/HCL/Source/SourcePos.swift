/// A position in a source file: 1-based line and column, 0-based byte offset.
///
/// Columns count grapheme clusters (user-perceived characters), as HashiCorp's
/// HCL does, so a caret under `é` or `👩‍💻` lines up in an editor. Tabs count as one.
public struct SourcePos: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var byte: Int

    public init(line: Int, column: Int, byte: Int) {
        self.line = line
        self.column = column
        self.byte = byte
    }

    /// The position of the first byte of a file.
    public static let start = SourcePos(line: 1, column: 1, byte: 0)

    public static func < (lhs: SourcePos, rhs: SourcePos) -> Bool { lhs.byte < rhs.byte }

    public var description: String { "\(line):\(column)" }
}
