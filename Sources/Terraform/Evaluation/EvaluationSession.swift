import Foundation
import HCL
import TerraformFunctions

/// State shared by every module instance of one evaluation.
final class EvaluationSession {
    let rootDirectory: String
    let workingDirectory: String
    let options: EvaluationOptions
    let functions: any FunctionLibrary
    let schemas: ProviderSchemas
    var diagnostics: [Diagnostic] = []
    private var configs: [String: ModuleConfig] = [:]
    /// Directories of the modules read, in the order they were first read.
    private(set) var moduleOrder: [String] = []

    var modules: [ModuleConfig] { moduleOrder.compactMap { configs[$0] } }
    /// `.terraform/modules/modules.json`: installed module key → directory.
    private(set) lazy var installedModules: [String: String]? = Self.readModulesManifest(rootDirectory)

    init(rootDirectory: String, options: EvaluationOptions, functions: any FunctionLibrary, schemas: ProviderSchemas) {
        self.rootDirectory = rootDirectory
        self.workingDirectory = options.workingDirectory ?? rootDirectory
        self.options = options
        self.functions = functions
        self.schemas = schemas
    }

    func config(directory: String) -> ModuleConfig {
        let key = (directory as NSString).standardizingPath
        if let c = configs[key] { return c }
        let c = ModuleConfig.load(directory: key)
        diagnostics.append(contentsOf: c.diagnostics)
        configs[key] = c
        moduleOrder.append(key)
        return c
    }

    func report(_ code: DiagnosticCode, _ summary: String, _ detail: String, _ subject: SourceRange?, file: String?, severity: Diagnostic.Severity = .error) {
        diagnostics.append(Diagnostic(severity: severity, code: code, summary: summary, detail: detail, subject: subject, file: file))
    }

    private static func readModulesManifest(_ root: String) -> [String: String]? {
        let path = (root as NSString).appendingPathComponent(".terraform/modules/modules.json")
        guard let data = FileManager.default.contents(atPath: path),
            let json = try? JSONParser.parse([UInt8](data)), let modules = json["Modules"]?.arrayValue
        else { return nil }
        var out: [String: String] = [:]
        for m in modules {
            guard let key = m["Key"]?.stringValue, let dir = m["Dir"]?.stringValue else { continue }
            out[key] = dir.hasPrefix("/") ? dir : (root as NSString).appendingPathComponent(dir)
        }
        return out
    }
}
