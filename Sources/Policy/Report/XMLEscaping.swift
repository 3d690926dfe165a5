/// Escaping for XML 1.0 text and attribute values.
///
/// XML 1.0 (§2.2) admits only tab, line feed and carriage return below U+0020, and never
/// U+FFFE or U+FFFF; a report that carries one is rejected whole by most CI parsers, so
/// those characters are dropped, as are DEL and the C1 controls, which XML allows but
/// which only ever come from garbled input.
enum XMLEscaping {
    /// `s` as element content: `&`, `<` and `>` escaped (`>` too, so `]]>` can never appear).
    static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars where isAllowed(scalar) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `s` as a double- or single-quoted attribute value. Tab, line feed and carriage
    /// return are written as character references, because a parser normalises literal
    /// ones in attributes to spaces (§3.3.3) and a multi-line message would lose its lines.
    static func attribute(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars where isAllowed(scalar) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00...0x1F, 0x7F...0x9F: return false
        case 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }
}
