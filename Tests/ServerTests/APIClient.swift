import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The REST API through URLSession, as an agent's HTTP client calls it.
struct APIClient: Sendable {
    let baseURL: URL
    let token: String
    let session: URLSession

    init(baseURL: URL, token: String, connections: Int = 8) {
        self.baseURL = baseURL
        self.token = token
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = connections
        // Long enough for a loaded debug build; short enough that a hung server fails the test.
        configuration.timeoutIntervalForRequest = 60
        session = URLSession(configuration: configuration)
    }

    struct Reply: Sendable, CustomStringConvertible {
        var status: Int
        var body: Data

        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
        var description: String { "\(status) \(String(decoding: body.prefix(300), as: UTF8.self))" }
    }

    func send(_ method: String, _ path: String, body: Data? = nil) async throws -> Reply {
        var request = URLRequest(url: URL(string: path, relativeTo: baseURL)!)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = body
        }
        let (data, response) = try await session.data(for: request)
        return Reply(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
    }

    func submit(_ plan: Data) async throws -> Reply {
        try await send("POST", "/api/v1/plans?workspace=dev", body: plan)
    }

    /// Every event of the chain, read page by page from `GET /api/v1/audit`.
    func auditEvents(pageSize: Int = 1000) async throws -> [[String: Any]] {
        var events: [[String: Any]] = []
        var after = 0
        while true {
            let reply = try await send("GET", "/api/v1/audit?after=\(after)&limit=\(pageSize)")
            guard reply.status == 200, let page = reply.json?["events"] as? [[String: Any]] else {
                throw ServerFailure("GET /api/v1/audit?after=\(after): \(reply)")
            }
            guard let last = page.last?["seq"] as? Int else { return events }
            events += page
            after = last
        }
    }

    func verifyAudit() async throws -> Reply {
        try await send("GET", "/api/v1/audit/verify")
    }
}
