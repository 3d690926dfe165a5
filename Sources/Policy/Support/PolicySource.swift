import HCL
import Terraform

/// Where the policy document in an attribute (`policy`, `assume_role_policy`,
/// `inline_policy[0].policy`) comes from, and what can be read of it before apply.
enum PolicySource: Sendable {
    /// The attribute is null, empty or not written.
    case none
    /// Read from the value, or from the configuration where the value is unknown.
    case known(IAMPolicy)
    /// `data.aws_iam_policy_document.x.json`: the data sources' statement blocks tell.
    case dataSources([ResourceInstance])
    /// Several documents (a list attribute such as `source_policy_documents`).
    case list([IAMPolicy])
    /// A known value that is not a JSON policy: AWS would reject it at apply.
    case invalid
    /// Nothing can be read before apply; the reason, for the message.
    case unreadable(String)
}

extension ResourceInstance {
    /// The policy document at `path`: from the value when known, else from how the
    /// configuration writes it (`jsonencode({...})`, a heredoc, a data source's `json`).
    func policyDocument(at path: String, context: CheckContext, depth: Int = 0) -> PolicySource {
        guard let v = value(path), !v.isNull else { return .none }
        if let text = v.stringValue {
            if text.allSatisfy(\.isWhitespace) { return .none }
            guard let json = PartialJSON.parse(text) else { return .invalid }
            return .known(IAMPolicy(json: json))
        }
        if v.isWhollyKnown { return .invalid }
        guard depth < 4, let e = configuredExpression(at: path) else {
            return .unreadable("\(address).\(path) is known only after apply")
        }
        return source(of: e, path: path, context: context, depth: depth)
    }

    private func source(of e: Expression, path: String, context: CheckContext, depth: Int) -> PolicySource {
        switch e {
        case .parentheses(let inner, _), .templateWrap(let inner, _):
            return source(of: inner, path: path, context: context, depth: depth)
        case .functionCall(let call) where call.name == "jsonencode" && call.arguments.count == 1:
            return .known(IAMPolicy(json: PartialJSON.fromExpression(call.arguments[0], keepingPartialStrings: true)))
        case .template(let parts, _):
            guard let json = PartialJSON.fromJSONTemplate(parts, keepingPartialStrings: true) else {
                return .unreadable("the template in \(address).\(path) is not JSON before apply fills it in")
            }
            return .known(IAMPolicy(json: json))
        case .tuple(let elements, _, _):
            var policies: [IAMPolicy] = []
            for element in elements {
                switch source(of: element, path: path, context: context, depth: depth) {
                case .known(let p): policies.append(p)
                case .dataSources(let docs): policies += docs.map { IAMPolicy(dataSource: $0, context: context, depth: depth + 1) }
                case .list(let ps): policies += ps
                case .none, .invalid: break
                case .unreadable: policies.append(.unknown)
                }
            }
            return .list(policies)
        case .scopeTraversal(let steps, _):
            if let docs = policyDocuments(steps, key: nil, context: context) { return .dataSources(docs) }
        case .relativeTraversal(.index(let collection, let key, _, _), let steps, _):
            // data.aws_iam_policy_document.x[each.key].json
            if case .scopeTraversal(let head, _) = collection, steps.count == 1, case .attribute(let a, _) = steps[0],
                a == "json" || a == "minified_json",
                let docs = policyDocuments(head + [.attribute(a, .at(collection.range.end))], key: instanceKey(of: key), context: context)
            {
                return .dataSources(docs)
            }
        case .literal, .templateJoin, .relativeTraversal, .functionCall, .conditional, .binary, .unary, .object,
            .forExpression, .index, .splat, .anonSymbol, .invalid:
            break
        }
        return .unreadable("\(address).\(path) is known only after apply")
    }

    /// The `aws_iam_policy_document` instances a `data.aws_iam_policy_document.NAME[KEY].json`
    /// traversal names, found among this instance's references.
    private func policyDocuments(_ steps: [TraversalStep], key: InstanceKey??, context: CheckContext) -> [ResourceInstance]? {
        guard steps.count >= 4, case .root("data", _) = steps[0], case .attribute("aws_iam_policy_document", _) = steps[1],
            case .attribute(let name, _) = steps[2], case .attribute(let last, _) = steps[steps.count - 1],
            last == "json" || last == "minified_json"
        else { return nil }
        var wanted: InstanceKey?? = key
        if steps.count == 5, case .index(let lit, _) = steps[3] {
            switch lit {
            case .number(let n)?: wanted = Int(n).map { .int($0) }
            case .string(let s)?: wanted = .string(s)
            case .bool?, .null?, nil: wanted = .some(nil)
            }
        }
        let docs = context.graph.referenced(by: self, types: ["aws_iam_policy_document"])
            .filter { $0.mode == .data && $0.name == name && $0.module == module }
        guard !docs.isEmpty else { return nil }
        if case .some(.some(let k)) = wanted {
            let matching = docs.filter { $0.key == k }
            return matching.isEmpty ? docs : matching
        }
        return docs
    }

    /// The key an index expression stands for in this instance: `each.key` and
    /// `count.index` are this instance's own key. `.some(nil)` when it cannot be told.
    private func instanceKey(of e: Expression) -> InstanceKey?? {
        if case .scopeTraversal(let steps, _) = e, steps.count == 2 {
            if case .root("each", _) = steps[0], case .attribute("key", _) = steps[1] { return key }
            if case .root("count", _) = steps[0], case .attribute("index", _) = steps[1] { return key }
        }
        if case .literal(.string(let s), _) = e { return .string(s) }
        if case .template(let parts, _) = e, let s = PartialJSON.literalText(parts) { return .string(s) }
        return .some(nil)
    }
}
