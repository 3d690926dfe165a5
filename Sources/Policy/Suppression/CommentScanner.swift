import HCL

/// One `#` or `//` comment of an HCL file.
struct LineComment: Sendable, Hashable {
    /// The text after the comment marker, without the line end.
    var text: String
    /// From the marker to the end of the line.
    var range: SourceRange
    /// Whether only whitespace precedes the comment on its line.
    var standsAlone: Bool
}

/// Finds the line comments of an HCL file: `#` and `//` outside strings, heredocs and
/// `/* */` comments.
///
/// Comments are not in the syntax tree, so suppressions are read from the bytes. The scan
/// follows the HCL native syntax spec's lexical rules closely enough for that: quoted
/// strings with `\` escapes and `${ }` / `%{ }` interpolations (which may hold strings of
/// their own), heredocs (`<<EOT`, `<<-EOT`) up to their closing marker line, and inline
/// comments. A `#` inside `"..."` is text, not a comment.
enum CommentScanner {
    static func comments(in source: [UInt8]) -> [LineComment] {
        var out: [LineComment] = []
        var i = 0
        var line = 1
        var lineStart = 0
        // A stack of open contexts: true for a quoted string, false for an interpolation
        // (whose braces are counted in `braces`).
        var stack: [Bool] = []
        var braces: [Int] = []
        let n = source.count

        func newline(at j: Int) {
            line += 1
            lineStart = j + 1
        }

        while i < n {
            let c = source[i]
            let inString = stack.last == true
            if inString {
                switch c {
                case UInt8(ascii: "\\"):
                    i += 2
                    continue
                case UInt8(ascii: "\""):
                    stack.removeLast()
                case UInt8(ascii: "$"), UInt8(ascii: "%"):
                    if i + 1 < n, source[i + 1] == UInt8(ascii: "{") {
                        if i + 2 < n, source[i + 2] == c {
                            // `$${` and `%%{` are escapes for a literal `${` / `%{`.
                        } else {
                            stack.append(false)
                            braces.append(0)
                            i += 2
                            continue
                        }
                    }
                case 0x0A:
                    // An unterminated string ends at the line end (the parser reports it).
                    stack.removeLast()
                    newline(at: i)
                default: break
                }
                i += 1
                continue
            }
            switch c {
            case 0x0A:
                newline(at: i)
                i += 1
            case UInt8(ascii: "\""):
                stack.append(true)
                i += 1
            case UInt8(ascii: "{"):
                if !braces.isEmpty { braces[braces.count - 1] += 1 }
                i += 1
            case UInt8(ascii: "}"):
                if let depth = braces.last, stack.last == false {
                    if depth == 0 {
                        braces.removeLast()
                        stack.removeLast()
                    } else {
                        braces[braces.count - 1] -= 1
                    }
                }
                i += 1
            case UInt8(ascii: "#"), UInt8(ascii: "/") where c == UInt8(ascii: "#") || (i + 1 < n && source[i + 1] == UInt8(ascii: "/")):
                let markerLength = c == UInt8(ascii: "#") ? 1 : 2
                var end = i
                while end < n, source[end] != 0x0A { end += 1 }
                var textEnd = end
                if textEnd > i, source[textEnd - 1] == 0x0D { textEnd -= 1 }
                let standsAlone = source[lineStart..<i].allSatisfy { $0 == 0x20 || $0 == 0x09 }
                let column = String(decoding: source[lineStart..<i], as: UTF8.self).count + 1
                let endColumn = column + String(decoding: source[i..<textEnd], as: UTF8.self).count
                out.append(LineComment(
                    text: String(decoding: source[(i + markerLength)..<textEnd], as: UTF8.self),
                    range: SourceRange(
                        start: SourcePos(line: line, column: column, byte: i),
                        end: SourcePos(line: line, column: endColumn, byte: textEnd)),
                    standsAlone: standsAlone))
                i = end
            case UInt8(ascii: "/") where i + 1 < n && source[i + 1] == UInt8(ascii: "*"):
                i += 2
                while i < n, !(source[i] == UInt8(ascii: "*") && i + 1 < n && source[i + 1] == UInt8(ascii: "/")) {
                    if source[i] == 0x0A { newline(at: i) }
                    i += 1
                }
                i += 2
            case UInt8(ascii: "<") where i + 1 < n && source[i + 1] == UInt8(ascii: "<"):
                // A heredoc: `<<EOT` or `<<-EOT` then a newline; it runs to a line that
                // holds only the marker (after optional indentation).
                var j = i + 2
                if j < n, source[j] == UInt8(ascii: "-") { j += 1 }
                let markerStart = j
                while j < n, source[j] == UInt8(ascii: "_") || (source[j] | 0x20 >= 0x61 && source[j] | 0x20 <= 0x7A) || (source[j] >= 0x30 && source[j] <= 0x39) { j += 1 }
                let marker = Array(source[markerStart..<j])
                var k = j
                if k < n, source[k] == 0x0D { k += 1 }
                guard !marker.isEmpty, k < n, source[k] == 0x0A else {
                    i += 2
                    continue
                }
                newline(at: k)
                i = k + 1
                while i < n {
                    var e = i
                    while e < n, source[e] != 0x0A { e += 1 }
                    var content = source[i..<e]
                    while let f = content.first, f == 0x20 || f == 0x09 { content = content.dropFirst() }
                    while let l = content.last, l == 0x0D || l == 0x20 || l == 0x09 { content = content.dropLast() }
                    let closes = Array(content) == marker
                    if e < n { newline(at: e) }
                    i = e + 1
                    if closes { break }
                }
            default:
                i += 1
            }
        }
        return out
    }
}
