import ArgumentParser
import Audit
import Foundation
import Gate
import Store

/// `airlock apply`: run `terraform apply` on a plan file only if the gate cleared exactly
/// that plan.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply a saved plan, only if a decision allowed or approved exactly that plan.",
        discussion: """
            The plan file's SHA-256 (and that of its JSON) must match a decision that is
            allowed, or approved by enough reviewers, and not expired. Anything else is
            refused with what is missing. The file is copied before it is hashed, and the copy
            is what terraform applies, so it cannot change between the check and the apply.

            Exit codes: terraform's own when it ran (0 applied); 3 approval still pending;
            4 refused (no decision for this plan, denied, rejected, expired, already applied);
            2 usage or input error.
            """
    )

    @Argument(help: "The binary plan file (terraform plan -out=FILE).")
    var planFile: String

    @Option(name: .customLong("chdir"), help: ArgumentHelp("The Terraform working directory (default: the plan file's directory).", valueName: "DIR"))
    var chdir: String?

    @OptionGroup var actorOptions: ActorOptions
    @OptionGroup var storeOptions: StoreOptions

    @Argument(parsing: .postTerminator, help: "Arguments passed to terraform apply after --.")
    var terraformArguments: [String] = []

    func validate() throws {
        guard FileManager.default.fileExists(atPath: planFile) else { throw ValidationError("\(planFile) does not exist.") }
        guard PlanInput.isBinaryPlan(planFile) else {
            throw ValidationError("\(planFile) is not a binary plan file; apply takes the file written by terraform plan -out=FILE (or airlock plan).")
        }
    }

    func run() async throws {
        let directory = chdir ?? (planFile as NSString).deletingLastPathComponent.nonEmpty ?? "."
        let actor = try actorOptions.resolve(directory: directory)
        // Hash and apply one private copy, so the file checked is the file applied.
        let copy = try Self.privateCopy(of: planFile)
        defer { try? FileManager.default.removeItem(atPath: (copy as NSString).deletingLastPathComponent) }
        guard let data = FileManager.default.contents(atPath: copy) else { throw ValidationError("Cannot read \(planFile).") }
        let fileDigest = PlanDigest.ofBytes(data)

        let repository = FileManager.default.currentDirectoryPath
        let store = try await storeOptions.openStore(for: repository)
        let log = storeOptions.auditLog(for: repository)
        var candidates = try await store.decisions(planFileDigest: fileDigest)
        var jsonDigest: String?
        if candidates.isEmpty {
            // Decided from the JSON alone: compare the JSON terraform shows for this file.
            let json = try PlanInput.show(copy, directory: directory)
            do {
                jsonDigest = try PlanDigest.ofJSON(json)
            } catch {
                Terminal.writeStderr("error: terraform show -json \(planFile) did not print JSON: \(error)\n")
                throw ExitStatus.usage
            }
            candidates = try await store.decisions(planDigest: jsonDigest)
        }
        let now = Date()
        var refusals: [String] = []
        var cleared: Decision?
        var pending = false
        for decision in candidates {
            if try await store.successfulApplies(decisionID: decision.id) > 0 {
                refusals.append("\(decision.id): already applied; a plan applies once — plan again")
                continue
            }
            let status = ApprovalPolicy.status(of: decision, approvals: try await store.approvals(decisionID: decision.id), now: now)
            if status.isCleared { cleared = decision; break }
            if status.state == .pending { pending = true }
            refusals.append("\(decision.id) (\(decision.outcome.rawValue), \(status.state.rawValue)): " + status.missing.joined(separator: "; "))
        }
        guard let decision = cleared else {
            var message = "refused: no decision clears this plan (\(fileDigest)\(jsonDigest.map { ", JSON \($0)" } ?? "")).\n"
            if candidates.isEmpty {
                message += "  No decision was made for this exact plan. A plan changed after it was gated or approved has a different digest;\n  run airlock gate (or airlock plan) on it and have it approved again.\n"
            }
            for line in refusals { message += "  \(line)\n" }
            Terminal.writeStderr(message)
            try AuditTrail.append(log, AuditRecord(
                kind: .applyRefused, actor: actor.id, actorDetails: actor.details, planDigest: jsonDigest ?? candidates.first?.planDigest,
                policyDigest: nil, decisionID: candidates.first?.id, summary: "apply of \(planFile) refused",
                details: ["plan_file_digest": fileDigest, "why": refusals.joined(separator: " | ")]))
            await store.close()
            throw pending ? ExitStatus.approvalRequired : ExitStatus.denied
        }

        let applyID = try await store.recordApplyStarted(decisionID: decision.id, planDigest: decision.planDigest, actor: actor.id, at: Date())
        try AuditTrail.append(log, AuditTrail.record(
            .applyStarted, actor: actor, decision: decision, summary: "terraform apply \(planFile) under \(decision.id)",
            details: ["apply_id": applyID, "plan_file_digest": fileDigest]))
        Terminal.writeStderr("airlock: \(decision.id) clears this plan; running terraform apply.\n")
        guard let status = Run.passthrough(["terraform", "apply", "-input=false"] + terraformArguments + [copy], directory: directory) else {
            Terminal.writeStderr("error: cannot run terraform; is it installed and on PATH?\n")
            try await store.recordApplyFinished(id: applyID, exitCode: 127, at: Date())
            await store.close()
            throw ExitStatus.usage
        }
        try await store.recordApplyFinished(id: applyID, exitCode: status, at: Date())
        try AuditTrail.append(log, AuditTrail.record(
            .applyFinished, actor: actor, decision: decision,
            summary: status == 0 ? "applied \(planFile)" : "terraform apply failed with exit code \(status)",
            details: ["apply_id": applyID, "exit_code": String(status), "plan_file_digest": fileDigest]))
        await store.close()
        if status != 0 { throw ExitCode(status) }
    }

    static func privateCopy(of path: String) throws -> String {
        let dir = (NSTemporaryDirectory() as NSString).appendingPathComponent("airlock-apply-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let copy = (dir as NSString).appendingPathComponent("plan.tfplan")
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        return copy
    }
}
