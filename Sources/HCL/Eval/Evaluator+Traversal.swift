extension Evaluator {
    /// A reference: bound names first (for-expression variables, iterators), then the resolver.
    mutating func evaluateTraversal(_ steps: [TraversalStep], range: SourceRange, _ context: EvalContext) -> Value {
        if case .root(let name, _) = steps.first, let bound = context.bound[name] {
            return applySteps(steps.dropFirst(), to: bound, context)
        }
        switch context.resolver.resolve(steps, range: range) {
        case .value(let value, let consumed):
            return applySteps(steps.dropFirst(consumed), to: value, context)
        case .failure(let diagnostic):
            append(diagnostic, context)
            return .dynamicUnknown
        }
    }

    /// Applies attribute and index steps in order; stops at the first error.
    mutating func applySteps(_ steps: ArraySlice<TraversalStep>, to base: Value, _ context: EvalContext) -> Value {
        var current = base
        let before = diagnostics.count
        for step in steps {
            switch step {
            case .root(let name, let r):
                current = getAttribute(current, name, range: r, context)
            case .attribute(let name, let r):
                current = getAttribute(current, name, range: r, context)
            case .index(let key, let r):
                guard let key else { return .dynamicUnknown }
                let keyValue: Value
                switch key {
                case .string(let s): keyValue = .string(s)
                case .number(let text): keyValue = Number(parsing: text).map { .number($0) } ?? .dynamicUnknown
                case .bool(let b): keyValue = .bool(b)
                case .null: keyValue = .dynamicNull
                }
                current = index(current, by: keyValue, range: r, context)
            }
            // After an error the result is unknown; later steps would only pile on.
            if diagnostics.count > before { return .dynamicUnknown }
        }
        return current
    }

    /// `value.name`, with Terraform's messages for each way it can fail.
    mutating func getAttribute(_ value: Value, _ name: String, range: SourceRange, _ context: EvalContext) -> Value {
        let sensitive = value.isSensitive
        switch value.storage {
        case .unknown(let t):
            switch t {
            case .object(let attrs, _):
                if let a = attrs[name] { return Value.unknown(a).marked(sensitive) }
                report(.unsupportedAttribute, "Unsupported attribute", "This object does not have an attribute named \"\(name)\".", range, context)
                return .dynamicUnknown
            case .map(let e): return Value.unknown(e).marked(sensitive)
            default: return Value.dynamicUnknown.marked(sensitive)
            }
        case .null:
            report(.unsupportedAttribute, "Attempt to get attribute from null value",
                   "This value is null, so it does not have any attributes.", range, context)
            return .dynamicUnknown
        case .object(let attrs):
            if let a = attrs[name] { return a.marked(sensitive) }
            report(.unsupportedAttribute, "Unsupported attribute", "This object does not have an attribute named \"\(name)\".", range, context)
            return .dynamicUnknown
        case .map(let elements, _):
            if let a = elements[name] { return a.marked(sensitive) }
            report(.unsupportedAttribute, "Missing map element", "This map does not have an element with the key \"\(name)\".", range, context)
            return .dynamicUnknown
        case .list, .set, .tuple:
            report(.unsupportedAttribute, "Unsupported attribute",
                   "Can't access attributes on a \(value.type.friendlyName). Did you mean to access an attribute for each element? For example, use a splat expression: [*].\(name).",
                   range, context)
            return .dynamicUnknown
        case .bool, .number, .string:
            report(.unsupportedAttribute, "Unsupported attribute",
                   "Can't access attributes on a primitive-typed value (\(value.type.friendlyName)).", range, context)
            return .dynamicUnknown
        }
    }

    /// `collection[key]`, as `hcl.Index`.
    mutating func index(_ collection: Value, by key: Value, range: SourceRange, _ context: EvalContext) -> Value {
        let sensitive = collection.isSensitive || key.isSensitive
        if key.isNull {
            report(.invalidIndex, "Invalid index", "Can't use a null value as an indexing key.", range, context)
            return .dynamicUnknown
        }
        switch collection.storage {
        case .null:
            report(.invalidIndex, "Attempt to index null value", "This value is null, so it does not have any indices.", range, context)
            return .dynamicUnknown
        case .unknown(let t):
            switch t {
            case .list(let e), .map(let e): return Value.unknown(e).marked(sensitive)
            default: return Value.dynamicUnknown.marked(sensitive)
            }
        case .list(let elements, let element):
            guard key.isKnown else { return Value.unknown(element).marked(sensitive) }
            return indexSequence(elements, key, sensitive: sensitive, range: range, context)
        case .tuple(let elements):
            guard key.isKnown else { return Value.dynamicUnknown.marked(sensitive) }
            return indexSequence(elements, key, sensitive: sensitive, range: range, context)
        case .map(let elements, let element):
            guard key.isKnown else { return Value.unknown(element).marked(sensitive) }
            guard let s = (try? key.converted(to: .string))?.stringValue else {
                report(.invalidIndex, "Invalid index", "The given key does not identify an element in this collection value: string required.", range, context)
                return .dynamicUnknown
            }
            guard let v = elements[s] else {
                report(.invalidIndex, "Invalid index", "The given key does not identify an element in this collection value.", range, context)
                return .dynamicUnknown
            }
            return v.marked(sensitive)
        case .object(let attrs):
            guard key.isKnown else { return Value.dynamicUnknown.marked(sensitive) }
            guard let s = (try? key.converted(to: .string))?.stringValue else {
                report(.invalidIndex, "Invalid index", "The given key does not identify an element in this collection value: string required.", range, context)
                return .dynamicUnknown
            }
            guard let v = attrs[s] else {
                report(.invalidIndex, "Invalid index", "The given key does not identify an element in this collection value.", range, context)
                return .dynamicUnknown
            }
            return v.marked(sensitive)
        case .set:
            report(.invalidIndex, "Invalid index",
                   "Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set.",
                   range, context)
            return .dynamicUnknown
        case .bool, .number, .string:
            report(.invalidIndex, "Invalid index", "This value does not have any indices.", range, context)
            return .dynamicUnknown
        }
    }

    private mutating func indexSequence(
        _ elements: [Value], _ key: Value, sensitive: Bool, range: SourceRange, _ context: EvalContext
    ) -> Value {
        let problem = "The given key does not identify an element in this collection value"
        guard let n = (try? key.converted(to: .number))?.numberValue else {
            report(.invalidIndex, "Invalid index", "\(problem): a number is required.", range, context)
            return .dynamicUnknown
        }
        guard n.isInteger, let i = n.int else {
            report(.invalidIndex, "Invalid index", "\(problem): indexing a sequence requires a whole number.", range, context)
            return .dynamicUnknown
        }
        guard i >= 0 else {
            report(.invalidIndex, "Invalid index", "\(problem): a negative number is not a valid index for a sequence.", range, context)
            return .dynamicUnknown
        }
        guard i < elements.count else {
            report(.invalidIndex, "Invalid index",
                   "\(problem): the collection has \(elements.count) element\(elements.count == 1 ? "" : "s").", range, context)
            return .dynamicUnknown
        }
        return elements[i].marked(sensitive)
    }
}
