extension Parser {
    /// The precedence level (0 loosest) and operator of a binary operator token
    /// (HCL spec, "Operations").
    private static func binaryOperator(_ kind: TokenKind) -> (level: Int, op: BinaryOperator)? {
        switch kind {
        case .or: return (0, .or)
        case .and: return (1, .and)
        case .equalOp: return (2, .equal)
        case .notEqual: return (2, .notEqual)
        case .greaterThan: return (3, .greaterThan)
        case .greaterThanEq: return (3, .greaterThanOrEqual)
        case .lessThan: return (3, .lessThan)
        case .lessThanEq: return (3, .lessThanOrEqual)
        case .plus: return (4, .add)
        case .minus: return (4, .subtract)
        case .star: return (5, .multiply)
        case .slash: return (5, .divide)
        case .percent: return (5, .modulo)
        default: return nil
        }
    }

    private static let binaryLevelCount = 6

    mutating func parseExpression() -> Expression {
        let at = nextRange
        guard enter(at) else {
            leave()
            return .invalid(at)
        }
        defer { leave() }
        return parseConditional()
    }

    /// `cond ? a : b`; the false branch is right-associative.
    private mutating func parseConditional() -> Expression {
        let startRange = nextRange
        var before = errorCount
        let condition = parseBinary(level: 0)
        if recovery && errorCount > before { return condition }
        guard peek().kind == .question else { return condition }
        read()

        before = errorCount
        let trueResult = parseExpression()
        if recovery && errorCount > before { return condition }

        let colon = peek()
        guard colon.kind == .colon else {
            report(
                .missingFalseExpression, "Missing false expression in conditional",
                "The conditional operator (...?...:...) requires a false expression, delimited by a colon.",
                colon.range, context: .between(startRange, colon.range))
            return condition
        }
        read()

        before = errorCount
        let falseResult = parseExpression()
        if recovery && errorCount > before { return condition }
        return .conditional(
            condition: condition, trueResult: trueResult, falseResult: falseResult,
            range: .between(startRange, falseResult.range))
    }

    /// One precedence level; operators of the same level associate to the left.
    private mutating func parseBinary(level: Int) -> Expression {
        guard level < Parser.binaryLevelCount else { return parseExpressionWithTraversals() }
        var before = errorCount
        var lhs = parseBinary(level: level + 1)
        if recovery && errorCount > before { return lhs }

        var operation: BinaryOperator?
        var rhs = lhs
        while true {
            guard let found = Parser.binaryOperator(peek().kind), found.level == level else { break }
            if let operation {
                lhs = .binary(operation, lhs: lhs, rhs: rhs, range: .between(lhs.range, rhs.range))
            }
            operation = found.op
            read()
            before = errorCount
            rhs = parseBinary(level: level + 1)
            if recovery && errorCount > before { return lhs }
        }
        guard let operation else { return lhs }
        return .binary(operation, lhs: lhs, rhs: rhs, range: .between(lhs.range, rhs.range))
    }

    mutating func parseExpressionWithTraversals() -> Expression {
        let term = parseTerm()
        return parseTraversals(from: term)
    }

    /// Appends a step to a reference, or starts a relative traversal on any other expression.
    private static func appending(_ step: TraversalStep, to expression: Expression, _ range: SourceRange) -> Expression {
        switch expression {
        case .scopeTraversal(var steps, let r):
            steps.append(step)
            return .scopeTraversal(steps, range: .between(r, range))
        case .relativeTraversal(let source, var steps, let r):
            steps.append(step)
            return .relativeTraversal(source: source, steps: steps, range: .between(r, range))
        default:
            return .relativeTraversal(source: expression, steps: [step], range: .between(expression.range, range))
        }
    }

    /// The legacy index `.0` (from HIL); `.0.1` lexes as one number and is rejected.
    private mutating func legacyIndexStep(dot: Token, number: Token, splat: Bool) -> TraversalStep {
        let range = SourceRange.between(dot.range, number.range)
        let digits = text(number.range)
        if let dotIndex = digits.firstIndex(of: ".") {
            let first = digits[..<dotIndex]
            let second = digits[digits.index(after: dotIndex)...]
            report(
                .invalidLegacyIndex, "Invalid legacy index syntax",
                "When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax\(splat ? " with a full splat expression [*]" : "") instead, like [\(first)][\(second)].",
                number.range)
            return .index(nil, range)
        }
        return .index(numberLiteral(number), range)
    }

    mutating func parseTraversals(from: Expression) -> Expression {
        var result = from
        traversal: while true {
            let next = peek()
            switch next.kind {
            case .dot:
                let dot = read()
                let attr = peek()
                switch attr.kind {
                case .ident:
                    read()
                    let range = SourceRange.between(dot.range, attr.range)
                    result = Parser.appending(.attribute(text(attr.range), range), to: result, range)
                case .numberLit:
                    read()
                    let step = legacyIndexStep(dot: dot, number: attr, splat: false)
                    result = Parser.appending(step, to: result, step.range)
                case .star:
                    // The attribute-only splat `.*` from HIL: only attribute (and legacy
                    // index) steps may follow it.
                    let marker = read()
                    var steps: [TraversalStep] = []
                    let firstRange = nextRange
                    var lastRange = marker.range
                    while peek().kind == .dot {
                        let innerDot = read()
                        if peek().kind == .numberLit {
                            let number = read()
                            steps.append(legacyIndexStep(dot: innerDot, number: number, splat: true))
                            lastRange = number.range
                            continue
                        }
                        guard peek().kind == .ident else {
                            if !recovery {
                                if peek().kind == .star {
                                    report(
                                        .nestedSplat, "Nested splat expression not allowed",
                                        "A splat expression (*) cannot be used inside another attribute-only splat expression.",
                                        peek().range)
                                } else {
                                    report(.invalidAttributeName, "Invalid attribute name", "An attribute name is required after a dot.", attr.range)
                                }
                            }
                            recovery = true
                            continue traversal
                        }
                        let name = read()
                        steps.append(.attribute(text(name.range), .between(innerDot.range, name.range)))
                        lastRange = name.range
                    }
                    let item = SourceRange.between(dot.range, marker.range)
                    let each: Expression =
                        steps.isEmpty
                        ? .anonSymbol(item)
                        : .relativeTraversal(source: .anonSymbol(item), steps: steps, range: .between(firstRange, lastRange))
                    result = .splat(
                        source: result, each: each, item: item, range: .between(from.range, lastRange), markerRange: item)
                default:
                    report(.invalidAttributeName, "Invalid attribute name", "An attribute name is required after a dot.", attr.range)
                    recovery = true
                }
            case .openBracket:
                let open = read()
                if peek().kind == .star {
                    // A full splat `[*]`: every following step applies to each element.
                    read()
                    var close = read()
                    if close.kind != .closeBracket && !recovery {
                        // Reported where recovery stops, as HashiCorp's parser does.
                        close = recover(.closeBracket)
                        report(
                            .missingCloseBracket, "Missing close bracket on splat index",
                            "The star for a full splat operator must be immediately followed by a closing bracket (\"]\").",
                            close.range)
                    }
                    let item = SourceRange.between(open.range, close.range)
                    let each = parseTraversals(from: .anonSymbol(item))
                    result = .splat(
                        source: result, each: each, item: item, range: .between(from.range, each.range), markerRange: item)
                } else {
                    pushNewlines(false)  // brackets allow newlines anywhere inside
                    let before = errorCount
                    let key = parseExpression()
                    var close: Token
                    if recovery && errorCount > before {
                        close = recover(.closeBracket)
                    } else {
                        close = read()
                        if close.kind != .closeBracket && !recovery {
                            close = recover(.closeBracket)
                            report(
                                .missingCloseBracket, "Missing close bracket on index",
                                "The index operator must end with a closing bracket (\"]\").", close.range)
                        }
                    }
                    popNewlines()
                    let range = SourceRange.between(open.range, close.range)
                    switch key {
                    case .literal(let value, _):
                        result = Parser.appending(.index(value, range), to: result, range)
                    case .invalid:
                        result = Parser.appending(.index(nil, range), to: result, range)
                    case .template(let parts, _) where parts.count == 1:
                        if case .literal(let value, _) = parts[0] {
                            result = Parser.appending(.index(value, range), to: result, range)
                        } else if case .invalid = parts[0] {
                            result = Parser.appending(.index(nil, range), to: result, range)
                        } else {
                            result = .index(collection: result, key: key, range: .between(from.range, range), bracketRange: range)
                        }
                    default:
                        result = .index(collection: result, key: key, range: .between(from.range, range), bracketRange: range)
                    }
                }
            default:
                break traversal
            }
        }
        return result
    }

    /// A number literal's value, or an error for text such as `1.2.3`.
    private mutating func numberLiteral(_ token: Token) -> Literal? {
        let digits = text(token.range)
        guard NumberSyntax.isValid(digits) else {
            report(.invalidNumberLiteral, "Invalid number literal", "Failed to recognize the value of this number literal.", token.range)
            return nil
        }
        return .number(digits)
    }

    private mutating func parseTerm() -> Expression {
        let start = peek()
        guard enter(start.range) else {
            leave()
            return .invalid(start.range)
        }
        defer { leave() }
        switch start.kind {
        case .openParen:
            let open = read()
            pushNewlines(false)
            let before = errorCount
            let inner = parseExpression()
            if errorCount > before {
                // Place the peeker after our closing parenthesis so that what follows
                // has a chance to parse.
                recover(.closeParen)
                popNewlines()
                return inner
            }
            let close = peek()
            if close.kind != .closeParen {
                report(
                    .unbalancedParentheses, "Unbalanced parentheses", "Expected a closing parenthesis to terminate the expression.",
                    close.range, context: .between(start.range, close.range))
                recovery = true
            }
            let closing = read()
            popNewlines()
            return .parentheses(inner, range: .between(open.range, closing.range))

        case .numberLit:
            read()
            if let value = numberLiteral(start) { return .literal(value, start.range) }
            return .invalid(start.range)

        case .ident:
            read()
            let next = peek().kind
            if next == .openParen || next == .doubleColon { return finishFunctionCall(name: start) }
            switch text(start.range) {
            case "true": return .literal(.bool(true), start.range)
            case "false": return .literal(.bool(false), start.range)
            case "null": return .literal(.null, start.range)
            case let name: return .scopeTraversal([.root(name, start.range)], range: start.range)
            }

        case .openQuote, .openHeredoc:
            let open = read()
            let closer: TokenKind = start.kind == .openQuote ? .closeQuote : .closeHeredoc
            let flush = start.kind == .openHeredoc && src[start.range.start.byte + 2] == UInt8(ascii: "-")
            let (parts, passthrough, _) = parseTemplateInner(end: closer, flushHeredoc: flush)
            let range = SourceRange.between(open.range, previousRange)
            if passthrough { return .templateWrap(parts[0], range: range) }
            return .template(parts: parts, range: range)

        case .minus, .bang:
            read()
            // Only the term and its traversals: `-46+5` is `(-46)+5`.
            let operand = parseExpressionWithTraversals()
            return .unary(
                start.kind == .minus ? .negate : .not, operand: operand, range: .between(start.range, operand.range),
                symbolRange: start.range)

        case .openBracket:
            return parseTuple()

        case .openBrace:
            return parseObject()

        default:
            if !recovery {
                if start.kind == .eof {
                    report(.missingExpression, "Missing expression", "Expected the start of an expression, but found the end of the file.", start.range)
                } else {
                    report(.invalidExpression, "Invalid expression", "Expected the start of an expression, but found an invalid expression token.", start.range)
                }
            }
            recovery = true
            return .invalid(start.range)
        }
    }

    /// Skips to the next `open` bracket, then past its matching closer.
    private mutating func recoverOver(_ open: TokenKind) {
        while true {
            let t = read()
            if t.kind == open || t.kind == .eof { break }
        }
        if let close = Parser.opposite(open) { recover(close) }
    }

    private mutating func finishFunctionCall(name: Token) -> Expression {
        var open = read()
        var fullName = text(name.range)
        var nameEnd = name.range.end
        // Provider-defined functions: `provider::aws::arn_parse(...)` (HCL 2.20+).
        while open.kind == .doubleColon {
            let part = read()
            guard part.kind == .ident else {
                report(
                    .invalidFunctionName, "Missing function name",
                    "Function scope resolution symbol :: must be followed by a function name in this scope.",
                    part.range, context: .between(name.range, part.range))
                recoverOver(.openParen)
                return .invalid(.between(name.range, previousRange))
            }
            fullName += "::" + text(part.range)
            nameEnd = part.range.end
            open = read()
        }
        let nameRange = SourceRange(start: name.range.start, end: nameEnd)
        guard open.kind == .openParen else {
            report(
                .invalidFunctionName, "Missing open parenthesis",
                "Function selector must be followed by an open parenthesis to begin the function call.",
                open.range, context: .between(name.range, open.range))
            recoverOver(.openParen)
            return .invalid(.between(name.range, previousRange))
        }

        var arguments: [Expression] = []
        var expandFinal = false
        var close: Token
        pushNewlines(false)  // arbitrary newlines are allowed inside the parentheses
        arguments: while true {
            if peek().kind == .closeParen {
                close = read()
                break
            }
            let before = errorCount
            arguments.append(parseExpression())
            if recovery && errorCount > before {
                close = recover(.closeParen)
                break
            }
            let separator = read()
            switch separator.kind {
            case .closeParen:
                close = separator
                break arguments
            case .ellipsis:
                expandFinal = true
                if peek().kind != .closeParen {
                    if !recovery {
                        report(
                            .missingClosingParenthesis, "Missing closing parenthesis",
                            "An expanded function argument (with ...) must be immediately followed by closing parentheses.",
                            separator.range, context: .between(name.range, separator.range))
                    }
                    close = recover(.closeParen)
                } else {
                    close = read()
                }
                break arguments
            case .comma:
                if peek().kind == .closeParen {
                    close = read()  // a trailing comma after the last argument
                    break arguments
                }
            case .eof:
                report(
                    .unterminatedFunctionCall, "Unterminated function call",
                    "There is no closing parenthesis for this function call before the end of the file. This may be caused by incorrect parenthesis nesting elsewhere in this file.",
                    .between(name.range, open.range))
                close = recover(.closeParen)
                break arguments
            default:
                report(
                    .missingArgumentSeparator, "Missing argument separator",
                    "A comma is required to separate each function argument from the next.", separator.range,
                    context: .between(name.range, separator.range))
                close = recover(.closeParen)
                break arguments
            }
        }
        popNewlines()
        return .functionCall(
            FunctionCall(
                name: fullName, arguments: arguments, expandFinal: expandFinal, nameRange: nameRange,
                openParenRange: open.range, closeParenRange: close.range))
    }

    private mutating func parseTuple() -> Expression {
        let open = read()
        pushNewlines(false)
        defer { popNewlines() }
        if tokenIs(peek(), keyword: "for") { return finishForExpression(open: open) }

        var items: [Expression] = []
        var close: Token
        while true {
            if peek().kind == .closeBracket {
                close = read()
                break
            }
            let before = errorCount
            items.append(parseExpression())
            if recovery && errorCount > before {
                close = recover(.closeBracket)
                break
            }
            let next = peek()
            if next.kind == .closeBracket {
                close = read()
                break
            }
            if next.kind != .comma {
                if !recovery {
                    if next.kind == .eof {
                        report(
                            .unterminatedTuple, "Unterminated tuple constructor expression",
                            "There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.",
                            open.range)
                    } else {
                        report(
                            .missingItemSeparator, "Missing item separator", "Expected a comma to mark the beginning of the next item.",
                            next.range, context: .between(open.range, next.range))
                    }
                }
                close = recover(.closeBracket)
                break
            }
            read()
        }
        return .tuple(items, range: .between(open.range, close.range), openRange: open.range)
    }

    private mutating func parseObject() -> Expression {
        let open = read()
        // `for` expressions are not newline-sensitive, object constructors are.
        pushNewlines(false)
        let isFor = tokenIs(peek(), keyword: "for")
        popNewlines()
        if isFor { return finishForExpression(open: open) }

        pushNewlines(true)
        defer { popNewlines() }
        var items: [ObjectItem] = []
        var close: Token
        while true {
            let next = peek()
            if next.kind == .newline {
                read()
                continue
            }
            if next.kind == .closeBrace {
                close = read()
                break
            }
            // Parentheses force a key to be an expression rather than a literal name.
            let forceNonLiteral = next.kind == .openParen
            var before = errorCount
            let keyExpression = parseExpression()
            if recovery && errorCount > before {
                close = recover(.closeBrace)
                break
            }
            let key = ObjectKey(expression: keyExpression, forceNonLiteral: forceNonLiteral)

            let separator = peek()
            if separator.kind != .equal && separator.kind != .colon {
                if !recovery {
                    switch separator.kind {
                    case .newline, .comma:
                        report(
                            .missingAttributeValue, "Missing attribute value",
                            "Expected an attribute value, introduced by an equals sign (\"=\").", separator.range,
                            context: .between(open.range, separator.range))
                    case .ident:
                        report(
                            .missingKeyValueSeparator, "Missing key/value separator",
                            "Expected an equals sign (\"=\") to mark the beginning of the attribute value. If you intended to given an attribute name containing periods or spaces, write the name in quotes to create a string literal.",
                            separator.range, context: .between(open.range, separator.range))
                    case .eof:
                        report(
                            .unterminatedObject, "Unterminated object constructor expression",
                            "There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
                            open.range)
                    default:
                        report(
                            .missingKeyValueSeparator, "Missing key/value separator",
                            "Expected an equals sign (\"=\") to mark the beginning of the attribute value.", separator.range,
                            context: .between(open.range, separator.range))
                    }
                }
                close = recover(.closeBrace)
                break
            }
            read()

            before = errorCount
            let value = parseExpression()
            if recovery && errorCount > before {
                close = recover(.closeBrace)
                break
            }
            items.append(ObjectItem(key: key, value: value))

            let after = peek()
            if after.kind == .closeBrace {
                close = read()
                break
            }
            if after.kind != .comma && after.kind != .newline {
                if !recovery {
                    if after.kind == .eof {
                        report(
                            .unterminatedObject, "Unterminated object constructor expression",
                            "There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
                            open.range)
                    } else {
                        report(
                            .missingAttributeSeparator, "Missing attribute separator",
                            "Expected a newline or comma to mark the beginning of the next attribute.", after.range,
                            context: .between(open.range, after.range))
                    }
                }
                close = recover(.closeBrace)
                break
            }
            read()
        }
        return .object(items, range: .between(open.range, close.range), openRange: open.range)
    }

    private mutating func invalidFor(_ open: Token, _ closer: TokenKind, _ detail: String) -> Expression {
        if !recovery {
            let at = peek().range
            report(.invalidForExpression, "Invalid 'for' expression", detail, at, context: .between(open.range, at))
        }
        let close = recover(closer)
        return .invalid(.between(open.range, close.range))
    }

    private mutating func finishForExpression(open: Token) -> Expression {
        pushNewlines(false)
        defer { popNewlines() }
        read()  // the `for` keyword
        let makeObject = open.kind == .openBrace
        let closer: TokenKind = makeObject ? .closeBrace : .closeBracket

        guard peek().kind == .ident else { return invalidFor(open, closer, "For expression requires variable name after 'for'.") }
        var keyVariable: String?
        var valueVariable = text(read().range)
        if peek().kind == .comma {
            keyVariable = valueVariable
            read()
            guard peek().kind == .ident else {
                return invalidFor(open, closer, "For expression requires value variable name after comma.")
            }
            valueVariable = text(read().range)
        }
        guard tokenIs(peek(), keyword: "in") else {
            return invalidFor(open, closer, "For expression requires the 'in' keyword after its name declarations.")
        }
        read()

        var before = errorCount
        let collection = parseExpression()
        if recovery && errorCount > before { return .invalid(.between(open.range, recover(closer).range)) }
        guard peek().kind == .colon else {
            return invalidFor(open, closer, "For expression requires a colon after the collection expression.")
        }
        read()

        before = errorCount
        var keyExpression: Expression?
        var valueExpression = parseExpression()
        if peek().kind == .fatArrow {
            read()
            keyExpression = valueExpression
            valueExpression = parseExpression()
        }
        if recovery && errorCount > before { return .invalid(.between(open.range, recover(closer).range)) }

        var grouping = false
        var ellipsis: Token?
        if peek().kind == .ellipsis {
            ellipsis = read()
            grouping = true
        }

        var condition: Expression?
        if tokenIs(peek(), keyword: "if") {
            read()
            before = errorCount
            condition = parseExpression()
            if recovery && errorCount > before { return .invalid(.between(open.range, recover(closer).range)) }
        }

        var close: Token
        if peek().kind == closer {
            close = read()
        } else {
            if !recovery {
                let at = peek().range
                report(
                    .invalidForExpression, "Invalid 'for' expression", "Extra characters after the end of the 'for' expression.", at,
                    context: .between(open.range, at))
            }
            close = recover(closer)
        }

        let whole = SourceRange.between(open.range, close.range)
        if !makeObject {
            if let keyExpression {
                report(
                    .invalidForExpression, "Invalid 'for' expression", "Key expression is not valid when building a tuple.",
                    keyExpression.range, context: whole)
            }
            if grouping, let ellipsis {
                report(
                    .invalidForExpression, "Invalid 'for' expression", "Grouping ellipsis (...) cannot be used when building a tuple.",
                    ellipsis.range, context: whole)
            }
        } else if keyExpression == nil {
            report(
                .invalidForExpression, "Invalid 'for' expression", "Key expression is required when building an object.",
                valueExpression.range, context: whole)
        }
        return .forExpression(
            ForExpression(
                keyVariable: keyVariable, valueVariable: valueVariable, collection: collection, keyExpression: keyExpression,
                valueExpression: valueExpression, condition: condition, grouping: grouping, range: whole,
                openRange: open.range, closeRange: close.range))
    }
}

/// The syntax of a number literal as Terraform accepts it: digits, an optional fraction,
/// an optional exponent (`1`, `1.5`, `1.`, `2e10`, `2.5E-3`).
enum NumberSyntax {
    static func isValid(_ s: String) -> Bool {
        var it = s.utf8.makeIterator()
        var c = it.next()
        func isDigit(_ c: UInt8?) -> Bool { c.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        guard isDigit(c) else { return false }
        while isDigit(c) { c = it.next() }
        if c == UInt8(ascii: ".") {
            c = it.next()
            while isDigit(c) { c = it.next() }
        }
        if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            c = it.next()
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { c = it.next() }
            guard isDigit(c) else { return false }
            while isDigit(c) { c = it.next() }
        }
        return c == nil
    }
}
