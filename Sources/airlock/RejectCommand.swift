import ArgumentParser
import Audit
import Foundation
import Gate
import Store

/// `airlock reject`: a human reviewer rejects a decision's plan; it stays rejected.
struct RejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Reject a decision that requires approval; its plan can no longer be applied.",
        discussion: "Exit codes: 0 recorded, 4 refused, 2 usage."
    )

    @OptionGroup var review: ReviewOptions

    func run() async throws { try await review.record(.reject) }
}
