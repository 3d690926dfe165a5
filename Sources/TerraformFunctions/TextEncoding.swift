import Foundation

/// The character encodings `textencodebase64` and `textdecodebase64` know, looked up by
/// IANA name or alias case-insensitively as Go's `ianaindex.IANA` does.
///
/// The Unicode encodings, US-ASCII, ISO-8859-1 and windows-1252 are implemented here;
/// a few more (Shift_JIS, EUC-JP, ISO-2022-JP, Latin-2, windows-1250/1/3/4, macintosh)
/// come from Foundation. Terraform knows yet more (GBK, KOI8-R...); the callers return
/// an unknown result for those rather than guess.
enum TextEncoding {
    case foundation(String.Encoding, ianaName: String)
    case utf8
    case utf16
    case utf16BE
    case utf16LE
    case usASCII
    case latin1
    case windows1252

    /// The IANA name Terraform prints in messages.
    var ianaName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16: return "UTF-16"
        case .utf16BE: return "UTF-16BE"
        case .utf16LE: return "UTF-16LE"
        case .usASCII: return "US-ASCII"
        case .latin1: return "ISO_8859-1:1987"
        case .windows1252: return "windows-1252"
        case .foundation(_, let name): return name
        }
    }

    /// Every encoding with its IANA names and aliases (lowercased).
    private static let table: [(TextEncoding, [String])] = {
        var t: [(TextEncoding, [String])] = [.utf8, .utf16, .utf16BE, .utf16LE, .usASCII, .latin1, .windows1252].map { ($0, $0.aliases) }
        t += [
            (.foundation(.shiftJIS, ianaName: "Shift_JIS"), ["shift_jis", "ms_kanji", "csshiftjis"]),
            (.foundation(.japaneseEUC, ianaName: "EUC-JP"), ["euc-jp", "cseucpkdfmtjapanese", "extended_unix_code_packed_format_for_japanese"]),
            (.foundation(.iso2022JP, ianaName: "ISO-2022-JP"), ["iso-2022-jp", "csiso2022jp"]),
            (.foundation(.isoLatin2, ianaName: "ISO_8859-2:1987"), ["iso_8859-2:1987", "iso-ir-101", "iso_8859-2", "iso-8859-2", "latin2", "l2", "csisolatin2"]),
            (.foundation(.windowsCP1250, ianaName: "windows-1250"), ["windows-1250", "cswindows1250"]),
            (.foundation(.windowsCP1251, ianaName: "windows-1251"), ["windows-1251", "cswindows1251"]),
            (.foundation(.windowsCP1253, ianaName: "windows-1253"), ["windows-1253", "cswindows1253"]),
            (.foundation(.windowsCP1254, ianaName: "windows-1254"), ["windows-1254", "cswindows1254"]),
            (.foundation(.macOSRoman, ianaName: "macintosh"), ["macintosh", "mac", "csmacintosh"]),
        ]
        return t
    }()

    /// The names and aliases of the IANA character set registry.
    private var aliases: [String] {
        switch self {
        case .utf8: return ["utf-8", "csutf8"]
        case .utf16: return ["utf-16", "csutf16"]
        case .utf16BE: return ["utf-16be", "csutf16be"]
        case .utf16LE: return ["utf-16le", "csutf16le"]
        case .usASCII:
            return [
                "us-ascii", "iso-ir-6", "ansi_x3.4-1968", "ansi_x3.4-1986", "iso_646.irv:1991", "iso646-us", "us", "ibm367",
                "cp367", "csascii",
            ]
        case .latin1:
            return ["iso_8859-1:1987", "iso-ir-100", "iso_8859-1", "iso-8859-1", "latin1", "l1", "ibm819", "cp819", "csisolatin1"]
        case .windows1252: return ["windows-1252", "cswindows1252"]
        case .foundation: return []
        }
    }

    init?(name: String) {
        let key = name.lowercased()
        guard let found = Self.table.first(where: { $0.1.contains(key) }) else { return nil }
        self = found.0
    }

    /// windows-1252's 0x80...0x9F; nil where the code page defines nothing.
    private static let cp1252High: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]

    /// The bytes of `text`; nil when a character has no representation.
    func encode(_ text: String) -> [UInt8]? {
        switch self {
        case .foundation(let encoding, _):
            return text.data(using: encoding, allowLossyConversion: false).map { [UInt8]($0) }
        case .utf8: return Array(text.utf8)
        case .utf16: return [0xFE, 0xFF] + Self.utf16(text, bigEndian: true)
        case .utf16BE: return Self.utf16(text, bigEndian: true)
        case .utf16LE: return Self.utf16(text, bigEndian: false)
        case .usASCII, .latin1, .windows1252:
            var out: [UInt8] = []
            out.reserveCapacity(text.unicodeScalars.count)
            for scalar in text.unicodeScalars {
                let v = scalar.value
                switch self {
                case .usASCII where v < 0x80: out.append(UInt8(v))
                case .foundation, .utf8, .utf16, .utf16BE, .utf16LE: return nil
                case .latin1 where v < 0x100: out.append(UInt8(v))
                case .windows1252 where v < 0x80 || (v >= 0xA0 && v < 0x100): out.append(UInt8(v))
                case .windows1252:
                    guard let i = Self.cp1252High.firstIndex(of: v) else { return nil }
                    out.append(UInt8(0x80 + i))
                default: return nil
                }
            }
            return out
        }
    }

    private static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf16.count * 2)
        for unit in text.utf16 {
            let hi = UInt8(unit >> 8)
            let lo = UInt8(unit & 0xff)
            out.append(contentsOf: bigEndian ? [hi, lo] : [lo, hi])
        }
        return out
    }

    /// The text the bytes stand for; nil when any byte sequence is undefined (Go's decoders
    /// put U+FFFD there, which Terraform rejects, so a U+FFFD in the input is rejected too).
    func decode(_ bytes: [UInt8]) -> String? {
        var scalars = String.UnicodeScalarView()
        switch self {
        case .foundation(let encoding, _):
            guard let text = String(data: Data(bytes), encoding: encoding), !text.unicodeScalars.contains("\u{FFFD}") else { return nil }
            return text
        case .utf8:
            guard let s = String(validatingUTF8Bytes: bytes) else { return nil }
            return s.unicodeScalars.contains("\u{FFFD}") ? nil : s
        case .utf16, .utf16BE, .utf16LE:
            var data = bytes[...]
            var bigEndian = true
            if case .utf16LE = self { bigEndian = false }
            if case .utf16 = self, data.count >= 2 {
                // A byte order mark picks the order and is dropped; big-endian otherwise.
                if data.starts(with: [0xFE, 0xFF]) {
                    data = data.dropFirst(2)
                } else if data.starts(with: [0xFF, 0xFE]) {
                    bigEndian = false
                    data = data.dropFirst(2)
                }
            }
            guard data.count % 2 == 0 else { return nil }
            var units: [UInt16] = []
            units.reserveCapacity(data.count / 2)
            var i = data.startIndex
            while i < data.endIndex {
                let a = UInt16(data[i])
                let b = UInt16(data[i + 1])
                units.append(bigEndian ? a << 8 | b : b << 8 | a)
                i += 2
            }
            var decoder = UTF16()
            var iterator = units.makeIterator()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let s):
                    if s == "\u{FFFD}" { return nil }
                    scalars.append(s)
                case .emptyInput: break loop
                case .error: return nil
                }
            }
        case .usASCII, .latin1, .windows1252:
            for b in bytes {
                switch self {
                case .usASCII:
                    guard b < 0x80 else { return nil }
                    scalars.append(Unicode.Scalar(b))
                case .windows1252 where b >= 0x80 && b < 0xA0:
                    guard let v = Self.cp1252High[Int(b - 0x80)], let s = Unicode.Scalar(v) else { return nil }
                    scalars.append(s)
                default:
                    scalars.append(Unicode.Scalar(b))
                }
            }
        }
        return String(scalars)
    }
}
