/// The expression tree as nodes named after HashiCorp's `hclsyntax` types, with each
/// node's children in the order HashiCorp's walker visits them. Used by the differential
/// conformance test, and handy when debugging how something parsed.
extension Expression {
    /// The `hclsyntax` type this node corresponds to.
    public var nodeKind: String {
        switch self {
        case .literal, .invalid: return "LiteralValueExpr"
        case .template: return "TemplateExpr"
        case .templateWrap: return "TemplateWrapExpr"
        case .templateJoin: return "TemplateJoinExpr"
        case .scopeTraversal: return "ScopeTraversalExpr"
        case .relativeTraversal: return "RelativeTraversalExpr"
        case .functionCall: return "FunctionCallExpr"
        case .conditional: return "ConditionalExpr"
        case .binary: return "BinaryOpExpr"
        case .unary: return "UnaryOpExpr"
        case .tuple: return "TupleConsExpr"
        case .object: return "ObjectConsExpr"
        case .forExpression: return "ForExpr"
        case .index: return "IndexExpr"
        case .splat: return "SplatExpr"
        case .anonSymbol: return "AnonSymbolExpr"
        case .parentheses: return "ParenthesesExpr"
        }
    }

    func writeNodeJSON(to w: inout JSONWriter) {
        w.beginObject()
        w.key("kind")
        w.string(nodeKind)
        w.key("range")
        range.writeJSON(to: &w)
        if case .scopeTraversal(let steps, _) = self {
            w.key("traversal")
            w.beginArray()
            for step in steps { w.string(step.display) }
            w.endArray()
        }
        w.key("children")
        w.beginArray()
        switch self {
        case .literal, .invalid, .scopeTraversal, .anonSymbol:
            break
        case .template(let parts, _):
            for p in parts { p.writeNodeJSON(to: &w) }
        case .templateWrap(let e, _), .parentheses(let e, _), .unary(_, let e, _, _), .relativeTraversal(let e, _, _):
            e.writeNodeJSON(to: &w)
        case .templateJoin(let f):
            Expression.forExpression(f).writeNodeJSON(to: &w)
        case .functionCall(let call):
            for a in call.arguments { a.writeNodeJSON(to: &w) }
        case .conditional(let c, let t, let f, _):
            for e in [c, t, f] { e.writeNodeJSON(to: &w) }
        case .binary(_, let l, let r, _):
            l.writeNodeJSON(to: &w)
            r.writeNodeJSON(to: &w)
        case .tuple(let items, _, _):
            for e in items { e.writeNodeJSON(to: &w) }
        case .object(let items, _, _):
            for item in items {
                w.beginObject()
                w.key("kind")
                w.string("ObjectConsKeyExpr")
                w.key("range")
                item.key.range.writeJSON(to: &w)
                w.key("children")
                w.beginArray()
                if item.key.literalName == nil { item.key.expression.writeNodeJSON(to: &w) }
                w.endArray()
                w.endObject()
                item.value.writeNodeJSON(to: &w)
            }
        case .forExpression(let f):
            f.collection.writeNodeJSON(to: &w)
            f.keyExpression?.writeNodeJSON(to: &w)
            f.valueExpression.writeNodeJSON(to: &w)
            f.condition?.writeNodeJSON(to: &w)
        case .index(let c, let k, _, _):
            c.writeNodeJSON(to: &w)
            k.writeNodeJSON(to: &w)
        case .splat(let s, let e, _, _, _):
            s.writeNodeJSON(to: &w)
            e.writeNodeJSON(to: &w)
        }
        w.endArray()
        w.endObject()
    }
}

extension TraversalStep {
    /// The step as the reference tool prints it: `name`, `.attr`, `[key]`.
    var display: String {
        switch self {
        case .root(let name, _): return name
        case .attribute(let name, _): return "." + name
        case .index(let key?, _):
            switch key {
            case .null: return "[null]"
            case .bool(let b): return "[\(b)]"
            case .number(let text):
                if let i = Int(text) { return "[\(i)]" }
                if let d = Double(text), d == d.rounded(), abs(d) < 9e15 { return "[\(Int(d))]" }
                return "[\(text)]"
            case .string(let s):
                var w = JSONWriter(capacity: s.utf8.count + 2)
                w.string(s)
                return "[" + String(decoding: w.bytes, as: UTF8.self) + "]"
            }
        case .index(nil, _): return "[\"<unknown>\"]"
        }
    }
}
