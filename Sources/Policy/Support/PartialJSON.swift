import HCL

/// A JSON document in which some parts are known only after apply.
///
/// A policy written as `jsonencode({ ... Resource = aws_s3_bucket.b.arn })` evaluates to an
/// unknown string as a whole, yet its `Action` is written out in the configuration. This
/// tree keeps what the configuration says and marks the rest `unknown`, so a check can
/// still see an `"Action": "*"` next to an ARN that apply will fill in.
indirect enum PartialJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number as written.
    case number(String)
    case string(String)
    case array([PartialJSON])
    /// Members in document order; a later duplicate key wins on lookup.
    case object([Member])
    /// Known only after apply: any JSON value, or none.
    case unknown

    struct Member: Sendable, Hashable {
        var key: String
        var value: PartialJSON
    }

    subscript(key: String) -> PartialJSON? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    var isUnknown: Bool {
        if case .unknown = self { return true }
        return false
    }

    /// A scalar as the text IAM compares (`true` and numbers are accepted in policies).
    var scalarText: String? {
        switch self {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .null, .array, .object, .unknown: return nil
        }
    }

    /// The elements of an array, or the value itself: IAM accepts a string where a list is expected.
    var listElements: [PartialJSON] {
        if case .array(let es) = self { return es }
        return [self]
    }
}

extension PartialJSON {
    /// A fully known JSON document.
    init(_ json: JSONValue) {
        self.init(json, keepingPartialStrings: false)
    }

    /// A JSON document in which strings may contain holes (from `fromJSONTemplate`): with
    /// `keepingPartialStrings` such a string stays a `.string` holding `hole` where text is
    /// missing; otherwise it is `.unknown`.
    init(_ json: JSONValue, keepingPartialStrings keep: Bool) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n)
        case .string(let s): self = PartialJSON.fromTemplateText(s, keepingPartialStrings: keep)
        case .array(let es): self = .array(es.map { PartialJSON($0, keepingPartialStrings: keep) })
        case .object(let ms):
            // A key written with an interpolation names a member nobody knows yet.
            if ms.contains(where: { $0.0.contains(PartialJSON.hole) }) { self = .unknown; return }
            self = .object(ms.map { Member(key: $0.0, value: PartialJSON($0.1, keepingPartialStrings: keep)) })
        }
    }

    /// A Terraform value as `jsonencode` would write it; unknown parts stay unknown.
    init(_ value: Value) {
        switch value.storage {
        case .null: self = .null
        case .unknown: self = .unknown
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n.description)
        case .string(let s): self = .string(s)
        case .list(let es, _), .set(let es, _), .tuple(let es): self = .array(es.map(PartialJSON.init))
        case .map(let ms, _), .object(let ms):
            self = .object(ms.keys.sorted().map { Member(key: $0, value: PartialJSON(ms[$0]!)) })
        }
    }

    /// The JSON a string holds, when it is JSON; nil when it is not.
    static func parse(_ text: String, keepingPartialStrings keep: Bool = false) -> PartialJSON? {
        guard let json = try? JSONParser.parse(text) else { return nil }
        return PartialJSON(json, keepingPartialStrings: keep)
    }
}

// MARK: From configuration syntax

extension PartialJSON {
    /// Marks where an interpolation stood in a JSON template (a private-use character, so
    /// it cannot collide with policy text).
    static let hole: Character = "\u{E000}"

    /// A string from a template: unknown where an interpolation made part of it, or with
    /// `keepingPartialStrings`, the text with `hole`s (unknown only when nothing of it is
    /// written out).
    static func fromTemplateText(_ s: String, keepingPartialStrings keep: Bool = false) -> PartialJSON {
        guard s.contains(hole) else { return .string(s) }
        return keep && !s.allSatisfy({ $0 == hole }) ? .string(s) : .unknown
    }

    /// What `jsonencode(expression)` will produce, read from the expression as written:
    /// literals, tuples and objects are kept; references, function calls and anything
    /// computed are unknown (their values were not known to the evaluator either, or the
    /// whole document would have been known).
    ///
    /// With `keepingPartialStrings`, a template with interpolations stays a string with
    /// `hole`s where apply fills in text (`"${aws_s3_bucket.b.arn}/*"` is `"\u{E000}/*"`),
    /// and a reference to a resource's `arn` (or `*_arn`) attribute is `"arn:\u{E000}"`:
    /// an ARN, whatever it turns out to be. Only callers that ask see such strings.
    static func fromExpression(_ e: Expression, keepingPartialStrings keep: Bool = false) -> PartialJSON {
        switch e {
        case .literal(let lit, _):
            switch lit {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .number(let n): return .number(n)
            case .string(let s): return .string(s)
            }
        case .template(let parts, _):
            if let s = literalText(parts) { return .string(s) }
            guard keep else { return .unknown }
            var text = ""
            for part in parts {
                if case .literal(.string(let t), _) = part { text += t } else { text.append(hole) }
            }
            return fromTemplateText(text, keepingPartialStrings: true)
        case .templateWrap(let inner, _), .parentheses(let inner, _):
            return fromExpression(inner, keepingPartialStrings: keep)
        case .scopeTraversal(let steps, _):
            if keep, steps.count >= 3, case .attribute(let name, _)? = steps.last, name == "arn" || name.hasSuffix("_arn") {
                return .string("arn:" + String(hole))
            }
            return .unknown
        case .tuple(let es, _, _):
            return .array(es.map { fromExpression($0, keepingPartialStrings: keep) })
        case .object(let items, _, _):
            var members: [Member] = []
            for item in items {
                guard let key = objectKey(item.key) else { return .unknown }
                members.append(Member(key: key, value: fromExpression(item.value, keepingPartialStrings: keep)))
            }
            return .object(members)
        case .templateJoin, .relativeTraversal, .functionCall, .conditional, .binary, .unary,
            .forExpression, .index, .splat, .anonSymbol, .invalid:
            return .unknown
        }
    }

    /// The text of a template made only of literal parts.
    static func literalText(_ parts: [Expression]) -> String? {
        var s = ""
        for part in parts {
            guard case .literal(let lit, _) = part else { return nil }
            switch lit {
            case .string(let t): s += t
            case .number(let n): s += n
            case .bool(let b): s += b ? "true" : "false"
            case .null: return nil
            }
        }
        return s
    }

    private static func objectKey(_ key: ObjectKey) -> String? {
        if let name = key.literalName { return name }
        if key.forceNonLiteral { return nil }
        switch key.expression {
        case .literal(.string(let s), _): return s
        case .template(let parts, _): return literalText(parts)
        default: return nil
        }
    }

    /// A JSON document written as a template (a heredoc with `${...}` inside): each
    /// interpolation or directive becomes a hole. Inside a JSON string the hole makes that
    /// string unknown; between values it stands for an unknown value. Nil when the text
    /// with holes is still not JSON.
    static func fromJSONTemplate(_ parts: [Expression], keepingPartialStrings keep: Bool = false) -> PartialJSON? {
        var text = ""
        var inString = false
        var escaped = false
        for part in parts {
            if case .literal(let lit, _) = part, case .string(let s) = lit {
                for c in s {
                    if inString {
                        if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                    } else if c == "\"" {
                        inString = true
                    }
                }
                text += s
            } else {
                text += inString ? String(hole) : "\"\(hole)\""
            }
        }
        return parse(text, keepingPartialStrings: keep)
    }
}
