import ArgumentParser
import Foundation
import HCL
import Policy
import Terraform

/// `airlock scan`: check a configuration, plan or state against the policy catalog.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Check Terraform (a directory, a plan JSON or a state file) against policy.",
        discussion: """
            The configuration is evaluated as Terraform would evaluate it (variables, locals,
            modules, count/for_each, dynamic blocks), so a local that makes a bucket public or
            a dynamic block that opens port 22 is seen. A check that needs a value only apply
            can know reports UNKNOWN, never pass or fail.

            Exit codes: 0 nothing failed at or above --fail-on, 1 something did, 2 usage or
            input error (missing path, unreadable plan, malformed policy).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, junit
    }

    @Argument(help: "A directory of .tf files, a plan JSON (terraform show -json) or a state file.")
    var path: String

    @Option(name: .shortAndLong, help: "Output format: text, json, sarif or junit.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a check of this severity or above fails: critical, high, medium, low or info.")
    var failOn: Severity = .low

    @Option(name: .customLong("check"), help: ArgumentHelp("Run only these checks (IDs or Checkov aliases, comma-separated; repeatable).", valueName: "IDS"))
    var only: [String] = []

    @Option(name: .customLong("skip-check"), help: ArgumentHelp("Skip these checks (IDs or Checkov aliases, comma-separated; repeatable).", valueName: "IDS"))
    var skip: [String] = []

    @Option(name: .customLong("var-file"), help: ArgumentHelp("Variable values from FILE; repeatable.", valueName: "FILE"))
    var varFiles: [String] = []

    @Option(name: .customLong("var"), help: ArgumentHelp("Set a root variable, NAME=VALUE; repeatable.", valueName: "NAME=VALUE"))
    var vars: [String] = []

    @Option(name: .customLong("policy-dir"), help: ArgumentHelp("Load custom policies (Checkov YAML format) from DIR; repeatable.", valueName: "DIR"))
    var policyDirs: [String] = []

    @Option(name: .customLong("baseline"), help: ArgumentHelp("Report only findings not recorded in FILE.", valueName: "FILE"))
    var baseline: String?

    @Option(name: .customLong("create-baseline"), help: ArgumentHelp("Record the current failures in FILE and exit 0.", valueName: "FILE"))
    var createBaseline: String?

    func validate() throws {
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("\(path) does not exist.") }
        for dir in policyDirs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--policy-dir \(dir) is not a directory.")
            }
        }
        if let baseline, !FileManager.default.fileExists(atPath: baseline) {
            throw ValidationError("--baseline \(baseline) does not exist (create it with --create-baseline).")
        }
        let names = Set((Catalog.all.map(\.metadata) + Catalog.moduleChecks.map(\.metadata)).flatMap { [$0.id] + $0.aliases }.map { $0.uppercased() })
        // Custom policies bring IDs of their own, known only once they are loaded.
        if policyDirs.isEmpty {
            for name in split(only + skip) where !names.contains(name.uppercased()) {
                throw ValidationError("Unknown check \"\(name)\". Use a check ID (AL-AWS-S3-001) or a Checkov ID (CKV_AWS_21).")
            }
        }
    }

    func run() throws {
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        var instances: [ResourceInstance]
        var modules: [ModuleConfig] = []
        var diagnostics: [Diagnostic] = []
        if isDirectory.boolValue {
            let options = EvaluationOptions(varFiles: varFiles, vars: vars, environment: ProcessInfo.processInfo.environment)
            let result = TerraformEvaluator.evaluate(directory: path, options: options)
            instances = result.instances
            modules = result.modules
            diagnostics = result.diagnostics
        } else {
            do {
                switch try TerraformDocument.read(path: path) {
                case .plan(let plan): instances = plan.resourceInstances
                case .state(let state): instances = state.resourceInstances
                }
            } catch {
                DiagnosticsPrinter.print([error.diagnostic])
                throw ExitStatus.usage
            }
        }
        var engine = PolicyEngine().selecting(only: split(only), skip: split(skip))
        if !policyDirs.isEmpty {
            // One load, so an ID defined twice across directories is caught.
            let (checks, problems) = CustomPolicies.load(directories: policyDirs)
            if problems.hasErrors {
                DiagnosticsPrinter.print(problems)
                throw ExitStatus.usage
            }
            diagnostics += problems
            engine.checks += checks
        }
        var findings = engine.run(instances, modules: modules)
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        let suppressed = Suppressions.apply(
            findings, modules: modules, today: today,
            checks: engine.checks.map(\.metadata) + engine.moduleChecks.map(\.metadata))
        findings = suppressed.findings
        diagnostics += suppressed.diagnostics
        if let createBaseline {
            try Baseline.write(findings, to: createBaseline)
            Terminal.writeStderr("Recorded \(findings.filter { $0.status == .failed }.count) failing findings in \(createBaseline).\n")
            return
        }
        if let baseline {
            do {
                findings = try Baseline.apply(findings, baselinePath: baseline)
            } catch let error as BaselineError {
                DiagnosticsPrinter.print([error.diagnostic])
                throw ExitStatus.usage
            }
        }
        let report = ScanReport(
            target: path, findings: findings, diagnostics: diagnostics,
            checksRun: engine.checks.count + engine.moduleChecks.count, resourcesScanned: instances.count)
        let rendered: String
        switch format {
        case .text: rendered = TextReport(color: output == nil && Terminal.supportsColor(fileDescriptor: 1)).render(report)
        case .json: rendered = JSONReport.render(report)
        case .sarif: rendered = SARIFReport.render(report)
        case .junit: rendered = JUnitReport.render(report)
        }
        if let output {
            // Written whole or not at all: a half-written report must never be uploaded.
            do {
                try Data(rendered.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                Terminal.writeStderr("error: cannot write \(output): \(error.localizedDescription)\n")
                throw ExitStatus.usage
            }
        } else {
            Terminal.writeStdout(rendered)
        }
        DiagnosticsPrinter.print(diagnostics)
        // A file that does not parse is an input error even though the rest was scanned:
        // its resources may hide findings. Evaluation problems (a missing variable) are not.
        let syntaxErrors = diagnostics.filter { $0.severity == .error && $0.code.rawValue.hasPrefix("HCL") && !$0.code.rawValue.hasPrefix("HCL4") }
        if !syntaxErrors.isEmpty {
            Terminal.writeStderr("error: \(syntaxErrors.count) syntax error\(syntaxErrors.count == 1 ? "" : "s"): the scan is incomplete.\n")
            throw ExitStatus.usage
        }
        if report.fails(at: failOn) { throw ExitStatus.reported }
    }

    private func split(_ names: [String]) -> [String] {
        names.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

extension Severity: ExpressibleByArgument {}
