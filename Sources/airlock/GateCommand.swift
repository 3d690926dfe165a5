import ArgumentParser
import Audit
import ControlPlane
import Foundation
import Gate
import HCL
import Policy
import Store
import Terraform

/// `airlock gate`: decide whether a plan may be applied, and record the decision.
struct GateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Decide whether a plan may be applied: allow, approval required, or deny.",
        discussion: """
            Reads the plan (the JSON of `terraform show -json`, the binary plan file with its
            JSON, or the binary plan alone, which is shown with terraform), scans it, holds the
            actor to the blast-radius limits of airlock.yaml, computes the risk tier and applies
            the rules. The decision is bound to the SHA-256 of the plan, stored in the state
            directory and appended to the audit log.

            Exit codes: 0 allow, 3 approval required, 4 deny, 2 usage or input error.
            """
    )

    @Argument(help: "The plan: its JSON (terraform show -json), or the binary plan file.")
    var plan: String

    @Option(name: .customLong("plan-file"), help: ArgumentHelp("The binary plan file the JSON was shown from; binds the decision to it too.", valueName: "FILE"))
    var planFile: String?

    @Option(name: .customLong("json"), help: ArgumentHelp("With a binary plan as the argument: its JSON, instead of running terraform show.", valueName: "FILE"))
    var planJSON: String?

    @Option(name: .customLong("chdir"), help: ArgumentHelp("The Terraform working directory (default: the plan's directory).", valueName: "DIR"))
    var chdir: String?

    @OptionGroup var decisionOptions: DecisionOptions

    @OptionGroup var actorOptions: ActorOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var serverOptions: ServerOptions

    @Option(help: ArgumentHelp("With --server: wait up to this long for reviewers to settle a decision that needs approval.", valueName: "SECONDS"))
    var wait: Int = 0

    func validate() throws {
        guard wait >= 0 else { throw ValidationError("--wait must not be negative.") }
        for path in [plan] + [planFile, planJSON].compactMap({ $0 }) where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("\(path) does not exist.")
        }
    }

    func run() async throws {
        let input = try PlanInput.load(plan: plan, planFile: planFile, planJSON: planJSON, chdir: chdir)
        if let client = try serverOptions.client() {
            let remote = RemoteGate(client: client, input: input, actorOptions: actorOptions, options: decisionOptions)
            try await remote.run(wait: wait)
            return
        }
        let decision = try await GateRun(
            input: input, actorOptions: actorOptions, storeOptions: storeOptions, options: decisionOptions
        ).decideAndRecord()
        let color = Terminal.supportsColor(fileDescriptor: 1)
        switch decisionOptions.format {
        case .json: Terminal.writeStdout(DecisionRendering.json(decision))
        case .text: Terminal.writeStdout(DecisionRendering.text(decision, color: color))
        }
        try GateRun.exit(for: decision.outcome)
    }
}

/// A plan as the gate reads it: the JSON bytes, where they came from, and the binary plan.
struct PlanInput {
    var jsonBytes: [UInt8]
    /// Names the JSON in messages and findings.
    var jsonPath: String
    var planFile: String?
    /// The Terraform working directory.
    var directory: String

    static func isBinaryPlan(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        // A saved plan is a zip archive.
        return handle.readData(ofLength: 4) == Data([0x50, 0x4B, 0x03, 0x04])
    }

    static func load(plan: String, planFile: String?, planJSON: String?, chdir: String?) throws -> PlanInput {
        var jsonPath = plan
        var binary = planFile
        if isBinaryPlan(plan) {
            guard binary == nil else { throw ValidationError("Give one binary plan: \(plan) is one, and so is --plan-file.") }
            binary = plan
            jsonPath = planJSON ?? ""
        } else if planJSON != nil {
            throw ValidationError("--json goes with a binary plan argument; \(plan) is already JSON.")
        }
        if let binary, !isBinaryPlan(binary) {
            throw ValidationError("\(binary) is not a binary plan file (terraform plan -out=FILE writes one).")
        }
        let directory = chdir ?? ((binary ?? plan) as NSString).deletingLastPathComponent.nonEmpty ?? "."
        let bytes: [UInt8]
        if jsonPath.isEmpty, let binary {
            bytes = try Self.show(binary, directory: directory)
            jsonPath = binary
        } else {
            guard let data = FileManager.default.contents(atPath: jsonPath) else { throw ValidationError("Cannot read \(jsonPath).") }
            bytes = [UInt8](data)
        }
        return PlanInput(jsonBytes: bytes, jsonPath: jsonPath, planFile: binary, directory: directory)
    }

    /// `terraform show -json PLANFILE`, run where the plan was made (it needs the providers).
    static func show(_ planFile: String, directory: String) throws -> [UInt8] {
        let absolute = URL(fileURLWithPath: planFile).standardizedFileURL.path
        guard let output = Run.capture(["terraform", "show", "-json", absolute], directory: directory) else {
            Terminal.writeStderr("error: cannot run terraform to read \(planFile); install Terraform or pass the plan's JSON (--json FILE).\n")
            throw ExitStatus.usage
        }
        guard output.status == 0 else {
            Terminal.writeStderr("error: terraform show -json \(planFile) failed in \(directory) (exit \(output.status)):\n\(output.stderr)")
            throw ExitStatus.usage
        }
        return Array(output.stdout.utf8)
    }
}

/// One gate decision from start to record: read, scan, decide, store, audit.
struct GateRun {
    var input: PlanInput
    var actorOptions: ActorOptions
    var storeOptions: StoreOptions
    var options: DecisionOptions

    func decideAndRecord() async throws -> Decision {
        // The repository (airlock.yaml, .airlock/) is found from where the command runs; the
        // Terraform directory gives only the workspace and the directory an environment matches.
        let repository = FileManager.default.currentDirectoryPath
        let (configuration, configText) = try storeOptions.configuration(for: repository)
        let actor = try actorOptions.resolve(directory: input.directory)
        let planFileDigest = try input.planFile.map { path -> String in
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("Cannot read \(path).") }
            return PlanDigest.ofBytes(data)
        }
        let root = StoreOptions.root(of: repository)
        let baselinePath = StoreOptions.baselinePath(options.baseline, configuration: configuration, root: root)
        let context = GateContext(
            workspace: options.workspace ?? Self.workspace(in: input.directory), directory: Self.relative(input.directory, to: root),
            account: options.account, region: options.region)
        let evaluation: GateEvaluation
        let policy: GatePolicy
        do {
            policy = try GatePolicy.make(
                configuration: configuration, configurationText: configText, policyDirectories: options.policyDirs,
                baselinePath: baselinePath)
            DiagnosticsPrinter.print(policy.warnings)
            evaluation = try policy.evaluate(
                planJSON: input.jsonBytes, path: input.jsonPath, planFileDigest: planFileDigest, actor: actor, context: context)
        } catch {
            DiagnosticsPrinter.print(error.diagnostics)
            throw ExitStatus.usage
        }
        let decision = evaluation.decision
        let records = GateAudit.gateRun(evaluation, source: input.jsonPath)

        return try await storeOptions.withStore(for: repository) { store in
            let log = storeOptions.auditLog(for: repository)
            do {
                if try await store.recordPolicy(
                    digest: policy.digest, configurationPath: configuration.path, configurationText: configText, at: decision.createdAt) {
                    let previous = try await store.previousPolicy(before: policy.digest)
                    try AuditTrail.append(log, GateAudit.policyChange(policy, actor: actor, previous: previous))
                }
            } catch let error as ExitCode {
                throw error
            } catch {
                Terminal.writeStderr("error: cannot record the policy in \(storeOptions.stateDirectory(for: repository)): \(error)\n")
                throw ExitStatus.usage
            }
            try AuditTrail.append(log, records[0])
            // The decision is stored before it is logged as made, and reported only after both:
            // a decision the user saw is always in the log.
            do {
                try await store.save(decision)
            } catch {
                Terminal.writeStderr("error: cannot store the decision in \(storeOptions.stateDirectory(for: repository)): \(error)\n")
                throw ExitStatus.usage
            }
            try AuditTrail.append(log, records[1])
            return decision
        }
    }

    static func exit(for outcome: Outcome) throws {
        switch outcome {
        case .allow: return
        case .approvalRequired: throw ExitStatus.approvalRequired
        case .deny: throw ExitStatus.denied
        }
    }

    /// The workspace Terraform would use in `directory`: `TF_WORKSPACE`, else the name
    /// `terraform workspace select` wrote to `.terraform/environment`, else `default`.
    static func workspace(in directory: String) -> String {
        if let env = ProcessInfo.processInfo.environment["TF_WORKSPACE"], !env.isEmpty { return env }
        let file = (directory as NSString).appendingPathComponent(".terraform/environment")
        if let data = FileManager.default.contents(atPath: file) {
            let name = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if !name.isEmpty { return name }
        }
        return "default"
    }

    static func relative(_ directory: String, to root: String) -> String {
        let dir = URL(fileURLWithPath: directory).standardizedFileURL.path
        if dir == root { return "." }
        if dir.hasPrefix(root + "/") { return String(dir.dropFirst(root.count + 1)) }
        return dir
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
