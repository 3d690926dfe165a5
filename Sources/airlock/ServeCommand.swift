import AirlockServer
import ArgumentParser
import ControlPlane
import Foundation
import Hummingbird
import Logging

/// `airlock serve`: the control plane as a service.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the control plane: REST API, approval queue and web UI, audit chain, webhooks and metrics.",
        discussion: """
            Decisions, approvals, tokens and the audit chain live in the state directory's
            SQLite file by default, or in PostgreSQL with --database, which several replicas
            can share (they must share the audit key too: --state-dir on shared storage, or
            the same audit-key file). Create the first tokens with `airlock token create`.

            Stops cleanly on SIGTERM or SIGINT.
            """
    )

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one; the log says which).")
    var port: Int = 8080

    @Option(name: .customLong("pool-size"), help: "PostgreSQL connections per replica.")
    var poolSize: Int = 4

    @Option(name: .customLong("max-body-mb"), help: "The largest plan accepted, in MiB.")
    var maxBodyMB: Int = 64

    @Option(name: .customLong("webhook"), help: ArgumentHelp("POST events (decision.created, approval.pending, decision.reviewed) to URL; repeatable.", valueName: "URL"))
    var webhooks: [String] = []

    @Option(name: .customLong("webhook-secret"), help: ArgumentHelp("The HMAC-SHA256 key for webhook signatures (default: AIRLOCK_WEBHOOK_SECRET).", valueName: "SECRET"))
    var webhookSecret: String?

    @Option(name: .customLong("policy-dir"), help: ArgumentHelp("Also run custom policies (Checkov YAML format) from DIR; repeatable.", valueName: "DIR"))
    var policyDirs: [String] = []

    @Option(name: .customLong("baseline"), help: ArgumentHelp("Scan baseline: findings recorded in it count as existing.", valueName: "FILE"))
    var baseline: String?

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535.") }
        guard poolSize >= 1 else { throw ValidationError("--pool-size must be at least 1.") }
        guard maxBodyMB >= 1 else { throw ValidationError("--max-body-mb must be at least 1.") }
        for url in webhooks where URL(string: url)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw ValidationError("--webhook \(url) is not an http(s) URL.")
        }
        if !webhooks.isEmpty, (webhookSecret ?? ProcessInfo.processInfo.environment["AIRLOCK_WEBHOOK_SECRET"] ?? "").isEmpty {
            throw ValidationError("--webhook needs a signing secret: --webhook-secret or AIRLOCK_WEBHOOK_SECRET.")
        }
    }

    func run() async throws {
        let directory = FileManager.default.currentDirectoryPath
        let (configuration, text) = try storeOptions.configuration(for: directory)
        let policy: GatePolicy
        do {
            policy = try GatePolicy.make(
                configuration: configuration, configurationText: text, policyDirectories: policyDirs, baselinePath: StoreOptions.baselinePath(baseline, configuration: configuration, root: StoreOptions.root(of: directory)))
            DiagnosticsPrinter.print(policy.warnings)
        } catch {
            DiagnosticsPrinter.print(error.diagnostics)
            throw ExitStatus.usage
        }
        let stateDirectory = storeOptions.stateDirectory(for: directory)
        let secret = webhookSecret ?? ProcessInfo.processInfo.environment["AIRLOCK_WEBHOOK_SECRET"] ?? ""
        let settings = ServerSettings(
            host: host, port: port, storeLocation: storeOptions.databaseURL ?? stateDirectory, keyDirectory: stateDirectory,
            poolSize: poolSize, maxBodyBytes: maxBodyMB * 1024 * 1024, policy: policy,
            webhooks: webhooks.compactMap { URL(string: $0) }.map { WebhookTarget(url: $0, secret: secret) })
        var logger = Logger(label: "airlock.serve")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .notice
        let service: ControlService
        do {
            service = try await ControlService.start(settings: settings, logger: logger)
        } catch {
            Terminal.writeStderr("error: cannot start: \(error)\n")
            throw ExitStatus.usage
        }
        logger.notice("airlock serve: store \(storeOptions.databaseURL.map { _ in "PostgreSQL" } ?? stateDirectory), policy \(policy.digest.prefix(19)), \(policy.checkCount) checks")
        let app = AirlockServer.application(service: service, logger: logger)
        do {
            try await app.runService()
        } catch {
            await service.close()
            throw error
        }
        await service.close()
    }
}
