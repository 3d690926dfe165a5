import Foundation
import HCL

/// One module instance during evaluation, and the resolver of its references.
///
/// Everything is evaluated on demand and remembered, in whatever order references need
/// it, as Terraform's graph walk would order it. A reference back to something still being
/// evaluated is a cycle, reported as Terraform reports it.
final class ModuleScope: ReferenceResolver {
    let session: EvaluationSession
    let config: ModuleConfig
    let path: [ModuleStep]
    /// Input variable values given by the caller (the parent module, or the root's sources).
    let inputs: [String: Value]
    /// `module.<call>` key for `.terraform/modules/modules.json` (`a.b` for nested calls).
    let manifestKey: String

    private var variables: [String: Value] = [:]
    private var locals: [String: Value] = [:]
    var resources: [String: ExpandedResource] = [:]
    private var moduleValues: [String: Value] = [:]
    var children: [String: [(key: InstanceKey?, scope: ModuleScope)]] = [:]
    private var inProgress: [String] = []

    /// Resource addresses referred to by whatever is being evaluated, innermost last.
    private var dependencyStack: [Set<String>] = []
    private var localDependencies: [String: Set<String>] = [:]
    private var moduleDependencies: [String: Set<String>] = [:]
    /// The resources each input variable's value came from, in the calling module.
    var inputDependencies: [String: Set<String>] = [:]

    init(session: EvaluationSession, config: ModuleConfig, path: [ModuleStep], inputs: [String: Value], manifestKey: String) {
        self.session = session
        self.config = config
        self.path = path
        self.inputs = inputs
        self.manifestKey = manifestKey
    }

    /// `path.module`: the module directory relative to the working directory.
    var modulePath: String {
        let root = (session.workingDirectory as NSString).standardizingPath
        let dir = (config.directory as NSString).standardizingPath
        if dir == root { return "." }
        if dir.hasPrefix(root + "/") { return String(dir.dropFirst(root.count + 1)) }
        return dir
    }

    // MARK: Dependencies

    /// Runs `work` and returns the resource addresses it referred to.
    func collectingDependencies<T>(_ work: () -> T) -> (T, Set<String>) {
        dependencyStack.append([])
        let value = work()
        let found = dependencyStack.removeLast()
        noteDependencies(found)
        return (value, found)
    }

    func noteDependencies(_ addresses: Set<String>) {
        guard !addresses.isEmpty, !dependencyStack.isEmpty else { return }
        dependencyStack[dependencyStack.count - 1].formUnion(addresses)
    }

    // MARK: Evaluation helpers

    /// Evaluates an expression of this module, with extra names (`each`, `count`) bound.
    func evaluate(_ expression: HCL.Expression, file: String, bound: [String: Value] = [:]) -> Value {
        var evaluator = Evaluator()
        let context = EvalContext(
            resolver: self, functions: session.functions, baseDirectory: session.workingDirectory, file: file, bound: bound)
        let value = evaluator.evaluate(expression, in: context)
        session.diagnostics.append(contentsOf: evaluator.diagnostics)
        return value
    }

    /// Runs `work` for `key` unless it is already running, which is a cycle.
    func guarded<T>(_ key: String, range: SourceRange?, file: String?, cycleValue: T, _ work: () -> T) -> T {
        if let start = inProgress.firstIndex(of: key) {
            let cycle = inProgress[start...] + [key]
            session.report(
                .referenceCycle, "Cycle: \(cycle.joined(separator: ", "))",
                "\(key) depends on itself through \(cycle.joined(separator: " → ")). Terraform cannot decide what to evaluate first; break the cycle by removing one of the references.",
                range, file: file)
            return cycleValue
        }
        inProgress.append(key)
        defer { inProgress.removeLast() }
        return work()
    }

    // MARK: ReferenceResolver

    func resolve(_ steps: [TraversalStep], range: SourceRange) -> Resolution {
        guard case .root(let root, let rootRange) = steps.first else {
            return .failure(Diagnostic(code: .invalidReference, summary: "Invalid reference", detail: "A reference must start with a name.", subject: range))
        }
        func name(at i: Int) -> (String, SourceRange)? {
            guard i < steps.count, case .attribute(let n, let r) = steps[i] else { return nil }
            return (n, r)
        }
        switch root {
        case "var":
            guard let (n, r) = name(at: 1) else { return invalidReference("A reference to an input variable must be followed by the variable name: var.name.", rootRange) }
            guard config.variables[n] != nil else {
                return .failure(Diagnostic(
                    code: .undeclaredVariable, summary: "Reference to undeclared input variable",
                    detail: "An input variable with the name \"\(n)\" has not been declared. This variable can be declared with a variable \"\(n)\" {} block.",
                    subject: .between(rootRange, r)))
            }
            return .value(variable(n), consumed: 2)
        case "local":
            guard let (n, r) = name(at: 1) else { return invalidReference("A reference to a local value must be followed by its name: local.name.", rootRange) }
            guard config.locals[n] != nil else {
                return .failure(Diagnostic(
                    code: .undeclaredLocal, summary: "Reference to undeclared local value",
                    detail: "A local value with the name \"\(n)\" has not been declared.", subject: .between(rootRange, r)))
            }
            return .value(local(n, range: .between(rootRange, r)), consumed: 2)
        case "path":
            return .value(.object([
                "module": .string(modulePath), "root": .string("."), "cwd": .string(session.workingDirectory),
            ]), consumed: 1)
        case "terraform":
            return .value(.object(["workspace": .string(session.options.workspace)]), consumed: 1)
        case "count", "each", "self":
            return .failure(Diagnostic(
                code: .invalidReference, summary: "Reference to \"\(root)\" in a context where it is not available",
                detail: root == "self"
                    ? "The \"self\" object is available only in provisioner and connection blocks."
                    : "The \"\(root)\" object can be used only in \"module\", \"resource\" and \"data\" blocks that set \"\(root == "each" ? "for_each" : "count")\".",
                subject: rootRange))
        case "module":
            guard let (n, r) = name(at: 1) else { return invalidReference("A reference to a module must be followed by the module name: module.name.", rootRange) }
            guard config.moduleCalls[n] != nil else {
                return .failure(Diagnostic(
                    code: .undeclaredModule, summary: "Reference to undeclared module",
                    detail: "No module call named \"\(n)\" is declared in this module.", subject: .between(rootRange, r)))
            }
            return .value(moduleValue(n, range: .between(rootRange, r)), consumed: 2)
        case "data":
            guard let (type, _) = name(at: 1), let (n, r) = name(at: 2) else {
                return invalidReference("A reference to a data source must be followed by the type and name: data.type.name.", rootRange)
            }
            return resourceReference(.data, type, n, range: .between(rootRange, r), consumed: 3)
        default:
            guard let (n, r) = name(at: 1) else {
                return invalidReference("A reference to a resource type must be followed by at least one attribute access, specifying the resource name.", rootRange)
            }
            return resourceReference(.managed, root, n, range: .between(rootRange, r), consumed: 2)
        }
    }

    private func invalidReference(_ detail: String, _ range: SourceRange) -> Resolution {
        .failure(Diagnostic(code: .invalidReference, summary: "Invalid reference", detail: detail, subject: range))
    }

    private func resourceReference(_ mode: ResourceInstance.Mode, _ type: String, _ name: String, range: SourceRange, consumed: Int) -> Resolution {
        guard let declaration = config.resource(mode: mode, type: type, name: name) else {
            let what = mode == .data ? "data resource \"\(type)\" \"\(name)\"" : "resource \"\(type)\" \"\(name)\""
            return .failure(Diagnostic(
                code: .undeclaredResource, summary: "Reference to undeclared resource",
                detail: "A \(what) has not been declared in \(path.isEmpty ? "the root module" : Address.module(path)).",
                subject: range))
        }
        noteDependencies([Address.instance(module: path, mode: mode, type: type, name: name, key: nil)])
        return .value(expand(declaration).referenceValue, consumed: consumed)
    }

    // MARK: Variables and locals

    func variable(_ name: String) -> Value {
        noteDependencies(inputDependencies[name] ?? [])
        if let v = variables[name] { return v }
        guard let declaration = config.variables[name] else { return .dynamicUnknown }
        let value = guarded("var.\(name)", range: declaration.site.range, file: declaration.site.file, cycleValue: Value.dynamicUnknown) {
            VariableEvaluation.value(of: declaration, given: inputs[name], in: self)
        }
        variables[name] = value
        VariableEvaluation.validate(declaration, value: value, in: self)
        return value
    }

    func local(_ name: String, range: SourceRange) -> Value {
        if let v = locals[name] {
            noteDependencies(localDependencies[name] ?? [])
            return v
        }
        guard let declaration = config.locals[name] else { return .dynamicUnknown }
        let (value, found) = collectingDependencies {
            guarded("local.\(name)", range: declaration.site.range, file: declaration.site.file, cycleValue: Value.dynamicUnknown) {
                evaluate(declaration.expression, file: declaration.site.file)
            }
        }
        locals[name] = value
        localDependencies[name] = found
        return value
    }

    // MARK: Module calls

    func moduleValue(_ name: String, range: SourceRange?) -> Value {
        if let v = moduleValues[name] {
            noteDependencies(moduleDependencies[name] ?? [])
            return v
        }
        guard let call = config.moduleCalls[name] else { return .dynamicUnknown }
        let (value, found) = collectingDependencies {
            guarded("module.\(name)", range: range ?? call.site.range, file: call.site.file, cycleValue: Value.dynamicUnknown) {
                ModuleCallEvaluation.value(of: call, in: self)
            }
        }
        moduleValues[name] = value
        moduleDependencies[name] = found
        return value
    }

    /// The values of this instance's outputs, by name.
    func outputValues() -> [String: Value] {
        var out: [String: Value] = [:]
        for (name, output) in config.outputs {
            guard let expression = output.value else { continue }
            let value = guarded("output.\(name)", range: output.site.range, file: output.site.file, cycleValue: Value.dynamicUnknown) {
                evaluate(expression, file: output.site.file)
            }
            out[name] = value.marked(output.sensitive)
        }
        return out
    }

    // MARK: Everything

    /// Evaluates every resource and module call, also those nothing refers to, and returns
    /// all resource instances of this module instance and its descendants.
    func allInstances() -> [ResourceInstance] {
        var out: [ResourceInstance] = []
        for declaration in config.resources {
            out.append(contentsOf: expand(declaration).instances)
        }
        for name in config.moduleCalls.keys.sorted() {
            _ = moduleValue(name, range: nil)
            for child in children[name] ?? [] {
                out.append(contentsOf: child.scope.allInstances())
            }
        }
        _ = config.variables.keys.sorted().map(variable)
        for name in config.locals.keys.sorted() { _ = local(name, range: config.locals[name]!.site.range) }
        return out
    }
}
