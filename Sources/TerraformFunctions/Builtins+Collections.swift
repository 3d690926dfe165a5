import HCL

/// Terraform's collection functions: go-cty's stdlib ones and the few Terraform
/// redefines (`length`, `coalesce`, `index`, `lookup`, `one`, `sum`, ...), with their
/// result types (tuple or list, object or map) decided as go-cty decides them.
/// Map-shaped functions are in `Builtins+Collections+Maps.swift`.
extension Builtins {
    static let collections: [BuiltinFunction] = [
        alltrue, anytrue, chunklist, coalesce, coalescelist, compact, concat, contains, distinct, element,
        flatten, index, keys, length, lookup, matchkeys, merge, one, range, reverse, slice, sort, sum,
        transpose, values, zipmap,
    ].map(\.builtin)

    // MARK: Booleans

    static let alltrue = CtyFunction("alltrue", [CtyParameter(name: "list", type: .list(.bool))], returns: .bool) { args, _ in
        for e in args[0].elements ?? [] {
            switch e.storage {
            case .unknown: return .unknown(.bool)
            case .null, .bool(false): return .false
            case .bool(true), .number, .string, .list, .set, .map, .tuple, .object: continue
            }
        }
        return .true
    }

    static let anytrue = CtyFunction("anytrue", [CtyParameter(name: "list", type: .list(.bool))], returns: .bool) { args, _ in
        var unknown = false
        for e in args[0].elements ?? [] {
            switch e.storage {
            case .unknown: unknown = true
            case .bool(true): return .true
            case .null, .bool(false), .number, .string, .list, .set, .map, .tuple, .object: continue
            }
        }
        return unknown ? .unknown(.bool) : .false
    }

    // MARK: Choosing

    /// Terraform's `coalesce`: the first argument that is neither null nor an empty
    /// string, all arguments converted to their unified type (`coalesce(1, "a")` is "1").
    static let coalesce = CtyFunction(
        "coalesce", [],
        variadic: CtyParameter(name: "vals", type: .any, allowNull: true, allowUnknown: true, allowDynamicType: true),
        type: { args throws(FunctionError) in
            guard let t = TypeUnification.unify(args.map(\.type)) else {
                throw FunctionError("all arguments must have the same type.")
            }
            return t
        }
    ) { args, type throws(FunctionError) in
        for arg in args {
            // cty ignores the error: a value that does not convert is skipped like a null.
            guard let v = try? arg.converted(to: type) else { continue }
            if !v.isKnown { return .unknown(type) }
            if v.isNull { continue }
            if type == .string, v.stringValue == "" { continue }
            return v
        }
        throw FunctionError("no non-null, non-empty-string arguments.")
    }

    static let coalescelist = CtyFunction(
        "coalescelist", [],
        variadic: CtyParameter(name: "vals", type: .any, allowNull: true, allowUnknown: true, allowDynamicType: true),
        type: { args throws(FunctionError) in
            guard !args.isEmpty else { throw FunctionError("at least one argument is required.") }
            var types: [ValueType] = []
            for arg in args {
                // Which argument wins is unknown, so is the result type.
                if !arg.isKnown { return .any }
                switch arg.type {
                case .list, .tuple: types.append(arg.type)
                case .any, .bool, .number, .string, .set, .map, .object:
                    throw FunctionError("coalescelist arguments must be lists or tuples.")
                }
            }
            return types.allSatisfy { $0 == types[0] } ? types[0] : .any
        }
    ) { args, type throws(FunctionError) in
        for arg in args {
            if !arg.isKnown { return .unknown(type) }
            if arg.isNull { continue }
            if (arg.count ?? 0) > 0 { return arg }
        }
        throw FunctionError("no non-null arguments.")
    }

    static let one = CtyFunction(
        "one", [CtyParameter(name: "list", type: .any)],
        type: { args throws(FunctionError) in
            switch args[0].type {
            case .list(let e), .set(let e): return e
            case .tuple(let ts) where ts.isEmpty: return .any
            case .tuple(let ts) where ts.count == 1: return ts[0]
            case .tuple, .any, .bool, .number, .string, .map, .object: throw FunctionError(argument: 0, oneMessage)
            }
        }
    ) { args, type throws(FunctionError) in
        let v = args[0]
        switch v.storage {
        case .list(let es, _), .set(let es, _):
            guard lengthIsKnown(v) else { return .unknown(type) }
            if es.isEmpty { return .null(type) }
            if es.count == 1 { return es[0] }
        case .tuple(let es):
            if es.isEmpty { return .null(type) }
            if es.count == 1 { return es[0] }
        case .null, .unknown, .bool, .number, .string, .map, .object:
            break
        }
        throw FunctionError(argument: 0, oneMessage)
    }

    private static let oneMessage = "must be a list, set, or tuple value with either zero or one elements."

    // MARK: Building sequences

    /// `concat`: a list when every argument is a list and their types unify, otherwise a
    /// tuple of all the elements (`concat([1], ["a"])` keeps both types).
    static let concat = CtyFunction(
        "concat", [], variadic: CtyParameter(name: "seqs", type: .any, allowMarked: true),
        type: { args throws(FunctionError) in
            guard !args.isEmpty else { throw FunctionError("at least one argument is required.") }
            let types = args.map(\.type)
            if types.allSatisfy({ if case .list = $0 { return true } else { return false } }),
                let common = TypeUnification.unify(types)
            {
                return common
            }
            var elementTypes: [ValueType] = []
            for (i, arg) in args.enumerated() {
                switch types[i] {
                case .tuple(let ts):
                    elementTypes.append(contentsOf: ts)
                case .list(let e):
                    // The tuple type needs the list's length.
                    guard arg.isKnown else { return .any }
                    elementTypes.append(contentsOf: repeatElement(e, count: arg.count ?? 0))
                case .any, .bool, .number, .string, .set, .map, .object:
                    throw FunctionError(argument: i, "all arguments must be lists or tuples; got \(types[i].friendlyName).")
                }
            }
            return .tuple(elementTypes)
        }
    ) { args, type throws(FunctionError) in
        var sensitive = false
        var elements: [Value] = []
        switch type {
        case .list(let element):
            for (i, arg) in args.enumerated() {
                let converted: Value
                do throws(ConversionError) {
                    converted = try arg.converted(to: type)
                } catch {
                    throw FunctionError(argument: i, "\(error.message).")
                }
                let (list, marked) = unmarked(converted)
                sensitive = sensitive || marked
                elements.append(contentsOf: list.elements ?? [])
            }
            return try list(elements, empty: element).marked(sensitive)
        case .tuple:
            for arg in args {
                let (sequence, marked) = unmarked(arg)
                sensitive = sensitive || marked
                elements.append(contentsOf: sequence.elements ?? [])
            }
            return Value.tuple(elements).marked(sensitive)
        case .any, .bool, .number, .string, .set, .map, .object:
            // Only `any`, when an argument's type is not known: the call is then unknown.
            return .unknown(type)
        }
    }

    static let chunklist = CtyFunction(
        "chunklist",
        [
            CtyParameter(name: "list", type: .list(.any), allowMarked: true),
            CtyParameter(name: "size", type: .number, allowMarked: true),
        ],
        type: { args in .list(args[0].type) }
    ) { args, _ throws(FunctionError) in
        let (list, listMarked) = unmarked(args[0])
        let (size, sizeMarked) = unmarked(args[1])
        let marked = listMarked || sizeMarked
        guard let n = wholeInt(size) else { throw FunctionError("invalid size: \(wholeNumberRequired).") }
        guard n >= 0 else { throw FunctionError("the size argument must be positive.") }
        let elements = list.elements ?? []
        if elements.isEmpty { return Value(.list([], element: list.type)).marked(marked) }
        // A size of 0 means "one chunk".
        if n == 0 { return Value(.list([list], element: list.type)).marked(marked) }
        var chunks: [Value] = []
        chunks.reserveCapacity((elements.count + n - 1) / n)
        var start = 0
        while start < elements.count {
            let end = min(start + n, elements.count)
            chunks.append(try Builtins.list(Array(elements[start..<end]), empty: .any))
            start = end
        }
        return try Builtins.list(chunks, empty: list.type).marked(marked)
    }

    /// `flatten`: always a tuple; lists, sets and tuples nested at any depth are spliced
    /// in, an unknown nested sequence makes the whole result unknown.
    static let flatten = CtyFunction(
        "flatten", [CtyParameter(name: "list", type: .any, allowMarked: true)],
        type: { args throws(FunctionError) in
            guard args[0].isWhollyKnown else { return .any }
            switch args[0].type {
            case .list, .set, .tuple: break
            case .any, .bool, .number, .string, .map, .object: throw FunctionError("can only flatten lists, sets and tuples.")
            }
            let flat = flattened(args[0])
            guard flat.known else { return .any }
            return .tuple(flat.values.map(\.type))
        }
    ) { args, type in
        let (input, marked) = unmarked(args[0])
        if (input.count ?? 0) == 0 { return Value.emptyTuple.marked(marked) }
        let flat = flattened(args[0])
        guard flat.known else { return Value.unknown(type).marked(flat.sensitive) }
        return Value.tuple(flat.values).marked(flat.sensitive)
    }

    /// cty's `flattener`: the spliced elements, whether any sequence on the way carried
    /// a mark, and whether the result is known.
    private static func flattened(_ sequence: Value) -> (values: [Value], sensitive: Bool, known: Bool) {
        let (list, marked) = unmarked(sequence)
        var sensitive = marked
        guard lengthIsKnown(list) else { return ([], sensitive, false) }
        var out: [Value] = []
        var known = true
        for e in list.elements ?? [] {
            // An unknown of unknown type may turn out to be a sequence to splice.
            if !e.isSensitive, case .unknown(.any) = e.storage { known = false }
            switch e.type {
            case .list, .set, .tuple:
                if e.isNull {
                    out.append(e)
                    continue
                }
                guard e.isKnown else {
                    known = false
                    sensitive = sensitive || e.isSensitive
                    continue
                }
                let inner = flattened(e)
                sensitive = sensitive || inner.sensitive
                if inner.known { out.append(contentsOf: inner.values) } else { known = false }
            case .any, .bool, .number, .string, .map, .object:
                out.append(e)
            }
        }
        return (out, sensitive, known)
    }

    static let range = CtyFunction(
        "range", [], variadic: CtyParameter(name: "params", type: .number), returns: .list(.number)
    ) { args, _ throws(FunctionError) in
        let numbers = args.map { $0.numberValue ?? Number(0) }
        let zero = Number(0)
        let start: Number, end: Number, step: Number
        switch numbers.count {
        case 1:
            (start, end, step) = (zero, numbers[0], numbers[0] < zero ? Number(-1) : Number(1))
        case 2:
            (start, end, step) = (numbers[0], numbers[1], numbers[1] < numbers[0] ? Number(-1) : Number(1))
        case 3:
            (start, end, step) = (numbers[0], numbers[1], numbers[2])
        default:
            throw FunctionError("must have one, two, or three arguments.")
        }
        // cty checks for a zero step by comparing with its own zero value's identity, so
        // a zero step is never caught: it produces the same value until the limit.
        let down = step < zero
        if down, start < end {
            throw FunctionError(argument: 1, "end must be less than start when step is negative.")
        }
        if !down, end < start {
            throw FunctionError(argument: 1, "end must be greater than start when step is positive.")
        }
        var values: [Value] = []
        var n = start
        while down ? end < n : n < end {
            // cty's cap on the size of the result.
            if values.count >= 1024 {
                throw FunctionError("more than 1024 values were generated; either decrease the difference between start and end or use a smaller step.")
            }
            values.append(.number(n))
            // Only infinities can fail to add; they repeat until the cap.
            n = (try? n.adding(step)) ?? n
        }
        return Value(.list(values, element: .number))
    }

    // MARK: Reading sequences

    /// Terraform's `length`: grapheme clusters of a string (Unicode 15.0 rules, so "क्ष" is
    /// two), elements of a collection or structure; a known list with unknown elements
    /// still has a known length.
    static let length = CtyFunction(
        "length",
        [CtyParameter(name: "value", type: .any, allowUnknown: true, allowDynamicType: true, allowMarked: true)],
        type: { args throws(FunctionError) in
            switch args[0].type {
            case .string, .tuple, .object, .list, .set, .map, .any: return .number
            case .bool, .number: throw FunctionError("argument must be a string, a collection type, or a structural type.")
            }
        }
    ) { args, _ in
        let (value, marked) = unmarked(args[0])
        let result: Value
        switch value.type {
        case .tuple(let ts): result = .number(ts.count)
        case .object(let attrs, _): result = .number(attrs.count)
        case .string:
            if case .string(let s) = value.storage { result = .number(GoGraphemes.count(s)) } else { result = .unknown(.number) }
        case .list, .set, .map:
            result = value.isKnown && lengthIsKnown(value) ? .number(value.count ?? 0) : .unknown(.number)
        case .any, .bool, .number:
            result = .unknown(.number)
        }
        return result.marked(marked)
    }

    /// `element`: wraps around; a negative index counts from the end of a list, but of a
    /// tuple only when it is a multiple of the length (cty's type check indexes first).
    static let element = CtyFunction(
        "element",
        [CtyParameter(name: "list", type: .any, allowMarked: true), CtyParameter(name: "index", type: .number)],
        type: { args throws(FunctionError) in
            switch args[0].type {
            case .list(let e):
                return e
            case .tuple(let ts):
                guard args[1].isKnown else { return .any }
                guard let i = wholeInt(args[1]) else { throw FunctionError("invalid index: \(wholeNumberRequired).") }
                guard !ts.isEmpty else { throw FunctionError("cannot use element function with an empty list.") }
                let wrapped = i % ts.count
                guard wrapped >= 0 else {
                    throw FunctionError("panic in function implementation: runtime error: index out of range [\(wrapped)]")
                }
                return ts[wrapped]
            case .any, .bool, .number, .string, .set, .map, .object:
                throw FunctionError("cannot read elements from \(args[0].type.friendlyName).")
            }
        }
    ) { args, type throws(FunctionError) in
        guard let i = wholeInt(args[1]) else { throw FunctionError("invalid index: \(wholeNumberRequired).") }
        let (list, marked) = unmarked(args[0])
        guard list.isKnown else { return Value.unknown(type).marked(marked) }
        let elements = list.elements ?? []
        guard !elements.isEmpty else { throw FunctionError("cannot use element function with an empty list.") }
        var wrapped = i % elements.count
        if wrapped < 0 { wrapped += elements.count }
        return elements[wrapped].marked(marked)
    }

    /// Terraform's `index`: the position of the first element equal to the value.
    static let index = CtyFunction(
        "index", [CtyParameter(name: "list", type: .any), CtyParameter(name: "value", type: .any)], returns: .number
    ) { args, _ throws(FunctionError) in
        switch args[0].type {
        case .list, .tuple: break
        case .any, .bool, .number, .string, .set, .map, .object: throw FunctionError("argument must be a list or tuple.")
        }
        let elements = args[0].elements ?? []
        guard !elements.isEmpty else { throw FunctionError("cannot search an empty list.") }
        for (i, e) in elements.enumerated() {
            guard let equal = e.equals(args[1]).boolValue else { return .unknown(.number) }
            if equal { return .number(i) }
        }
        throw FunctionError("item not found.")
    }

    static let contains = CtyFunction(
        "contains", [CtyParameter(name: "list", type: .any), CtyParameter(name: "value", type: .any)], returns: .bool
    ) { args, _ throws(FunctionError) in
        switch args[0].type {
        case .list, .tuple, .set: break
        case .any, .bool, .number, .string, .map, .object: throw FunctionError("argument must be list, tuple, or set.")
        }
        let elements = args[0].elements ?? []
        if elements.isEmpty { return .false }
        // An unknown element may still turn out equal, unless another one already is.
        var unknown = false
        for e in elements {
            guard let equal = args[1].equals(e).boolValue else {
                unknown = true
                continue
            }
            if equal { return .true }
        }
        return unknown ? .unknown(.bool) : .false
    }

    static let slice = CtyFunction(
        "slice",
        [
            CtyParameter(name: "list", type: .any, allowMarked: true),
            CtyParameter(name: "start_index", type: .number),
            CtyParameter(name: "end_index", type: .number),
        ],
        type: { args throws(FunctionError) in
            let type = args[0].type
            switch type {
            case .list, .tuple:
                break
            case .set:
                throw FunctionError(argument: 0, "cannot slice a set, because its elements do not have indices; explicitly convert to a list if the ordering of the result is not important.")
            case .any, .bool, .number, .string, .map, .object:
                throw FunctionError(argument: 0, "must be a list or tuple value.")
            }
            let bounds = try sliceBounds(args)
            if case .tuple(let ts) = type {
                guard let (start, end) = bounds else { return .any }
                return .tuple(Array(ts[start..<end]))
            }
            return type
        }
    ) { args, type throws(FunctionError) in
        let (list, marked) = unmarked(args[0])
        if case .any = type { return Value.unknown(.any).marked(marked) }
        guard let (start, end) = try sliceBounds(args) else { return Value.unknown(type).marked(marked) }
        let part = Array((list.elements ?? [])[start..<end])
        if case .tuple = type { return Value.tuple(part).marked(marked) }
        return try Builtins.list(part, empty: type.elementType ?? .any).marked(marked)
    }

    /// cty's `sliceIndexes`: the validated bounds, nil while either is unknown.
    private static func sliceBounds(_ args: [Value]) throws(FunctionError) -> (Int, Int)? {
        let (list, _) = unmarked(args[0])
        var length: Int?
        if case .tuple(let ts) = list.type { length = ts.count } else if list.isKnown { length = list.count }
        var start: Int?
        var end: Int?
        if args[1].isKnown {
            guard let s = wholeInt(args[1]) else {
                throw FunctionError(argument: 1, "invalid start index: \(wholeNumberRequired).")
            }
            if s < 0 { throw FunctionError(argument: 1, "start index must not be less than zero.") }
            if let length, s > length {
                throw FunctionError(argument: 1, "start index must not be greater than the length of the list.")
            }
            start = s
        }
        if args[2].isKnown {
            guard let e = wholeInt(args[2]) else {
                throw FunctionError(argument: 2, "invalid end index: \(wholeNumberRequired).")
            }
            if e < 0 { throw FunctionError(argument: 2, "end index must not be less than zero.") }
            if let length, e > length {
                throw FunctionError(argument: 2, "end index must not be greater than the length of the list.")
            }
            end = e
        }
        guard let start, let end else { return nil }
        if start > end { throw FunctionError(argument: 1, "start index must not be greater than end index.") }
        return (start, end)
    }

    static let reverse = CtyFunction(
        "reverse", [CtyParameter(name: "list", type: .any, allowMarked: true)],
        type: { args throws(FunctionError) in
            switch args[0].type {
            case .tuple(let ts): return .tuple(ts.reversed())
            // A set is accepted as it would be converted to a list.
            case .list(let e), .set(let e): return .list(e)
            case .any, .bool, .number, .string, .map, .object:
                throw FunctionError(argument: 0, "can only reverse list or tuple values, not \(args[0].type.friendlyName).")
            }
        }
    ) { args, type throws(FunctionError) in
        let (sequence, marked) = unmarked(args[0])
        let reversed = Array((sequence.elements ?? []).reversed())
        if case .tuple = type { return Value.tuple(reversed).marked(marked) }
        return try list(reversed, empty: type.elementType ?? .any).marked(marked)
    }

    // MARK: Lists of one type

    static let compact = CtyFunction(
        "compact", [CtyParameter(name: "list", type: .list(.string))], returns: .list(.string)
    ) { args, type in
        guard args[0].isWhollyKnown else { return .unknown(type) }
        let kept = (args[0].elements ?? []).filter { !$0.isNull && $0.stringValue != "" }
        return Value(.list(kept, element: .string))
    }

    static let distinct = CtyFunction(
        "distinct", [CtyParameter(name: "list", type: .list(.any))], type: { args in args[0].type }
    ) { args, type throws(FunctionError) in
        guard args[0].isWhollyKnown else { return .unknown(type) }
        var seen = Set<String>()
        var kept: [Value] = []
        for e in args[0].elements ?? [] where seen.insert(equalityKey(e)).inserted {
            kept.append(e)
        }
        return try list(kept, empty: type.elementType ?? .any)
    }

    /// `sort`: strings only (numbers arrive converted, so they sort as text), by bytes.
    static let sort = CtyFunction(
        "sort", [CtyParameter(name: "list", type: .list(.string))], returns: .list(.string)
    ) { args, type throws(FunctionError) in
        guard args[0].isWhollyKnown else { return .unknown(type) }
        var strings: [String] = []
        for (i, e) in (args[0].elements ?? []).enumerated() {
            guard let s = e.stringValue else {
                throw FunctionError("given list element \(i) is null; a null string cannot be sorted.")
            }
            strings.append(s)
        }
        strings.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return Value(.list(strings.map(Value.string), element: .string))
    }

    /// Terraform's `sum`: every element converted to a number, added exactly.
    static let sum = CtyFunction("sum", [CtyParameter(name: "list", type: .any)], returns: .number) { args, _ throws(FunctionError) in
        let v = args[0]
        guard let count = v.count else { throw FunctionError(argument: 0, "cannot sum noniterable.") }
        guard count > 0 else { throw FunctionError(argument: 0, "cannot sum an empty list.") }
        switch v.type {
        case .list, .set, .tuple: break
        case .any, .bool, .number, .string, .map, .object:
            throw FunctionError(argument: 0, "argument must be list, set, or tuple. Received \(v.type.friendlyName).")
        }
        guard v.isWhollyKnown else { return .unknown(.number) }
        var total: Number?
        for e in v.elements ?? [] {
            guard !e.isNull, let n = (try? e.converted(to: .number))?.numberValue else {
                throw FunctionError(argument: 0, "argument must be list, set, or tuple of number values.")
            }
            guard let t = total else {
                total = n
                continue
            }
            do throws(NumberError) {
                total = try t.adding(n)
            } catch {
                throw FunctionError("\(error.message).")
            }
        }
        return .number(total ?? Number(0))
    }
}
