import Foundation
import Testing

/// The gate end to end, as a user runs it: real Terraform plans, the built binary, a real
/// SQLite store and audit log in a temporary repository.
@Suite(.serialized) struct GateCLITests {
    /// A temporary repository with its own state directory.
    struct Repo {
        let path: String

        init() throws {
            path = (NSTemporaryDirectory() as NSString).appendingPathComponent("airlock-gate-\(UUID().uuidString)")
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try write(".git/HEAD", "ref: refs/heads/main\n")
        }

        func write(_ name: String, _ text: String) throws {
            let file = (path as NSString).appendingPathComponent(name)
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }

        func read(_ name: String) -> String {
            (try? String(contentsOfFile: (path as NSString).appendingPathComponent(name), encoding: .utf8)) ?? ""
        }

        /// Runs the airlock binary in the repository, with no actor variables leaking in.
        func airlock(_ arguments: [String], environment extra: [String: String] = [:]) throws -> CLI.Result {
            try run(CLI.binary.path, arguments, environment: extra)
        }

        func run(_ executable: String, _ arguments: [String], environment extra: [String: String] = [:]) throws -> CLI.Result {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: path)
            var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AIRLOCK_") && $0.key != "TF_WORKSPACE" }
            environment["NO_COLOR"] = "1"
            environment["TF_IN_AUTOMATION"] = "1"
            environment["CHECKPOINT_DISABLE"] = "1"
            for (k, v) in extra { environment[k] = v }
            process.environment = environment
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            final class Collected: @unchecked Sendable { var data = Data() }
            let stderr = Collected()
            let group = DispatchGroup()
            group.enter()
            DispatchQueue.global().async { stderr.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            group.wait()
            process.waitUntilExit()
            return CLI.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr.data, as: UTF8.self))
        }

        func terraform(_ arguments: [String]) throws -> CLI.Result {
            guard let tf = GateCLITests.terraform else { throw TerraformMissing() }
            return try run(tf, arguments)
        }
    }

    struct TerraformMissing: Error, CustomStringConvertible {
        var description: String { "terraform is not on PATH: these tests need Terraform (see ../shared/REFERENCES.md)" }
    }

    static var terraform: String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/terraform") {
            return "\(dir)/terraform"
        }
        return nil
    }

    static func decisionID(_ json: String) -> String? {
        guard let data = json.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["decision_id"] as? String
    }

    static let fixtures = CLI.root.appendingPathComponent("Tests/GateTests/Fixtures").path

    /// The decisions the issue names, from real AWS plans through the command line.
    @Test(arguments: [
        ("prod-db-delete/plan.json", "prod", 4, "agents-no-destroy-in-prod"),
        ("iam-wildcard/plan.json", "dev", 3, "critical-risk-needs-security"),
        ("dev-tag-change/plan.json", "dev", 0, "default"),
    ])
    func agentPlans(_ plan: String, _ workspace: String, _ status: Int32, _ rule: String) throws {
        let repo = try Repo()
        let result = try repo.airlock([
            "gate", "\(Self.fixtures)/\(plan)", "--workspace", workspace, "--actor", "agent:claude-code",
            "--on-behalf-of", "human:alice", "--state-dir", "\(repo.path)/.airlock", "--format", "json",
        ])
        #expect(result.status == status, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains(rule))
        #expect(Self.decisionID(result.stdout)?.hasPrefix("dec_") == true)
        let verify = try repo.airlock(["audit", "verify", "--state-dir", "\(repo.path)/.airlock"])
        #expect(verify.status == 0, "\(verify.stdout)")
        // The policy in force (first seen), the scan, the decision.
        #expect(verify.stdout.contains("3 events"), "\(verify.stdout)")
    }

    /// Plan as an agent, wait for approval, refuse the sponsor, approve, change the plan
    /// after approval (refused), re-plan, approve, apply once, and verify the log — with
    /// terraform_data, which plans and applies without a cloud.
    @Test func theWholeLoopWithRealTerraform() throws {
        let repo = try Repo()
        try repo.write("airlock.yaml", """
            version: 1
            environments:
              dev: {workspaces: [default]}
            rules:
              - name: agents-need-a-reviewer
                when: {actor_kind: agent}
                outcome: approval_required
                approvals: {count: 1}
            """)
        try repo.write("main.tf", "resource \"terraform_data\" \"release\" {\n  input = \"v1\"\n}\n")
        let initResult = try repo.terraform(["init", "-input=false", "-no-color"])
        #expect(initResult.status == 0, "\(initResult.stderr)")
        let agent = ["--actor", "agent:claude-code", "--on-behalf-of", "human:alice"]

        let planned = try repo.airlock(["plan", ".", "--format", "json"] + agent)
        #expect(planned.status == 3, "\(planned.stdout)\n\(planned.stderr)")
        let id = try #require(Self.decisionID(planned.stdout))

        var apply = try repo.airlock(["apply", "airlock.tfplan"])
        #expect(apply.status == 3, "pending approval must stop apply: \(apply.stderr)")
        #expect(apply.stderr.contains("more approval"))

        let sponsor = try repo.airlock(["approve", id, "--as", "human:alice"])
        #expect(sponsor.status == 4)
        #expect(sponsor.stderr.contains("GATE203"))
        let byAgent = try repo.airlock(["approve", id, "--as", "agent:cursor"])
        #expect(byAgent.status == 4)
        #expect(byAgent.stderr.contains("GATE201"))

        let approved = try repo.airlock(["approve", id, "--as", "human:carol", "--comment", "looks fine"])
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stdout.contains("cleared"))

        // The plan file is replaced after approval: a different plan, a different digest.
        try repo.write("main.tf", "resource \"terraform_data\" \"release\" {\n  input = \"v2-changed-after-approval\"\n}\n")
        let sneaky = try repo.terraform(["plan", "-input=false", "-no-color", "-out=airlock.tfplan"])
        #expect(sneaky.status == 0, "\(sneaky.stderr)")
        apply = try repo.airlock(["apply", "airlock.tfplan"])
        #expect(apply.status == 4, "a plan changed after approval must be refused: \(apply.stderr)")
        #expect(apply.stderr.contains("No decision was made for this exact plan"))
        #expect(!repo.read("terraform.tfstate").contains("v2-changed-after-approval"))

        let replanned = try repo.airlock(["plan", ".", "--format", "json"] + agent)
        #expect(replanned.status == 3)
        let second = try #require(Self.decisionID(replanned.stdout))
        #expect(second != id)
        #expect(try repo.airlock(["approve", second, "--as", "human:carol"]).status == 0)
        apply = try repo.airlock(["apply", "airlock.tfplan"])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(repo.read("terraform.tfstate").contains("v2-changed-after-approval"))
        apply = try repo.airlock(["apply", "airlock.tfplan"])
        #expect(apply.status == 4, "a plan applies once")

        let status = try repo.airlock(["status", second, "--format", "json"])
        #expect(status.stdout.contains("\"state\" : \"cleared\"") || status.stdout.contains("\"state\": \"cleared\""))

        let verify = try repo.airlock(["audit", "verify"])
        #expect(verify.status == 0, "\(verify.stdout)")
        let shown = try repo.airlock(["audit", "show", "--format", "json"])
        for kind in ["configuration_change", "scan", "decision", "approval", "apply_refused", "apply_started", "apply_finished"] {
            #expect(shown.stdout.contains("\"\(kind)\""), "no \(kind) event")
        }
    }

    /// An edited audit log fails verification at the edited event, and the message names it.
    @Test func anEditedAuditLogFailsAtTheRightEvent() throws {
        let repo = try Repo()
        for plan in ["dev-tag-change/plan.json", "iam-wildcard/plan.json", "dev-tag-change/plan.json"] {
            _ = try repo.airlock(["gate", "\(Self.fixtures)/\(plan)", "--workspace", "dev", "--actor", "agent:claude-code"])
        }
        var lines = repo.read(".airlock/audit.log").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count >= 7)
        // Event 1 records the policy; then a scan and a decision per plan. Event 5 is the
        // second plan's decision: turn its outcome into an allow.
        #expect(lines[4].contains("\"kind\":\"decision\""))
        lines[4] = lines[4].replacingOccurrences(of: "approval_required", with: "allow")
        try repo.write(".airlock/audit.log", lines.joined(separator: "\n"))
        let verify = try repo.airlock(["audit", "verify"])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("first bad event is #5"), "\(verify.stdout)")
    }

    /// A head kept elsewhere catches a log cut back together with its head file; the
    /// exhaustive mode checks every signature and agrees on a sound log.
    @Test func aSavedHeadCatchesTruncation() throws {
        let repo = try Repo()
        let gate = ["gate", "\(Self.fixtures)/dev-tag-change/plan.json", "--workspace", "dev", "--actor", "agent:claude-code"]
        _ = try repo.airlock(gate)
        let early = repo.read(".airlock/audit.log")
        let earlyHead = repo.read(".airlock/audit.head")
        _ = try repo.airlock(gate)
        let head = try repo.airlock(["audit", "head"])
        #expect(head.status == 0)
        try repo.write("saved.head", head.stdout)
        #expect(try repo.airlock(["audit", "verify", "--every-signature"]).status == 0)
        // Rewind the log and its head file to the first decision: the chain alone is sound.
        try repo.write(".airlock/audit.log", early)
        try repo.write(".airlock/audit.head", earlyHead)
        #expect(try repo.airlock(["audit", "verify"]).status == 0)
        let checked = try repo.airlock(["audit", "verify", "--expected-head", "saved.head"])
        #expect(checked.status == 1, "\(checked.stdout)")
        #expect(checked.stdout.contains("AUD004"), "\(checked.stdout)")
    }

    /// Custom policies take part in the gate: their findings weigh in, and the policy
    /// digest changes with them.
    @Test func customPoliciesWeighIn() throws {
        let repo = try Repo()
        try repo.write("policies/team-tag.yaml", """
            metadata:
              id: "CKV2_ACME_1"
              name: "Roles have a team tag"
              category: "GENERAL_SECURITY"
              severity: "critical"
            definition:
              cond_type: attribute
              resource_types: [aws_iam_role]
              attribute: tags.team
              operator: exists
            """)
        let plan = "\(Self.fixtures)/iam-wildcard/plan.json"
        let without = try repo.airlock(["gate", plan, "--workspace", "dev", "--format", "json"])
        let with = try repo.airlock(["gate", plan, "--workspace", "dev", "--format", "json", "--policy-dir", "policies"])
        #expect(with.status == 3, "\(with.stderr)")
        #expect(with.stdout.contains("CKV2_ACME_1"))
        #expect(!without.stdout.contains("CKV2_ACME_1"))
        func policyDigest(_ json: String) -> String? {
            (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["policy_digest"] as? String
        }
        #expect(policyDigest(with.stdout) != nil && policyDigest(with.stdout) != policyDigest(without.stdout))
    }

    /// With --database the decisions and approvals live in PostgreSQL: a second working copy
    /// (another replica's view) sees and approves the same decision.
    @Test func decisionsInPostgresAreSharedAcrossWorkingCopies() throws {
        guard let url = ProcessInfo.processInfo.environment["AIRLOCK_TEST_POSTGRES_URL"], !url.isEmpty else {
            #expect(ProcessInfo.processInfo.environment["CI"] == nil, "CI must provide PostgreSQL (scripts/test.sh starts one)")
            return
        }
        let first = try Repo(), second = try Repo()
        let gated = try first.airlock([
            "gate", "\(Self.fixtures)/iam-wildcard/plan.json", "--workspace", "dev", "--actor", "agent:claude-code",
            "--on-behalf-of", "human:alice", "--database", url, "--format", "json",
        ])
        #expect(gated.status == 3, "\(gated.stderr)")
        let id = try #require(Self.decisionID(gated.stdout))
        #expect(try second.airlock(["status", id, "--database", url]).status == 3)
        #expect(try second.airlock(["approve", id, "--as", "human:carol", "--role", "security", "--database", url]).status == 0)
        #expect(try first.airlock(["status", id, "--database", url]).status == 0)
    }

    /// A configuration with an error stops the gate with the file, line and column: a gate
    /// must never decide under a policy it misread. Nothing is recorded.
    @Test func aBrokenAirlockYamlIsAUsageErrorWithItsLine() throws {
        let repo = try Repo()
        try repo.write("airlock.yaml", "version: 1\nrules:\n  - name: x\n    outcome: maybe\n")
        let result = try repo.airlock(["gate", "\(Self.fixtures)/dev-tag-change/plan.json", "--actor", "agent:claude-code"])
        #expect(result.status == 2, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains("airlock.yaml:4:14"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "\(repo.path)/.airlock/audit.log"))
    }

    /// Changing airlock.yaml between two decisions logs the new policy.
    @Test func aPolicyChangeIsLogged() throws {
        let repo = try Repo()
        let gate = ["gate", "\(Self.fixtures)/dev-tag-change/plan.json", "--workspace", "dev", "--actor", "agent:claude-code"]
        try repo.write("airlock.yaml", "version: 1\n")
        _ = try repo.airlock(gate)
        _ = try repo.airlock(gate)
        try repo.write("airlock.yaml", "version: 1\ndefault_outcome: approval_required\nrules: []\n")
        let third = try repo.airlock(gate)
        #expect(third.status == 3, "\(third.stdout)")
        let shown = try repo.airlock(["audit", "show", "--format", "json", "--kind", "configuration_change"])
        #expect(shown.stdout.components(separatedBy: "\"configuration_change\"").count - 1 == 2, "\(shown.stdout)")
    }

    @Test(arguments: [
        (["gate", "does-not-exist.json"], "does not exist"),
        (["gate", "README.md"], "error"),
        (["gate", "Tests/GateTests/Fixtures/iam-wildcard/plan.json", "--actor", "robot"], "not an actor"),
        (["approve", "dec_nope", "--as", "human:carol"], "no decision dec_nope"),
        (["apply", "README.md"], "not a binary plan"),
    ])
    func badInputIsAUsageError(_ arguments: [String], _ message: String) throws {
        let repo = try Repo()
        var args = arguments
        if args.count > 1, !args[1].hasPrefix("dec_"), FileManager.default.fileExists(atPath: CLI.root.appendingPathComponent(args[1]).path) {
            args[1] = CLI.root.appendingPathComponent(args[1]).path
        }
        let result = try repo.airlock(args)
        #expect(result.status == 2, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
