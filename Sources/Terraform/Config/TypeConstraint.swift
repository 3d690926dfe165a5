import HCL

/// A variable's `type`: a cty type plus the defaults of its `optional(type, default)` attributes.
public struct TypeConstraint: Sendable {
    public var type: ValueType
    public var defaults: Defaults?

    public static let any = TypeConstraint(type: .any, defaults: nil)

    /// Default values for optional object attributes, nested the way the type is.
    public indirect enum Defaults: Sendable {
        /// An object: defaults of its own attributes, and of attributes that are themselves structured.
        case object(values: [String: Value], children: [String: Defaults])
        /// Every element of a list, set or map.
        case elements(Defaults)
        /// Tuple elements by position.
        case tuple([Int: Defaults])
    }

    /// Reads a type expression: `string`, `list(object({ a = optional(number, 1) }))`, ...
    public static func parse(_ expression: Expression) -> Result<TypeConstraint, Diagnostic> {
        do {
            let (type, defaults) = try parseType(expression, allowOptional: false)
            return .success(TypeConstraint(type: type, defaults: defaults))
        } catch {
            return .failure(error)
        }
    }

    private static func invalid(_ detail: String, _ range: SourceRange) -> Diagnostic {
        Diagnostic(code: .invalidTypeConstraint, summary: "Invalid type specification", detail: detail, subject: range)
    }

    private static func parseType(_ e: Expression, allowOptional: Bool) throws(Diagnostic) -> (ValueType, Defaults?) {
        switch e {
        case .scopeTraversal(let steps, let range):
            guard steps.count == 1, case .root(let name, _) = steps[0] else {
                throw invalid("A type keyword is expected here: string, number, bool, any, list(...), map(...), ...", range)
            }
            switch name {
            case "string": return (.string, nil)
            case "number": return (.number, nil)
            case "bool": return (.bool, nil)
            case "any": return (.any, nil)
            case "list", "set", "map", "tuple", "object":
                throw invalid("The \(name) type constructor requires one argument specifying the element type.", range)
            default:
                throw invalid("The keyword \"\(name)\" is not a valid type specification.", range)
            }
        case .literal(.string(let s), let range):
            throw invalid("Terraform 0.11 and earlier required type constraints to be given in quotes; write \(s) without quotes.", range)
        case .parentheses(let inner, _):
            return try parseType(inner, allowOptional: allowOptional)
        case .functionCall(let call):
            switch call.name {
            case "list", "set", "map":
                guard call.arguments.count == 1 else {
                    throw invalid("The \(call.name) type constructor requires one argument specifying the element type.", call.range)
                }
                let (element, defaults) = try parseType(call.arguments[0], allowOptional: false)
                let type: ValueType = call.name == "list" ? .list(element) : call.name == "set" ? .set(element) : .map(element)
                return (type, defaults.map { .elements($0) })
            case "tuple":
                guard call.arguments.count == 1, case .tuple(let items, _, _) = call.arguments[0] else {
                    throw invalid("The tuple type constructor requires one argument specifying the element types as a list.", call.range)
                }
                var types: [ValueType] = []
                var defaults: [Int: Defaults] = [:]
                for (i, item) in items.enumerated() {
                    let (t, d) = try parseType(item, allowOptional: false)
                    types.append(t)
                    if let d { defaults[i] = d }
                }
                return (.tuple(types), defaults.isEmpty ? nil : .tuple(defaults))
            case "object":
                guard call.arguments.count == 1, case .object(let items, _, _) = call.arguments[0] else {
                    throw invalid("The object type constructor requires one argument specifying the attribute types as a map.", call.range)
                }
                var attributes: [String: ValueType] = [:]
                var optional: Set<String> = []
                var values: [String: Value] = [:]
                var children: [String: Defaults] = [:]
                for item in items {
                    guard let name = item.key.literalName ?? literalString(item.key.expression) else {
                        throw invalid("Object constructor map keys must be attribute names.", item.key.range)
                    }
                    var valueExpr = item.value
                    if case .functionCall(let inner) = valueExpr, inner.name == "optional" {
                        guard (1...2).contains(inner.arguments.count) else {
                            throw invalid("The optional modifier requires the attribute type and optionally a default value.", inner.range)
                        }
                        optional.insert(name)
                        valueExpr = inner.arguments[0]
                        let (t, d) = try parseType(valueExpr, allowOptional: true)
                        attributes[name] = t
                        if let d { children[name] = d }
                        if inner.arguments.count == 2 {
                            var evaluator = Evaluator()
                            let value = evaluator.evaluate(inner.arguments[1], in: EvalContext())
                            if let problem = evaluator.diagnostics.first { throw problem }
                            do {
                                values[name] = try value.converted(to: t)
                            } catch {
                                throw invalid("Invalid default value for optional attribute \"\(name)\": \(error.description).", inner.arguments[1].range)
                            }
                        }
                        continue
                    }
                    let (t, d) = try parseType(valueExpr, allowOptional: false)
                    attributes[name] = t
                    if let d { children[name] = d }
                }
                let defaults: Defaults? = values.isEmpty && children.isEmpty ? nil : .object(values: values, children: children)
                return (.object(attributes, optional: optional), defaults)
            case "optional":
                throw invalid("Keyword \"optional\" is valid only as a modifier for object type attributes.", call.nameRange)
            default:
                throw invalid("Keyword \"\(call.name)\" is not a valid type constructor.", call.nameRange)
            }
        default:
            throw invalid("A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).", e.range)
        }
    }

    private static func literalString(_ e: Expression) -> String? {
        switch e {
        case .literal(.string(let s), _): return s
        case .template(let parts, _):
            if parts.count == 1, case .literal(.string(let s), _) = parts[0] { return s }
            return nil
        default: return nil
        }
    }
}

extension TypeConstraint.Defaults {
    /// Fills null optional attributes with their defaults, all the way down.
    public func apply(to value: Value) -> Value {
        guard value.isKnown, !value.isNull else { return value }
        switch self {
        case .object(let values, let children):
            guard case .object(var attrs) = value.storage else { return value }
            for (name, d) in values where attrs[name]?.isNull ?? true {
                attrs[name] = d
            }
            for (name, child) in children {
                if let a = attrs[name] { attrs[name] = child.apply(to: a) }
            }
            return Value(.object(attrs), sensitive: value.isSensitive)
        case .elements(let child):
            switch value.storage {
            case .list(let es, let t): return Value(.list(es.map(child.apply), element: t), sensitive: value.isSensitive)
            case .set(let es, let t): return Value.set(es.map(child.apply), element: t).marked(value.isSensitive)
            case .map(let es, let t): return Value(.map(es.mapValues(child.apply), element: t), sensitive: value.isSensitive)
            default: return value
            }
        case .tuple(let byIndex):
            guard case .tuple(var es) = value.storage else { return value }
            for (i, child) in byIndex where i < es.count { es[i] = child.apply(to: es[i]) }
            return Value(.tuple(es), sensitive: value.isSensitive)
        }
    }
}
