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
                    column += 1 + indicConjunctBreaks(ch)
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

    /// The breaks that Unicode 15.0 segmentation makes inside `ch` and newer Unicode does not.
    ///
    /// Unicode 15.1 added rule GB9c, which keeps an Indic conjunct (consonant, virama,
    /// consonant) in one cluster. HashiCorp's HCL (and Terraform) segment with Unicode
    /// 13/15 rules, which break before the second consonant; Swift's `Character` follows
    /// the newer rule. Counting those breaks keeps our columns equal to Terraform's.
    static func indicConjunctBreaks(_ ch: Character) -> Int {
        let scalars = ch.unicodeScalars
        guard scalars.count > 2 else { return 0 }
        var breaks = 0
        var afterLinker = false
        for s in scalars {
            if linkers.contains(s.value) {
                afterLinker = true
            } else if s.value >= 0x0900 && s.value <= 0x0D7F && s.properties.generalCategory == .otherLetter {
                if afterLinker { breaks += 1 }
                afterLinker = false
            }
        }
        return breaks
    }

    /// The viramas with Indic_Conjunct_Break=Linker (Devanagari, Bengali, Gujarati, Oriya,
    /// Telugu, Malayalam).
    private static let linkers: Set<UInt32> = [0x094D, 0x09CD, 0x0ACD, 0x0B4D, 0x0C4D, 0x0D4D]
}
