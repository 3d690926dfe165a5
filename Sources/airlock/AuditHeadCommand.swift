import ArgumentParser
import Audit
import Foundation

/// `airlock audit head`: print the signed head, to keep elsewhere against truncation.
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
