/// Go's `unicode` package predicates and simple case mappings, which Terraform's string
/// functions use rune by rune.
///
/// Swift exposes the *full* case mappings (`ß` uppercases to `SS`); Go maps one rune to one
/// rune with the simple mappings of UnicodeData.txt and leaves a rune without one alone.
/// A full mapping that is a single scalar is the simple one; the few letters whose full
/// uppercase is longer but that still have a simple one (Greek with ypogegrammeni, `ᾳ` →
/// `ᾼ`) map to their titlecase form, which is that simple mapping.
enum GoUnicode {
    /// `unicode.IsLetter`: general category L.
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        guard isInGoTables(c) else { return false }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// `unicode.IsDigit`: general category Nd.
    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return ("0"..."9").contains(c) }
        return isInGoTables(c) && c.properties.generalCategory == .decimalNumber
    }

    /// `unicode.IsSpace`: the White_Space property (tab, newline, vertical tab, form feed,
    /// carriage return, space, U+0085, U+00A0 and the Unicode spaces).
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
        case 0..<0x80: return false
        default: return c.properties.isWhitespace
        }
    }

    /// `unicode.ToUpper`.
    static func toUpper(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.isASCII { return ("a"..."z").contains(c) ? Unicode.Scalar(c.value - 32)! : c }
        guard isInGoTables(c) else { return c }
        return single(c.properties.uppercaseMapping) ?? single(c.properties.titlecaseMapping) ?? c
    }

    /// `unicode.ToLower`.
    static func toLower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.isASCII { return ("A"..."Z").contains(c) ? Unicode.Scalar(c.value + 32)! : c }
        // The one letter whose full lowercase is two scalars but whose simple one exists.
        if c == "\u{130}" { return "i" }
        guard isInGoTables(c) else { return c }
        return single(c.properties.lowercaseMapping) ?? c
    }

    /// `unicode.ToTitle`.
    static func toTitle(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.isASCII { return toUpper(c) }
        guard isInGoTables(c) else { return c }
        return single(c.properties.titlecaseMapping) ?? c
    }

    /// The mapping when it is one scalar that Go's tables (Unicode 15.0) know.
    private static func single(_ mapping: String) -> Unicode.Scalar? {
        let scalars = mapping.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex,
            isInGoTables(first)
        else { return nil }
        return first
    }

    /// Whether a scalar was assigned by Unicode 15.0, the version of Go's `unicode` tables
    /// in Terraform 1.11; Swift's newer tables map, say, `ƛ` to a Unicode 16 capital.
    private static func isInGoTables(_ c: Unicode.Scalar) -> Bool {
        guard let age = c.properties.age else { return false }
        return age.major < 15 || (age.major == 15 && age.minor == 0)
    }

    /// `strings.Map` over the scalars of `s`.
    static func map(_ s: String, _ transform: (Unicode.Scalar) -> Unicode.Scalar) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars { out.append(transform(c)) }
        return String(out)
    }
}
