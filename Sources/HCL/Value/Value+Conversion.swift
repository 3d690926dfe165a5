/// Why a value could not be converted to a type, in Terraform's words.
public struct ConversionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where inside the value the problem is (`["tags"]["env"]`), empty for the whole value.
    public var path: [String]
    public var message: String

    public init(path: [String] = [], message: String) {
        self.path = path
        self.message = message
    }

    /// The message alone: Terraform prints cty's path errors without their path
    /// (`Unsuitable value for var.x ...: a number is required.`, also for function
    /// arguments); `path` is there for callers that want to point further.
    public var description: String { message }
}

extension Value {
    /// The value converted to `target` with Terraform's (go-cty's `convert.Convert`) rules.
    ///
    /// Numbers and bools become strings and back where the text allows; tuples become
    /// lists and sets when their elements unify; objects become maps; objects lose
    /// attributes the target type does not declare, while missing optional ones become
    /// null. `any` in the target means "whatever single type the elements unify to".
    /// Sensitive marks stay on the parts of the value that carried them.
    public func converted(to target: ValueType) throws(ConversionError) -> Value {
        try Conversion.convert(self, to: target)
    }

    /// A set as cty builds one (`cty.SetVal`): elements de-duplicated and in Terraform's
    /// order, and, as cty keeps no marks inside a set, every element's marks moved to the
    /// set itself (`toset([sensitive("a"), "b"])` is sensitive as a whole).
    public static func setMovingMarks(_ elements: [Value], element: ValueType) -> Value {
        var sensitive = false
        let plain = elements.map { e -> Value in
            guard e.containsSensitive else { return e }
            sensitive = true
            return e.unmarkedDeep
        }
        return Value(.set(SetOrder.normalize(plain), element: element)).marked(sensitive)
    }
}

extension ValueType {
    /// The type as cty names it in a type *constraint*: `any` is "any type", and
    /// `list(any)` is "list of any single type" (`FriendlyNameForConstraint`).
    public var friendlyNameForConstraint: String {
        switch self {
        case .any: return "any type"
        case .list(.any): return "list of any single type"
        case .set(.any): return "set of any single type"
        case .map(.any): return "map of any single type"
        case .list(let e): return "list of \(e.friendlyNameForConstraint)"
        case .set(let e): return "set of \(e.friendlyNameForConstraint)"
        case .map(let e): return "map of \(e.friendlyNameForConstraint)"
        case .bool, .number, .string, .tuple, .object: return friendlyName
        }
    }

    /// The type with every `optional()` marker removed, at every depth.
    public var withoutOptionalAttributes: ValueType {
        switch self {
        case .any, .bool, .number, .string: return self
        case .list(let e): return .list(e.withoutOptionalAttributes)
        case .set(let e): return .set(e.withoutOptionalAttributes)
        case .map(let e): return .map(e.withoutOptionalAttributes)
        case .tuple(let es): return .tuple(es.map(\.withoutOptionalAttributes))
        case .object(let attrs, _): return .object(attrs.mapValues(\.withoutOptionalAttributes))
        }
    }

    /// Whether cty has a conversion from this type to `target`; `unsafe` also admits the
    /// conversions that can fail on some values (string to number or bool, list to set,
    /// map to object, anything from `any`), as Terraform's implicit conversion does.
    public func isConvertible(to target: ValueType, unsafe: Bool = true) -> Bool {
        self == target || Conversion.conversion(from: self, to: target, unsafe: unsafe) != nil
    }

    /// Why a value of this type does not convert to `want`, in cty's words (`MismatchMessage`).
    public func mismatchMessage(convertingTo want: ValueType) -> String {
        Conversion.mismatchMessage(got: self, want: want)
    }
}

/// The common type that a group of types can all convert to (go-cty's `convert.Unify`).
public enum TypeUnification {
    /// The most specific type all of `types` convert to, allowing conversions that can
    /// fail on some values (cty's `UnifyUnsafe`, what Terraform uses for conditionals,
    /// `coalesce`, `concat` and the set functions); nil when there is none or `types` is empty.
    public static func unify(_ types: [ValueType]) -> ValueType? {
        Unifier.unify(types, unsafe: true)
    }

    /// Like `unify(_:)`, but `unsafe: false` admits only conversions that never fail
    /// (cty's `Unify`).
    public static func unify(_ types: [ValueType], unsafe: Bool) -> ValueType? {
        Unifier.unify(types, unsafe: unsafe)
    }
}

/// A port of go-cty's `convert` package: conversions are planned from the types first
/// (`getConversion` returns nil when none exists) and then applied to values.
enum Conversion {
    /// One planned conversion, applied to a value at a path (for error messages).
    typealias Step = (Value, [String]) throws(ConversionError) -> Value

    /// cty's `Convert`: the shortcut for matching types, then the unsafe conversion.
    static func convert(_ value: Value, to target: ValueType) throws(ConversionError) -> Value {
        if case .any = target { return value }
        let type = value.type
        if type == target || type == target.withoutOptionalAttributes { return value }
        guard let step = conversion(from: type, to: target, unsafe: true) else {
            throw ConversionError(message: mismatchMessage(got: type, want: target))
        }
        return try step(value, [])
    }

    /// cty's `getConversion`: the planned conversion wrapped with the handling every
    /// conversion shares (marks, unknown and null values).
    static func conversion(from source: ValueType, to target: ValueType, unsafe: Bool) -> Step? {
        guard let known = knownConversion(from: source, to: target, unsafe: unsafe) else { return nil }
        if case .any = target { return known }
        return { value, path throws(ConversionError) in
            var input = value
            let sensitive = input.isSensitive
            input.isSensitive = false
            switch input.storage {
            case .unknown(let t):
                return Value(.unknown(dynamicReplace(t, target.withoutOptionalAttributes)), sensitive: sensitive)
            case .null(let t):
                return Value(.null(dynamicReplace(t, target.withoutOptionalAttributes)), sensitive: sensitive)
            case .bool, .number, .string, .list, .set, .map, .tuple, .object:
                return try known(input, path).marked(sensitive)
            }
        }
    }

    private static func identity(_ value: Value, _ path: [String]) -> Value { value }

    /// cty's `getConversionKnown`: the conversion of a known, non-null, unmarked value.
    private static func knownConversion(from source: ValueType, to target: ValueType, unsafe: Bool) -> Step? {
        // cty returns no conversion for some identical pairs (string to string) because
        // its callers compare types first; every caller here wants the identity.
        if source == target { return identity }
        switch (source, target) {
        case (_, .any):
            return identity
        case (.any, _):
            guard unsafe == true else { return nil }
            // A value typed `any` at planning time is converted when it is seen.
            return { value, path throws(ConversionError) in
                do throws(ConversionError) {
                    return try convert(value, to: target)
                } catch {
                    throw ConversionError(path: path + error.path, message: error.message)
                }
            }
        case (.number, .string):
            return { value, _ in .string(value.numberValue!.description) }
        case (.bool, .string):
            return { value, _ in .string(value.boolValue! ? "true" : "false") }
        case (.string, .number):
            guard unsafe == true else { return nil }
            return { value, path throws(ConversionError) in
                guard let n = Number(parsing: value.stringValue!) else {
                    throw ConversionError(path: path, message: "a number is required")
                }
                return .number(n)
            }
        case (.string, .bool):
            guard unsafe == true else { return nil }
            return { value, path throws(ConversionError) in
                let s = value.stringValue!
                switch s {
                case "true", "1": return .true
                case "false", "0": return .false
                default:
                    switch s.lowercased() {
                    case "true":
                        throw ConversionError(path: path, message: "a bool is required; to convert from string, use lowercase \"true\"")
                    case "false":
                        throw ConversionError(path: path, message: "a bool is required; to convert from string, use lowercase \"false\"")
                    default:
                        throw ConversionError(path: path, message: "a bool is required")
                    }
                }
            }
        case (.object(let inAttrs, _), .object(let outAttrs, let optional)):
            return objectToObject(inAttrs, outAttrs, optional, unsafe: unsafe)
        case (.tuple(let inTypes), .tuple(let outTypes)):
            return tupleToTuple(inTypes, outTypes, unsafe: unsafe)
        case (.list(let inElement), .list(let outElement)), (.set(let inElement), .list(let outElement)):
            if inElement == outElement { return collectionToList(outElement, nil) }
            guard let step = conversion(from: inElement, to: outElement, unsafe: unsafe) else { return nil }
            return collectionToList(outElement, step)
        case (.list(let inElement), .set(let outElement)), (.set(let inElement), .set(let outElement)):
            // A list becomes a set only unsafely: order and duplicates are lost.
            if case .list = source, !unsafe { return nil }
            if inElement == outElement { return collectionToSet(outElement, nil) }
            guard let step = conversion(from: inElement, to: outElement, unsafe: unsafe) else { return nil }
            return collectionToSet(outElement, step)
        case (.map(let inElement), .map(let outElement)):
            guard let step = conversion(from: inElement, to: outElement, unsafe: unsafe) else { return nil }
            return collectionToMap(outElement, step)
        case (.tuple(let inTypes), .list(let outElement)):
            return tupleToList(inTypes, outElement, unsafe: unsafe)
        case (.tuple(let inTypes), .set(let outElement)):
            return tupleToSet(inTypes, outElement, unsafe: unsafe)
        case (.object(let inAttrs, _), .map(let outElement)):
            return objectToMap(inAttrs, outElement, unsafe: unsafe)
        case (.map(let inElement), .object(let outAttrs, let optional)):
            guard unsafe == true else { return nil }
            return mapToObject(inElement, outAttrs, optional, unsafe: unsafe)
        default:
            return nil
        }
    }

    // MARK: Collections

    /// cty's `Length().IsKnown()`: a set holding unknowns may shrink once they are known.
    private static func lengthIsKnown(_ value: Value) -> Bool {
        if case .set(let es, _) = value.storage { return es.count == 1 || value.isWhollyKnown }
        return true
    }

    /// The element type of a list built from `values` (cty's `ListVal`): the first type
    /// that is not `any`; nil when two elements disagree.
    static func commonElementType(_ values: [Value]) -> ValueType? {
        var element = ValueType.any
        for v in values {
            let t = v.type
            if case .any = element {
                element = t
            } else if t != .any, t != element {
                return nil
            }
        }
        return element
    }

    /// cty rebuilds nulls in converted collections and objects without `optional()`
    /// markers, and the rebuilt null carries no marks: `tomap({a = sensitive(null)})`
    /// holds a plain null.
    private static func nullWithoutOptional(_ v: Value) -> Value {
        guard case .null(let t) = v.storage else { return v }
        return .null(t.withoutOptionalAttributes)
    }

    private static func collectionToList(_ element: ValueType, _ step: Step?) -> Step {
        return { value, path throws(ConversionError) in
            let sourceElement = value.type.elementType ?? .any
            guard lengthIsKnown(value) else { return .unknown(.list(sourceElement)) }
            let elements = value.elements ?? []
            var out: [Value] = []
            out.reserveCapacity(elements.count)
            for (i, e) in elements.enumerated() {
                var converted = e
                if let step { converted = try step(e, path + ["[\(i)]"]) }
                out.append(nullWithoutOptional(converted))
            }
            if out.isEmpty {
                if case .any = element { return Value(.list([], element: sourceElement)) }
                return Value(.list([], element: element.withoutOptionalAttributes))
            }
            guard let t = commonElementType(out) else {
                throw ConversionError(path: path, message: "element types must all match for conversion to list")
            }
            return Value(.list(out, element: t))
        }
    }

    private static func collectionToSet(_ element: ValueType, _ step: Step?) -> Step {
        return { value, path throws(ConversionError) in
            let elements = value.elements ?? []
            var out: [Value] = []
            out.reserveCapacity(elements.count)
            for (i, e) in elements.enumerated() {
                var converted = e
                if let step { converted = try step(e, path + ["[\(i)]"]) }
                out.append(nullWithoutOptional(converted))
            }
            if out.isEmpty {
                if case .any = element { return Value(.set([], element: value.type.elementType ?? .any)) }
                return Value(.set([], element: element.withoutOptionalAttributes))
            }
            guard let t = commonElementType(out) else {
                throw ConversionError(path: path, message: "element types must all match for conversion to set")
            }
            return .setMovingMarks(out, element: t)
        }
    }

    private static func collectionToMap(_ element: ValueType, _ step: Step?) -> Step {
        return { value, path throws(ConversionError) in
            let attrs = value.attributes ?? [:]
            var out: [String: Value] = [:]
            out.reserveCapacity(attrs.count)
            for key in attrs.keys.sorted() {
                let e = attrs[key]!
                out[key] = try step.map { s throws(ConversionError) in try s(e, path + ["[\(SetOrder.goQuoted(key))]"]) } ?? e
            }
            if out.isEmpty {
                if case .any = element { return Value(.map([:], element: value.type.elementType ?? .any)) }
                return Value(.map([:], element: element))
            }
            if element.isCollection || element.isObject {
                out = try unifyMapElements(out, path: path, unsafe: false)
            }
            guard let t = commonElementType(Array(out.values)) else {
                throw ConversionError(path: path, message: "element types must all match for conversion to map")
            }
            return Value(.map(out, element: t))
        }
    }

    private static func tupleToList(_ types: [ValueType], _ listElement: ValueType, unsafe: Bool) -> Step? {
        if types.isEmpty {
            return { _, _ in Value(.list([], element: listElement.withoutOptionalAttributes)) }
        }
        guard let (_, steps) = elementSteps(types, listElement, unsafe: unsafe) else { return nil }
        return { value, path throws(ConversionError) in
            let elements = value.elements ?? []
            var out: [Value] = []
            out.reserveCapacity(elements.count)
            for (i, e) in elements.enumerated() {
                out.append(try steps[i].map { s throws(ConversionError) in try s(e, path + ["[\(i)]"]) } ?? e)
            }
            out = try unifyListElements(out, path: path + ["[\(elements.count - 1)]"], unsafe: unsafe)
            guard let t = commonElementType(out) else {
                throw ConversionError(path: path, message: "element types must all match for conversion to list")
            }
            return Value(.list(out, element: t))
        }
    }

    private static func tupleToSet(_ types: [ValueType], _ setElement: ValueType, unsafe: Bool) -> Step? {
        if types.isEmpty {
            return { _, _ in Value(.set([], element: setElement.withoutOptionalAttributes)) }
        }
        guard let (_, steps) = elementSteps(types, setElement, unsafe: unsafe) else { return nil }
        return { value, path throws(ConversionError) in
            let elements = value.elements ?? []
            var out: [Value] = []
            out.reserveCapacity(elements.count)
            for (i, e) in elements.enumerated() {
                let converted = try steps[i].map { s throws(ConversionError) in try s(e, path + ["[\(i)]"]) } ?? e
                out.append(nullWithoutOptional(converted))
            }
            guard let t = commonElementType(out) else {
                throw ConversionError(path: path, message: "element types must all match for conversion to set")
            }
            return .setMovingMarks(out, element: t)
        }
    }

    /// The per-element conversions of a tuple into a list or set of `element`; `any`
    /// asks for the unified type of the tuple's elements.
    private static func elementSteps(
        _ types: [ValueType], _ element: ValueType, unsafe: Bool
    ) -> (ValueType, [Step?])? {
        var target = element
        if case .any = element {
            guard let unified = Unifier.unify(types, unsafe: unsafe) else { return nil }
            // Still `any` after unification: only valid when every element is `any`.
            if case .any = unified, types.contains(where: { $0 != .any }) { return nil }
            target = unified
        }
        var steps: [Step?] = []
        steps.reserveCapacity(types.count)
        for t in types {
            if t == target {
                steps.append(nil)
                continue
            }
            guard let step = conversion(from: t, to: target, unsafe: unsafe) else { return nil }
            steps.append(step)
        }
        return (target, steps)
    }

    private static func objectToMap(_ attrTypes: [String: ValueType], _ element: ValueType, unsafe: Bool) -> Step? {
        if attrTypes.isEmpty {
            return { _, _ in Value(.map([:], element: element.withoutOptionalAttributes)) }
        }
        var target = element
        if case .any = element {
            guard let unified = Unifier.unify(attrTypes.keys.sorted().map { attrTypes[$0]! }, unsafe: unsafe) else { return nil }
            target = unified
        }
        var steps: [String: Step] = [:]
        for (name, t) in attrTypes where t != target {
            guard let step = conversion(from: t, to: target, unsafe: unsafe) else { return nil }
            steps[name] = step
        }
        let unifyAfter = target.isCollection || target.isObject
        return { value, path throws(ConversionError) in
            let attrs = value.attributes ?? [:]
            var out: [String: Value] = [:]
            out.reserveCapacity(attrs.count)
            for name in attrs.keys.sorted() {
                let a = attrs[name]!
                out[name] = try steps[name].map { s throws(ConversionError) in try s(a, path + ["[\(SetOrder.goQuoted(name))]"]) } ?? a
            }
            if unifyAfter {
                out = try unifyMapElements(out, path: path, unsafe: unsafe)
            }
            guard let t = commonElementType(Array(out.values)) else {
                throw ConversionError(path: path, message: "attribute types must all match for conversion to map")
            }
            return Value(.map(out, element: t))
        }
    }

    private static func mapToObject(
        _ element: ValueType, _ attrTypes: [String: ValueType], _ optional: Set<String>, unsafe: Bool
    ) -> Step? {
        var steps: [String: Step?] = [:]
        for (name, t) in attrTypes where t != element {
            if let step = conversion(from: element, to: t, unsafe: unsafe) {
                steps[name] = .some(step)
            } else if optional.contains(name) && unsafe {
                // Only fails if the map really has this key.
                steps[name] = .some(nil)
            } else {
                return nil
            }
        }
        return { value, path throws(ConversionError) in
            let attrs = value.attributes ?? [:]
            var out: [String: Value] = [:]
            for name in attrs.keys.sorted() {
                guard let want = attrTypes[name] else { continue }
                var v = attrs[name]!
                if let planned = steps[name] {
                    guard let step = planned else {
                        throw ConversionError(
                            path: path,
                            message: "map element type is incompatible with attribute \(SetOrder.goQuoted(name)): \(mismatchMessage(got: v.type, want: want))")
                    }
                    v = try step(v, path + ["[\(SetOrder.goQuoted(name))]"])
                }
                out[name] = nullWithoutOptional(v)
            }
            for name in attrTypes.keys.sorted() where out[name] == nil {
                guard optional.contains(name) else {
                    throw ConversionError(path: path, message: "map has no element for required attribute \(SetOrder.goQuoted(name))")
                }
                out[name] = .null(attrTypes[name]!)
            }
            return .object(out)
        }
    }

    /// Brings the elements of a converted map to one type (cty's `conversionUnifyCollectionElements`).
    private static func unifyMapElements(
        _ elements: [String: Value], path: [String], unsafe: Bool
    ) throws(ConversionError) -> [String: Value] {
        let keys = elements.keys.sorted()
        guard let unified = Unifier.unify(keys.map { elements[$0]!.type }, unsafe: unsafe) else {
            throw ConversionError(path: path, message: "cannot find a common base type for all elements")
        }
        var out: [String: Value] = [:]
        out.reserveCapacity(elements.count)
        for key in keys {
            let e = elements[key]!
            if e.type == unified {
                out[key] = e
                continue
            }
            guard let step = conversion(from: e.type, to: unified, unsafe: unsafe) else {
                throw ConversionError(path: path, message: "cannot find a common base type for all elements")
            }
            out[key] = try step(e, path + ["[\(SetOrder.goQuoted(key))]"])
        }
        return out
    }

    /// Brings the elements of a converted list to one type (cty's `conversionUnifyListElements`).
    private static func unifyListElements(_ elements: [Value], path: [String], unsafe: Bool) throws(ConversionError) -> [Value] {
        let types = elements.map(\.type)
        guard let unified = Unifier.unify(types, unsafe: unsafe) else {
            throw ConversionError(path: path, message: "cannot find a common base type for all elements")
        }
        var out = elements
        for (i, e) in elements.enumerated() where types[i] != unified {
            guard let step = conversion(from: types[i], to: unified, unsafe: unsafe) else {
                throw ConversionError(path: path, message: "cannot find a common base type for all elements")
            }
            out[i] = try step(e, path + ["[\(i)]"])
        }
        return out
    }

    // MARK: Structural types

    private static func objectToObject(
        _ inAttrs: [String: ValueType], _ outAttrs: [String: ValueType], _ optional: Set<String>, unsafe: Bool
    ) -> Step? {
        var steps: [String: Step?] = [:]
        for (name, outType) in outAttrs {
            guard let inType = inAttrs[name] else {
                if optional.contains(name) { continue }
                return nil
            }
            if inType == outType {
                steps[name] = .some(nil)
                continue
            }
            guard let step = conversion(from: inType, to: outType, unsafe: unsafe) else { return nil }
            steps[name] = .some(step)
        }
        return { value, path throws(ConversionError) in
            let attrs = value.attributes ?? [:]
            var out: [String: Value] = [:]
            out.reserveCapacity(outAttrs.count)
            for name in attrs.keys.sorted() {
                guard let planned = steps[name] else { continue }
                var v = attrs[name]!
                if let step = planned { v = try step(v, path + [".\(name)"]) }
                out[name] = nullWithoutOptional(v)
            }
            for name in optional where out[name] == nil {
                if let t = outAttrs[name] { out[name] = .null(t.withoutOptionalAttributes) }
            }
            return .object(out)
        }
    }

    private static func tupleToTuple(_ inTypes: [ValueType], _ outTypes: [ValueType], unsafe: Bool) -> Step? {
        guard inTypes.count == outTypes.count else { return nil }
        var steps: [Step?] = []
        for (i, o) in zip(inTypes, outTypes) {
            if i == o {
                steps.append(nil)
                continue
            }
            guard let step = conversion(from: i, to: o, unsafe: unsafe) else { return nil }
            steps.append(step)
        }
        return { value, path throws(ConversionError) in
            let elements = value.elements ?? []
            var out: [Value] = []
            out.reserveCapacity(elements.count)
            for (i, e) in elements.enumerated() {
                out.append(try steps[i].map { s throws(ConversionError) in try s(e, path + ["[\(i)]"]) } ?? e)
            }
            return .tuple(out)
        }
    }

    // MARK: Unknown and null values

    /// cty's `dynamicReplace`: `target` with its `any` parts filled from `source`.
    static func dynamicReplace(_ source: ValueType, _ target: ValueType) -> ValueType {
        if case .any = source { return target }
        switch target {
        case .any:
            return source
        case .bool, .number, .string:
            return target
        case .map(let e):
            switch source {
            case .map(let s): return .map(dynamicReplace(s, e))
            case .object(let attrs, _):
                let unified = Unifier.unify(attrs.keys.sorted().map { attrs[$0]! }, unsafe: true) ?? .any
                return .map(dynamicReplace(unified, e))
            case .any, .bool, .number, .string, .list, .set, .tuple:
                return target
            }
        case .object(let attrs, _):
            var out: [String: ValueType] = [:]
            switch source {
            case .map(let s):
                for (name, t) in attrs { out[name] = dynamicReplace(s, t) }
            case .object(let sourceAttrs, _):
                for (name, t) in attrs { out[name] = sourceAttrs[name].map { dynamicReplace($0, t) } ?? t }
            case .any, .bool, .number, .string, .list, .set, .tuple:
                break
            }
            return .object(out)
        case .set(let e), .list(let e):
            var element = e
            switch source {
            case .set(let s), .list(let s): element = dynamicReplace(s, e)
            case .tuple(let ts): element = dynamicReplace(Unifier.unify(ts, unsafe: true) ?? .any, e)
            case .any, .bool, .number, .string, .map, .object: break
            }
            if case .set = target { return .set(element) }
            return .list(element)
        case .tuple(let ts):
            guard case .tuple(let ss) = source, ss.count == ts.count else { return target }
            return .tuple(zip(ss, ts).map { dynamicReplace($0, $1) })
        }
    }

    // MARK: Messages

    /// cty's `MismatchMessage`: why `got` does not conform to `want`.
    static func mismatchMessage(got: ValueType, want: ValueType) -> String {
        switch (got, want) {
        case (.object(let gotAttrs, _), .object(let wantAttrs, let optional)):
            return objectMismatch(gotAttrs, wantAttrs, optional)
        case (.tuple, .list(.any)):
            return "all list elements must have the same type"
        case (.tuple, .set(.any)):
            return "all set elements must have the same type"
        case (.object, .map(.any)):
            return "all map elements must have the same type"
        case (.tuple(let elements), .list(let e)), (.tuple(let elements), .set(let e)):
            for (i, t) in elements.enumerated() where t != e && conversion(from: t, to: e, unsafe: true) == nil {
                return "element \(i): \(mismatchMessage(got: t, want: e))"
            }
            return "all elements must be \(e.friendlyNameForConstraint)"
        case (.object(let attrs, _), .map(let e)):
            for name in attrs.keys.sorted() {
                let t = attrs[name]!
                if t != e && conversion(from: t, to: e, unsafe: true) == nil {
                    return "element \(SetOrder.goQuoted(name)): \(mismatchMessage(got: t, want: e))"
                }
            }
            return "all elements must be \(e.friendlyNameForConstraint)"
        case (.list(let g), .list(let w)), (.set(let g), .list(let w)):
            return "incorrect list element type: \(mismatchMessage(got: g, want: w))"
        case (.list(let g), .set(let w)), (.set(let g), .set(let w)):
            return "incorrect set element type: \(mismatchMessage(got: g, want: w))"
        case (.map(let g), .map(let w)):
            return "incorrect map element type: \(mismatchMessage(got: g, want: w))"
        default:
            return "\(want.friendlyNameForConstraint) required"
        }
    }

    private static func objectMismatch(
        _ got: [String: ValueType], _ want: [String: ValueType], _ optional: Set<String>
    ) -> String {
        var missing: [String] = []
        var unsafeMismatch: String?
        var safeMismatch: String?
        for name in want.keys.sorted() {
            let w = want[name]!
            guard let g = got[name] else {
                if !optional.contains(name) { missing.append(name) }
                continue
            }
            if g == w { continue }
            if unsafeMismatch == nil, conversion(from: g, to: w, unsafe: true) == nil {
                unsafeMismatch = "attribute \(SetOrder.goQuoted(name)): \(mismatchMessage(got: g, want: w))"
            }
            if safeMismatch == nil, conversion(from: g, to: w, unsafe: false) == nil {
                safeMismatch = "attribute \(SetOrder.goQuoted(name)): \(mismatchMessage(got: g, want: w))"
            }
        }
        switch missing.count {
        case 0: break
        case 1: return "attribute \(SetOrder.goQuoted(missing[0])) is required"
        case 2: return "attributes \(SetOrder.goQuoted(missing[0])) and \(SetOrder.goQuoted(missing[1])) are required"
        default:
            let head = missing.dropLast().map { SetOrder.goQuoted($0) + ", " }.joined()
            return "attributes \(head)and \(SetOrder.goQuoted(missing.last!)) are required"
        }
        return unsafeMismatch ?? safeMismatch ?? "incorrect object attributes"
    }
}

extension ValueType {
    var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}

/// A port of go-cty's `unify`: the type a group of types meets at, preferring to build a
/// new collection, object or tuple type, and otherwise the most general of the given
/// types that all others convert to.
enum Unifier {
    static func unify(_ types: [ValueType], unsafe: Bool) -> ValueType? {
        guard let first = types.first else { return nil }
        // The common case: nothing to unify. (cty gets the same answer the long way;
        // building a type from equal parts drops only `optional()` markers.)
        if types.allSatisfy({ $0 == first }) { return first.withoutOptionalAttributes }
        // Repeated types change nothing in cty's answer, only its cost: a tuple of a
        // thousand elements usually has a handful of distinct element types.
        var seen = Set<ValueType>()
        let distinct = types.filter { seen.insert($0).inserted }
        if distinct.count < types.count { return unify(distinct, unsafe: unsafe) }

        var maps = 0, lists = 0, sets = 0, objects = 0, tuples = 0, dynamics = 0
        for t in types {
            switch t {
            case .map: maps += 1
            case .list: lists += 1
            case .set: sets += 1
            case .object: objects += 1
            case .tuple: tuples += 1
            case .any: dynamics += 1
            case .bool, .number, .string: break
            }
        }
        let n = types.count
        if maps > 0 && maps + dynamics == n {
            return unifyCollections(types, unsafe: unsafe, hasDynamic: dynamics > 0) { .map($0) }
        } else if maps > 0 && maps + objects + dynamics == n {
            // Objects are often maps in disguise.
            if let t = unifyObjectsAsMaps(types, unsafe: unsafe), case .map = t { return t }
        } else if lists > 0 && lists + dynamics == n {
            return unifyCollections(types, unsafe: unsafe, hasDynamic: dynamics > 0) { .list($0) }
        } else if lists > 0 && lists + tuples + dynamics == n {
            // Tuples are often lists in disguise.
            if let t = unifyTuplesAsList(types, unsafe: unsafe), case .list = t { return t }
        } else if sets > 0 && sets + dynamics == n {
            return unifyCollections(types, unsafe: unsafe, hasDynamic: dynamics > 0) { .set($0) }
        } else if objects > 0 && objects + dynamics == n {
            return unifyObjects(types, unsafe: unsafe, hasDynamic: dynamics > 0)
        } else if tuples > 0 && tuples + dynamics == n {
            return unifyTuples(types, unsafe: unsafe, hasDynamic: dynamics > 0)
        } else if objects > 0 && tuples > 0 {
            return nil
        }

        // The most general of the given types that every other one converts to.
        for wantIndex in preferenceOrder(types) {
            let want = types[wantIndex]
            let fits = types.enumerated().allSatisfy { i, t in
                i == wantIndex || t == want || Conversion.conversion(from: t, to: want, unsafe: unsafe) != nil
            }
            if fits { return want }
        }
        return nil
    }

    private static func convertsAll(_ types: [ValueType], to target: ValueType, unsafe: Bool) -> Bool {
        types.allSatisfy { $0 == target || Conversion.conversion(from: $0, to: target, unsafe: unsafe) != nil }
    }

    private static func unifyCollections(
        _ types: [ValueType], unsafe: Bool, hasDynamic: Bool, _ make: (ValueType) -> ValueType
    ) -> ValueType? {
        // With an `any` among them, the eventual type cannot be predicted.
        if hasDynamic { return .any }
        guard let element = unify(types.map { $0.elementType ?? .any }, unsafe: unsafe) else { return nil }
        let result = make(element)
        return convertsAll(types, to: result, unsafe: unsafe) ? result : nil
    }

    private static func unifyObjects(_ types: [ValueType], unsafe: Bool, hasDynamic: Bool) -> ValueType? {
        if hasDynamic { return .any }
        guard case .object(let firstAttrs, _) = types[0] else { return nil }
        for case .object(let attrs, _) in types.dropFirst() {
            // Different attribute names: the only common type can be a map.
            if attrs.count != firstAttrs.count || attrs.keys.contains(where: { firstAttrs[$0] == nil }) {
                return unifyObjectsToMap(types, unsafe: unsafe)
            }
        }
        var result: [String: ValueType] = [:]
        for name in firstAttrs.keys {
            let across = types.map { t -> ValueType in
                if case .object(let attrs, _) = t { return attrs[name] ?? .any }
                return .any
            }
            guard let u = unify(across, unsafe: unsafe) else { return nil }
            result[name] = u
        }
        let object = ValueType.object(result)
        return convertsAll(types, to: object, unsafe: unsafe) ? object : unifyObjectsToMap(types, unsafe: unsafe)
    }

    private static func unifyObjectsToMap(_ types: [ValueType], unsafe: Bool) -> ValueType? {
        var attrTypes: [ValueType] = []
        for case .object(let attrs, _) in types {
            attrTypes.append(contentsOf: attrs.keys.sorted().map { attrs[$0]! })
        }
        guard let element = unify(attrTypes, unsafe: unsafe) else { return nil }
        let map = ValueType.map(element)
        return convertsAll(types, to: map, unsafe: unsafe) ? map : nil
    }

    private static func unifyTuples(_ types: [ValueType], unsafe: Bool, hasDynamic: Bool) -> ValueType? {
        if hasDynamic { return .any }
        guard case .tuple(let firstElements) = types[0] else { return nil }
        for case .tuple(let es) in types.dropFirst() where es.count != firstElements.count {
            return unifyTuplesToList(types, unsafe: unsafe)
        }
        var result: [ValueType] = []
        for i in firstElements.indices {
            let across = types.map { t -> ValueType in
                if case .tuple(let es) = t { return es[i] }
                return .any
            }
            guard let u = unify(across, unsafe: unsafe) else { return nil }
            result.append(u)
        }
        let tuple = ValueType.tuple(result)
        return convertsAll(types, to: tuple, unsafe: unsafe) ? tuple : unifyTuplesToList(types, unsafe: unsafe)
    }

    private static func unifyTuplesToList(_ types: [ValueType], unsafe: Bool) -> ValueType? {
        var elementTypes: [ValueType] = []
        for case .tuple(let es) in types { elementTypes.append(contentsOf: es) }
        guard let element = unify(elementTypes, unsafe: unsafe) else { return nil }
        let list = ValueType.list(element)
        return convertsAll(types, to: list, unsafe: unsafe) ? list : nil
    }

    /// Unifies the tuples among `types` as a list, then everything with that list.
    private static func unifyTuplesAsList(_ types: [ValueType], unsafe: Bool) -> ValueType? {
        let tuples = types.filter { if case .tuple = $0 { return true } else { return false } }
        guard let list = unifyTuplesToList(tuples, unsafe: unsafe), case .list = list else { return nil }
        let replaced = types.map { t -> ValueType in
            if case .tuple = t { return list }
            return t
        }
        guard let result = unify(replaced, unsafe: unsafe), case .list = result else { return nil }
        return result
    }

    /// Unifies the objects among `types` as a map, then everything with that map.
    private static func unifyObjectsAsMaps(_ types: [ValueType], unsafe: Bool) -> ValueType? {
        let objects = types.filter(\.isObject)
        guard let map = unifyObjectsToMap(objects, unsafe: unsafe), case .map = map else { return nil }
        let replaced = types.map { $0.isObject ? map : $0 }
        guard let result = unify(replaced, unsafe: unsafe), case .map = result else { return nil }
        return result
    }

    /// cty's `sortTypes`: indices of `types`, most general first (a topological sort of
    /// the "more general than" relation, stable for incomparable types).
    static func preferenceOrder(_ types: [ValueType]) -> [Int] {
        let n = types.count
        var edges = [[Int]](repeating: [], count: n)
        for i in 0..<max(0, n - 1) {
            for j in (i + 1)..<n {
                let c = compare(types[i], types[j])
                if c < 0 { edges[i].append(j) } else if c > 0 { edges[j].append(i) }
            }
        }
        var inDegree = [Int](repeating: 0, count: n)
        for outs in edges { for j in outs { inDegree[j] += 1 } }
        // As in cty, the result array doubles as the queue; nodes on a cycle are never
        // visited and their slots keep index 0.
        var result = [Int](repeating: 0, count: n)
        var tail = 0
        for i in 0..<n where inDegree[i] == 0 {
            result[tail] = i
            tail += 1
        }
        var head = 0
        while head < tail {
            let i = result[head]
            head += 1
            for j in edges[i] {
                inDegree[j] -= 1
                if inDegree[j] == 0 {
                    result[tail] = j
                    tail += 1
                }
            }
        }
        return result
    }

    /// cty's `compareTypes`: negative when `a` is the more general, positive when `b` is.
    static func compare(_ a: ValueType, _ b: ValueType) -> Int {
        // `any` has the lowest preference: it should converge on its neighbours.
        if a == .any || b == .any {
            if a != .any { return -1 }
            if b != .any { return 1 }
            return 0
        }
        if a.isPrimitive && b.isPrimitive {
            // Every primitive can be written as a string.
            if a == .string || b == .string {
                if a != .string { return 1 }
                if b != .string { return -1 }
                return 0
            }
        }
        switch (a, b) {
        case (.list(let x), .list(let y)), (.set(let x), .set(let y)), (.map(let x), .map(let y)):
            return compare(x, y)
        default:
            break
        }
        var a = a, b = b
        var sign = 1
        switch (a, b) {
        case (.tuple, .list), (.object, .map), (.set, .tuple), (.set, .list):
            (a, b) = (b, a)
            sign = -1
        default:
            break
        }
        switch (a, b) {
        case (.tuple, .set), (.list, .set):
            return -1 * sign
        case (.list, .tuple):
            return -1 * sign
        case (.map, .object):
            return -1 * sign
        case (.object(let x, _), .object(let y, _)):
            guard x.count == y.count else { return 0 }
            var aSuper = false, bSuper = false
            for (name, t) in x {
                guard let u = y[name] else { return 0 }
                let c = compare(t, u)
                if c < 0 { aSuper = true } else if c > 0 { bSuper = true }
            }
            return superResult(aSuper, bSuper, sign)
        case (.tuple(let x), .tuple(let y)):
            guard x.count == y.count else { return 0 }
            var aSuper = false, bSuper = false
            for (t, u) in zip(x, y) {
                let c = compare(t, u)
                if c < 0 { aSuper = true } else if c > 0 { bSuper = true }
            }
            return superResult(aSuper, bSuper, sign)
        default:
            return 0
        }
    }

    private static func superResult(_ aSuper: Bool, _ bSuper: Bool, _ sign: Int) -> Int {
        switch (aSuper, bSuper) {
        case (true, true): return 0
        case (true, false): return -1 * sign
        case (false, true): return sign
        case (false, false): return 0
        }
    }
}
