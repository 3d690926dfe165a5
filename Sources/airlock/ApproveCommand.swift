import ArgumentParser
import Audit
import Foundation
import Gate
import Store

/// `airlock approve`: a human reviewer approves a decision's plan.
struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a decision that requires approval, bound to its plan's digest.",
        discussion: """
            Only humans approve; never the actor who asked, nor the human who sponsors the
            agent that asked. Approvals expire (approvals.approval_lifetime in airlock.yaml).
            Exit codes: 0 recorded, 4 refused (separation of duties, denied, expired), 2 usage.
            """
    )

    @OptionGroup var review: ReviewOptions

    func run() async throws { try await review.record(.approve) }
}
