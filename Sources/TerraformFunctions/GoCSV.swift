/// RFC 4180 CSV as Go's `encoding/csv` reader reads it with its defaults, for `csvdecode`:
/// `,` separates, quotes are strict, `\r\n` ends a line like `\n`, empty lines are skipped,
/// and every record must have as many fields as the first.
struct GoCSV {
    struct ParseError: Error {
        var line: Int
        var message: String
    }

    private let data: [UInt8]
    private var position = 0
    private var line = 0
    /// Fields per record, fixed by the first record read.
    var fieldsPerRecord = 0

    init(_ text: String) {
        data = Array(text.utf8)
    }

    /// One physical line, its `\r\n` ending normalized to `\n`; nil at the end.
    private mutating func readLine() -> ArraySlice<UInt8>? {
        guard position < data.count else { return nil }
        let start = position
        while position < data.count, data[position] != UInt8(ascii: "\n") { position += 1 }
        line += 1
        if position < data.count {
            position += 1
            var l = data[start..<position]
            if l.count >= 2, l[l.endIndex - 2] == UInt8(ascii: "\r") {
                l = data[start..<(position - 2)] + [UInt8(ascii: "\n")]
            }
            return l
        }
        var l = data[start..<position]
        // Go drops a lone "\r" before the end of input.
        if l.last == UInt8(ascii: "\r") { l = l.dropLast() }
        return l
    }

    private static func lengthNL(_ l: ArraySlice<UInt8>) -> Int { l.last == UInt8(ascii: "\n") ? 1 : 0 }

    /// The next record; nil at the end of input.
    mutating func read() throws(ParseError) -> [String]? {
        var current: ArraySlice<UInt8>
        // Skip empty lines.
        while true {
            guard let l = readLine() else { return nil }
            if l.count == Self.lengthNL(l) { continue }
            current = l
            break
        }
        let recordLine = line
        var fields: [String] = []
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        parse: while true {
            if current.first != quote {
                // An unquoted field runs to the next comma or the end of the line.
                let end = current.firstIndex(of: comma) ?? (current.endIndex - Self.lengthNL(current))
                let field = current[current.startIndex..<end]
                if field.contains(quote) {
                    throw ParseError(line: line, message: "bare \" in non-quoted-field")
                }
                fields.append(String(decoding: field, as: UTF8.self))
                if end < current.endIndex, current[end] == comma {
                    current = current[(end + 1)...]
                    continue parse
                }
                break parse
            }
            // A quoted field: "" is a quote, and it may span lines.
            var field: [UInt8] = []
            current = current.dropFirst()
            while true {
                if let q = current.firstIndex(of: quote) {
                    field.append(contentsOf: current[current.startIndex..<q])
                    current = current[(q + 1)...]
                    if current.first == quote {
                        field.append(quote)
                        current = current.dropFirst()
                    } else if current.first == comma {
                        current = current.dropFirst()
                        fields.append(String(decoding: field, as: UTF8.self))
                        continue parse
                    } else if current.count == Self.lengthNL(current) {
                        fields.append(String(decoding: field, as: UTF8.self))
                        break parse
                    } else {
                        throw ParseError(line: line, message: "extraneous or missing \" in quoted-field")
                    }
                } else if !current.isEmpty {
                    field.append(contentsOf: current)
                    guard let next = readLine() else {
                        throw ParseError(line: line, message: "extraneous or missing \" in quoted-field")
                    }
                    current = next
                } else {
                    throw ParseError(line: line, message: "extraneous or missing \" in quoted-field")
                }
            }
        }
        if fieldsPerRecord == 0 {
            fieldsPerRecord = fields.count
        } else if fields.count != fieldsPerRecord {
            throw ParseError(line: recordLine, message: "wrong number of fields")
        }
        return fields
    }
}
