import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Gate

/// `--server` and `--token`: run a command against `airlock serve` instead of the local state.
struct ServerOptions: ParsableArguments {
    @Option(name: .customLong("server"), help: ArgumentHelp("Ask an airlock server instead of the local state (default: AIRLOCK_SERVER).", valueName: "URL"))
    var server: String?

    @Option(name: .customLong("token"), help: ArgumentHelp("The API token for --server (default: AIRLOCK_TOKEN).", valueName: "TOKEN"))
    var token: String?

    /// The client, when a server is named by flag or environment.
    func client() throws -> ServerClient? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = server ?? environment["AIRLOCK_SERVER"].flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
        guard let base = URL(string: url), base.scheme == "http" || base.scheme == "https", base.host != nil else {
            throw ValidationError("--server \(url) is not an http(s) URL.")
        }
        guard let token = token ?? environment["AIRLOCK_TOKEN"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw ValidationError("--server needs an API token: --token or AIRLOCK_TOKEN (airlock token create makes one).")
        }
        return ServerClient(base: base, token: token)
    }
}

/// The few calls the CLI makes to `airlock serve`, over URLSession.
struct ServerClient {
    var base: URL
    var token: String

    struct Reply {
        var status: Int
        var body: Data

        var isSuccess: Bool { (200..<300).contains(status) }

        /// `error.code` and `error.message` of an API error body.
        var error: (code: String, message: String) {
            let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
            let error = object?["error"] as? [String: Any]
            return (error?["code"] as? String ?? "http_\(status)", error?["message"] as? String ?? String(decoding: body.prefix(500), as: UTF8.self))
        }

        func json() -> [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
    }

    func send(_ method: String, _ path: String, query: [String: String?] = [:], body: Data? = nil, timeout: TimeInterval = 120) async throws -> Reply {
        var components = URLComponents(url: base.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        let items = query.compactMap { key, value in value.map { URLQueryItem(name: key, value: $0) } }.sorted { $0.name < $1.name }
        if !items.isEmpty { components.queryItems = items }
        var request = URLRequest(url: components.url!)
        request.httpMethod = method
        request.timeoutInterval = timeout
        request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            return Reply(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
        } catch {
            Terminal.writeStderr("error: cannot reach the airlock server at \(base.absoluteString): \(error.localizedDescription)\n")
            throw ExitStatus.usage
        }
    }

    /// Fails the command with the server's own message for a non-2xx reply.
    func expectSuccess(_ reply: Reply, doing what: String) throws {
        guard !reply.isSuccess else { return }
        let (code, message) = reply.error
        Terminal.writeStderr("error: the server refused to \(what) (HTTP \(reply.status), \(code)): \(message)\n")
        throw reply.status == 403 ? ExitStatus.denied : ExitStatus.usage
    }

    /// A decision reply: the decision and its status, judged from the verdicts the server
    /// returned with it by the same `ApprovalPolicy` the server uses.
    static func decision(from reply: Reply) throws -> (Decision, ApprovalStatus) {
        struct Verdicts: Decodable { var approvals: [Approval]? }
        do {
            let decision = try DecisionRendering.decode(reply.body)
            let approvals = try DecisionRendering.decoder.decode(Verdicts.self, from: reply.body).approvals ?? []
            return (decision, ApprovalPolicy.status(of: decision, approvals: approvals, now: Date()))
        } catch {
            Terminal.writeStderr("error: the server's reply is not a decision: \(error)\n")
            throw ExitStatus.usage
        }
    }
}
