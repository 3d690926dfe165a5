import ArgumentParser
import Audit
import Foundation

/// `airlock audit`: read and verify the tamper-evident event log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Read and verify the hash-chained, signed audit log.",
        subcommands: [AuditVerifyCommand.self, AuditShowCommand.self, AuditHeadCommand.self, AuditExportKeyCommand.self]
    )
}

/// Where the log is: shared by the audit subcommands.
struct AuditLocation: ParsableArguments {
    @Option(name: .customLong("state-dir"), help: ArgumentHelp("The state directory holding audit.log (default: AIRLOCK_STATE_DIR, else .airlock at the repository root).", valueName: "DIR"))
    var stateDirectory: String?

    var log: AuditLog {
        AuditLog(directory: StoreOptions.stateDirectory(stateDirectory, for: FileManager.default.currentDirectoryPath))
    }
}
