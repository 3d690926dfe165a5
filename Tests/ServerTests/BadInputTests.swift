import Foundation
import Testing

/// What a client can send that the server must refuse with a clear 4xx — never a 500, a
/// crash, a hang or a write to the chain — sent over a real socket to `airlock serve`.
struct BadInput: CustomTestStringConvertible, Sendable {
    enum Credential: Sendable {
        /// A valid agent token.
        case agent
        case none
        /// A well-formed secret the server never issued.
        case forged
        /// Basic credentials, which the API does not take.
        case basic
    }

    enum Body: Sendable {
        case none
        case bytes([UInt8])
        /// Declares this many bytes in Content-Length and streams them until the server answers.
        case declared(Int)
        /// Streams this many bytes with chunked encoding (no Content-Length) until the server answers.
        case chunked(Int)
        /// Bytes sent as they are, request line and all.
        case raw([UInt8])
    }

    var name: String
    var method = "POST"
    var path = "/api/v1/plans?workspace=dev"
    var contentType: String? = "application/json"
    var credential = Credential.agent
    var body: Body
    /// The statuses that are a right answer.
    var statuses: Set<Int>
    /// Whether the answer must be the API's `{"error": {"code", "message"}}`.
    var jsonError = true

    var testDescription: String { name }

    static let hundredMB = 100 * 1024 * 1024

    static let cases: [BadInput] = [
        BadInput(name: "malformed JSON", body: .bytes(Array(#"{"format_version": "1.2", "resource_changes": [{"#.utf8)), statuses: [400, 422]),
        BadInput(name: "a 100 MB body with Content-Length", body: .declared(hundredMB), statuses: [413]),
        BadInput(name: "a 100 MB chunked body", body: .chunked(hundredMB), statuses: [413]),
        BadInput(name: "Content-Type text/plain", contentType: "text/plain", body: .bytes(Array(#"{"format_version": "1.2"}"#.utf8)), statuses: [415]),
        BadInput(name: "no Content-Type", contentType: nil, body: .bytes(Array("{}".utf8)), statuses: [415]),
        BadInput(name: "no token", credential: .none, body: .bytes(Array("{}".utf8)), statuses: [401]),
        BadInput(name: "a forged token", credential: .forged, body: .bytes(Array("{}".utf8)), statuses: [401]),
        BadInput(name: "Authorization: Basic", credential: .basic, body: .bytes(Array("{}".utf8)), statuses: [401]),
        BadInput(name: "an empty body", body: .bytes([]), statuses: [400, 422]),
        BadInput(name: "an empty object", body: .bytes(Array("{}".utf8)), statuses: [422]),
        BadInput(name: "an empty array", body: .bytes(Array("[]".utf8)), statuses: [422]),
        BadInput(name: "a JSON string", body: .bytes(Array(#""plan""#.utf8)), statuses: [422]),
        BadInput(name: "100,000 nested arrays", body: .bytes([UInt8](repeating: UInt8(ascii: "["), count: 100_000)), statuses: [400, 422]),
        BadInput(
            name: "100,000 nested objects",
            body: .bytes(Array(String(repeating: #"{"a":"#, count: 100_000).utf8) + Array("1".utf8) + [UInt8](repeating: UInt8(ascii: "}"), count: 100_000)),
            statuses: [400, 422]),
        BadInput(name: "invalid UTF-8", body: .bytes(Array(#"{"format_version": "1.2", "x": ""#.utf8) + [0xFF, 0xFE, 0xC0, 0x80] + Array(#""}"#.utf8)), statuses: [400, 422]),
        BadInput(name: "an unknown route", method: "GET", path: "/api/v1/no-such-route", contentType: nil, body: .none, statuses: [404], jsonError: false),
        BadInput(name: "an unknown decision", method: "GET", path: "/api/v1/decisions/no-such-decision", contentType: nil, body: .none, statuses: [404]),
        BadInput(name: "not HTTP at all", body: .raw(Array("\u{16}\u{03}\u{01}\u{02}\u{00} hello\r\n\r\n".utf8)), statuses: [400], jsonError: false),
    ]
}

@Suite(.serialized) struct BadInputTests {
    @Test(arguments: ServerBackend.available)
    func everyBadInputIsRefusedAndTheServerCarriesOn(backend: ServerBackend) async throws {
        let store = try await backend.freshStore()
        let token = try ServerProcess.agentToken(store)
        let server = try ServerProcess.start(store)
        defer { server.stop() }

        for input in BadInput.cases {
            let answer: Answer
            do {
                answer = try Self.send(input, to: server.port, token: token)
            } catch {
                Issue.record("\(input.name): no answer: \(error)\n\(server.log.suffix(2000))")
                continue
            }
            #expect(input.statuses.contains(answer.response.status), "\(input.name): got \(answer.response)")
            if input.jsonError {
                #expect(answer.response.errorCode != nil, "\(input.name): the body is not {\"error\": {\"code\", \"message\"}}: \(answer.response)")
            }
            switch input.body {
            case .declared(let length), .chunked(let length):
                // The server answered before the body was all sent (from the header, or at its limit)...
                #expect(answer.bodyBytesSent < length, "\(input.name): the server answered only after \(answer.bodyBytesSent) bytes")
                // ...but then reads the rest: Hummingbird's HTTP/1 channel drains a body the
                // handler left unread to keep the connection alive, so a client can stream
                // without end into a refused upload (discarded: no memory, but bandwidth and
                // CPU). Closing the connection after a 413 would stop it.
                withKnownIssue("the server keeps reading a body it refused with 413 (Hummingbird drains it)") {
                    #expect(answer.closedBeforeTheEnd, "\(input.name): the server read all \(length) bytes after its 413")
                }
            case .none, .bytes, .raw: break
            }
            #expect(server.isRunning, "\(input.name): the server exited\n\(server.log.suffix(2000))")
            guard server.isRunning else { return }
        }

        let health = try Self.send(BadInput(name: "health", method: "GET", path: "/healthz", contentType: nil, body: .none, statuses: [200]), to: server.port, token: token)
        #expect(health.response.status == 200, "\(health.response)")
        let plan = try ServerProcess.plan("dev-tag-change")
        let submission = try Self.send(BadInput(name: "a plan", body: .bytes(Array(plan)), statuses: [201]), to: server.port, token: token)
        #expect(submission.response.status == 201, "\(submission.response)")

        // Nothing refused reached the chain: the policy event, then the one plan's scan and decision.
        let verify = try Self.send(BadInput(name: "verify", method: "GET", path: "/api/v1/audit/verify", contentType: nil, body: .none, statuses: [200]), to: server.port, token: token)
        #expect(verify.response.json?["valid"] as? Bool == true, "\(verify.response)")
        #expect(verify.response.json?["events"] as? Int == 3, "\(verify.response)")
    }

    struct Answer {
        var response: LoopbackResponse
        /// How much of the body had been sent when the answer came.
        var bodyBytesSent: Int
        /// For a streamed body: whether the server closed the connection rather than read
        /// the rest of the body after answering.
        var closedBeforeTheEnd = false
    }

    /// Sends `input` on a new connection; a body the server should cut short is streamed in
    /// 256 KiB pieces, looking for the answer after each.
    static func send(_ input: BadInput, to port: Int, token: String) throws -> Answer {
        let connection = try LoopbackConnection(port: port)
        if case .raw(let bytes) = input.body {
            try connection.send(bytes)
            return Answer(response: try connection.readResponse(), bodyBytesSent: bytes.count)
        }
        var head = "\(input.method) \(input.path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: application/json\r\n"
        switch input.credential {
        case .agent: head += "Authorization: Bearer \(token)\r\n"
        case .none: break
        case .forged: head += "Authorization: Bearer alk_\(String(repeating: "0", count: 40))\r\n"
        case .basic: head += "Authorization: Basic \(Data("alice:secret".utf8).base64EncodedString())\r\n"
        }
        if let type = input.contentType { head += "Content-Type: \(type)\r\n" }
        switch input.body {
        case .none, .raw:
            try connection.send(head + "\r\n")
            return Answer(response: try connection.readResponse(), bodyBytesSent: 0)
        case .bytes(let bytes):
            try connection.send(Array((head + "Content-Length: \(bytes.count)\r\n\r\n").utf8) + bytes)
            return Answer(response: try connection.readResponse(), bodyBytesSent: bytes.count)
        case .declared(let length):
            try connection.send(head + "Content-Length: \(length)\r\n\r\n")
            return try stream(length, on: connection) { $0 }
        case .chunked(let length):
            try connection.send(head + "Transfer-Encoding: chunked\r\n\r\n")
            let answer = try stream(length, on: connection) { piece in
                Array((String(piece.count, radix: 16) + "\r\n").utf8) + piece + [13, 10]
            }
            return answer
        }
    }

    private static func stream(_ length: Int, on connection: LoopbackConnection, framing: ([UInt8]) -> [UInt8]) throws -> Answer {
        let piece = [UInt8](repeating: UInt8(ascii: " "), count: 256 * 1024)
        var sent = 0
        while sent < length, !connection.isReadable(within: 0) {
            let next = Array(piece.prefix(length - sent))
            do {
                try connection.send(framing(next))
            } catch {
                break  // the server closed the connection: its answer, if any, is waiting to be read
            }
            sent += next.count
        }
        if sent == length, !connection.isReadable(within: 0) {
            try? connection.send(framing([]))  // the last chunk (a no-op for Content-Length)
        }
        var answer = Answer(response: try connection.readResponse(), bodyBytesSent: sent)
        // Send the rest: a server that stopped reading closes the connection and the send
        // fails (once the socket buffers, a few MB, are full).
        var rest = sent
        do {
            while rest < length {
                let next = Array(piece.prefix(length - rest))
                try connection.send(framing(next))
                rest += next.count
            }
            try connection.send(framing([]))
        } catch {
            answer.closedBeforeTheEnd = true
        }
        return answer
    }
}
