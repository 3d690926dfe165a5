import Foundation
import HCL
import TerraformFunctions

/// Evaluates a Terraform configuration statically, as `terraform plan` would before it
/// asks any provider: every resource instance with its address and its values, known
/// where configuration decides them and unknown where only apply can.
public enum TerraformEvaluator {
    public static func evaluate(
        directory: String, options: EvaluationOptions = EvaluationOptions(),
        functions: any FunctionLibrary = TerraformFunctionLibrary.standard,
        schemas: ProviderSchemas = .bundled
    ) -> EvaluationResult {
        let root = (directory as NSString).standardizingPath
        let absolute = root.hasPrefix("/") ? root : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(root)
        var options = options
        if options.workingDirectory == nil { options.workingDirectory = (absolute as NSString).standardizingPath }
        let session = EvaluationSession(rootDirectory: (absolute as NSString).standardizingPath, options: options, functions: functions, schemas: schemas)
        let config = session.config(directory: session.rootDirectory)
        if config.files.isEmpty, !session.diagnostics.hasErrors {
            session.report(.moduleNotFound, "No configuration files",
                "The directory \(session.rootDirectory) contains no Terraform configuration files (*.tf).", nil, file: session.rootDirectory)
        }
        let inputs = RootVariables.values(for: config, session: session)
        let scope = ModuleScope(session: session, config: config, path: [], inputs: inputs, manifestKey: "")
        let instances = scope.allInstances().sorted { $0.address < $1.address }
        let outputs = scope.outputValues()
        return EvaluationResult(
            instances: instances, outputs: outputs, diagnostics: deduplicated(session.diagnostics), modules: session.modules)
    }

    /// The same problem reached through several references is reported once.
    private static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
