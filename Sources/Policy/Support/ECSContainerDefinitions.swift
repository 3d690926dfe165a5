import HCL
import Terraform

/// The container definitions of an `aws_ecs_task_definition`, read as far as they are known.
///
/// `container_definitions` is a JSON string, most often written as `jsonencode([...])`. One
/// reference inside it (an ECR repository URL, a log group name) makes the whole string
/// unknown until apply, yet keys such as `privileged = true` are written out in the
/// configuration: the expression as written is read then, with only the computed parts
/// unknown.
enum ECSContainerDefinitions {
    static func read(_ task: ResourceInstance) -> PartialJSON {
        if let text = task.string("container_definitions") { return PartialJSON.parse(text) ?? .unknown }
        guard let expression = task.writtenExpression("container_definitions") else { return .unknown }
        switch expression {
        case .functionCall(let call) where call.name == "jsonencode" && call.arguments.count == 1:
            return PartialJSON.fromExpression(call.arguments[0])
        case .template(let parts, _):
            return PartialJSON.fromJSONTemplate(parts) ?? .unknown
        default:
            return .unknown
        }
    }

    /// The first container whose definition makes `test` answer yes (its name, or its index
    /// when it has none), or `.maybe` when a part only apply knows could.
    static func firstContainer(of task: ResourceInstance, where test: (PartialJSON) -> Tri) -> (Tri, container: String) {
        guard case .array(let containers) = read(task) else { return (.maybe, "") }
        var answer = Tri.no
        for (i, container) in containers.enumerated() {
            switch test(container) {
            case .yes:
                if case .string(let name)? = container["name"] { return (.yes, "\"\(name)\"") }
                return (.yes, "#\(i + 1)")
            case .maybe: answer = .maybe
            case .no: break
            }
        }
        return (answer, "")
    }

    /// Whether a container definition sets the boolean `key` to true.
    static func flag(_ key: String) -> (PartialJSON) -> Tri {
        { container in
            if container.isUnknown { return .maybe }
            guard case .object = container else { return .no }
            switch container[key] {
            case .bool(let b)?: return Tri(b)
            case .string(let s)?: return Tri(s.lowercased() == "true")
            case .unknown?: return .maybe
            case .null?, .number?, .array?, .object?, nil: return .no
            }
        }
    }
}
