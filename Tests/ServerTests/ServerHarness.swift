import AirlockServer
import ControlPlane
import Foundation
import Gate
import Hummingbird
import HummingbirdTesting
import Logging
import SQLKit
import Testing
@testable import Store

/// A server in process on a temporary state directory (SQLite) or a fresh PostgreSQL
/// database, with one token per part a test plays.
struct ServerHarness {
    let directory: String
    let location: String
    let service: ControlService
    /// agent:claude-code, sponsored by human:alice.
    let agent: String
    /// human:alice as a reviewer: the agent's sponsor.
    let sponsor: String
    /// human:bob as a reviewer.
    let reviewer: String
    /// human:carol as an admin.
    let admin: String

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/GateTests/Fixtures")

    static func plan(_ name: String) throws -> ByteBuffer {
        ByteBuffer(bytes: try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    static func temporaryDirectory() -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("airlock-server-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// PostgreSQL when the test script started one (AIRLOCK_TEST_POSTGRES_URL).
    static var postgresURL: String? { ServerBackend.postgresURL }

    /// A database of its own on the test PostgreSQL, so chains and tokens start empty.
    static func freshPostgresDatabase() async throws -> String {
        try #require(try await ServerBackend.postgres.freshStore().databaseURL)
    }

    static func make(
        location: String? = nil, directory: String? = nil, configuration: String? = nil, webhooks: [WebhookTarget] = []
    ) async throws -> ServerHarness {
        let directory = directory ?? temporaryDirectory()
        let location = location ?? directory
        let store = try await AirlockStore.open(location: location)
        let agent = try await store.createToken(name: "claude", role: .agent, actorID: "agent:claude-code", sponsor: "human:alice").secret
        let sponsor = try await store.createToken(name: "alice", role: .reviewer, actorID: "human:alice").secret
        let reviewer = try await store.createToken(name: "bob", role: .reviewer, actorID: "human:bob").secret
        let admin = try await store.createToken(name: "carol", role: .admin, actorID: "human:carol").secret
        await store.close()
        let gate: GateConfiguration
        if let configuration {
            gate = try #require(GateConfiguration.parse(configuration, path: "airlock.yaml").configuration)
        } else {
            gate = .defaults
        }
        let policy = try GatePolicy.make(configuration: gate, configurationText: configuration)
        let settings = ServerSettings(
            storeLocation: location, keyDirectory: directory, poolSize: 3, maxBodyBytes: 8 * 1024 * 1024, policy: policy,
            webhooks: webhooks)
        var logger = Logger(label: "airlock.test")
        logger.logLevel = .critical
        let service = try await ControlService.start(settings: settings, logger: logger)
        return ServerHarness(
            directory: directory, location: location, service: service, agent: agent, sponsor: sponsor, reviewer: reviewer,
            admin: admin)
    }

    func application() -> some ApplicationProtocol {
        Application(router: AirlockServer.router(service: service))
    }

    /// Runs `body` with a client of the server in process, and closes the store after.
    func test<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        do {
            let result = try await application().test(.router, body)
            await service.close()
            return result
        } catch {
            await service.close()
            throw error
        }
    }
}

extension TestClientProtocol {
    /// A request with a bearer token and, for a body, `Content-Type: application/json`.
    func call(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: String? = nil, body: ByteBuffer? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if let token { headers[.authorization] = "Bearer " + token }
        var payload = body
        if let json { payload = ByteBuffer(string: json) }
        if payload != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: payload)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
}
