/// Grapheme clusters as go-textseg finds them for Terraform (Unicode 15.0 rules).
///
/// Swift's `Character` follows Unicode 15.1, whose rule GB9c keeps an Indic conjunct
/// (consonant, virama, consonant: "क्ष") in one cluster; Terraform breaks before the second
/// consonant, so `strrev`, `substr` and `format` widths count it as two characters.
enum GoGraphemes {
    /// The clusters of `s`, in order.
    static func clusters(_ s: String) -> [Substring] {
        var out: [Substring] = []
        for ch in s.indices {
            let next = s.index(after: ch)
            let cluster = s[ch..<next]
            guard mayHaveConjunct(cluster) else {
                out.append(cluster)
                continue
            }
            // Split before each consonant that follows a virama in this cluster.
            let scalars = cluster.unicodeScalars
            var start = scalars.startIndex
            var afterLinker = false
            for i in scalars.indices {
                let v = scalars[i]
                if linkers.contains(v.value) {
                    afterLinker = true
                } else if isIndicConsonant(v) {
                    if afterLinker {
                        out.append(Substring(scalars[start..<i]))
                        start = i
                    }
                    afterLinker = false
                }
            }
            out.append(Substring(scalars[start...]))
        }
        return out
    }

    /// The number of clusters in `s`.
    static func count(_ s: String) -> Int {
        if !s.unicodeScalars.contains(where: { linkers.contains($0.value) }) { return s.count }
        return clusters(s).count
    }

    private static func mayHaveConjunct(_ cluster: Substring) -> Bool {
        var n = 0
        var linker = false
        for v in cluster.unicodeScalars {
            n += 1
            if linkers.contains(v.value) { linker = true }
        }
        return n > 2 && linker
    }

    private static func isIndicConsonant(_ v: Unicode.Scalar) -> Bool {
        v.value >= 0x0900 && v.value <= 0x0D7F && v.properties.generalCategory == .otherLetter
    }

    /// The viramas with Indic_Conjunct_Break=Linker (Devanagari, Bengali, Gujarati, Oriya,
    /// Telugu, Malayalam).
    private static let linkers: Set<UInt32> = [0x094D, 0x09CD, 0x0ACD, 0x0B4D, 0x0C4D, 0x0D4D]
}
