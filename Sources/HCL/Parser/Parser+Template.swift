/// One atom of a template, before the directives are nested into a tree.
private enum TemplatePiece {
    case literal(String, SourceRange)
    case interpolation(Expression)
    case ifDirective(condition: Expression, range: SourceRange)
    case forDirective(key: String?, value: String, collection: Expression, range: SourceRange)
    case endDirective(EndDirective, SourceRange)
    case end(SourceRange)

    enum EndDirective: String {
        case `else`, endif, endfor
    }
}

extension Parser {
    /// Parses template parts up to `end`; returns the parts, whether the template is a
    /// single interpolation (so its value passes through unconverted), and its range.
    mutating func parseTemplateInner(end: TokenKind, flushHeredoc: Bool) -> ([Expression], Bool, SourceRange) {
        var (pieces, range) = parseTemplatePieces(end: end)
        if flushHeredoc { Parser.flush(&pieces) }
        var builder = TemplateBuilder(pieces: pieces)
        let parts = builder.parseRoot()
        diagnostics.append(contentsOf: builder.diagnostics)
        errorCount += builder.diagnostics.count
        var passthrough = false
        if pieces.count == 2, case .interpolation = pieces[0] { passthrough = true }
        return (parts, passthrough, range)
    }

    private mutating func parseTemplatePieces(end: TokenKind) -> ([TemplatePiece], SourceRange) {
        var pieces: [TemplatePiece] = []
        let startRange = nextRange
        var trimNextLeft = false
        var nextCanTrimPrevious = false
        var endRange = startRange

        tokens: while true {
            let next = read()
            if next.kind == end {
                endRange = next.range
                break
            }
            let trimLeft = trimNextLeft
            trimNextLeft = false
            let canTrimPrevious = nextCanTrimPrevious
            nextCanTrimPrevious = false

            switch next.kind {
            case .stringLit, .quotedLit:
                var value = decodeLiteral(next, quoted: next.kind == .quotedLit)
                if trimLeft { value = TemplateWhitespace.trimmingLeft(value) }
                pieces.append(.literal(value, next.range))
                nextCanTrimPrevious = true

            case .templateInterp:
                if canTrimPrevious { trimPrevious(&pieces, opener: next) }
                pushNewlines(false)
                let expression = parseExpression()
                let close = peek()
                if close.kind != .templateSeqEnd {
                    if !recovery {
                        switch close.kind {
                        case .eof:
                            report(
                                .unclosedInterpolation, "Unclosed template interpolation sequence",
                                "There is no closing brace for this interpolation sequence before the end of the file. This might be caused by incorrect nesting inside the given expression.",
                                startRange)
                        case .colon:
                            report(
                                .extraCharactersAfterInterpolation, "Extra characters after interpolation expression",
                                "Template interpolation doesn't expect a colon at this location. Did you intend this to be a literal sequence to be processed as part of another language? If so, you can escape it by starting with \"$${\" instead of just \"${\".",
                                close.range, context: .between(startRange, close.range))
                        case .closeQuote where end == .closeQuote, .openQuote where end == .closeQuote:
                            report(
                                .unclosedInterpolation, "Unclosed template interpolation sequence",
                                "There is no closing brace for this interpolation sequence before the end of the quoted template. This might be caused by incorrect nesting inside the given expression.",
                                startRange)
                        default:
                            report(
                                .extraCharactersAfterInterpolation, "Extra characters after interpolation expression",
                                "Expected a closing brace to end the interpolation expression, but found extra characters.\n\nThis can happen when you include interpolation syntax for another language, such as shell scripting, but forget to escape the interpolation start token. If this is an embedded sequence for another language, escape it by starting with \"$${\" instead of just \"${\".",
                                close.range, context: .between(startRange, close.range))
                        }
                    }
                    recover(.templateSeqEnd)
                } else {
                    read()
                    if isStripMarker(close) { trimNextLeft = true }
                }
                popNewlines()
                pieces.append(.interpolation(expression))

            case .templateControl:
                if canTrimPrevious { trimPrevious(&pieces, opener: next) }
                pushNewlines(false)
                let keyword = peek()
                guard keyword.kind == .ident else {
                    if !recovery {
                        report(
                            .invalidTemplateDirective, "Invalid template directive",
                            "A template directive keyword (\"if\", \"for\", etc) is expected at the beginning of a %{ sequence.",
                            keyword.range, context: .between(next.range, keyword.range))
                    }
                    recover(.templateSeqEnd)
                    popNewlines()
                    continue tokens
                }
                read()
                switch text(keyword.range) {
                case "if":
                    let condition = parseExpression()
                    pieces.append(.ifDirective(condition: condition, range: .between(next.range, nextRange)))
                case "else":
                    pieces.append(.endDirective(.else, .between(next.range, nextRange)))
                case "endif":
                    pieces.append(.endDirective(.endif, .between(next.range, nextRange)))
                case "endfor":
                    pieces.append(.endDirective(.endfor, .between(next.range, nextRange)))
                case "for":
                    guard peek().kind == .ident else {
                        if !recovery {
                            report(.invalidForDirective, "Invalid 'for' directive", "For directive requires variable name after 'for'.", peek().range)
                        }
                        recover(.templateSeqEnd)
                        popNewlines()
                        continue tokens
                    }
                    var key: String?
                    var value = text(read().range)
                    if peek().kind == .comma {
                        key = value
                        read()
                        guard peek().kind == .ident else {
                            if !recovery {
                                report(
                                    .invalidForDirective, "Invalid 'for' directive", "For directive requires value variable name after comma.",
                                    peek().range)
                            }
                            recover(.templateSeqEnd)
                            popNewlines()
                            continue tokens
                        }
                        value = text(read().range)
                    }
                    guard tokenIs(peek(), keyword: "in") else {
                        if !recovery {
                            report(.invalidForDirective, "Invalid 'for' directive", "For directive requires 'in' keyword after names.", peek().range)
                        }
                        recover(.templateSeqEnd)
                        popNewlines()
                        continue tokens
                    }
                    read()
                    let collection = parseExpression()
                    pieces.append(.forDirective(key: key, value: value, collection: collection, range: .between(next.range, nextRange)))
                case let given:
                    if !recovery {
                        let suggestion = NameSuggestion.closest(to: given, among: ["if", "for", "else", "endif", "endfor"])
                            .map { " Did you mean \"\($0)\"?" } ?? ""
                        report(
                            .invalidTemplateKeyword, "Invalid template control keyword",
                            "\"\(given)\" is not a valid template control keyword.\(suggestion)", keyword.range,
                            context: .between(next.range, keyword.range))
                    }
                    recover(.templateSeqEnd)
                    popNewlines()
                    continue tokens
                }
                let close = peek()
                if close.kind != .templateSeqEnd {
                    if !recovery {
                        report(
                            .extraCharactersInDirective, "Extra characters in \(text(keyword.range)) marker",
                            "Expected a closing brace to end the sequence, but found extra characters.", close.range,
                            context: .between(startRange, close.range))
                    }
                    recover(.templateSeqEnd)
                } else {
                    read()
                    if isStripMarker(close) { trimNextLeft = true }
                }
                popNewlines()

            default:
                if !recovery {
                    report(
                        .unterminatedTemplate, "Unterminated template string", "No closing marker was found for the string.",
                        next.range, context: .between(startRange, next.range))
                }
                endRange = recover(end).range
                break tokens
            }
        }

        if pieces.isEmpty {
            // `""` is an empty string: an empty literal just after the opening quote.
            pieces.append(.literal("", .at(startRange.end)))
        }
        pieces.append(.end(endRange))
        return (pieces, .between(startRange, endRange))
    }

    private func isStripMarker(_ close: Token) -> Bool {
        close.range.end.byte - close.range.start.byte == 2 && src[close.range.start.byte] == UInt8(ascii: "~")
    }

    /// `${~` or `%{~`: trims white space at the end of the literal before it.
    private func trimPrevious(_ pieces: inout [TemplatePiece], opener: Token) {
        guard opener.range.end.byte - opener.range.start.byte == 3, let last = pieces.indices.last,
            case .literal(let value, let range) = pieces[last]
        else { return }
        pieces[last] = .literal(TemplateWhitespace.trimmingRight(value), range)
    }

    /// The `<<-` rule: remove from every line the smallest indentation of any line, counted
    /// in characters of the literal text (interpolated values never change it).
    fileprivate static func flush(_ pieces: inout [TemplatePiece]) {
        var minSpaces = Int.max
        var atLineStart = true
        var adjust: [Int] = []
        for (i, piece) in pieces.enumerated() {
            if atLineStart {
                atLineStart = false
                var spaces = 0
                if case .literal(let value, _) = piece {
                    let leading = TemplateWhitespace.leadingCount(value)
                    // A line of only spaces is blank and does not count.
                    if leading.bytes == value.utf8.count && value.hasSuffix("\n") {
                        spaces = Int.max
                    } else {
                        spaces = leading.characters
                        adjust.append(i)
                    }
                } else if case .end = piece {
                    break
                }
                minSpaces = min(minSpaces, spaces)
            }
            if case .literal(let value, _) = piece, value.utf8.last == 0x0A {
                atLineStart = true
            }
        }
        guard minSpaces != Int.max else { return }
        for i in adjust {
            guard case .literal(let value, var range) = pieces[i] else { continue }
            let cut = value.index(value.startIndex, offsetBy: minSpaces, limitedBy: value.endIndex) ?? value.endIndex
            let bytes = value.utf8.distance(from: value.startIndex, to: cut)
            range.start.column += minSpaces
            range.start.byte += bytes
            pieces[i] = .literal(String(value[cut...]), range)
        }
    }
}

/// Nests template pieces into expressions: `%{if}` into conditionals, `%{for}` into joins.
private struct TemplateBuilder {
    var pieces: [TemplatePiece]
    var position = 0
    var diagnostics: [Diagnostic] = []

    init(pieces: [TemplatePiece]) { self.pieces = pieces }

    mutating func peek() -> TemplatePiece { pieces[position] }

    @discardableResult
    mutating func read() -> TemplatePiece {
        let piece = pieces[position]
        if case .end = piece { return piece }
        position += 1
        return piece
    }

    mutating func parseRoot() -> [Expression] {
        var parts: [Expression] = []
        while true {
            if case .end = peek() { break }
            parts.append(parseItem())
        }
        return parts
    }

    private mutating func report(_ code: DiagnosticCode, _ summary: String, _ detail: String, _ subject: SourceRange) {
        diagnostics.append(Diagnostic(code: code, summary: summary, detail: detail, subject: subject))
    }

    private mutating func parseItem() -> Expression {
        switch peek() {
        case .literal(let value, let range):
            read()
            return .literal(.string(value), range)
        case .interpolation(let expression):
            read()
            return expression
        case .ifDirective(let condition, let range):
            read()
            return parseIf(condition: condition, openRange: range)
        case .forDirective(let key, let value, let collection, let range):
            read()
            return parseFor(key: key, value: value, collection: collection, openRange: range)
        case .end(let range):
            read()
            report(.unexpectedEndOfTemplate, "Unexpected end of template", "The control directives within this template are unbalanced.", range)
            return .invalid(range)
        case .endDirective(let kind, let range):
            read()
            report(.unexpectedDirective, "Unexpected \(kind.rawValue) directive", "The control directives within this template are unbalanced.", range)
            return .invalid(range)
        }
    }

    private static func join(_ parts: [Expression]) -> Expression {
        .template(parts: parts, range: .between(parts[0].range, parts[parts.count - 1].range))
    }

    private mutating func parseIf(condition: Expression, openRange: SourceRange) -> Expression {
        var ifParts: [Expression] = []
        var elseParts: [Expression] = []
        var inElse = false
        var endifRange: SourceRange
        while true {
            switch peek() {
            case .end(let range):
                report(
                    .unexpectedEndOfTemplate, "Unexpected end of template",
                    "The if directive at \(openRange.start.line):\(openRange.start.column) is missing its corresponding endif directive.", range)
                return .invalid(range)
            case .endDirective(let kind, let range):
                read()
                switch kind {
                case .else where !inElse:
                    inElse = true
                    continue
                case .else:
                    report(
                        .unexpectedDirective, "Unexpected else directive",
                        "Already in the else clause for the if started at \(openRange.start.line):\(openRange.start.column).", range)
                    return .invalid(range)
                case .endif:
                    endifRange = range
                case .endfor:
                    report(
                        .unexpectedDirective, "Unexpected endfor directive",
                        "Expecting an endif directive for the if started at \(openRange.start.line):\(openRange.start.column).", range)
                    return .invalid(range)
                }
            default:
                let item = parseItem()
                if inElse { elseParts.append(item) } else { ifParts.append(item) }
                continue
            }
            break
        }
        if ifParts.isEmpty { ifParts.append(.literal(.string(""), .at(openRange.end))) }
        if elseParts.isEmpty { elseParts.append(.literal(.string(""), .at(endifRange.start))) }
        return .conditional(
            condition: condition, trueResult: Self.join(ifParts), falseResult: Self.join(elseParts),
            range: .between(openRange, endifRange))
    }

    private mutating func parseFor(key: String?, value: String, collection: Expression, openRange: SourceRange) -> Expression {
        var content: [Expression] = []
        var endforRange: SourceRange
        while true {
            switch peek() {
            case .end(let range):
                report(
                    .unexpectedEndOfTemplate, "Unexpected end of template",
                    "The for directive at \(openRange.start.line):\(openRange.start.column) is missing its corresponding endfor directive.", range)
                return .invalid(range)
            case .endDirective(let kind, let range):
                read()
                switch kind {
                case .endfor:
                    endforRange = range
                case .else:
                    report(.unexpectedDirective, "Unexpected else directive", "An else clause is not expected for a for directive.", range)
                    return .invalid(range)
                case .endif:
                    report(
                        .unexpectedDirective, "Unexpected endif directive",
                        "Expecting an endfor directive corresponding to the for directive at \(openRange.start.line):\(openRange.start.column).", range)
                    return .invalid(range)
                }
            default:
                content.append(parseItem())
                continue
            }
            break
        }
        if content.isEmpty { content.append(.literal(.string(""), .at(openRange.end))) }
        return .templateJoin(
            ForExpression(
                keyVariable: key, valueVariable: value, collection: collection, keyExpression: nil,
                valueExpression: Self.join(content), condition: nil, grouping: false, range: .between(openRange, endforRange),
                openRange: openRange, closeRange: endforRange))
    }
}

/// White space handling of templates: strip markers (`~`) and flush heredocs use
/// Unicode white space, as HCL does.
enum TemplateWhitespace {
    static func trimmingLeft(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...])
    }

    static func trimmingRight(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[...last])
    }

    /// The leading white space of `s`: in bytes, and in characters (grapheme clusters).
    static func leadingCount(_ s: String) -> (bytes: Int, characters: Int) {
        let scalars = s.unicodeScalars
        let end = scalars.firstIndex(where: { !$0.properties.isWhitespace }) ?? scalars.endIndex
        let prefix = String(scalars[..<end])
        return (prefix.utf8.count, prefix.count)
    }
}
