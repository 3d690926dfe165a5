import ArgumentParser
import Audit
import Foundation

/// `airlock audit export-key`: print the public key that verifies the log.
struct AuditExportKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-key",
        abstract: "Print the log's public key, to keep where whoever can write the log cannot.")

    @OptionGroup var location: AuditLocation

    func run() throws {
        do {
            Terminal.writeStdout(try location.log.exportPublicKey())
        } catch {
            Terminal.writeStderr("error: \(error)\n")
            throw ExitStatus.usage
        }
    }
}
