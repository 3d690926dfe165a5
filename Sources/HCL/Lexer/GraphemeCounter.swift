/// Advances a source position over text that holds non-ASCII characters.
///
/// HCL counts columns in grapheme clusters (what a reader sees as one character), so
/// `e` plus a combining accent, or a family emoji joined with zero-width joiners, is
/// one column. Swift's `Character` is exactly an extended grapheme cluster.
enum GraphemeCounter {
    static func advance(from start: SourcePos, over bytes: UnsafeBufferPointer<UInt8>) -> SourcePos {
        var line = start.line
        var column = start.column
        if let text = String(validating: bytes, as: UTF8.self) {
            for ch in text {
                if ch == "\n" || ch == "\r\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
        } else {
            // Broken UTF-8 (only in tokens that are errors already): every byte that does
            // not start a valid sequence counts as one column, like Go's decoder does.
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x0A {
                    line += 1
                    column = 1
                    i += 1
                } else if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                    line += 1
                    column = 1
                    i += 2
                } else {
                    column += 1
                    i += max(1, UTF8Scan.sequenceLength(bytes, at: i))
                }
            }
        }
        return SourcePos(line: line, column: column, byte: start.byte + bytes.count)
    }
}
