import ArgumentParser
import Foundation
import HCL
import Terraform

/// `airlock eval`: evaluate a configuration as Terraform would and print its resource instances.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate Terraform statically and print every resource instance with its values.",
        discussion: """
            PATH is a directory of .tf files (the root module), a plan as written by
            `terraform show -json`, or a state file (terraform.tfstate, version 4). For a
            directory, variables are read as
            Terraform reads them: defaults, terraform.tfvars, *.auto.tfvars(.json),
            TF_VAR_* environment variables, then --var-file and --var.

            Values that only apply can know (computed attributes such as id and arn,
            timestamp(), anything derived from them) are never guessed: --format json lists
            them under "unknown" by path.

            Exit codes: 0 evaluated without errors, 1 the configuration has errors (they are
            printed to standard error), 2 usage error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "A directory of .tf files, a plan JSON file or a state file.")
    var path: String

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .customLong("var-file"), help: ArgumentHelp("Read variable values from FILE (.tfvars or .tfvars.json); repeatable.", valueName: "FILE"))
    var varFiles: [String] = []

    @Option(name: .customLong("var"), help: ArgumentHelp("Set a root variable, NAME=VALUE; repeatable.", valueName: "NAME=VALUE"))
    var vars: [String] = []

    @Option(help: "The value of terraform.workspace.")
    var workspace: String = "default"

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ValidationError("\(path) does not exist.")
        }
        if !isDirectory.boolValue, !varFiles.isEmpty || !vars.isEmpty {
            throw ValidationError("--var and --var-file apply to a configuration directory, not to a plan or state file.")
        }
        for option in vars where !option.contains("=") {
            throw ValidationError("--var \(option) must be NAME=VALUE.")
        }
    }

    func run() throws {
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if !isDirectory.boolValue { return try runDocument() }
        let options = EvaluationOptions(
            workspace: workspace, varFiles: varFiles, vars: vars, environment: ProcessInfo.processInfo.environment,
            workingDirectory: nil)
        let result = TerraformEvaluator.evaluate(directory: path, options: options)
        print(result.instances)
        DiagnosticsPrinter.print(result.diagnostics)
        if result.diagnostics.hasErrors { throw ExitStatus.reported }
    }

    /// A plan or state file: its resource instances, in the same model as configuration.
    private func runDocument() throws {
        let document: TerraformDocument
        do {
            document = try TerraformDocument.read(path: path)
        } catch {
            DiagnosticsPrinter.print([error.diagnostic])
            throw ExitStatus.usage
        }
        switch document {
        case .plan(let plan): print(plan.resourceInstances)
        case .state(let state): print(state.resourceInstances)
        }
    }

    private func print(_ instances: [ResourceInstance]) {
        let result = (instances: instances, ())
        switch format {
        case .json:
            let document = JSONValue.array(result.instances.map(\.jsonValue))
            Terminal.writeStdout(document.prettyText)
        case .text:
            var out = ""
            let width = min(60, result.instances.map(\.address.count).max() ?? 0)
            for instance in result.instances {
                let unknown = instance.unknownPaths.count
                var location = ""
                switch instance.origin {
                case .configuration(let file, let range): location = "\(relative(file)):\(range.start.line)"
                case .plan(let file), .state(let file): location = relative(file)
                case .cloud(let call): location = call
                }
                let padded = instance.address.padding(toLength: max(width, instance.address.count), withPad: " ", startingAt: 0)
                out += "\(padded)  \(location)  \(unknown) unknown\n"
            }
            out += "\(result.instances.count) resource instance\(result.instances.count == 1 ? "" : "s").\n"
            Terminal.writeStdout(out)
        }
    }
}

/// A path relative to the working directory when it lies below it.
func relative(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath + "/"
    return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
}

/// Prints diagnostics from any file to standard error, with the source line when it can be read.
enum DiagnosticsPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let renderer = DiagnosticRenderer(color: Terminal.supportsColor(fileDescriptor: 2))
        var files: [String: ConfigFile] = [:]
        var out = ""
        for d in diagnostics {
            let path = d.file ?? "<input>"
            if files[path] == nil {
                let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
                let empty = SourceRange.at(.start)
                files[path] = ConfigFile(path: path, body: Body(range: empty, endRange: empty), diagnostics: [], source: bytes)
            }
            out += renderer.render(d, in: files[path]!) + "\n"
        }
        FileHandle.standardError.write(Data(out.utf8))
    }
}
