import HCL

/// Visits every expression inside an expression or a body, for checks on how
/// configuration is written (deprecated syntax) rather than on what it evaluates to.
enum ExpressionWalk {
    /// Every expression in `expression`, itself first, depth first in source order.
    static func all(in expression: Expression) -> [Expression] {
        var out: [Expression] = []
        visit(expression) { out.append($0) }
        return out
    }

    /// Every attribute of `body` and of its nested blocks, at any depth, in source order.
    static func attributes(in body: Body) -> [Attribute] {
        var out = body.attributes
        for block in body.blocks { out += attributes(in: block.body) }
        return out.sorted { $0.range.start.byte < $1.range.start.byte }
    }

    private static func visit(_ e: Expression, _ f: (Expression) -> Void) {
        f(e)
        for child in children(of: e) { visit(child, f) }
    }

    private static func children(of e: Expression) -> [Expression] {
        switch e {
        case .literal, .scopeTraversal, .anonSymbol, .invalid:
            return []
        case .template(let parts, _):
            return parts
        case .templateWrap(let inner, _), .parentheses(let inner, _):
            return [inner]
        case .templateJoin(let f), .forExpression(let f):
            return [f.collection] + [f.keyExpression].compactMap { $0 } + [f.valueExpression] + [f.condition].compactMap { $0 }
        case .relativeTraversal(let source, _, _):
            return [source]
        case .functionCall(let call):
            return call.arguments
        case .conditional(let c, let t, let f, _):
            return [c, t, f]
        case .binary(_, let lhs, let rhs, _):
            return [lhs, rhs]
        case .unary(_, let operand, _, _):
            return [operand]
        case .tuple(let elements, _, _):
            return elements
        case .object(let items, _, _):
            return items.flatMap { [$0.key.expression, $0.value] }
        case .index(let collection, let key, _, _):
            return [collection, key]
        case .splat(let source, let each, _, _, _):
            return [source, each]
        }
    }
}

extension Block {
    /// The address-like name a module check reports for a top-level block:
    /// `aws_s3_bucket.logs`, `data.aws_iam_policy_document.x`, `var.region`, `provider.aws`.
    var subjectName: String {
        switch type {
        case "resource": return labels.joined(separator: ".")
        case "data": return (["data"] + labels).joined(separator: ".")
        case "variable": return (["var"] + labels).joined(separator: ".")
        default: return ([type] + labels).joined(separator: ".")
        }
    }

    /// The block's header, from its type to its last label.
    var headerRange: SourceRange { .between(typeRange, labelRanges.last ?? typeRange) }
}
