@testable import HCL

/// Every range in a parse result, for checking invariants over whole trees.
enum RangeWalker {
    static func ranges(of file: ConfigFile) -> [SourceRange] {
        var out: [SourceRange] = []
        collect(file.body, into: &out)
        out.append(contentsOf: file.diagnostics.compactMap(\.subject))
        out.append(contentsOf: file.diagnostics.compactMap(\.context))
        return out
    }

    private static func collect(_ body: Body, into out: inout [SourceRange]) {
        out.append(body.range)
        for a in body.attributes {
            out.append(contentsOf: [a.range, a.nameRange, a.equalsRange])
            collect(a.expression, into: &out)
        }
        for b in body.blocks {
            out.append(contentsOf: [b.range, b.typeRange, b.openBraceRange, b.closeBraceRange])
            out.append(contentsOf: b.labelRanges)
            collect(b.body, into: &out)
        }
    }

    static func collect(_ e: Expression, into out: inout [SourceRange]) {
        out.append(e.range)
        switch e {
        case .literal, .invalid, .anonSymbol: break
        case .scopeTraversal(let steps, _): out.append(contentsOf: steps.map(\.range))
        case .relativeTraversal(let s, let steps, _):
            collect(s, into: &out)
            out.append(contentsOf: steps.map(\.range))
        case .template(let parts, _): for p in parts { collect(p, into: &out) }
        case .templateWrap(let x, _), .parentheses(let x, _), .unary(_, let x, _, _): collect(x, into: &out)
        case .templateJoin(let f), .forExpression(let f):
            for x in [f.collection, f.valueExpression] + [f.keyExpression, f.condition].compactMap({ $0 }) { collect(x, into: &out) }
        case .functionCall(let c): for x in c.arguments { collect(x, into: &out) }
        case .conditional(let c, let t, let f, _): for x in [c, t, f] { collect(x, into: &out) }
        case .binary(_, let l, let r, _): for x in [l, r] { collect(x, into: &out) }
        case .tuple(let xs, _, _): for x in xs { collect(x, into: &out) }
        case .object(let items, _, _):
            for i in items {
                collect(i.key.expression, into: &out)
                collect(i.value, into: &out)
            }
        case .index(let c, let k, _, _): for x in [c, k] { collect(x, into: &out) }
        case .splat(let s, let each, _, _, _): for x in [s, each] { collect(x, into: &out) }
        }
    }
}
