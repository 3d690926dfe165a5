import HCL

/// Terraform's set functions (go-cty's stdlib): arguments are converted to sets of one
/// unified element type, and results are sets in Terraform's element order.
extension Builtins {
    static let sets: [BuiltinFunction] = [setintersection, setproduct, setsubtract, setunion].map(\.builtin)

    private static func setParameter(_ name: String) -> CtyParameter {
        CtyParameter(name: name, type: .set(.any), allowDynamicType: true)
    }

    static let setunion = CtyFunction(
        "setunion", [setParameter("first_set")], variadic: setParameter("other_sets"), type: setOperationType,
        setOperation(allowUnknowns: true) { sets in sets.flatMap { $0 } }
    )

    static let setintersection = CtyFunction(
        "setintersection", [setParameter("first_set")], variadic: setParameter("other_sets"),
        type: setOperationType,
        setOperation(allowUnknowns: false) { sets in
            var kept = sets[0]
            for other in sets.dropFirst() {
                let present = Set(other.map(equalityKey))
                kept = kept.filter { present.contains(equalityKey($0)) }
            }
            return kept
        }
    )

    static let setsubtract = CtyFunction(
        "setsubtract", [setParameter("a"), setParameter("b")], type: setOperationType,
        setOperation(allowUnknowns: false) { sets in
            let removed = Set(sets[1].map(equalityKey))
            return sets[0].filter { !removed.contains(equalityKey($0)) }
        }
    )

    /// The set type every argument converts to; empty sets of unknown element type
    /// fit anything and are left out.
    private static func setOperationType(_ args: [Value]) throws(FunctionError) -> ValueType {
        var elementTypes: [ValueType] = []
        for arg in args {
            let element = arg.type.elementType ?? .any
            if arg.isKnown, arg.count == 0, element == .any { continue }
            elementTypes.append(element)
        }
        guard !elementTypes.isEmpty else { return .set(.any) }
        guard let element = TypeUnification.unify(elementTypes) else {
            throw FunctionError("given sets must all have compatible element types.")
        }
        return .set(element)
    }

    /// cty's `setOperationImpl`: converts each argument to the result type, then combines
    /// the element lists. Only the union can be computed while elements are unknown:
    /// learning them could merge or separate elements of the others.
    private static func setOperation(
        allowUnknowns: Bool, _ combine: @escaping @Sendable ([[Value]]) -> [Value]
    ) -> CtyFunction.Implementation {
        return { args, type throws(FunctionError) in
            var sets: [[Value]] = []
            var rules = ValueType.any
            for (i, arg) in args.enumerated() {
                let converted: Value
                do throws(ConversionError) {
                    converted = try arg.converted(to: type)
                } catch {
                    throw FunctionError(argument: i, "\(error.message).")
                }
                if !allowUnknowns, !converted.isWhollyKnown { return .unknown(type) }
                // cty combines sets only of the very same element type, and panics
                // otherwise (an empty `set(any)` beside a `set(string)`).
                let element = converted.type.elementType ?? .any
                if i == 0 {
                    rules = element
                } else if element != rules {
                    throw FunctionError(
                        "panic in function implementation: incompatible set rules: cty.setRules{Type:\(goSyntax(rules))}, cty.setRules{Type:\(goSyntax(element))}")
                }
                sets.append(converted.elements ?? [])
            }
            return Value.setMovingMarks(combine(sets), element: type.elementType ?? .any)
        }
    }

    /// `setproduct`: every combination, as tuples; a list (in order) when every argument
    /// is a list or tuple, a set otherwise.
    static let setproduct = CtyFunction(
        "setproduct", [], variadic: CtyParameter(name: "sets", type: .any, allowMarked: true),
        type: { args throws(FunctionError) in
            guard args.count >= 2 else { throw FunctionError("at least two arguments are required.") }
            var lists = 0
            var elementTypes: [ValueType] = []
            for (i, arg) in args.enumerated() {
                switch arg.type {
                case .set(let e):
                    elementTypes.append(e)
                case .list(let e):
                    elementTypes.append(e)
                    lists += 1
                case .tuple(let ts):
                    lists += 1
                    if ts.isEmpty {
                        elementTypes.append(.any)
                    } else if let e = TypeUnification.unify(ts) {
                        elementTypes.append(e)
                    } else {
                        throw FunctionError(argument: i, "all elements must be of the same type.")
                    }
                case .any, .bool, .number, .string, .map, .object:
                    throw FunctionError(argument: i, "a set or a list is required.")
                }
            }
            return lists == args.count ? .list(.tuple(elementTypes)) : .set(.tuple(elementTypes))
        }
    ) { args, type throws(FunctionError) in
        let element = type.elementType ?? .any
        guard case .tuple(let columnTypes) = element else { return .unknown(type) }
        var marked = false
        var lengthUnknown = false
        var columns: [[Value]] = []
        for (j, arg) in args.enumerated() {
            let (v, argMarked) = unmarked(arg)
            marked = marked || argMarked
            // Keep going after an unknown length so every mark is collected.
            if !lengthIsKnown(v) {
                lengthUnknown = true
                continue
            }
            let want = columnTypes[j]
            columns.append((v.elements ?? []).map { e in
                e.type == want ? e : ((try? e.converted(to: want)) ?? e)
            })
        }
        if lengthUnknown { return Value.unknown(type).marked(marked) }
        let total = columns.reduce(1) { $0 * $1.count }
        var product: [Value] = []
        product.reserveCapacity(total)
        if total > 0 {
            // Odometer order: the last argument varies fastest.
            var position = [Int](repeating: 0, count: columns.count)
            for _ in 0..<total {
                product.append(.tuple(position.enumerated().map { j, n in columns[j][n] }))
                var j = columns.count - 1
                while j >= 0 {
                    position[j] += 1
                    if position[j] < columns[j].count { break }
                    position[j] = 0
                    j -= 1
                }
            }
        }
        if case .list = type { return try list(product, empty: element).marked(marked) }
        return try set(product, empty: element).marked(marked)
    }
}
