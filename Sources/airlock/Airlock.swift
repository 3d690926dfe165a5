import ArgumentParser
import Policy
import Foundation

/// The `airlock` command: the governance control plane between AI agents and `terraform apply`.
@main
struct Airlock: AsyncParsableCommand {
    static let version = ReportTool.airlock.version

    static let configuration = CommandConfiguration(
        commandName: "airlock",
        abstract: "Understand, check and gate Terraform changes before they are applied.",
        discussion: """
            Exit codes:
              0  success: nothing to report at or above the threshold; gate: allow
              1  findings or syntax errors were reported; a log that does not verify
              2  usage or input error (bad flag, missing file)
              3  gate: approval required; apply: still waiting for approval
              4  gate: deny; apply: refused
            """,
        version: version,
        subcommands: [
            ParseCommand.self, EvalCommand.self, ScanCommand.self, ChecksCommand.self,
            PlanCommand.self, GateCommand.self, ApproveCommand.self, RejectCommand.self, StatusCommand.self,
            ApplyCommand.self, AuditCommand.self, ServeCommand.self, TokenCommand.self,
        ]
    )

    /// Runs the command and maps usage errors to exit code 2, as `--help` documents
    /// (swift-argument-parser's own default is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}
