/// The one way the log spells JSON: no whitespace, object keys sorted by their bytes,
/// strings escaped only where JSON requires it, so the same event is always the same bytes
/// and a hash over them is stable.
enum CanonicalJSON {
    /// Appends `value` as a JSON string: `"` and `\` escaped, control characters as `\n`,
    /// `\t`, `\r`, `\b`, `\f` or `\u00XX`, everything else as its UTF-8 bytes.
    static func appendString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0a: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0d: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0c: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0f)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends `"key":` (with a leading comma unless it is the object's first member).
    static func appendKey(_ key: String, first: Bool = false, to out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        appendString(key, to: &out)
        out.append(UInt8(ascii: ":"))
    }

    /// Appends an object of strings, its keys in the byte order of their escaped form (what
    /// `CanonicalReader` checks: no decoding needed to see that keys are sorted and unique).
    static func appendObject(_ object: [String: String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        let members = object.map { key, value -> (escaped: [UInt8], value: String) in
            var escaped: [UInt8] = []
            appendString(key, to: &escaped)
            return (escaped, value)
        }.sorted { $0.escaped.dropFirst().dropLast().lexicographicallyPrecedes($1.escaped.dropFirst().dropLast()) }
        for (index, member) in members.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: member.escaped)
            out.append(UInt8(ascii: ":"))
            appendString(member.value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }
}
