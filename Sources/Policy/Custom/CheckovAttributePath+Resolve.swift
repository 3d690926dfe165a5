import HCL
import Terraform

/// What a Checkov attribute path finds in one resource instance.
struct AttributeMatch: Sendable {
    enum Found: Sendable {
        /// A wholly known value (`.null` when the attribute is absent or null).
        case known(PolicyValue)
        /// A known, non-null value with unknown parts: it exists, but its contents wait for apply.
        case partlyKnown
        /// Only apply can tell.
        case unknown
    }

    /// Where, in Airlock's path syntax (`ingress[1].cidr_blocks`).
    var path: String
    var found: Found
}

extension CheckovAttributePath {
    /// The values the path reaches in `instance`, read as Checkov reads its flattened
    /// resource attributes:
    /// - a nested block that occurs once is the block itself (`versioning.enabled`), one
    ///   that occurs several times needs an index or `*` (`ingress.*.from_port`), and a
    ///   block that is not written is absent;
    /// - `*` takes every element of a list and is skipped where there is no list;
    /// - a path that reaches nothing is one absent match, as Checkov's `None`.
    func resolve(in instance: ResourceInstance) -> [AttributeMatch] {
        let schema = ProviderSchemas.bundled.schema(mode: instance.mode, type: instance.type)
        var matches: [AttributeMatch] = []
        walk(instance.values, schema: schema, isBlock: false, steps[...], path: [], into: &matches)
        if matches.isEmpty { matches.append(AttributeMatch(path: Self.render(namesOnly(), []), found: .known(.null))) }
        return matches
    }

    /// The path's names, for the absent match of a path that reached nothing.
    private func namesOnly() -> [Step] { steps.filter { $0 != .wildcard } }

    private func walk(
        _ value: Value, schema: ResourceSchema?, isBlock: Bool, _ rest: ArraySlice<Step>, path: [Step],
        into matches: inout [AttributeMatch]
    ) {
        if !value.isKnown {
            matches.append(AttributeMatch(path: Self.render(path + rest.filter { $0 != .wildcard }, []), found: .unknown))
            return
        }
        // A block list: written once, it stands for the block itself; not written, it is
        // absent. Lists of objects that the schema declares as attributes ("attributes as
        // blocks", such as a security group's `ingress`) read the same way, as in Checkov.
        if let elements = value.elements {
            if isBlock, elements.isEmpty {
                matches.append(AttributeMatch(path: Self.render(path, []), found: .known(.null)))
                return
            }
            let objects = isBlock || elements.allSatisfy { $0.attributes != nil || !$0.isKnown }
            let nextIsName = rest.first.map { if case .name = $0 { return true } else { return false } } ?? true
            if objects, elements.count == 1, nextIsName {
                walk(elements[0], schema: schema, isBlock: false, rest, path: path + [.index(0)], into: &matches)
                return
            }
        }
        guard let step = rest.first else {
            matches.append(AttributeMatch(path: Self.render(path, []), found: Self.found(value)))
            return
        }
        let next = rest.dropFirst()
        switch step {
        case .name(let name):
            guard let attributes = value.attributes, let child = attributes[name] else {
                matches.append(AttributeMatch(path: Self.render(path + [step], []), found: .known(.null)))
                return
            }
            let block = schema?.blocks[name]
            let childIsBlockList: Bool
            switch block?.nesting {
            case .list?, .set?: childIsBlockList = true
            case .single?, .group?, .map?, nil: childIsBlockList = false
            }
            walk(child, schema: block?.schema, isBlock: childIsBlockList, next, path: path + [step], into: &matches)
        case .index(let i):
            guard let elements = value.elements, i < elements.count else {
                matches.append(AttributeMatch(path: Self.render(path + [step], []), found: .known(.null)))
                return
            }
            walk(elements[i], schema: schema, isBlock: false, next, path: path + [.index(i)], into: &matches)
        case .wildcard:
            guard let elements = value.elements else {
                walk(value, schema: schema, isBlock: false, next, path: path, into: &matches)
                return
            }
            for (i, e) in elements.enumerated() {
                walk(e, schema: schema, isBlock: false, next, path: path + [.index(i)], into: &matches)
            }
        }
    }

    private static func found(_ value: Value) -> AttributeMatch.Found {
        if let v = PolicyValue(value) { return .known(v) }
        return value.isNull ? .known(.null) : .partlyKnown
    }

    /// `a.b[0].c` from steps.
    static func render(_ steps: [Step], _ suffix: [Step]) -> String {
        var out = ""
        for step in steps + suffix {
            switch step {
            case .name(let n): out += out.isEmpty ? n : ".\(n)"
            case .index(let i): out += "[\(i)]"
            case .wildcard: out += "[*]"
            }
        }
        return out
    }
}
