import ArgumentParser
import Audit
import Foundation
import Gate
import Store

/// `airlock status`: a decision and where its approvals stand.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a decision and whether its plan may be applied now.",
        discussion: "Exit codes: 0 cleared to apply, 3 waiting for approval, 4 denied, rejected or expired, 2 usage."
    )

    @Argument(help: "The decision ID (dec_...).")
    var decisionID: String

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("chdir"), help: ArgumentHelp("The repository directory whose state to use.", valueName: "DIR"))
    var chdir: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let directory = chdir ?? FileManager.default.currentDirectoryPath
        let (decision, status) = try await storeOptions.withStore(for: directory) { store in
            guard let decision = try await store.decision(id: decisionID) else {
                Terminal.writeStderr("error: no decision \(decisionID) in \(store.path).\n")
                throw ExitStatus.usage
            }
            let status = ApprovalPolicy.status(of: decision, approvals: try await store.approvals(decisionID: decisionID), now: Date())
            return (decision, status)
        }
        switch format {
        case .json: Terminal.writeStdout(DecisionRendering.json(decision, status: status))
        case .text: Terminal.writeStdout(DecisionRendering.text(decision, status: status, color: Terminal.supportsColor(fileDescriptor: 1)))
        }
        switch status.state {
        case .cleared: return
        case .pending: throw ExitStatus.approvalRequired
        case .rejected, .denied, .expired: throw ExitStatus.denied
        }
    }
}
