import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Yams

/// The OpenAPI document in the repository describes the server as built: the same routes,
/// and every status an operation returns is one the document lists for it.
@Suite struct OpenAPITests {
    static let documentPath = ServerHarness.root.appendingPathComponent("Sources/AirlockServer/Static/openapi.yaml")

    static func document() throws -> [String: Any] {
        let text = try String(contentsOf: documentPath, encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    /// `(METHOD, /path/{param})` of every operation the document describes.
    static func documentedOperations() throws -> Set<String> {
        let paths = try #require(try document()["paths"] as? [String: Any])
        var operations: Set<String> = []
        for (path, item) in paths {
            for method in (item as? [String: Any] ?? [:]).keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                operations.insert(method.uppercased() + " " + path)
            }
        }
        return operations
    }

    /// The routes `APIRoutes.register` adds, read from its source.
    static func registeredOperations() throws -> Set<String> {
        let source = try String(
            contentsOf: ServerHarness.root.appendingPathComponent("Sources/AirlockServer/APIRoutes.swift"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"\b(router|api)\.(get|post|put|patch|delete)\("([^"]+)""#)
        var operations: Set<String> = []
        for match in pattern.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
            let group = String(source[Range(match.range(at: 1), in: source)!])
            let method = String(source[Range(match.range(at: 2), in: source)!]).uppercased()
            var path = String(source[Range(match.range(at: 3), in: source)!])
            if group == "api" { path = "/api/v1" + path }
            path = path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            operations.insert(method + " /" + path.drop { $0 == "/" })
        }
        return operations
    }

    @Test func theDocumentAndTheRoutesAgree() throws {
        let documented = try Self.documentedOperations()
        let registered = try Self.registeredOperations()
        #expect(registered.count >= 20, "\(registered)")
        #expect(documented.subtracting(registered).isEmpty, "documented but not served: \(documented.subtracting(registered).sorted())")
        #expect(registered.subtracting(documented).isEmpty, "served but not documented: \(registered.subtracting(documented).sorted())")
    }

    /// Calls every documented operation (as an admin, with made-up IDs and an empty JSON
    /// body) and checks the status is among those the document lists.
    @Test func everyStatusReturnedIsDocumented() async throws {
        let paths = try #require(try Self.document()["paths"] as? [String: Any])
        var operations: [(method: String, path: String, statuses: Set<String>)] = []
        for (path, item) in paths.sorted(by: { $0.key < $1.key }) {
            for (method, operation) in (item as? [String: Any] ?? [:]) where ["get", "post", "delete"].contains(method) {
                let responses = try #require((operation as? [String: Any])?["responses"] as? [String: Any])
                operations.append((method, path, Set(responses.keys)))
            }
        }
        let calls = operations
        let server = try await ServerHarness.make()
        try await server.test { client in
            for (method, path, statuses) in calls {
                let uri = path.replacingOccurrences(of: "{id}", with: "x_missing")
                let httpMethod: HTTPRequest.Method = method == "get" ? .get : method == "post" ? .post : .delete
                let response = try await client.call(httpMethod, uri, token: server.admin, json: method == "post" ? "{}" : nil)
                let code = String(response.status.code)
                #expect(
                    statuses.contains(code) || statuses.contains("default"),
                    "\(method.uppercased()) \(path) returned \(code), which the document does not list: \(response.text.prefix(200))")
            }
        }
    }
}
