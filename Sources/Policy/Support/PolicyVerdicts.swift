import Terraform

/// Turns a question about policy statements into a verdict on the resource that holds them.
///
/// A statement that certainly matches fails the resource, pointing at the attribute that
/// holds the document (or, for a data source, at the statement block). Statements that
/// only apply can judge make the verdict unknown, naming the attribute; they never hide a
/// statement that is known to match.
enum PolicyVerdicts {
    /// A question about one statement: `.yes` when the statement is at fault.
    typealias Question = (IAMStatement) -> Tri

    /// The attributes of a resource type that hold identity policies (policies attached
    /// to a user, group or role; no `Principal`).
    static func identityPolicyPaths(_ instance: ResourceInstance) -> [String] {
        guard instance.mode == .managed else { return [] }
        switch instance.type {
        case "aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy":
            return ["policy"]
        case "aws_ssoadmin_permission_set_inline_policy":
            return ["inline_policy"]
        case "aws_iam_role":
            return instance.blocks("inline_policy").indices.map { "inline_policy[\($0)].policy" }
        default:
            return []
        }
    }

    /// The resource types whose identity policies the IAM checks judge.
    static let identityPolicyTypes = [
        "aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_role",
        "aws_ssoadmin_permission_set_inline_policy", "aws_iam_policy_document",
    ]

    /// What a question about a whole document concluded.
    enum DocumentAnswer {
        case clean
        /// Only apply can tell; the reason.
        case maybe(String)
        /// At fault: the data source statement path (nil: the attribute), and why.
        case fault(path: String?, message: String)
    }

    /// Judges the identity policies of `instance`, statement by statement. A data source
    /// `aws_iam_policy_document` is judged itself (its statements without a principal);
    /// a resource whose policy is such a data source's `json` is left to it, so one
    /// mistake gives one finding.
    static func identity(
        _ instance: ResourceInstance, _ context: CheckContext, _ question: Question, _ describe: (IAMStatement) -> String
    ) -> Verdict {
        identity(instance, context) { policy in
            var reason: String?
            for s in policy.statements {
                switch question(s) {
                case .yes: return .fault(path: s.path, message: "\(describe(s)) (\(s.label))")
                case .maybe: reason = reason ?? "\(s.label) depends on values known only after apply"
                case .no: break
                }
            }
            if policy.hasUnknownStatements { reason = reason ?? "some statements of the document are known only after apply" }
            return reason.map { .maybe($0) } ?? .clean
        }
    }

    /// Judges the identity policies of `instance` as whole documents (for questions that
    /// combine statements, such as privilege escalation paths).
    static func identity(_ instance: ResourceInstance, _ context: CheckContext, _ question: (IAMPolicy) -> DocumentAnswer) -> Verdict {
        var documents: [(IAMPolicy, String)] = []
        var maybe: [(path: String, reason: String)] = []
        var fromDataSource = false
        if instance.type == "aws_iam_policy_document" {
            guard instance.mode == .data else { return .notApplicable }
            var policy = IAMPolicy(dataSource: instance, context: context)
            policy.statements.removeAll(where: \.namesPrincipal)
            documents.append((policy, ""))
        } else {
            let paths = identityPolicyPaths(instance)
            guard !paths.isEmpty else { return .notApplicable }
            for path in paths {
                switch instance.policyDocument(at: path, context: context) {
                case .none, .invalid: break
                case .known(let p): documents.append((p, path))
                case .list(let ps): documents += ps.map { ($0, path) }
                case .dataSources: fromDataSource = true
                case .unreadable(let reason): maybe.append((path, reason))
                }
            }
        }
        for (policy, path) in documents {
            switch question(policy) {
            case .clean: break
            case .maybe(let reason): maybe.append((path, reason))
            case .fault(let statementPath, let message):
                return .failed(path: statementPath ?? path, message: "\(instance.address): \(message).")
            }
        }
        if !maybe.isEmpty { return unknown(maybe) }
        if documents.isEmpty && fromDataSource { return .notApplicable }
        return .passed
    }

    static func unknown(_ maybe: [(path: String, reason: String)]) -> Verdict {
        var paths: [String] = []
        for m in maybe where !paths.contains(m.path) { paths.append(m.path) }
        return .unknown(paths: paths, message: "Cannot tell before apply: \(maybe[0].reason).")
    }

    /// Judges documents (with the attribute each is in). Nil when nothing was judged.
    static func judge(
        _ policies: [(IAMPolicy, String)], unreadable: [(path: String, reason: String)], in instance: ResourceInstance,
        _ question: Question, _ describe: (IAMStatement) -> String
    ) -> Verdict? {
        var maybe: [(path: String, reason: String)] = unreadable
        for (policy, path) in policies {
            for s in policy.statements {
                switch question(s) {
                case .yes:
                    return .failed(path: s.path ?? path, message: "\(instance.address): \(describe(s)) (\(s.label)).")
                case .maybe:
                    maybe.append((s.path ?? path, "\(s.label) depends on values known only after apply"))
                case .no:
                    break
                }
            }
            if policy.hasUnknownStatements {
                maybe.append((path, "some statements of the document are known only after apply"))
            }
        }
        if let first = maybe.first {
            var paths: [String] = []
            for m in maybe where !paths.contains(m.path) { paths.append(m.path) }
            return .unknown(paths: paths, message: "Cannot tell before apply: \(first.reason).")
        }
        return policies.isEmpty ? nil : .passed
    }

    /// The policies of a resource-based or trust policy attribute, data sources read in
    /// place: these are judged where they are used, since their meaning depends on it.
    static func documents(
        _ instance: ResourceInstance, at path: String, _ context: CheckContext
    ) -> (policies: [(IAMPolicy, String)], unreadable: [(path: String, reason: String)]) {
        switch instance.policyDocument(at: path, context: context) {
        case .none, .invalid: return ([], [])
        case .known(let p): return ([(p, path)], [])
        case .list(let ps): return (ps.map { ($0, path) }, [])
        case .dataSources(let docs):
            // The statement paths of a data source do not exist on this instance: point at the attribute.
            return (docs.map { doc in
                var p = IAMPolicy(dataSource: doc, context: context)
                for i in p.statements.indices { p.statements[i].path = nil }
                return (p, path)
            }, [])
        case .unreadable(let reason): return ([], [(path, reason)])
        }
    }
}
