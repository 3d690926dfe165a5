import HCL

extension ResourceInstance {
    /// The instance as `airlock eval --format json` prints it: known values only (unknown
    /// attributes are left out of `values` and listed by path in `unknown`), sensitive
    /// attributes listed by path, and where the instance came from.
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [
            ("address", .string(address)),
            ("mode", .string(mode.rawValue)),
            ("type", .string(type)),
            ("name", .string(name)),
        ]
        if let key {
            switch key {
            case .int(let i): members.append(("index", .number(String(i))))
            case .string(let s): members.append(("index", .string(s)))
            }
        }
        if !module.isEmpty { members.append(("module", .string(Address.module(module)))) }
        if let provider { members.append(("provider", .string(provider))) }
        members.append(("values", Self.knownJSON(values) ?? .object([])))
        members.append(("unknown", .array(unknownPaths.map { .string($0) })))
        members.append(("sensitive", .array(ValuePath.sensitivePaths(in: values).map { .string($0) })))
        members.append(("source", origin.jsonValue))
        return .object(members)
    }

    /// Known parts of a value: unknown object attributes are omitted, unknown elements are null.
    static func knownJSON(_ v: Value) -> JSONValue? {
        switch v.storage {
        case .unknown: return nil
        case .null, .bool, .number, .string: return v.jsonValue
        case .list(let es, _), .set(let es, _), .tuple(let es): return .array(es.map { knownJSON($0) ?? .null })
        case .map(let es, _), .object(let es):
            return .object(es.keys.sorted().compactMap { k in knownJSON(es[k]!).map { (k, $0) } })
        }
    }
}

extension Origin {
    public var jsonValue: JSONValue {
        switch self {
        case .configuration(let file, let range):
            return .object([("kind", .string("configuration")), ("file", .string(file)), ("range", range.jsonValue)])
        case .plan(let path):
            return .object([("kind", .string("plan")), ("file", .string(path))])
        case .state(let path):
            return .object([("kind", .string("state")), ("file", .string(path))])
        case .cloud(let call):
            return .object([("kind", .string("cloud")), ("call", .string(call))])
        }
    }
}

extension SourceRange {
    /// `{"start": {"line", "column", "byte"}, "end": {...}}`, as `airlock parse` prints ranges.
    public var jsonValue: JSONValue {
        func pos(_ p: SourcePos) -> JSONValue {
            .object([("line", .number(String(p.line))), ("column", .number(String(p.column))), ("byte", .number(String(p.byte)))])
        }
        return .object([("start", pos(start)), ("end", pos(end))])
    }
}
