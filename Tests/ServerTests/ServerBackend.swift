import Foundation
import Testing

@testable import Store

/// The database behind a server under test: SQLite in its state directory, or the
/// PostgreSQL that scripts/test.sh starts (AIRLOCK_TEST_POSTGRES_URL).
enum ServerBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// SQLite always; PostgreSQL when a server was started for the tests. In CI a missing
    /// server is a failure (`ServerBackendTests`), not a quiet skip.
    static var available: [ServerBackend] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    static var postgresURL: String? {
        let url = ProcessInfo.processInfo.environment["AIRLOCK_TEST_POSTGRES_URL"]
        return url?.isEmpty == false ? url : nil
    }

    /// A store no other test uses: a new directory, and for PostgreSQL a new database in it
    /// (the audit chain is one per database, and these tests count its events).
    func freshStore() async throws -> ServerStore {
        let work = (NSTemporaryDirectory() as NSString).appendingPathComponent("airlock-serve-\(UUID().uuidString.prefix(8))")
        let state = (work as NSString).appendingPathComponent("state")
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        switch self {
        case .sqlite:
            return ServerStore(workDirectory: work, stateDirectory: state, databaseURL: nil)
        case .postgres:
            let base = try #require(Self.postgresURL)
            let name = "airlock_serve_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
            let admin = try await AirlockStore.open(location: base)
            do {
                try await admin.database.raw("CREATE DATABASE \(unsafeRaw: name)").run()
            } catch {
                await admin.close()
                throw error
            }
            await admin.close()
            var components = try #require(URLComponents(string: base))
            components.path = "/" + name
            return ServerStore(workDirectory: work, stateDirectory: state, databaseURL: components.string)
        }
    }
}

struct ServerBackendTests {
    @Test func postgresIsAvailableInCI() {
        if ProcessInfo.processInfo.environment["CI"] != nil {
            #expect(
                ServerBackend.postgresURL != nil,
                "CI must run the server's crash and bad-input tests against PostgreSQL: scripts/test.sh starts one")
        }
    }
}
