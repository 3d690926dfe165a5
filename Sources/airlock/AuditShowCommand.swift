import ArgumentParser
import Audit
import Foundation

/// `airlock audit show`: print the events, as text or JSON.
struct AuditShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the audit log's events.")

    @OptionGroup var location: AuditLocation

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    var format: OutputFormat = .text

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
