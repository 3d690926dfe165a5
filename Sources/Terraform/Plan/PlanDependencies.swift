import HCL

/// The references between resources, read from a plan's `configuration` section.
///
/// A plan has no syntax tree, but its `configuration` lists, for every argument, the
/// references Terraform found in it (`"references": ["aws_s3_bucket.b.id", "aws_s3_bucket.b"]`).
/// That is what connection-aware checks need, so plan instances get `dependencies` too.
/// Local values are not in that section, so a reference made only through a local is not
/// seen; references through module variables and outputs are followed.
enum PlanDependencies {
    static func attach(_ instances: [ResourceInstance], configuration: JSONValue?) -> [ResourceInstance] {
        guard let root = configuration?["root_module"] else { return instances }
        return instances.map { instance in
            var copy = instance
            let names = instance.module.map(\.name)
            guard let (module, parents) = locate(names, from: root),
                let resource = module["resources"]?.arrayValue?.first(where: {
                    $0["address"]?.stringValue == "\(instance.mode == .data ? "data." : "")\(instance.type).\(instance.name)"
                })
            else { return copy }
            var found = Set<String>()
            // What count/for_each refers to counts too: `for_each = aws_s3_bucket.b` with
            // `bucket = each.value.id` configures each bucket.
            for part in ["expressions", "for_each_expression", "count_expression"] {
                collect(resource[part], modulePath: instance.module, module: module, parents: parents, into: &found)
            }
            copy.dependencies = found.sorted()
            return copy
        }
    }

    /// The configuration module at a path of call names, and the chain of its callers.
    private static func locate(_ names: [String], from root: JSONValue) -> (JSONValue, [(call: JSONValue, module: JSONValue)])? {
        var module = root
        var parents: [(call: JSONValue, module: JSONValue)] = []
        for name in names {
            guard let call = module["module_calls"]?[name], let child = call["module"] else { return nil }
            parents.append((call, module))
            module = child
        }
        return (module, parents)
    }

    /// Every reference inside an `expressions` tree (nested blocks are arrays of trees).
    private static func references(in node: JSONValue?) -> [String] {
        guard let node else { return [] }
        switch node {
        case .array(let items): return items.flatMap { references(in: $0) }
        case .object(let members):
            var out: [String] = []
            for (k, v) in members {
                if k == "references", let refs = v.arrayValue { out += refs.compactMap(\.stringValue) }
                else if k != "constant_value" { out += references(in: v) }
            }
            return out
        default: return []
        }
    }

    private static func collect(
        _ expressions: JSONValue?, modulePath: [ModuleStep], module: JSONValue,
        parents: [(call: JSONValue, module: JSONValue)], into found: inout Set<String>, depth: Int = 0
    ) {
        guard depth < 32 else { return }
        for reference in references(in: expressions) {
            let parts = reference.split(separator: ".").map(String.init)
            guard let first = parts.first else { continue }
            switch first {
            case "var":
                // Follow the variable to the argument the calling module passed for it.
                guard parts.count >= 2, let caller = parents.last else { continue }
                let argument = caller.call["expressions"]?[parts[1]]
                collect(argument, modulePath: Array(modulePath.dropLast()), module: caller.module,
                        parents: Array(parents.dropLast()), into: &found, depth: depth + 1)
            case "module":
                // An output of a child module: what that output refers to, inside the child.
                guard parts.count >= 3, let call = module["module_calls"]?[parts[1]], let child = call["module"] else { continue }
                let output = child["outputs"]?[parts[2]]?["expression"]
                collect(output, modulePath: modulePath + [ModuleStep(name: parts[1])], module: child,
                        parents: parents + [(call, module)], into: &found, depth: depth + 1)
            case "local", "each", "count", "path", "terraform", "self":
                continue
            case "data":
                guard parts.count >= 3 else { continue }
                found.insert(Address.instance(module: modulePath, mode: .data, type: parts[1], name: parts[2], key: nil))
            default:
                guard parts.count >= 2 else { continue }
                found.insert(Address.instance(module: modulePath, mode: .managed, type: first, name: parts[1], key: nil))
            }
        }
    }
}
