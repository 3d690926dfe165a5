import ArgumentParser
import Foundation
import Gate

/// `airlock gate --server`: the server scans, decides and records; this prints the decision
/// as the local gate would, and can wait for reviewers.
struct RemoteGate {
    var client: ServerClient
    var input: PlanInput
    var actorOptions: ActorOptions
    var options: DecisionOptions

    func run(wait: Int) async throws {
        let planFileDigest = try input.planFile.map { path -> String in
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("Cannot read \(path).") }
            return PlanDigest.ofBytes(data)
        }
        let environment = ProcessInfo.processInfo.environment
        let root = StoreOptions.root(of: FileManager.default.currentDirectoryPath)
        let query: [String: String?] = [
            "source": input.jsonPath, "plan_file_digest": planFileDigest,
            "workspace": options.workspace ?? GateRun.workspace(in: input.directory),
            "directory": GateRun.relative(input.directory, to: root),
            "account": options.account, "region": options.region,
            "model": actorOptions.model ?? environment["AIRLOCK_MODEL"],
            "tool": actorOptions.tool ?? environment["AIRLOCK_TOOL"],
            "session": actorOptions.session ?? environment["AIRLOCK_SESSION"],
        ]
        let reply = try await client.send("POST", "api/v1/plans", query: query, body: Data(input.jsonBytes))
        try client.expectSuccess(reply, doing: "gate the plan")
        var (decision, status) = try ServerClient.decision(from: reply)
        var body = reply.body
        if status.state == .pending, wait > 0 {
            let deadline = Date().addingTimeInterval(TimeInterval(wait))
            Terminal.writeStderr("airlock: \(decision.id) needs approval; waiting up to \(wait)s (review it at \(client.base.absoluteString)/ui/decisions/\(decision.id))\n")
            while status.state == .pending, Date() < deadline {
                let slice = max(1, min(60, Int(deadline.timeIntervalSinceNow.rounded(.up))))
                let next = try await client.send(
                    "GET", "api/v1/decisions/\(decision.id)", query: ["wait": String(slice)], timeout: TimeInterval(slice + 30))
                try client.expectSuccess(next, doing: "show \(decision.id)")
                (decision, status) = try ServerClient.decision(from: next)
                body = next.body
            }
        }
        switch options.format {
        case .json: Terminal.writeStdout(String(decoding: body, as: UTF8.self) + "\n")
        case .text: Terminal.writeStdout(DecisionRendering.text(decision, status: status, color: Terminal.supportsColor(fileDescriptor: 1)))
        }
        switch status.state {
        case .cleared: return
        case .pending: throw ExitStatus.approvalRequired
        case .rejected, .denied, .expired: throw ExitStatus.denied
        }
    }
}
