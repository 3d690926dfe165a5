/// The type of a Terraform value, as go-cty models it.
///
/// `any` is cty's dynamic pseudo-type: the type of a value not yet known, and in a
/// type constraint, "any type". Object attribute types and optional attributes are
/// kept by name; object and map iteration is always in sorted key order, as in Terraform.
public indirect enum ValueType: Sendable, Hashable {
    case any
    case bool
    case number
    case string
    case list(ValueType)
    case set(ValueType)
    case map(ValueType)
    case tuple([ValueType])
    /// `optional` names the attributes declared with `optional()` in a type constraint.
    case object([String: ValueType], optional: Set<String> = [])

    public static let emptyObject = ValueType.object([:])
    public static let emptyTuple = ValueType.tuple([])

    public var isPrimitive: Bool {
        switch self {
        case .bool, .number, .string: return true
        case .any, .list, .set, .map, .tuple, .object: return false
        }
    }

    /// Whether the type is a list, set or map: all elements share one type.
    public var isCollection: Bool {
        switch self {
        case .list, .set, .map: return true
        case .any, .bool, .number, .string, .tuple, .object: return false
        }
    }

    /// The element type of a list, set or map.
    public var elementType: ValueType? {
        switch self {
        case .list(let e), .set(let e), .map(let e): return e
        case .any, .bool, .number, .string, .tuple, .object: return nil
        }
    }

    /// Whether the type still contains `any` somewhere (not fully decided).
    public var hasDynamic: Bool {
        switch self {
        case .any: return true
        case .bool, .number, .string: return false
        case .list(let e), .set(let e), .map(let e): return e.hasDynamic
        case .tuple(let es): return es.contains { $0.hasDynamic }
        case .object(let attrs, _): return attrs.values.contains { $0.hasDynamic }
        }
    }

    /// The name Terraform uses in messages and in `type()`: `list(string)`, `object({...})`.
    public var friendlyName: String {
        switch self {
        case .any: return "dynamic"
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "string"
        case .list(let e): return "list of \(e.friendlyName)"
        case .set(let e): return "set of \(e.friendlyName)"
        case .map(let e): return "map of \(e.friendlyName)"
        case .tuple: return "tuple"
        case .object: return "object"
        }
    }

    /// The type as Terraform writes it in a type constraint: `map(list(string))`.
    public var constraintSyntax: String {
        switch self {
        case .any: return "any"
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "string"
        case .list(let e): return "list(\(e.constraintSyntax))"
        case .set(let e): return "set(\(e.constraintSyntax))"
        case .map(let e): return "map(\(e.constraintSyntax))"
        case .tuple(let es): return "tuple([\(es.map(\.constraintSyntax).joined(separator: ", "))])"
        case .object(let attrs, let optional):
            let items = attrs.keys.sorted().map { name -> String in
                let t = attrs[name]!.constraintSyntax
                return optional.contains(name) ? "\(name)=optional(\(t))" : "\(name)=\(t)"
            }
            return "object({\(items.joined(separator: ", "))})"
        }
    }
}
