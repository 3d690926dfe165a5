import ArgumentParser
import Audit
import ControlPlane
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
    @OptionGroup var serverOptions: ServerOptions

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
        if let client = try serverOptions.client() {
            try await applyThroughServer(client, copy: copy, fileDigest: fileDigest, directory: directory)
            return
        }

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
        let clearance = try await Clearance.judge(candidates, in: store, now: Date())
        guard let decision = clearance.decision else {
            var message = "refused: no decision clears this plan (\(fileDigest)\(jsonDigest.map { ", JSON \($0)" } ?? "")).\n"
            if candidates.isEmpty {
                message += "  No decision was made for this exact plan. A plan changed after it was gated or approved has a different digest;\n  run airlock gate (or airlock plan) on it and have it approved again.\n"
            }
            for line in clearance.refusals { message += "  \(line)\n" }
            Terminal.writeStderr(message)
            try AuditTrail.append(log, GateAudit.applyRefused(clearance, actor: actor, source: planFile, planFileDigest: fileDigest, planDigest: jsonDigest))
            await store.close()
            throw clearance.pending ? ExitStatus.approvalRequired : ExitStatus.denied
        }

        let applyID = try await store.recordApplyStarted(decisionID: decision.id, planDigest: decision.planDigest, actor: actor.id, at: Date())
        try AuditTrail.append(log, GateAudit.applyStarted(decision, actor: actor, source: planFile, applyID: applyID, planFileDigest: fileDigest))
        Terminal.writeStderr("airlock: \(decision.id) clears this plan; running terraform apply.\n")
        guard let status = Run.passthrough(["terraform", "apply", "-input=false"] + terraformArguments + [copy], directory: directory) else {
            Terminal.writeStderr("error: cannot run terraform; is it installed and on PATH?\n")
            try await store.recordApplyFinished(id: applyID, exitCode: 127, at: Date())
            await store.close()
            throw ExitStatus.usage
        }
        try await store.recordApplyFinished(id: applyID, exitCode: status, at: Date())
        try AuditTrail.append(log, GateAudit.applyFinished(decision, actor: actor, source: planFile, applyID: applyID, exitCode: status, planFileDigest: fileDigest))
        await store.close()
        if status != 0 { throw ExitCode(status) }
    }

    /// The server decides whether this exact plan is cleared and records the apply; the
    /// same refusals, exit codes and audit events as the local path, kept in the server's chain.
    func applyThroughServer(_ client: ServerClient, copy: String, fileDigest: String, directory: String) async throws {
        var body: [String: String] = ["plan_file_digest": fileDigest, "source": planFile]
        let known = try await client.send("GET", "api/v1/clearance", query: ["plan_file_digest": fileDigest])
        try client.expectSuccess(known, doing: "look up the plan")
        if (known.json()["candidates"] as? [Any])?.isEmpty ?? true {
            // Decided from the JSON alone: the server knows the JSON's digest, not the file's.
            let json = try PlanInput.show(copy, directory: directory)
            do {
                body["plan_digest"] = try PlanDigest.ofJSON(json)
            } catch {
                Terminal.writeStderr("error: terraform show -json \(planFile) did not print JSON: \(error)\n")
                throw ExitStatus.usage
            }
        }
        let start = try await client.send("POST", "api/v1/applies", body: try JSONSerialization.data(withJSONObject: body))
        guard start.isSuccess else {
            let (code, message) = start.error
            Terminal.writeStderr("refused: \(message)\n")
            if start.status == 409 { throw code == "approval_pending" ? ExitStatus.approvalRequired : ExitStatus.denied }
            try client.expectSuccess(start, doing: "start the apply")
            return
        }
        let started = start.json()
        let applyID = started["apply_id"] as? String ?? ""
        Terminal.writeStderr("airlock: \(started["decision_id"] as? String ?? "a decision") clears this plan; running terraform apply.\n")
        let status = Run.passthrough(["terraform", "apply", "-input=false"] + terraformArguments + [copy], directory: directory) ?? 127
        let finish = try await client.send(
            "POST", "api/v1/applies/\(applyID)/finish",
            body: try JSONSerialization.data(withJSONObject: ["exit_code": Int(status), "source": planFile] as [String: Any]))
        try client.expectSuccess(finish, doing: "record the apply's result")
        if status == 127 {
            Terminal.writeStderr("error: cannot run terraform; is it installed and on PATH?\n")
            throw ExitStatus.usage
        }
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
