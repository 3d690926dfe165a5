import Foundation
import Testing

/// The README's walkthrough as a test: `airlock serve`, an agent planning through it, a
/// reviewer approving through it, and `airlock apply` letting exactly that plan through.
@Suite(.serialized) struct ServeCLITests {
    /// A running `airlock serve` and the URL it listens on.
    final class Server: @unchecked Sendable {
        let process = Process()
        let url: String
        private let log: FileHandle

        init(in repo: GateCLITests.Repo, arguments: [String]) throws {
            process.executableURL = CLI.binary
            process.arguments = ["serve", "--port", "0"] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: repo.path)
            var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AIRLOCK_") }
            environment["NO_COLOR"] = "1"
            process.environment = environment
            let logPath = (repo.path as NSString).appendingPathComponent("serve.log")
            FileManager.default.createFile(atPath: logPath, contents: nil)
            log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
            process.standardError = log
            process.standardOutput = log
            try process.run()
            // The log names the port it picked.
            var found: String?
            for _ in 0..<1200 where found == nil {  // up to 120 s on a loaded machine
                Thread.sleep(forTimeInterval: 0.1)
                let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
                if let range = text.range(of: #"listening on http://127\.0\.0\.1:\d+"#, options: .regularExpression) {
                    found = String(text[range].dropFirst("listening on ".count))
                }
                if !process.isRunning { break }
            }
            guard let found else {
                process.terminate()
                throw ServerDidNotStart(log: (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "")
            }
            url = found
        }

        func stop() {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
            try? log.close()
        }
    }

    struct ServerDidNotStart: Error, CustomStringConvertible {
        var log: String
        var description: String { "airlock serve did not start:\n\(log)" }
    }

    static func token(_ repo: GateCLITests.Repo, _ arguments: [String]) throws -> String {
        let made = try repo.airlock(["token", "create", "--state-dir", "\(repo.path)/.airlock"] + arguments)
        #expect(made.status == 0, "\(made.stderr)")
        return made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func planApproveAndApplyThroughTheServer() throws {
        let repo = try GateCLITests.Repo()
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
        let agent = try Self.token(repo, ["--name", "claude", "--role", "agent", "--actor", "agent:claude-code", "--on-behalf-of", "human:alice"])
        let alice = try Self.token(repo, ["--name", "alice", "--role", "reviewer", "--actor", "human:alice"])
        let carol = try Self.token(repo, ["--name", "carol", "--role", "reviewer", "--actor", "human:carol"])
        #expect(agent.hasPrefix("alk_"))
        let listed = try repo.airlock(["token", "list", "--state-dir", "\(repo.path)/.airlock"])
        #expect(listed.stdout.contains("agent:claude-code for human:alice"))
        #expect(!listed.stdout.contains(agent))

        let server = try Server(in: repo, arguments: ["--state-dir", "\(repo.path)/.airlock"])
        defer { server.stop() }
        let asAgent = ["--server", server.url, "--token", agent]

        let planned = try repo.airlock(["plan", ".", "--format", "json"] + asAgent)
        #expect(planned.status == 3, "\(planned.stdout)\n\(planned.stderr)")
        let id = try #require(GateCLITests.decisionID(planned.stdout))

        var apply = try repo.airlock(["apply", "airlock.tfplan"] + asAgent)
        #expect(apply.status == 3, "pending approval must stop apply: \(apply.stderr)")

        let bySponsor = try repo.airlock(["approve", id, "--server", server.url, "--token", alice])
        #expect(bySponsor.status == 4)
        #expect(bySponsor.stderr.contains("GATE203"), "\(bySponsor.stderr)")
        let byAgent = try repo.airlock(["approve", id, "--server", server.url, "--token", agent])
        #expect(byAgent.status == 4, "agents never approve: \(byAgent.stderr)")
        let approved = try repo.airlock(["approve", id, "--server", server.url, "--token", carol, "--comment", "looks fine"])
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stdout.contains("cleared"))

        // A plan changed after approval has another digest: the server refuses it.
        try repo.write("main.tf", "resource \"terraform_data\" \"release\" {\n  input = \"v2-changed-after-approval\"\n}\n")
        let sneaky = try repo.terraform(["plan", "-input=false", "-no-color", "-out=airlock.tfplan"])
        #expect(sneaky.status == 0, "\(sneaky.stderr)")
        apply = try repo.airlock(["apply", "airlock.tfplan"] + asAgent)
        #expect(apply.status == 4, "a plan changed after approval must be refused: \(apply.stderr)")
        #expect(!repo.read("terraform.tfstate").contains("v2-changed-after-approval"))

        // The agent plans again and waits; the reviewer approves; exactly that plan applies, once.
        let replanned = try repo.airlock(["plan", ".", "--format", "json"] + asAgent)
        #expect(replanned.status == 3)
        let second = try #require(GateCLITests.decisionID(replanned.stdout))
        #expect(try repo.airlock(["approve", second, "--server", server.url, "--token", carol]).status == 0)
        apply = try repo.airlock(["apply", "airlock.tfplan"] + asAgent)
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(repo.read("terraform.tfstate").contains("v2-changed-after-approval"))
        apply = try repo.airlock(["apply", "airlock.tfplan"] + asAgent)
        #expect(apply.status == 4, "a plan applies once: \(apply.stderr)")

        // gate --wait returns as soon as a reviewer settles the decision.
        let gated = try repo.airlock(["gate", "airlock.tfplan", "--wait", "1", "--format", "json"] + asAgent)
        #expect(gated.status == 3, "still pending after the wait: \(gated.stderr)")
        #expect(gated.stderr.contains("waiting up to 1s"))

        // No local state was written by the client: the server holds it all, and its chain verifies.
        let verify = try repo.run("/usr/bin/curl", ["-s", "-H", "Authorization: Bearer \(carol)", server.url + "/api/v1/audit/verify"])
        #expect(verify.stdout.contains("\"valid\":true") || verify.stdout.contains("\"valid\": true"), "\(verify.stdout)")
    }

    @Test func clientErrorsAreClear() throws {
        let repo = try GateCLITests.Repo()
        let plan = "\(GateCLITests.fixtures)/dev-tag-change/plan.json"
        let noToken = try repo.airlock(["gate", plan, "--server", "http://127.0.0.1:9"])
        #expect(noToken.status == 2)
        #expect(noToken.stderr.contains("--token or AIRLOCK_TOKEN"))
        let unreachable = try repo.airlock(["gate", plan, "--server", "http://127.0.0.1:9", "--token", "alk_x"])
        #expect(unreachable.status == 2)
        #expect(unreachable.stderr.contains("cannot reach the airlock server"), "\(unreachable.stderr)")
        let badURL = try repo.airlock(["gate", plan, "--server", "ftp://x", "--token", "alk_x"])
        #expect(badURL.status == 2)

        let server = try Server(in: repo, arguments: ["--state-dir", "\(repo.path)/.airlock"])
        defer { server.stop() }
        let forged = try repo.airlock(["gate", plan, "--server", server.url, "--token", "alk_forged"])
        #expect(forged.status == 2)
        #expect(forged.stderr.contains("HTTP 401"), "\(forged.stderr)")
    }
}
