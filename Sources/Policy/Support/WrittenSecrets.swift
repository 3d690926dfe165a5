import HCL

/// Secrets written into the configuration itself, read from expressions as written: a
/// password given as `"hunter2"` is in every clone of the repository, while
/// `var.db_password` or `random_password.db.result` is not.
enum WrittenSecrets {
    /// Functions that pass a constant through without hiding it.
    private static let transparent: Set<String> = [
        "sensitive", "nonsensitive", "trimspace", "chomp", "base64encode", "tostring", "lower", "upper", "trim",
    ]

    /// The text of an expression that is a constant string (a literal, a template of
    /// literal parts, or such a value passed through `sensitive()` and the like).
    static func constant(_ e: Expression) -> String? {
        switch e {
        case .literal(.string(let s), _): return s
        case .template(let parts, _): return PartialJSON.literalText(parts)
        case .templateWrap(let inner, _), .parentheses(let inner, _): return constant(inner)
        case .functionCall(let call) where transparent.contains(call.name) && !call.arguments.isEmpty:
            return constant(call.arguments[0])
        default: return nil
        }
    }

    /// Whether an expression writes a secret literally: a constant, or an object (or
    /// `jsonencode` of one) with a secret-named member holding a constant. Returns how,
    /// for the message.
    static func literalSecret(_ e: Expression, name: String? = nil) -> String? {
        if let text = constant(e) {
            if let shape = SecretPatterns.knownShape(in: text) { return "a \(shape)" }
            guard SecretPatterns.isLiteralSecretValue(text) else { return nil }
            guard let name else { return "a literal string" }
            return SecretPatterns.isSecretName(name) ? "a literal value for \(name)" : nil
        }
        switch e {
        case .templateWrap(let inner, _), .parentheses(let inner, _):
            return literalSecret(inner, name: name)
        case .functionCall(let call) where (call.name == "jsonencode" || transparent.contains(call.name)) && call.arguments.count == 1:
            return literalSecret(call.arguments[0], name: name)
        case .object(let items, _, _):
            for item in items {
                guard let key = item.key.literalName ?? constant(item.key.expression) else { continue }
                if let found = literalSecret(item.value, name: key) { return found }
            }
            return nil
        default:
            return nil
        }
    }

    /// Every literal text written in an expression (template parts, heredocs, string
    /// arguments of function calls), and whether the expression reads a file whose text
    /// cannot be seen here (`templatefile`, `file`).
    static func fragments(_ e: Expression) -> (texts: [String], readsFile: Bool) {
        var texts: [String] = []
        var readsFile = false
        func walk(_ e: Expression) {
            switch e {
            case .literal(.string(let s), _): texts.append(s)
            case .literal: break
            case .template(let parts, _):
                // One text per template; an interpolation reads as a shell expansion ("$"),
                // which is never taken for a literal value.
                var text = ""
                for p in parts {
                    if case .literal(.string(let s), _) = p { text += s } else {
                        text += "$"
                        walk(p)
                    }
                }
                texts.append(text)
            case .templateWrap(let inner, _), .parentheses(let inner, _), .unary(_, let inner, _, _): walk(inner)
            case .functionCall(let call):
                if ["templatefile", "file", "filebase64"].contains(call.name) { readsFile = true }
                for a in call.arguments { walk(a) }
            case .conditional(_, let t, let f, _):
                walk(t)
                walk(f)
            case .tuple(let es, _, _): for x in es { walk(x) }
            case .object(let items, _, _): for item in items { walk(item.value) }
            case .templateJoin(let f), .forExpression(let f): walk(f.valueExpression)
            case .binary, .scopeTraversal, .relativeTraversal, .index, .splat, .anonSymbol, .invalid: break
            }
        }
        walk(e)
        return (texts, readsFile)
    }

    /// The constant strings at the leaves of a literal value (objects and tuples walked).
    static func constantLeaves(_ e: Expression) -> [String] {
        if let text = constant(e) { return [text] }
        switch e {
        case .tuple(let es, _, _): return es.flatMap(constantLeaves)
        case .object(let items, _, _): return items.flatMap { constantLeaves($0.value) }
        case .templateWrap(let inner, _), .parentheses(let inner, _): return constantLeaves(inner)
        default: return []
        }
    }
}
