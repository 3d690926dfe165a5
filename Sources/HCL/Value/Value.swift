import Foundation

/// A Terraform value: known, null or unknown, possibly marked sensitive.
///
/// The model follows go-cty. A value is *unknown* when only apply can tell it (a computed
/// `id`, `timestamp()`), and an unknown still has a type where one is known. Sensitivity is
/// a mark that travels with the value through every operation and function call.
/// Maps and objects iterate in sorted key order; sets keep their elements sorted and
/// unique, so output is deterministic.
public struct Value: Sendable, Hashable {
    public indirect enum Storage: Sendable, Hashable {
        case null(ValueType)
        case unknown(ValueType)
        case bool(Bool)
        case number(Number)
        case string(String)
        case list([Value], element: ValueType)
        case set([Value], element: ValueType)
        case map([String: Value], element: ValueType)
        case tuple([Value])
        case object([String: Value])
    }

    public var storage: Storage
    /// Whether this value itself carries the sensitive mark (elements may carry their own).
    public var isSensitive: Bool

    public init(_ storage: Storage, sensitive: Bool = false) {
        self.storage = storage
        self.isSensitive = sensitive
    }

    // MARK: Constructors

    public static let `true` = Value(.bool(true))
    public static let `false` = Value(.bool(false))
    public static let dynamicNull = Value(.null(.any))
    public static let dynamicUnknown = Value(.unknown(.any))
    public static let emptyObject = Value(.object([:]))
    public static let emptyTuple = Value(.tuple([]))

    public static func bool(_ b: Bool) -> Value { Value(.bool(b)) }
    public static func number(_ n: Number) -> Value { Value(.number(n)) }
    public static func number(_ n: Int) -> Value { Value(.number(Number(n))) }
    /// A string, in Unicode normal form C as go-cty keeps every string (`"e\u{301}"` is `"é"`).
    public static func string(_ s: String) -> Value {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return Value(.string(s)) }
        return Value(.string(s.precomposedStringWithCanonicalMapping))
    }
    public static func null(_ type: ValueType) -> Value { Value(.null(type)) }
    public static func unknown(_ type: ValueType) -> Value { Value(.unknown(type)) }
    public static func tuple(_ elements: [Value]) -> Value { Value(.tuple(elements)) }
    public static func object(_ attributes: [String: Value]) -> Value { Value(.object(attributes)) }

    /// A list; the element type is taken from the elements when not given.
    public static func list(_ elements: [Value], element: ValueType? = nil) -> Value {
        Value(.list(elements, element: element ?? elements.first?.type ?? .any))
    }

    public static func map(_ elements: [String: Value], element: ValueType? = nil) -> Value {
        Value(.map(elements, element: element ?? elements.values.first?.type ?? .any))
    }

    /// A set: elements are de-duplicated and put in Terraform's order.
    public static func set(_ elements: [Value], element: ValueType? = nil) -> Value {
        Value(.set(SetOrder.normalize(elements), element: element ?? elements.first?.type ?? .any))
    }

    // MARK: Properties

    /// The value's type; for an unknown or null value, the type it was given.
    public var type: ValueType {
        switch storage {
        case .null(let t), .unknown(let t): return t
        case .bool: return .bool
        case .number: return .number
        case .string: return .string
        case .list(_, let e): return .list(e)
        case .set(_, let e): return .set(e)
        case .map(_, let e): return .map(e)
        case .tuple(let es): return .tuple(es.map(\.type))
        case .object(let attrs): return .object(attrs.mapValues(\.type))
        }
    }

    public var isNull: Bool {
        if case .null = storage { return true }
        return false
    }

    /// Whether the value itself is known (its elements may still be unknown).
    public var isKnown: Bool {
        if case .unknown = storage { return false }
        return true
    }

    /// Whether the value and everything inside it is known.
    public var isWhollyKnown: Bool {
        switch storage {
        case .unknown: return false
        case .null, .bool, .number, .string: return true
        case .list(let es, _), .set(let es, _), .tuple(let es): return es.allSatisfy(\.isWhollyKnown)
        case .map(let es, _), .object(let es): return es.values.allSatisfy(\.isWhollyKnown)
        }
    }

    /// Whether the value or anything inside it is marked sensitive.
    public var containsSensitive: Bool {
        if isSensitive { return true }
        switch storage {
        case .null, .unknown, .bool, .number, .string: return false
        case .list(let es, _), .set(let es, _), .tuple(let es): return es.contains { $0.containsSensitive }
        case .map(let es, _), .object(let es): return es.values.contains { $0.containsSensitive }
        }
    }

    /// The same value with the sensitive mark added when `sensitive` is true.
    public func marked(_ sensitive: Bool) -> Value {
        guard sensitive, !isSensitive else { return self }
        var copy = self
        copy.isSensitive = true
        return copy
    }

    /// The value with every sensitive mark removed, deeply.
    public var unmarkedDeep: Value {
        var copy = self
        copy.isSensitive = false
        switch storage {
        case .null, .unknown, .bool, .number, .string: break
        case .list(let es, let t): copy.storage = .list(es.map(\.unmarkedDeep), element: t)
        case .set(let es, let t): copy.storage = .set(es.map(\.unmarkedDeep), element: t)
        case .tuple(let es): copy.storage = .tuple(es.map(\.unmarkedDeep))
        case .map(let es, let t): copy.storage = .map(es.mapValues(\.unmarkedDeep), element: t)
        case .object(let es): copy.storage = .object(es.mapValues(\.unmarkedDeep))
        }
        return copy
    }

    // MARK: Accessors for known values

    public var boolValue: Bool? {
        if case .bool(let b) = storage { return b }
        return nil
    }

    public var numberValue: Number? {
        if case .number(let n) = storage { return n }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = storage { return s }
        return nil
    }

    /// The elements of a list, set or tuple, in order.
    public var elements: [Value]? {
        switch storage {
        case .list(let es, _), .set(let es, _), .tuple(let es): return es
        case .null, .unknown, .bool, .number, .string, .map, .object: return nil
        }
    }

    /// The attributes of an object or the elements of a map.
    public var attributes: [String: Value]? {
        switch storage {
        case .map(let es, _), .object(let es): return es
        case .null, .unknown, .bool, .number, .string, .list, .set, .tuple: return nil
        }
    }

    /// Keys of a map or object in Terraform's (sorted) order.
    public var sortedKeys: [String]? { attributes.map { $0.keys.sorted() } }

    /// The number of elements of a known collection or structure.
    public var count: Int? {
        switch storage {
        case .list(let es, _), .set(let es, _), .tuple(let es): return es.count
        case .map(let es, _), .object(let es): return es.count
        case .null, .unknown, .bool, .number, .string: return nil
        }
    }
}
