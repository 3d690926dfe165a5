import Foundation
import Gate
import Hummingbird
import HummingbirdTesting
import Logging
import Store
import Testing

@testable import AirlockServer
@testable import ControlPlane

/// A server in process for the web UI's tests: a fresh SQLite store in a temporary
/// directory, the default policy, and one token for each kind of caller.
struct WebFixture {
    var directory: String
    var service: ControlService
    /// `agent:claude-code`, sponsored by `human:alice`.
    var agent: String
    /// `human:bob`, a reviewer.
    var reviewer: String
    /// `human:alice`, a reviewer who sponsors the agent.
    var sponsor: String

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let iamWildcardPlan = repository.appendingPathComponent("Tests/GateTests/Fixtures/iam-wildcard/plan.json")

    static func make() async throws -> WebFixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("airlock-web-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = try await AirlockStore.open(directory: directory)
        let agent = try await store.createToken(name: "claude-code", role: .agent, actorID: "agent:claude-code", sponsor: "human:alice").secret
        let reviewer = try await store.createToken(name: "bob", role: .reviewer, actorID: "human:bob").secret
        let sponsor = try await store.createToken(name: "alice", role: .reviewer, actorID: "human:alice").secret
        await store.close()
        let policy = try GatePolicy.make(configuration: .defaults, configurationText: nil)
        let settings = ServerSettings(storeLocation: directory, keyDirectory: directory, policy: policy)
        var logger = Logger(label: "airlock.web-tests")
        logger.logLevel = .critical
        let service = try await ControlService.start(settings: settings, logger: logger)
        return WebFixture(directory: directory, service: service, agent: agent, reviewer: reviewer, sponsor: sponsor)
    }

    func close() async {
        await service.close()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs `body` against the router in process, then closes the store.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: AirlockServer.router(service: service))
        do {
            try await app.test(.router, body)
        } catch {
            await close()
            throw error
        }
        await close()
    }

    /// Submits the IAM wildcard plan as the agent, in workspace `dev`, and returns the decision ID.
    func submitPlan(_ client: any TestClientProtocol) async throws -> String {
        let plan = try Data(contentsOf: Self.iamWildcardPlan)
        let response = try await client.execute(
            uri: "/api/v1/plans?workspace=dev&model=claude-sonnet-4.5&tool=claude-code&session=sess-42", method: .post,
            headers: [.authorization: "Bearer \(agent)", .contentType: "application/json"], body: ByteBuffer(bytes: plan))
        #expect(response.status == .created, "\(String(buffer: response.body))")
        let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
        return try #require(object?["decision_id"] as? String)
    }
}

extension HTTPFields {
    /// A browser's request with the session cookie.
    static func session(_ secret: String) -> HTTPFields {
        [.cookie: "airlock_session=\(secret)"]
    }

    /// A browser's form POST with the session cookie.
    static func form(_ secret: String?, origin: String? = nil) -> HTTPFields {
        var fields: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let secret { fields[.cookie] = "airlock_session=\(secret)" }
        if let origin { fields[.origin] = origin }
        return fields
    }
}

extension ByteBuffer {
    /// A form-urlencoded body.
    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let text = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
        return ByteBuffer(string: text)
    }
}

extension TestResponse {
    var location: String? { headers[.location] }
}
