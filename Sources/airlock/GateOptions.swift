import ArgumentParser
import Audit
import Foundation
import Gate
import Policy
import Store

/// Who is asking: `--actor` and its companions, shared by `gate` and `plan`.
struct ActorOptions: ParsableArguments {
    @Option(name: .customLong("actor"), help: ArgumentHelp("Who asks: KIND:NAME, KIND human, agent or ci (default: AIRLOCK_ACTOR, commit trailers, then $USER).", valueName: "KIND:NAME"))
    var actor: String?

    @Option(help: ArgumentHelp("The agent's model (AIRLOCK_MODEL).", valueName: "MODEL"))
    var model: String?

    @Option(help: ArgumentHelp("The tool that ran the agent (AIRLOCK_TOOL).", valueName: "TOOL"))
    var tool: String?

    @Option(help: ArgumentHelp("The agent's session or run ID (AIRLOCK_SESSION).", valueName: "ID"))
    var session: String?

    @Option(name: .customLong("on-behalf-of"), help: ArgumentHelp("The human who sponsors the agent (AIRLOCK_ON_BEHALF_OF).", valueName: "human:NAME"))
    var onBehalfOf: String?

    /// Resolves the actor, reading the last commit's trailers of `directory`'s repository.
    func resolve(directory: String) throws -> Actor {
        let flags = ActorResolver.Flags(actor: actor, model: model, tool: tool, session: session, onBehalfOf: onBehalfOf)
        var environment = ProcessInfo.processInfo.environment
        // A shell started without USER (cron, some containers) still has a login name.
        if environment["USER"]?.isEmpty ?? true { environment["USER"] = NSUserName() }
        let resolver = ActorResolver(flags: flags, environment: environment, commit: Git.lastCommit(in: directory))
        do {
            return try resolver.resolve()
        } catch {
            throw ValidationError(error.message)
        }
    }
}

/// How a plan is judged beyond the plan itself, and how the decision is printed: shared by
/// `gate` and `plan`.
struct DecisionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The Terraform workspace (default: TF_WORKSPACE, else .terraform/environment, else default).", valueName: "NAME"))
    var workspace: String?

    @Option(help: ArgumentHelp("The AWS account the plan runs in, when the plan does not show it.", valueName: "ID"))
    var account: String?

    @Option(help: ArgumentHelp("The AWS region, when the plan does not show it.", valueName: "REGION"))
    var region: String?

    @Option(name: .customLong("baseline"), help: ArgumentHelp("Scan baseline: findings recorded in it count as existing.", valueName: "FILE"))
    var baseline: String?

    @Option(name: .customLong("policy-dir"), help: ArgumentHelp("Also run custom policies (Checkov YAML format) from DIR; repeatable.", valueName: "DIR"))
    var policyDirs: [String] = []

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if let baseline, !FileManager.default.fileExists(atPath: baseline) {
            throw ValidationError("\(baseline) does not exist.")
        }
    }
}

/// Where the gate keeps its state and reads its policy: shared by every gate command.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp("The gate configuration (default: airlock.yaml in the current directory or a parent, up to the git root).", valueName: "FILE"))
    var config: String?

    @Option(name: .customLong("state-dir"), help: ArgumentHelp("Where decisions, approvals and the audit log live (default: AIRLOCK_STATE_DIR, else .airlock at the repository root).", valueName: "DIR"))
    var stateDirectory: String?

    @Option(name: .customLong("database"), help: ArgumentHelp("Keep decisions and approvals in PostgreSQL instead of the state directory's SQLite file (default: AIRLOCK_DATABASE).", valueName: "postgres://..."))
    var database: String?

    /// The repository root for `directory`: the nearest parent with `airlock.yaml` or
    /// `.git`, else `directory` itself.
    static func root(of directory: String) -> String {
        var current = URL(fileURLWithPath: directory).standardizedFileURL.path
        let fm = FileManager.default
        while true {
            for marker in GateConfiguration.fileNames + [".git"] where fm.fileExists(atPath: (current as NSString).appendingPathComponent(marker)) {
                return current
            }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { return URL(fileURLWithPath: directory).standardizedFileURL.path }
            current = parent
        }
    }

    /// The baseline in force: `explicit`, else airlock.yaml's `baseline`, relative to the
    /// configuration file (or the repository root without one).
    static func baselinePath(_ explicit: String?, configuration: GateConfiguration, root: String) -> String? {
        explicit ?? configuration.baseline.map { path in
            path.hasPrefix("/") ? path : (((configuration.path.map { ($0 as NSString).deletingLastPathComponent } ?? root) as NSString).appendingPathComponent(path))
        }
    }

    func stateDirectory(for directory: String) -> String {
        Self.stateDirectory(stateDirectory, for: directory)
    }

    static func stateDirectory(_ explicit: String?, for directory: String) -> String {
        if let explicit { return explicit }
        if let env = ProcessInfo.processInfo.environment["AIRLOCK_STATE_DIR"], !env.isEmpty { return env }
        return (Self.root(of: directory) as NSString).appendingPathComponent(".airlock")
    }

    /// The configuration in force for `directory`, with its text (for the policy digest).
    /// Errors in the file stop the command: a gate must never run on a policy it misread.
    func configuration(for directory: String) throws -> (GateConfiguration, String?) {
        let loaded: (configuration: GateConfiguration?, diagnostics: [ConfigurationDiagnostic], text: String?)
        if let config {
            guard let data = FileManager.default.contents(atPath: config) else {
                throw ValidationError("Cannot read the configuration \(config).")
            }
            let text = String(decoding: data, as: UTF8.self)
            let parsed = GateConfiguration.parse(text, path: config)
            loaded = (parsed.configuration, parsed.diagnostics, text)
        } else {
            loaded = GateConfiguration.load(searchingFrom: directory)
        }
        for diagnostic in loaded.diagnostics { Terminal.writeStderr(diagnostic.description + "\n") }
        guard let configuration = loaded.configuration else {
            Terminal.writeStderr("error: the gate configuration has errors; nothing was decided.\n")
            throw ExitStatus.usage
        }
        return (configuration, loaded.text)
    }

    /// `--database`, else `AIRLOCK_DATABASE`: a PostgreSQL URL, or nil for the SQLite file.
    var databaseURL: String? {
        database ?? ProcessInfo.processInfo.environment["AIRLOCK_DATABASE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func openStore(for directory: String) async throws -> AirlockStore {
        do {
            if let url = databaseURL { return try await AirlockStore.open(postgresURL: url) }
            return try await AirlockStore.open(directory: stateDirectory(for: directory))
        } catch let error as StoreError {
            Terminal.writeStderr("error: \(error.message)\n")
            throw ExitStatus.usage
        }
    }

    /// Runs `body` with the store open and closes it however `body` ends, so the SQLite
    /// file is always left closed and checkpointed.
    func withStore<T>(for directory: String, _ body: (AirlockStore) async throws -> T) async throws -> T {
        let store = try await openStore(for: directory)
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }

    func auditLog(for directory: String) -> AuditLog {
        AuditLog(directory: stateDirectory(for: directory))
    }
}

/// Appends to the audit log, and turns a log that cannot be written into a clear error:
/// nothing the gate decides may go unrecorded.
enum AuditTrail {
    @discardableResult
    static func append(_ log: AuditLog, _ record: AuditRecord) throws -> AuditEvent {
        do {
            return try log.append(record)
        } catch {
            Terminal.writeStderr("error: cannot write the audit log \(log.logPath): \(error)\nNothing was recorded; fix the log (airlock audit verify) and try again.\n")
            throw ExitStatus.usage
        }
    }
}

/// The little of git the gate needs: the last commit of a working tree.
enum Git {
    static func lastCommit(in directory: String) -> GitCommit? {
        guard let output = Run.capture(["git", "-C", directory, "log", "-1", "--format=%an%x00%ae%x00%B"]), output.status == 0 else { return nil }
        let parts = output.stdout.split(separator: "\u{0}", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return nil }
        return GitCommit(authorName: parts[0], authorEmail: parts[1], message: parts[2])
    }
}

/// Child processes: captured (`git`, `terraform show`) or with the terminal passed through
/// (`terraform plan`, `terraform apply`, so the user sees Terraform's own progress).
enum Run {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func executable(_ name: String) -> String? {
        if name.contains("/") { return name }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func capture(_ arguments: [String], directory: String? = nil) -> Output? {
        guard let path = executable(arguments[0]) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = Array(arguments.dropFirst())
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        // Read both pipes while the child runs, so a large plan JSON cannot fill a pipe
        // and stall the child.
        final class Collected: @unchecked Sendable { var data = Data() }
        let stderrData = Collected()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stderrData.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData.data, as: UTF8.self))
    }

    /// Runs with the terminal passed through; returns the exit status.
    static func passthrough(_ arguments: [String], directory: String? = nil, stdoutToStderr: Bool = false) -> Int32? {
        guard let path = executable(arguments[0]) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = Array(arguments.dropFirst())
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if stdoutToStderr { process.standardOutput = FileHandle.standardError }
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
