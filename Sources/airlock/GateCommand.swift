import ArgumentParser
import Audit
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

    func validate() throws {
        for path in [plan] + [planFile, planJSON].compactMap({ $0 }) where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("\(path) does not exist.")
        }
    }

    func run() async throws {
        let input = try PlanInput.load(plan: plan, planFile: planFile, planJSON: planJSON, chdir: chdir)
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
        let plan: Plan
        let document: JSONValue
        do {
            (plan, document) = try PlanReader.parseKeepingDocument(input.jsonBytes, path: input.jsonPath)
        } catch {
            DiagnosticsPrinter.print([error.diagnostic])
            throw ExitStatus.usage
        }
        let planDigest = PlanDigest.ofJSON(document)
        let planFileDigest = try input.planFile.map { path -> String in
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("Cannot read \(path).") }
            return PlanDigest.ofBytes(data)
        }
        let root = StoreOptions.root(of: repository)
        let baselinePath = options.baseline ?? configuration.baseline.map { path in
            path.hasPrefix("/") ? path : (((configuration.path.map { ($0 as NSString).deletingLastPathComponent } ?? root) as NSString).appendingPathComponent(path))
        }
        var engine = PolicyEngine()
        var customPolicyBytes: Data?
        if !options.policyDirs.isEmpty {
            let (checks, problems) = CustomPolicies.load(directories: options.policyDirs)
            DiagnosticsPrinter.print(problems)
            if problems.hasErrors { throw ExitStatus.usage }
            engine.checks += checks
            customPolicyBytes = Self.policyFileBytes(options.policyDirs)
        }
        let scan: (findings: [Finding], prior: [Finding])
        do {
            scan = try GateScan.run(plan: plan, engine: engine, baselinePath: baselinePath)
        } catch let error as BaselineError {
            DiagnosticsPrinter.print([error.diagnostic])
            throw ExitStatus.usage
        }
        let policyDigest = PolicyDigest.compute(
            airlockVersion: Airlock.version, configurationText: configText,
            checkIDs: engine.checks.map(\.metadata.id) + engine.moduleChecks.map(\.metadata.id),
            baseline: baselinePath.flatMap { FileManager.default.contents(atPath: $0) }, customPolicies: customPolicyBytes)
        let context = GateContext(
            workspace: options.workspace ?? Self.workspace(in: input.directory), directory: Self.relative(input.directory, to: root),
            account: options.account, region: options.region)
        let gate = GateEngine(configuration: configuration, policyDigest: policyDigest)
        let decision = gate.decide(GateEngine.Input(
            plan: plan, planDigest: planDigest, planFileDigest: planFileDigest, actor: actor, context: context,
            findings: scan.findings, priorFindings: scan.prior))

        return try await storeOptions.withStore(for: repository) { store in
            let log = storeOptions.auditLog(for: repository)
            do {
                if try await store.recordPolicy(
                    digest: policyDigest, configurationPath: configuration.path, configurationText: configText, at: decision.createdAt) {
                    let previous = try await store.previousPolicy(before: policyDigest)
                    try AuditTrail.append(log, AuditRecord(
                        kind: .configurationChange, actor: actor.id, actorDetails: actor.details, planDigest: nil, policyDigest: policyDigest,
                        decisionID: nil,
                        summary: "policy in force: \(configuration.path ?? "the defaults (no airlock.yaml)"), \(engine.checks.count + engine.moduleChecks.count) checks"
                            + (previous.map { ", replacing \($0.prefix(19))" } ?? ""),
                        details: ["configuration": configuration.path ?? "", "previous_policy_digest": previous ?? "", "airlock_version": Airlock.version]))
                }
            } catch let error as ExitCode {
                throw error
            } catch {
                Terminal.writeStderr("error: cannot record the policy in \(storeOptions.stateDirectory(for: repository)): \(error)\n")
                throw ExitStatus.usage
            }
            let failed = scan.findings.filter { $0.status == .failed }
            try AuditTrail.append(log, AuditTrail.record(
                .scan, actor: actor, decision: decision,
                summary: "scanned \(input.jsonPath): \(failed.count) failing findings on \(plan.resourceInstances.count) resources",
                details: ["findings_failed": String(failed.count), "resources": String(plan.resourceInstances.count)]))
            // The decision is stored before it is logged as made, and reported only after both:
            // a decision the user saw is always in the log.
            do {
                try await store.save(decision)
            } catch {
                Terminal.writeStderr("error: cannot store the decision in \(storeOptions.stateDirectory(for: repository)): \(error)\n")
                throw ExitStatus.usage
            }
            try AuditTrail.append(log, AuditTrail.record(
                .decision, actor: actor, decision: decision,
                summary: "\(decision.outcome.rawValue) (risk \(decision.tier.rawValue)): \(decision.reasons.first?.message ?? "")",
                details: [
                    "outcome": decision.outcome.rawValue, "tier": decision.tier.rawValue,
                    "environment": decision.environment?.name ?? "", "plan_file_digest": decision.planFileDigest ?? "",
                    "rules": decision.reasons.map(\.rule).joined(separator: ","),
                ]))
            return decision
        }
    }

    /// Every policy file under the directories, in path order, for the policy digest.
    static func policyFileBytes(_ directories: [String]) -> Data {
        var paths: [String] = []
        for dir in directories {
            let enumerator = FileManager.default.enumerator(atPath: dir)
            while let item = enumerator?.nextObject() as? String {
                if item.hasSuffix(".yaml") || item.hasSuffix(".yml") { paths.append((dir as NSString).appendingPathComponent(item)) }
            }
        }
        var data = Data()
        for path in paths.sorted() {
            data.append(Data(path.utf8))
            data.append(FileManager.default.contents(atPath: path) ?? Data())
        }
        return data
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
