import HCL

/// Turns a JSON value from a plan or state into a `Value`, applying the two trees Terraform
/// writes beside it: which parts are unknown (`after_unknown`) and which are sensitive
/// (`after_sensitive`, `before_sensitive`, `sensitive_values`).
///
/// Types: Terraform's JSON drops the cty type, so values follow `jsondecode` (and
/// `Value(json:)`): objects become objects, arrays become tuples, numbers keep every digit.
/// A map and an object, or a list, a set and a tuple, cannot be told apart without the
/// provider's schema; checks must accept either.
///
/// The trees mirror the value (Terraform's `unknownAsBool` / `SensitiveAsBool` in
/// `jsonplan`): `true` marks the whole subtree, `false` or an omitted member marks nothing,
/// objects and arrays descend. Unknown parts are omitted from objects and written as `null`
/// in arrays, so an unknown leaf may name a member the value does not have; it is added.
/// Where a tree does not mirror the value — which Terraform never writes — the reading is
/// the conservative one: an unknown tree makes the part unknown and a sensitive tree makes
/// it sensitive, if the tree marks anything inside it.
enum MarkedValueDecoder {
    /// Decodes `value` (nil when absent) with its trees; errors name `value`'s path.
    static func decode(
        _ value: JSONNode?, unknown: JSONNode? = nil, sensitive: JSONNode? = nil, at node: JSONNode
    ) throws(TerraformDocumentError) -> Value {
        do throws(Failure) {
            return try decode(value?.value, unknown: unknown?.value, sensitive: sensitive?.value)
        } catch {
            let tree: JSONNode?
            switch error.source {
            case .value: tree = value
            case .unknown: tree = unknown
            case .sensitive: tree = sensitive
            }
            let base = tree ?? node
            let path = base.path + error.components.reversed().joined()
            throw base.error(
                "Unexpected \(base.context.document) structure",
                "`\(path.isEmpty ? "(document)" : path)` \(error.message).")
        }
    }

    /// A failure deep in a value; the path is collected while unwinding, so decoding pays
    /// nothing for paths when the document is well-formed.
    struct Failure: Error {
        enum Source { case value, unknown, sensitive }
        var source: Source
        var message: String
        /// Path steps from the failure outwards.
        var components: [String] = []
    }

    private enum Tree {
        case none
        case all
        case object([String: JSONValue])
        case array([JSONValue])

        var isContainer: Bool {
            switch self {
            case .none, .all: return false
            case .object, .array: return true
            }
        }
    }

    private static func classify(_ t: JSONValue?, _ source: Failure.Source) throws(Failure) -> Tree {
        guard let t else { return .none }
        switch t {
        case .null, .bool(false): return .none
        case .bool(true): return .all
        case .object(let members):
            if members.isEmpty { return .none }
            var dict: [String: JSONValue] = [:]
            dict.reserveCapacity(members.count)
            for (k, v) in members { dict[k] = v }
            return .object(dict)
        case .array(let es): return es.isEmpty ? .none : .array(es)
        case .number, .string:
            throw Failure(source: source, message: "is \(t.kindDescription); Terraform writes true, false, an object or an array in this tree")
        }
    }

    /// Whether a tree marks anything at all.
    private static func marksAnything(_ t: JSONValue) -> Bool {
        switch t {
        case .bool(let b): return b
        case .object(let members): return members.contains { marksAnything($0.1) }
        case .array(let es): return es.contains(where: marksAnything)
        case .null, .number, .string: return false
        }
    }

    private static func marksAnything(_ t: Tree) -> Bool {
        switch t {
        case .none: return false
        case .all: return true
        case .object(let d): return d.values.contains(where: marksAnything)
        case .array(let es): return es.contains(where: marksAnything)
        }
    }

    private static func step(_ key: String) -> String {
        var out = "["
        Value.appendJSONString(key, to: &out)
        return out + "]"
    }

    static func decode(_ json: JSONValue?, unknown: JSONValue?, sensitive: JSONValue?) throws(Failure) -> Value {
        let u = try classify(unknown, .unknown)
        let s = try classify(sensitive, .sensitive)
        var v: Value
        // Whether `s` was handed down to the children (the shapes matched).
        var sensitiveDescended = false

        if case .all = u {
            v = .dynamicUnknown
        } else {
            switch json {
            case nil, .null?:
                if u.isContainer, marksAnything(u) {
                    (v, sensitiveDescended) = try build(json: nil, unknown: u, sensitive: s)
                } else {
                    v = .dynamicNull
                }
            case .bool(let b)?:
                v = u.isContainer && marksAnything(u) ? .dynamicUnknown : .bool(b)
            case .string(let text)?:
                v = u.isContainer && marksAnything(u) ? .dynamicUnknown : .string(text)
            case .number(let text)?:
                if u.isContainer, marksAnything(u) {
                    v = .dynamicUnknown
                } else {
                    guard let n = Number(parsing: text) else {
                        throw Failure(source: .value, message: "is the number \(text.prefix(40)), which cannot be represented exactly")
                    }
                    v = .number(n)
                }
            case .array?, .object?:
                if case .object = u, case .array? = json, marksAnything(u) {
                    v = .dynamicUnknown
                } else if case .array = u, case .object? = json, marksAnything(u) {
                    v = .dynamicUnknown
                } else {
                    (v, sensitiveDescended) = try build(json: json, unknown: u, sensitive: s)
                }
            }
        }

        switch s {
        case .none: break
        case .all: v = v.marked(true)
        case .object, .array:
            if !sensitiveDescended, marksAnything(s) { v = v.marked(true) }
        }
        return v
    }

    /// An object or tuple from the JSON value and the trees; `json` nil builds it from the
    /// unknown tree alone. Returns whether the sensitive tree matched and was handed down.
    private static func build(json: JSONValue?, unknown u: Tree, sensitive s: Tree) throws(Failure) -> (Value, Bool) {
        let isObject: Bool
        switch json {
        case .object?: isObject = true
        case .array?: isObject = false
        case nil, .null?, .bool?, .number?, .string?:
            if case .object = u { isObject = true } else { isObject = false }
        }

        if isObject {
            var unknownMembers: [String: JSONValue] = [:]
            if case .object(let d) = u { unknownMembers = d }
            var sensitiveMembers: [String: JSONValue] = [:]
            var descended = false
            if case .object(let d) = s { sensitiveMembers = d; descended = true }

            var attrs: [String: Value] = [:]
            if case .object(let members)? = json {
                attrs.reserveCapacity(members.count)
                for (k, m) in members {
                    do throws(Failure) {
                        attrs[k] = try decode(m, unknown: unknownMembers[k], sensitive: sensitiveMembers[k])
                    } catch {
                        var e = error
                        e.components.append(step(k))
                        throw e
                    }
                }
            }
            // Unknown members are omitted from the value; the tree still names them.
            for k in unknownMembers.keys.sorted() where attrs[k] == nil {
                let t = unknownMembers[k]!
                do throws(Failure) {
                    _ = try classify(t, .unknown)
                    // A member the tree does not mark stays absent, as in the value.
                    guard marksAnything(t) else { continue }
                    attrs[k] = try decode(nil, unknown: t, sensitive: sensitiveMembers[k])
                } catch {
                    var e = error
                    e.components.append(step(k))
                    throw e
                }
            }
            return (.object(attrs), descended)
        }

        var unknownElements: [JSONValue] = []
        if case .array(let es) = u { unknownElements = es }
        var sensitiveElements: [JSONValue] = []
        var descended = false
        if case .array(let es) = s { sensitiveElements = es; descended = true }
        var elements: [JSONValue?] = []
        if case .array(let es)? = json { elements = es }
        // Unknown elements are written as null, so the tree is never longer than the
        // array; if it is, the extra elements it marks are unknown.
        var count = elements.count
        if unknownElements.count > count, unknownElements[count...].contains(where: marksAnything) {
            count = unknownElements.count
        }
        var out: [Value] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            do throws(Failure) {
                out.append(try decode(
                    i < elements.count ? elements[i] : nil,
                    unknown: i < unknownElements.count ? unknownElements[i] : nil,
                    sensitive: i < sensitiveElements.count ? sensitiveElements[i] : nil))
            } catch {
                var e = error
                e.components.append("[\(i)]")
                throw e
            }
        }
        return (.tuple(out), descended)
    }
}
