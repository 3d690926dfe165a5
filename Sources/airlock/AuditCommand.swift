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
    var format: GateCommand.Format = .text

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

struct AuditShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the audit log's events.")

    @OptionGroup var location: AuditLocation

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    var format: GateCommand.Format = .text

    @Option(help: ArgumentHelp("Only events of this kind (scan, decision, approval, rejection, apply_started, ...).", valueName: "KIND"))
    var kind: String?

    @Option(help: ArgumentHelp("Only the last N events.", valueName: "N"))
    var last: Int?

    func validate() throws {
        if let kind, AuditEventKind(rawValue: kind) == nil {
            throw ValidationError("Unknown event kind \"\(kind)\"; use one of \(AuditEventKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() throws {
        var events: [AuditEvent]
        do {
            events = try location.log.events()
        } catch {
            Terminal.writeStderr("error: \(error)\n")
            throw ExitStatus.usage
        }
        if let kind { events = events.filter { $0.record.kind.rawValue == kind } }
        if let last { events = Array(events.suffix(max(0, last))) }
        switch format {
        case .json: Terminal.writeStdout(AuditRendering.json(events))
        case .text: Terminal.writeStdout(AuditRendering.text(events))
        }
    }
}

struct AuditHeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head",
        abstract: "Print the log's signed head (sequence and hash of its last acknowledged event).",
        discussion: "Keep it where whoever can write the log cannot, and pass it back to `airlock audit verify --expected-head FILE`: a log cut short, even together with its head file, then fails.")

    @OptionGroup var location: AuditLocation

    func run() throws {
        let log = location.log
        let head: AuditHead?
        do {
            head = try log.head()
        } catch {
            Terminal.writeStderr("error: \(error)\n")
            throw ExitStatus.usage
        }
        guard let head else {
            Terminal.writeStderr(
                "error: \(log.headPath) does not exist: every append writes it, so nothing was logged yet or it was removed.\n")
            throw ExitStatus.usage
        }
        Terminal.writeStdout(head.text)
    }
}

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
