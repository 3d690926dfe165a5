import ArgumentParser
import Foundation
import Gate

/// `airlock plan`: terraform plan, show, scan and gate in one step.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Run terraform plan -out, show -json, scan and gate in one step.",
        discussion: """
            Terraform's own output goes to standard error; the decision goes to standard
            output. The plan file is kept (--out) for airlock apply.

            Exit codes: 0 allow, 3 approval required, 4 deny, 2 usage or input error
            (including a failed terraform plan).
            """
    )

    @Argument(help: "The Terraform working directory (default: the current directory).")
    var directory: String = "."

    @Option(name: .customLong("out"), help: ArgumentHelp("Where to write the binary plan (default: airlock.tfplan in the directory).", valueName: "FILE"))
    var out: String?

    @OptionGroup var decisionOptions: DecisionOptions

    @OptionGroup var actorOptions: ActorOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var serverOptions: ServerOptions

    @Argument(parsing: .postTerminator, help: "Arguments passed to terraform plan after --.")
    var terraformArguments: [String] = []

    func run() async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("\(directory) is not a directory.")
        }
        let planFile = URL(fileURLWithPath: out ?? (directory as NSString).appendingPathComponent("airlock.tfplan")).standardizedFileURL.path
        Terminal.writeStderr("airlock: terraform plan -out=\(planFile)\n")
        guard let status = Run.passthrough(
            ["terraform", "plan", "-input=false", "-out=\(planFile)"] + terraformArguments, directory: directory, stdoutToStderr: true)
        else {
            Terminal.writeStderr("error: cannot run terraform; is it installed and on PATH?\n")
            throw ExitStatus.usage
        }
        guard status == 0 else {
            Terminal.writeStderr("error: terraform plan failed (exit \(status)); nothing was gated.\n")
            throw ExitStatus.usage
        }
        let input = try PlanInput.load(plan: planFile, planFile: nil, planJSON: nil, chdir: directory)
        if let client = try serverOptions.client() {
            try await RemoteGate(client: client, input: input, actorOptions: actorOptions, options: decisionOptions).run(wait: 0)
            return
        }
        let decision = try await GateRun(
            input: input, actorOptions: actorOptions, storeOptions: storeOptions, options: decisionOptions
        ).decideAndRecord()
        switch decisionOptions.format {
        case .json: Terminal.writeStdout(DecisionRendering.json(decision))
        case .text:
            Terminal.writeStdout(DecisionRendering.text(decision, color: Terminal.supportsColor(fileDescriptor: 1)))
            if decision.outcome == .allow { Terminal.writeStdout("\nApply it with: airlock apply \(planFile)\n") }
        }
        try GateRun.exit(for: decision.outcome)
    }
}
