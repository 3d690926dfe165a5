/// Looks at the raw text before Yams does, for the two things Yams reports badly or not at
/// all: tabs in indentation (libyaml says "found character that cannot start any token")
/// and nesting deep enough to exhaust the stack (Yams composes recursively, one set of
/// frames per level: about 7,000 levels of `[` end a debug build on an 8 MiB stack).
enum ConfigurationPrescan {
    /// Nesting deeper than any `airlock.yaml` needs (the schema goes five levels down);
    /// far below where Yams' recursion could run out of even a 512 KiB thread stack.
    static let depthLimit = 200

    /// The first tab in the leading whitespace of `line` (1-based), as a 1-based column.
    static func leadingTab(in text: String, line: Int) -> Int? {
        var current = 1
        var column = 1
        var leading = true
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if current == line { return nil }
                current += 1
                column = 1
                leading = true
                continue
            }
            if current == line, leading {
                if scalar == "\t" { return column }
                if scalar != " " { leading = false }
            }
            if current > line { return nil }
            column += 1
        }
        return nil
    }

    /// Where the nesting first goes deeper than `depthLimit`, or nil when it never does.
    ///
    /// An upper bound, not an exact depth: block nesting costs at least one column per two
    /// levels (a sequence may sit at its mapping key's column), flow nesting at most two
    /// levels per bracket (`[a: [...]]` is a sequence holding a one-pair mapping). Brackets
    /// inside quoted scalars and comments do not count. Two passes guard against misreading
    /// quotes: one lets a quoted scalar run across lines (as YAML does) and skips block
    /// scalars, the other ends every quote at the end of its line and skips nothing. A
    /// misread quote makes one pass see too little, not both, and the first pass to see
    /// the limit crossed reports it; only a file crafted to mislead both at once could get
    /// deep nesting past them.
    static func excessiveNesting(in text: String) -> (line: Int, column: Int)? {
        // Split on scalars, not Characters: "\r\n" is one Character and would hide the break.
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            Array(line.last == "\r" ? line.dropLast() : line)
        }
        var spanningScanner = NestingScanner(quotesSpanLines: true)
        var singleLineScanner = NestingScanner(quotesSpanLines: false)
        let spanning = spanningScanner.firstExcess(lines)
        let singleLine = singleLineScanner.firstExcess(lines)
        switch (spanning, singleLine) {
        case (nil, nil): return nil
        case (let a?, nil): return a
        case (nil, let b?): return b
        case (let a?, let b?): return (a.line, a.column) < (b.line, b.column) ? a : b
        }
    }
}

/// One pass of the nesting estimate over the lines of a file.
private struct NestingScanner {
    let quotesSpanLines: Bool
    /// Open flow collections (`[`, `{`) outside quotes and comments; never below zero.
    private var flowDepth = 0
    /// The block nesting bound of the line where the outermost open flow collection began.
    private var blockDepthAtFlowStart = 0
    /// The quote character of a quoted scalar still open at the end of the previous line.
    private var openQuote: Unicode.Scalar?
    /// Lines of a block scalar (`|`, `>`) are content, not structure: the column its
    /// content must be indented beyond, while inside one.
    private var blockScalarParentColumn: Int?

    init(quotesSpanLines: Bool) { self.quotesSpanLines = quotesSpanLines }

    mutating func firstExcess(_ lines: [[Unicode.Scalar]]) -> (line: Int, column: Int)? {
        for (index, line) in lines.enumerated() {
            if let found = scan(line) { return (index + 1, found) }
        }
        return nil
    }

    /// The 1-based column where the bound first passes the limit on this line.
    private mutating func scan(_ line: [Unicode.Scalar]) -> Int? {
        var lead = 0
        leading: while lead < line.count {
            switch line[lead] {
            case " ", "\t", "-", "?", ":": lead += 1
            default: break leading
            }
        }
        let indent = line.prefix { $0 == " " || $0 == "\t" }.count
        if let parent = blockScalarParentColumn {
            // Blank lines and lines indented beyond the parent belong to the block scalar.
            if indent == line.count || indent > parent { return nil }
            blockScalarParentColumn = nil
        }
        if !quotesSpanLines { openQuote = nil }
        let blockDepth = 2 * (lead + 1)
        if flowDepth == 0, openQuote == nil, blockDepth > ConfigurationPrescan.depthLimit { return lead + 1 }
        // At the start of a token a quote opens a quoted scalar; inside a plain scalar
        // (`it's`) it is just a character.
        var atTokenStart = true
        // Right after a quoted scalar in flow context, `:` is a value indicator even
        // without a space (`{"a":"b"}`).
        var afterQuoted = false
        var lastNodeColumn = indent
        var i = 0
        while i < line.count {
            let c = line[i]
            if let quote = openQuote {
                if c == "\\", quote == "\"" {
                    i += 2
                    continue
                }
                if c == quote {
                    if quote == "'", i + 1 < line.count, line[i + 1] == "'" {
                        i += 2
                        continue
                    }
                    openQuote = nil
                    atTokenStart = false
                    afterQuoted = true
                }
                i += 1
                continue
            }
            let followedByBlank = i + 1 >= line.count || line[i + 1] == " " || line[i + 1] == "\t"
            let wasAfterQuoted = afterQuoted
            afterQuoted = false
            switch c {
            case " ", "\t":
                // Spaces inside a plain scalar keep it going, in block and flow context.
                afterQuoted = wasAfterQuoted
            case "#" where i == 0 || line[i - 1] == " " || line[i - 1] == "\t":
                return nil
            case "\"", "'":
                if atTokenStart {
                    openQuote = c
                    if flowDepth == 0 { lastNodeColumn = i }
                }
                atTokenStart = false
            case "[", "{":
                if flowDepth == 0 { blockDepthAtFlowStart = blockDepth }
                flowDepth += 1
                atTokenStart = true
                if blockDepthAtFlowStart + 2 * flowDepth > ConfigurationPrescan.depthLimit { return i + 1 }
            case "]", "}":
                flowDepth = max(0, flowDepth - 1)
                atTokenStart = false
            case ",":
                if flowDepth > 0 { atTokenStart = true }
            case "-", "?":
                if atTokenStart, followedByBlank {
                    lastNodeColumn = i
                } else {
                    atTokenStart = false
                }
            case ":":
                if followedByBlank || (flowDepth > 0 && wasAfterQuoted) {
                    atTokenStart = true
                } else {
                    atTokenStart = false
                }
            case "|", ">":
                if atTokenStart, flowDepth == 0, quotesSpanLines {
                    // A block scalar header: every following line indented beyond its
                    // parent node is content.
                    blockScalarParentColumn = lastNodeColumn
                    return nil
                }
                atTokenStart = false
            case "&", "!":
                if atTokenStart {
                    // An anchor or a tag: the node itself follows after a space.
                    while i + 1 < line.count, line[i + 1] != " " { i += 1 }
                }
            default:
                if atTokenStart, flowDepth == 0 { lastNodeColumn = i }
                atTokenStart = false
            }
            i += 1
        }
        return nil
    }
}
