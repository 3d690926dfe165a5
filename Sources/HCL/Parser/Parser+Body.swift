extension Parser {
    private enum BodyItem {
        case attribute(Attribute)
        case block(Block)
    }

    /// Parses attributes and blocks up to `end` (the closing brace, or the end of the file).
    mutating func parseBody(end: TokenKind) -> Body {
        var attributes: [Attribute] = []
        var names: [String: SourceRange] = [:]
        var blocks: [Block] = []
        let startRange = previousRange
        var endRange: SourceRange

        loop: while true {
            let next = peek()
            if next.kind == end {
                endRange = next.range
                read()
                break
            }
            switch next.kind {
            case .newline:
                read()
            case .ident:
                switch parseBodyItem() {
                case .block(let block)?:
                    blocks.append(block)
                case .attribute(let attribute)?:
                    if let existing = names[attribute.name] {
                        report(
                            .attributeRedefined, "Attribute redefined",
                            "The argument \"\(attribute.name)\" was already set at \(existing.start.line):\(existing.start.column). Each argument may be set only once.",
                            attribute.nameRange)
                    } else {
                        names[attribute.name] = attribute.nameRange
                        attributes.append(attribute)
                    }
                case nil:
                    continue
                }
            default:
                let bad = read()
                if !recovery {
                    switch bad.kind {
                    case .openQuote:
                        report(.invalidArgumentName, "Invalid argument name", "Argument names must not be quoted.", bad.range)
                    case .eof:
                        if end == .closeBrace {
                            report(
                                .unclosedBlock, "Unclosed configuration block",
                                "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
                                startRange)
                        } else {
                            report(.unclosedBody, "Unclosed configuration body", "Found end of file before the end of this configuration body.", startRange)
                        }
                    default:
                        report(.argumentOrBlockRequired, "Argument or block definition required", "An argument or block definition is required here.", bad.range)
                    }
                }
                endRange = previousRange
                recover(end)
                break loop
            }
        }
        return Body(
            attributes: attributes, blocks: blocks, range: .between(startRange, endRange), endRange: .at(endRange.end))
    }

    private mutating func parseBodyItem() -> BodyItem? {
        let ident = read()
        guard ident.kind == .ident else {
            recoverAfterBodyItem()
            report(.argumentOrBlockRequired, "Argument or block definition required", "An argument or block definition is required here.", ident.range)
            return nil
        }
        switch peek().kind {
        case .equal:
            return .attribute(finishAttribute(ident, singleLine: false))
        case .openQuote, .openBrace, .ident:
            return .block(finishBlock(ident))
        default:
            recoverAfterBodyItem()
            report(
                .argumentOrBlockRequired, "Argument or block definition required",
                "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to introduce the argument value.",
                ident.range)
            return nil
        }
    }

    /// The body of a one-line block, `name { attr = value }`: exactly one attribute.
    private mutating func parseSingleAttributeBody() -> Body? {
        let ident = read()
        guard ident.kind == .ident else {
            recoverAfterBodyItem()
            report(.argumentOrBlockRequired, "Argument or block definition required", "An argument or block definition is required here.", ident.range)
            return nil
        }
        let next = peek()
        switch next.kind {
        case .equal:
            let attribute = finishAttribute(ident, singleLine: true)
            return Body(attributes: [attribute], range: attribute.range, endRange: .at(attribute.range.end))
        case .openQuote, .openBrace, .ident:
            recoverAfterBodyItem()
            report(
                .argumentDefinitionRequired, "Argument definition required",
                "A single-line block definition can contain only a single argument. If you meant to define argument \"\(text(ident.range))\", use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.",
                .between(ident.range, next.range))
            return nil
        default:
            recoverAfterBodyItem()
            report(
                .argumentOrBlockRequired, "Argument or block definition required",
                "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to introduce the argument value.",
                ident.range)
            return nil
        }
    }

    private mutating func finishAttribute(_ ident: Token, singleLine: Bool) -> Attribute {
        let equals = read()
        let before = errorCount
        let expression = parseExpression()
        var endRange: SourceRange
        if recovery && errorCount > before {
            // Recovery inside expressions lands somewhere unpredictable: resynchronise
            // at the start of the next body item.
            endRange = previousRange
            recoverAfterBodyItem()
        } else {
            endRange = previousRange
            if !singleLine {
                let end = peek()
                if end.kind != .newline && end.kind != .eof {
                    if !recovery {
                        let isComma = end.kind == .comma
                        report(
                            isComma ? .unexpectedCommaAfterArgument : .missingNewlineAfterArgument,
                            isComma ? "Unexpected comma after argument" : "Missing newline after argument",
                            (isComma ? "Argument definitions must be separated by newlines, not commas. " : "")
                                + "An argument definition must end with a newline.",
                            end.range, context: .between(ident.range, end.range))
                    }
                    endRange = previousRange
                    recoverAfterBodyItem()
                } else {
                    endRange = previousRange
                    read()
                }
            }
        }
        return Attribute(
            name: text(ident.range), expression: expression, range: .between(ident.range, endRange),
            nameRange: ident.range, equalsRange: equals.range)
    }

    private mutating func finishBlock(_ ident: Token) -> Block {
        var labels: [String] = []
        var labelRanges: [SourceRange] = []
        var openBrace: Token
        let type = text(ident.range)

        labels: while true {
            let t = peek()
            switch t.kind {
            case .openBrace:
                openBrace = read()
                break labels
            case .openQuote:
                let (label, range) = parseQuotedStringLiteral()
                labels.append(label)
                labelRanges.append(range)
            case .ident:
                read()
                labels.append(text(t.range))
                labelRanges.append(t.range)
            default:
                switch t.kind {
                case .equal:
                    report(
                        .invalidBlockDefinition, "Invalid block definition",
                        "The equals sign \"=\" indicates an argument definition, and must not be used when defining a block.",
                        t.range, context: .between(ident.range, t.range))
                case .newline:
                    report(
                        .invalidBlockDefinition, "Invalid block definition",
                        "A block definition must have block content delimited by \"{\" and \"}\", starting on the same line as the block header.",
                        t.range, context: .between(ident.range, t.range))
                default:
                    if !recovery {
                        report(
                            .invalidBlockDefinition, "Invalid block definition",
                            "Either a quoted string block label or an opening brace (\"{\") is expected here.",
                            t.range, context: .between(ident.range, t.range))
                    }
                }
                recoverAfterBodyItem()
                return Block(
                    type: type, labels: labels, body: Body(range: ident.range, endRange: ident.range),
                    typeRange: ident.range, labelRanges: labelRanges, openBraceRange: ident.range, closeBraceRange: ident.range)
            }
        }

        var body: Body?
        if !enter(openBrace.range) {
            recover(.closeBrace)
        } else {
            switch peek().kind {
            case .newline, .eof, .closeBrace:
                body = parseBody(end: .closeBrace)
            default:
                body = parseSingleAttributeBody()
                let next = peek()
                switch next.kind {
                case .closeBrace:
                    read()
                case .comma:
                    report(
                        .invalidSingleArgumentBlock, "Invalid single-argument block definition",
                        "Single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line.",
                        next.range)
                    recover(.closeBrace)
                case .newline:
                    report(
                        .invalidSingleArgumentBlock, "Invalid single-argument block definition",
                        "An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.",
                        next.range)
                    recover(.closeBrace)
                default:
                    if !recovery {
                        if next.kind == .eof {
                            report(
                                .unclosedBlock, "Unclosed configuration block",
                                "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
                                openBrace.range, context: .between(ident.range, openBrace.range))
                        } else {
                            report(
                                .invalidSingleArgumentBlock, "Invalid single-argument block definition",
                                "A single-line block definition must end with a closing brace immediately after its single argument definition.",
                                next.range)
                        }
                    }
                    recover(.closeBrace)
                }
            }
        }
        leave()
        let closeBraceRange = previousRange

        let eol = peek()
        if eol.kind == .newline || eol.kind == .eof {
            read()
        } else {
            if !recovery {
                report(
                    .missingNewlineAfterBlock, "Missing newline after block definition", "A block definition must end with a newline.",
                    eol.range, context: .between(ident.range, eol.range))
            }
            recoverAfterBodyItem()
        }

        // A broken block still gets a body, so that partial trees stay usable.
        let finalBody = body ?? Body(range: .between(openBrace.range, closeBraceRange), endRange: closeBraceRange)
        return Block(
            type: type, labels: labels, body: finalBody, typeRange: ident.range, labelRanges: labelRanges,
            openBraceRange: openBrace.range, closeBraceRange: closeBraceRange)
    }

    /// A quoted string with no template sequences (block labels): its value and range.
    mutating func parseQuotedStringLiteral() -> (String, SourceRange) {
        let open = read()
        guard open.kind == .openQuote else {
            report(.invalidStringLiteral, "Invalid string literal", "A quoted string is required here.", open.range)
            return ("", open.range)
        }
        var value = ""
        var endRange: SourceRange
        while true {
            let t = read()
            switch t.kind {
            case .closeQuote:
                endRange = t.range
                return (value, .between(open.range, endRange))
            case .quotedLit:
                value += decodeLiteral(t, quoted: true)
            case .templateControl, .templateInterp:
                let which = t.kind == .templateControl ? "%" : "$"
                report(
                    .invalidStringLiteral, "Invalid string literal",
                    "Template sequences are not allowed in this string. To include a literal \"\(which)\", double it (as \"\(which)\(which)\") to escape it.",
                    t.range, context: .between(open.range, t.range))
                value += which + "{ ... }"
                recover(.templateSeqEnd)
            case .eof:
                report(
                    .unterminatedStringLiteral, "Unterminated string literal",
                    "Unable to find the closing quote mark before the end of the file.", t.range,
                    context: .between(open.range, t.range))
                return (value, .between(open.range, t.range))
            default:
                report(
                    .invalidStringLiteral, "Invalid string literal", "This item is not valid in a string literal.", t.range,
                    context: .between(open.range, t.range))
                recover(.closeQuote)
                return (value, .between(open.range, t.range))
            }
        }
    }
}
