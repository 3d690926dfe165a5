/// A span of source: `start` inclusive, `end` exclusive, as in HashiCorp's `hcl.Range`.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    public var start: SourcePos
    public var end: SourcePos

    public init(start: SourcePos, end: SourcePos) {
        self.start = start
        self.end = end
    }

    /// The range from the start of `first` to the end of `last` (HCL's `RangeBetween`).
    public static func between(_ first: SourceRange, _ last: SourceRange) -> SourceRange {
        SourceRange(start: first.start, end: last.end)
    }

    /// An empty range at a position.
    public static func at(_ pos: SourcePos) -> SourceRange {
        SourceRange(start: pos, end: pos)
    }

    public var isEmpty: Bool { start.byte == end.byte }

    public var description: String {
        start.line == end.line
            ? "\(start.line):\(start.column)-\(end.column)"
            : "\(start.line):\(start.column)-\(end.line):\(end.column)"
    }
}
