import HCL

/// The collection functions that read or build maps and objects: an object in gives a
/// tuple or object out (`keys({a = 1})` is a tuple), a map in gives a list or map out.
extension Builtins {
    static let keys = CtyFunction(
        "keys", [CtyParameter(name: "inputMap", type: .any, allowUnknown: true, allowMarked: true)],
        type: { args throws(FunctionError) in
            switch args[0].type {
            case .map: return .list(.string)
            case .object(let attrs, _): return .tuple(Array(repeating: .string, count: attrs.count))
            case .any, .bool, .number, .string, .list, .set, .tuple:
                throw FunctionError(argument: 0, "must have map or object type.")
            }
        }
    ) { args, type in
        let (m, marked) = unmarked(args[0])
        // An object's attribute names are in its type, known even when its value is not.
        if case .object(let attrs, _) = m.type {
            return Value.tuple(attrs.keys.sorted().map(Value.string)).marked(marked)
        }
        guard m.isKnown, let keys = m.sortedKeys else { return Value.unknown(type).marked(marked) }
        return Value(.list(keys.map(Value.string), element: .string)).marked(marked)
    }

    static let values = CtyFunction(
        "values", [CtyParameter(name: "mapping", type: .any, allowMarked: true)],
        type: { args throws(FunctionError) in
            switch args[0].type {
            case .map(let e): return .list(e)
            case .object(let attrs, _): return .tuple(attrs.keys.sorted().map { attrs[$0]! })
            case .any, .bool, .number, .string, .list, .set, .tuple:
                throw FunctionError("values() requires a map as the first argument.")
            }
        }
    ) { args, type throws(FunctionError) in
        let (m, marked) = unmarked(args[0])
        let attrs = m.attributes ?? [:]
        let values = attrs.keys.sorted().map { attrs[$0]! }
        if case .tuple = type { return Value.tuple(values).marked(marked) }
        return try list(values, empty: type.elementType ?? .any).marked(marked)
    }

    /// Terraform's `lookup`: an object attribute or map element, or the default; the
    /// result type comes from the attribute, the map, or the default for a missing key.
    static let lookup = CtyFunction(
        "lookup",
        [
            CtyParameter(name: "inputMap", type: .any, allowUnknown: true, allowMarked: true),
            CtyParameter(name: "key", type: .string, allowUnknown: true, allowMarked: true),
        ],
        variadic: .anything("default"),
        type: { args throws(FunctionError) in
            guard args.count <= 3 else { throw FunctionError("lookup() takes two or three arguments, got \(args.count).") }
            switch args[0].type {
            case .object(let attrs, _):
                guard args[1].isKnown, let key = args[1].stringValue else { return .any }
                if let t = attrs[key] { return t }
                if args.count == 3 { return args[2].type }
                throw FunctionError(argument: 0, "the given object has no attribute \(goQuoted(key)).")
            case .map(let e):
                if args.count == 3, (try? args[2].converted(to: e)) == nil {
                    throw FunctionError(argument: 2, "the default value must have the same type as the map elements.")
                }
                return e
            case .any, .bool, .number, .string, .list, .set, .tuple:
                throw FunctionError(argument: 0, "lookup() requires a map as the first argument.")
            }
        }
    ) { args, type throws(FunctionError) in
        let (collection, collectionMarked) = unmarked(args[0])
        let (key, keyMarked) = unmarked(args[1])
        let marked = collectionMarked || keyMarked
        guard collection.isKnown, key.isKnown, let k = key.stringValue else {
            return Value.unknown(type).marked(marked)
        }
        if let v = collection.attributes?[k] { return v.marked(marked) }
        if args.count == 3 {
            do throws(ConversionError) {
                return try args[2].converted(to: type).marked(marked)
            } catch {
                throw FunctionError("\(error.message).")
            }
        }
        throw FunctionError("lookup failed to find key \(keyMarked ? "(sensitive value)" : goQuoted(k)).")
    }

    /// `merge`: later arguments win; maps of one type give that map type, anything else
    /// an object (`merge(tomap({a = "x"}), {b = 1})` is an object); nulls are skipped.
    static let merge = CtyFunction(
        "merge", [],
        variadic: CtyParameter(name: "maps", type: .any, allowNull: true, allowDynamicType: true, allowMarked: true),
        type: { args throws(FunctionError) in
            guard !args.isEmpty else { return .emptyObject }
            var attrs: [String: ValueType] = [:]
            var first = ValueType.any
            var matching = true
            var attrsKnown = true
            for (i, arg) in args.enumerated() {
                let type = arg.type
                switch type {
                case .any:
                    return .any
                case .object(let ts, _):
                    if !arg.isNull { attrs.merge(ts) { $1 } }
                case .map(let e):
                    if arg.isNull {
                        break
                    } else if arg.isKnown {
                        for k in (arg.attributes ?? [:]).keys { attrs[k] = e }
                    } else {
                        // An unknown map may hold any keys.
                        attrsKnown = false
                    }
                case .bool, .number, .string, .list, .set, .tuple:
                    throw FunctionError("arguments must be maps or objects, got \(goQuoted(type.friendlyName)).")
                }
                if i == 0 {
                    first = type
                } else if type != first {
                    matching = false
                }
            }
            if matching { return first }
            return attrsKnown ? .object(attrs) : .any
        }
    ) { args, type throws(FunctionError) in
        var merged: [String: Value] = [:]
        var marked = false
        for arg in args where !arg.isNull {
            let (m, argMarked) = unmarked(arg)
            marked = marked || argMarked
            for (k, v) in m.attributes ?? [:] { merged[k] = v }
        }
        if case .map(let e) = type { return try map(merged, empty: e).marked(marked) }
        return Value.object(merged).marked(marked)
    }

    /// `zipmap`: a map from a list of values, an object from a tuple of values.
    static let zipmap = CtyFunction(
        "zipmap",
        [
            CtyParameter(name: "keys", type: .list(.string), allowMarked: true),
            CtyParameter(name: "values", type: .any, allowMarked: true),
        ],
        type: { args throws(FunctionError) in
            switch args[1].type {
            case .list(let e):
                return .map(e)
            case .tuple(let ts):
                // The attribute names are the keys, so they must be known.
                guard args[0].isWhollyKnown else { return .any }
                let keys = args[0].elements ?? []
                guard keys.count == ts.count else {
                    throw FunctionError("number of keys (\(keys.count)) does not match number of values (\(ts.count)).")
                }
                var attrs: [String: ValueType] = [:]
                for (i, k) in keys.enumerated() {
                    guard let name = k.stringValue else { throw FunctionError("keys list has null value at index \(i).") }
                    attrs[name] = ts[i]
                }
                return .object(attrs)
            case .any, .bool, .number, .string, .set, .map, .object:
                throw FunctionError("values argument must be a list or tuple value.")
            }
        }
    ) { args, type throws(FunctionError) in
        let (keys, keysMarked) = unmarked(args[0])
        let (values, valuesMarked) = unmarked(args[1])
        var marked = keysMarked || valuesMarked
        guard keys.isWhollyKnown else { return Value.unknown(type).marked(marked) }
        let ks = keys.elements ?? []
        let vs = values.elements ?? []
        guard ks.count == vs.count else {
            throw FunctionError("number of keys (\(ks.count)) does not match number of values (\(vs.count)).")
        }
        var out: [String: Value] = [:]
        for (i, k) in ks.enumerated() {
            // Map keys cannot carry marks, so a sensitive key marks the whole result.
            let (key, keyMarked) = unmarked(k)
            marked = marked || keyMarked
            // Only the type check for tuple values looks for null keys; here cty panics.
            guard let name = key.stringValue else { throw FunctionError("panic in function implementation: value is null") }
            out[name] = vs[i]
        }
        if case .map(let e) = type { return try map(out, empty: e).marked(marked) }
        return Value.object(out).marked(marked)
    }

    /// `transpose`: a map of lists of strings turned inside out, each list sorted.
    static let transpose = CtyFunction(
        "transpose", [CtyParameter(name: "values", type: .map(.list(.string)))], returns: .map(.list(.string))
    ) { args, type throws(FunctionError) in
        guard args[0].isWhollyKnown else { return .unknown(type) }
        let input = args[0].attributes ?? [:]
        var out: [String: [String]] = [:]
        for key in input.keys.sorted() {
            guard let list = input[key]?.elements else { throw FunctionError("input must not contain null list.") }
            for e in list {
                guard let s = e.stringValue else { throw FunctionError("input list must not contain null string.") }
                out[s, default: []].append(key)
            }
        }
        var result: [String: Value] = [:]
        for (k, names) in out {
            let sorted = names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            result[k] = Value(.list(sorted.map(Value.string), element: .string))
        }
        return Value(.map(result, element: .list(.string)))
    }

    /// Terraform's `matchkeys`: the values whose key (same position) is in the search set.
    static let matchkeys = CtyFunction(
        "matchkeys",
        [
            CtyParameter(name: "values", type: .list(.any)),
            CtyParameter(name: "keys", type: .list(.any)),
            CtyParameter(name: "searchset", type: .list(.any)),
        ],
        type: { args throws(FunctionError) in
            guard TypeUnification.unify([args[1].type, args[2].type]) != nil else {
                throw FunctionError("keys and searchset must be of the same type.")
            }
            return args[0].type
        }
    ) { args, type throws(FunctionError) in
        let element = type.elementType ?? .any
        let empty = Value(.list([], element: element))
        guard args[0].count == args[1].count else { throw FunctionError("length of keys and values should be equal.") }
        let common = TypeUnification.unify([args[1].type, args[2].type]) ?? .any
        let keys = (try? args[1].converted(to: common)) ?? args[1]
        let search = (try? args[2].converted(to: common)) ?? args[2]
        let searchElements = search.elements ?? []
        if searchElements.isEmpty { return empty }
        guard args[0].isWhollyKnown, keys.isWhollyKnown else { return .unknown(type) }
        let values = args[0].elements ?? []
        var out: [Value] = []
        if search.isWhollyKnown {
            let wanted = Set(searchElements.map(equalityKey))
            for (i, k) in (keys.elements ?? []).enumerated() where wanted.contains(equalityKey(k)) {
                out.append(values[i])
            }
        } else {
            for (i, k) in (keys.elements ?? []).enumerated() {
                for s in searchElements {
                    // cty gives up on the first comparison it cannot decide.
                    guard let equal = k.equals(s).boolValue else { return empty }
                    if equal {
                        out.append(values[i])
                        break
                    }
                }
            }
        }
        return try list(out, empty: element)
    }
}
