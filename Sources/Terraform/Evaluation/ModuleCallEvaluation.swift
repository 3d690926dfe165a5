import Foundation
import HCL

/// A `module` block: where its source is, its instances, and the value of `module.<name>`.
enum ModuleCallEvaluation {
    static func value(of call: ModuleCallDeclaration, in scope: ModuleScope) -> Value {
        let file = call.site.file
        let key = scope.manifestKey.isEmpty ? call.name : "\(scope.manifestKey).\(call.name)"
        guard let directory = sourceDirectory(call, key: key, scope: scope) else { return .dynamicUnknown }
        let config = scope.session.config(directory: directory)
        guard let expansion = Expansion.instances(
            count: call.count, forEach: call.forEach, scope: scope, file: file, what: "module.\(call.name)")
        else { return .dynamicUnknown }
        var results: [(InstanceKey?, Value)] = []
        var children: [(key: InstanceKey?, scope: ModuleScope)] = []
        for instance in expansion {
            var inputs: [String: Value] = [:]
            var inputDependencies: [String: Set<String>] = [:]
            for (name, argument) in call.arguments {
                guard config.variables[name] != nil else {
                    scope.session.report(.unsupportedArgument, "Unsupported argument",
                        "An argument named \"\(name)\" is not expected here: module \"\(call.name)\" declares no variable \"\(name)\".",
                        argument.nameRange, file: file)
                    continue
                }
                let (value, found) = scope.collectingDependencies {
                    scope.evaluate(argument.expression, file: file, bound: instance.bound)
                }
                inputs[name] = value
                inputDependencies[name] = found
            }
            for (name, variable) in config.variables where inputs[name] == nil && variable.defaultValue == nil {
                scope.session.report(.missingRequiredVariable, "Missing required argument",
                    "The argument \"\(name)\" is required, but no definition was found.", call.site.range, file: file)
            }
            let child = ModuleScope(
                session: scope.session, config: config, path: scope.path + [ModuleStep(name: call.name, key: instance.key)],
                inputs: inputs, manifestKey: key)
            child.inputDependencies = inputDependencies
            children.append((instance.key, child))
            // What the child's outputs refer to counts as a reference of whoever reads module.<name>.
            let (outputs, found) = child.collectingDependencies { child.outputValues() }
            scope.noteDependencies(found)
            results.append((instance.key, .object(outputs)))
        }
        scope.children[call.name] = children
        return Expansion.referenceValue(count: call.count, forEach: call.forEach, instances: results)
    }

    /// The directory of a local module, or of a remote one that `terraform init` installed.
    private static func sourceDirectory(_ call: ModuleCallDeclaration, key: String, scope: ModuleScope) -> String? {
        let file = call.site.file
        guard let source = call.source else {
            scope.session.report(.moduleNotFound, "Missing required argument",
                "The argument \"source\" is required in a module block.", call.site.range, file: file)
            return nil
        }
        if source.hasPrefix("./") || source.hasPrefix("../") {
            let directory = ((scope.config.directory as NSString).appendingPathComponent(source) as NSString).standardizingPath
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                scope.session.report(.moduleNotFound, "Unreadable module directory",
                    "The directory \(directory) for module \"\(call.name)\" does not exist or cannot be read.", call.site.range, file: file)
                return nil
            }
            return directory
        }
        if let installed = scope.session.installedModules?[key] { return installed }
        scope.session.report(.moduleNotInstalled, "Module not installed",
            "Module \"\(call.name)\" comes from \"\(source)\", which is not installed: run terraform init so .terraform/modules/modules.json lists it. Until then every value from this module is unknown, and its resources are not evaluated.",
            call.site.range, file: file, severity: .warning)
        return nil
    }
}
