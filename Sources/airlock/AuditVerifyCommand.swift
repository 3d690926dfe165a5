import ArgumentParser
import Audit
import Foundation

/// `airlock audit verify`: check the log and name the first bad event.
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every event's hash and chain link and the signatures; name the first bad event.",
        discussion: """
            By default one signature vouches for each unbroken run of the chain (every event's hashed body \
            holds the previous event's hash and signature); --every-signature checks each event's as well. \
            Exit codes: 0 the log verifies, 1 it does not (each problem is listed), 2 usage.
            """
    )

    @OptionGroup var location: AuditLocation

    @Option(name: .customLong("public-key"), help: ArgumentHelp("Verify against this exported public key instead of the one beside the log.", valueName: "FILE"))
    var publicKey: String?

    @Option(name: .customLong("expected-head"), help: ArgumentHelp("Also check the log against this head, saved earlier with `airlock audit head`: catches a log cut short together with its head file.", valueName: "FILE"))
    var expectedHead: String?

    @Flag(name: .customLong("every-signature"), help: "Check every event's Ed25519 signature (about 85 µs each), not one per unbroken run of the chain.")
    var everySignature = false

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let keyText = try publicKey.map { try Self.read($0) }
        var head: AuditHead?
        if let expectedHead {
            do {
                head = try AuditHead(text: try Self.read(expectedHead))
            } catch let error as AuditError {
                throw ValidationError("\(expectedHead) is not an audit head: \(error.detail)")
            }
        }
        let log = location.log
        let result = log.verify(
            publicKey: keyText, expectedHead: head, signatures: everySignature ? .everyEvent : .chainAnchored)
        switch format {
        case .json: Terminal.writeStdout(AuditRendering.json(result, logPath: log.logPath))
        case .text: Terminal.writeStdout(AuditRendering.text(result, logPath: log.logPath))
        }
        if !result.isValid { throw ExitStatus.reported }
    }

    private static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("Cannot read \(path).") }
        return String(decoding: data, as: UTF8.self)
    }
}
