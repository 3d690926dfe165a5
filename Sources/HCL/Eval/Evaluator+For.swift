extension Evaluator {
    /// `[for k, v in c : ...]` and `{for k, v in c : key => value}`, as `hclsyntax.ForExpr`.
    mutating func evaluateFor(_ f: ForExpression, _ context: EvalContext) -> Value {
        let collection = evaluate(f.collection, in: context)
        let isObject = f.keyExpression != nil
        let unknownResult: Value = isObject ? .dynamicUnknown : .dynamicUnknown
        if collection.isNull {
            report(.invalidForIteration, "Iteration over null value",
                   "A null value cannot be used as the collection in a 'for' expression.", f.collection.range, context, contextRange: f.range)
            return unknownResult
        }
        guard collection.isKnown else { return unknownResult.marked(collection.isSensitive) }
        var pairs: [(key: Value, value: Value)] = []
        switch collection.storage {
        case .list(let es, _), .tuple(let es):
            pairs = es.enumerated().map { (Value.number($0.offset), $0.element) }
        case .set(let es, _):
            pairs = es.map { ($0, $0) }
        case .map(let es, _), .object(let es):
            pairs = es.keys.sorted().map { (Value.string($0), es[$0]!) }
        case .null, .unknown, .bool, .number, .string:
            report(.invalidForIteration, "Iteration over non-iterable value",
                   "A value of type \(collection.type.friendlyName) cannot be used as the collection in a 'for' expression.",
                   f.collection.range, context, contextRange: f.range)
            return unknownResult
        }
        var sensitive = collection.isSensitive
        var tupleItems: [Value] = []
        var objectItems: [String: Value] = [:]
        var groups: [String: [Value]] = [:]
        var known = true
        for (key, value) in pairs {
            var inner = context.binding(f.valueVariable, to: value.marked(collection.isSensitive))
            if let k = f.keyVariable { inner.bound[k] = key.marked(collection.isSensitive) }
            if let condExpr = f.condition {
                let cond = evaluate(condExpr, in: inner)
                sensitive = sensitive || cond.isSensitive
                if cond.isNull {
                    report(.invalidForIteration, "Condition is null",
                           "The value of the 'if' clause must not be null.", condExpr.range, inner, contextRange: f.range)
                    return unknownResult
                }
                guard cond.isKnown else { known = false; continue }
                guard let b = (try? cond.converted(to: .bool))?.boolValue else {
                    report(.invalidForIteration, "Invalid 'for' condition",
                           "The 'if' clause value is invalid: bool required.", condExpr.range, inner, contextRange: f.range)
                    return unknownResult
                }
                if !b { continue }
            }
            let item = evaluate(f.valueExpression, in: inner)
            if let keyExpr = f.keyExpression {
                let keyValue = evaluate(keyExpr, in: inner)
                sensitive = sensitive || keyValue.isSensitive
                if keyValue.isNull {
                    report(.invalidForIteration, "Invalid object key",
                           "Key expression in 'for' expression must not produce a null value.", keyExpr.range, inner, contextRange: f.range)
                    return unknownResult
                }
                guard keyValue.isKnown else { known = false; continue }
                guard let s = (try? keyValue.converted(to: .string))?.stringValue else {
                    report(.invalidForIteration, "Invalid object key",
                           "The key expression produced an invalid result: string required.", keyExpr.range, inner, contextRange: f.range)
                    return unknownResult
                }
                if f.grouping {
                    groups[s, default: []].append(item)
                } else {
                    if objectItems[s] != nil {
                        report(.duplicateObjectKey, "Duplicate object key",
                               "Two different items produced the key \"\(s)\" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.",
                               keyExpr.range, inner, contextRange: f.range)
                        return unknownResult
                    }
                    objectItems[s] = item
                }
            } else {
                tupleItems.append(item)
            }
        }
        guard known else { return unknownResult.marked(sensitive) }
        if f.keyExpression != nil {
            if f.grouping { return Value.object(groups.mapValues { .tuple($0) }).marked(sensitive) }
            return Value.object(objectItems).marked(sensitive)
        }
        return Value.tuple(tupleItems).marked(sensitive)
    }

    /// `source[*].each`: a single non-null value is treated as a one-element tuple.
    mutating func evaluateSplat(_ sourceExpr: Expression, _ each: Expression, markerRange: SourceRange, _ context: EvalContext) -> Value {
        let source = evaluate(sourceExpr, in: context)
        let isSequence: Bool
        switch source.type {
        case .list, .set, .tuple: isSequence = true
        default: isSequence = false
        }
        if source.isNull {
            if !isSequence { return .emptyTuple }
            report(.splatOfNull, "Splat of null value",
                   "Splat expressions (with the * symbol) cannot be applied to null sequences.", sourceExpr.range, context)
            return .dynamicUnknown
        }
        if source.type == .any { return .dynamicUnknown }
        guard source.isKnown else {
            if case .list = source.type { return .unknown(.list(.any)) }
            return .dynamicUnknown
        }
        let elements = isSequence ? (source.elements ?? []) : [source]
        var results: [Value] = []
        results.reserveCapacity(elements.count)
        let before = diagnostics.count
        for element in elements {
            splatItems.append(element)
            results.append(evaluate(each, in: context))
            splatItems.removeLast()
        }
        if diagnostics.count > before { return .dynamicUnknown }
        switch source.storage {
        case .list(_, let e), .set(_, let e):
            if results.isEmpty {
                // The element type an empty result would have is rarely needed; Terraform
                // reports the projected type, which for a plain splat is the source's.
                if case .anonSymbol = each { return Value.list([], element: e).marked(source.isSensitive) }
                return Value.list([], element: .any).marked(source.isSensitive)
            }
            let unified = TypeUnification.unify(results.map(\.type)) ?? .any
            let converted = results.map { (try? $0.converted(to: unified)) ?? $0 }
            return Value.list(converted, element: unified).marked(source.isSensitive)
        default:
            return Value.tuple(results).marked(source.isSensitive)
        }
    }
}
