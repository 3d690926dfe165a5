import ArgumentParser
import Audit
import Foundation

/// `airlock audit`: read and verify the tamper-evident event log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Read and verify the hash-chained, signed audit log.",
        subcommands: [AuditVerifyCommand.self, AuditShowCommand.self, AuditExportKeyCommand.self]
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
        abstract: "Check every event's hash, chain link and signature; name the first bad event.",
        discussion: "Exit codes: 0 the log verifies, 1 it does not (each problem is listed), 2 usage."
    )

    @OptionGroup var location: AuditLocation

    @Option(name: .customLong("public-key"), help: ArgumentHelp("Verify against this exported public key instead of the one beside the log.", valueName: "FILE"))
    var publicKey: String?

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    var format: GateCommand.Format = .text

    func run() throws {
        var keyText: String?
        if let publicKey {
            guard let data = FileManager.default.contents(atPath: publicKey) else { throw ValidationError("Cannot read \(publicKey).") }
            keyText = String(decoding: data, as: UTF8.self)
        }
        let log = location.log
        let result = log.verify(publicKey: keyText)
        switch format {
        case .json:
            var problems: [[String: Any]] = []
            for p in result.problems {
                var item: [String: Any] = ["code": p.code, "line": p.line, "summary": p.summary, "detail": p.detail]
                if let s = p.sequence { item["sequence"] = s }
                problems.append(item)
            }
            var object: [String: Any] = ["log": log.logPath, "events": result.eventCount, "valid": result.isValid, "problems": problems]
            if let first = result.firstBadSequence { object["first_bad_sequence"] = first }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
            Terminal.writeStdout(String(decoding: data, as: UTF8.self) + "\n")
        case .text:
            if result.isValid {
                Terminal.writeStdout("ok: \(result.eventCount) events in \(log.logPath) verify (hashes, chain and signatures).\n")
            } else {
                var text = "FAILED: \(log.logPath) does not verify"
                if let first = result.firstBadSequence { text += "; the first bad event is #\(first)" }
                text += ".\n"
                for p in result.problems {
                    text += "  \(log.logPath):\(p.line): \(p.code)\(p.sequence.map { " event #\($0)" } ?? ""): \(p.summary)\n    \(p.detail)\n"
                }
                Terminal.writeStdout(text)
            }
        }
        if !result.isValid { throw ExitStatus.reported }
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
