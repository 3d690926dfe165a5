import Foundation

#if canImport(Glibc)
import Glibc
private let streamSocket = Int32(SOCK_STREAM.rawValue)
private let noSignal = Int32(MSG_NOSIGNAL)
private func closeSocket(_ fd: Int32) { _ = Glibc.close(fd) }
private func sendBytes(_ fd: Int32, _ p: UnsafeRawPointer?, _ n: Int) -> Int { Glibc.send(fd, p, n, noSignal) }
#elseif canImport(Darwin)
import Darwin
private let streamSocket = SOCK_STREAM
private func closeSocket(_ fd: Int32) { _ = Darwin.close(fd) }
// Darwin has no MSG_NOSIGNAL; SO_NOSIGPIPE is set on the socket instead.
private func sendBytes(_ fd: Int32, _ p: UnsafeRawPointer?, _ n: Int) -> Int { Darwin.send(fd, p, n, 0) }
#endif

/// One HTTP/1.1 connection to a server on 127.0.0.1, over a plain socket, for the requests
/// no polite client sends: a body that is far larger than it should be, a chunked upload
/// the server must cut short, bytes that are not UTF-8. URLSession would buffer or refuse
/// these; here every byte is sent when the test says so, and the test sees the answer as
/// soon as the server gives it.
final class LoopbackConnection {
    struct Closed: Error, CustomStringConvertible {
        var description: String
    }

    private let fd: Int32
    private var received: [UInt8] = []

    init(port: Int) throws {
        fd = socket(AF_INET, streamSocket, 0)
        guard fd >= 0 else { throw Closed(description: "socket: errno \(errno)") }
        #if canImport(Darwin)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            closeSocket(fd)
            throw Closed(description: "connect to 127.0.0.1:\(port): errno \(code)")
        }
    }

    deinit { closeSocket(fd) }

    /// Sends all of `bytes`; throws when the server has closed or reset the connection
    /// (MSG_NOSIGNAL: a closed peer is an error here, not a SIGPIPE that ends the tests).
    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { sendBytes(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Closed(description: "send: errno \(errno)")
            }
            offset += n
        }
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Whether the server has sent something (or closed) within `milliseconds`.
    func isReadable(within milliseconds: Int32) -> Bool {
        if !received.isEmpty { return true }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) > 0
    }

    /// Reads one response: status line, headers, and a body by Content-Length, chunked
    /// encoding, or up to the close. Gives up after `timeout` seconds of silence, which
    /// only guards against a hung server; no test asserts on how long anything took.
    func readResponse(timeout: Int32 = 60) throws -> LoopbackResponse {
        var headerEnd: Int?
        while headerEnd == nil {
            headerEnd = Self.find([13, 10, 13, 10], in: received)
            if headerEnd == nil { try fill(timeout: timeout) }
        }
        let head = String(decoding: received[..<headerEnd!], as: UTF8.self)
        received.removeFirst(headerEnd! + 4)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw Closed(description: "not an HTTP response: \(head.prefix(200))")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body: [UInt8] = []
        if let length = headers["content-length"].flatMap(Int.init) {
            while received.count < length { try fill(timeout: timeout) }
            body = Array(received[..<length])
            received.removeFirst(length)
        } else if headers["transfer-encoding"]?.lowercased() == "chunked" {
            while true {
                var lineEnd = Self.find([13, 10], in: received)
                while lineEnd == nil { try fill(timeout: timeout); lineEnd = Self.find([13, 10], in: received) }
                let sizeText = String(decoding: received[..<lineEnd!], as: UTF8.self).split(separator: ";").first ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                    throw Closed(description: "bad chunk size \(sizeText)")
                }
                while received.count < lineEnd! + 2 + size + 2 { try fill(timeout: timeout) }
                body += received[(lineEnd! + 2)..<(lineEnd! + 2 + size)]
                received.removeFirst(lineEnd! + 2 + size + 2)
                if size == 0 { break }
            }
        } else {
            while (try? fill(timeout: timeout)) != nil {}
            body = received
            received = []
        }
        return LoopbackResponse(status: status, headers: headers, body: body)
    }

    private func fill(timeout: Int32) throws {
        guard isReadable(within: timeout * 1000) else { throw Closed(description: "no answer within \(timeout) s") }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n < 0, errno == EINTR { return }
        guard n > 0 else { throw Closed(description: n == 0 ? "closed by the server" : "recv: errno \(errno)") }
        received += buffer[..<n]
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return start }
        }
        return nil
    }
}

/// A response as `LoopbackConnection` read it.
struct LoopbackResponse: CustomStringConvertible {
    var status: Int
    /// Header names lower-cased.
    var headers: [String: String]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object, if it is one.
    var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] }

    /// The API's error code, when the body is `{"error": {"code", "message"}}` with both strings.
    var errorCode: String? {
        guard let error = json?["error"] as? [String: Any], let code = error["code"] as? String, error["message"] is String
        else { return nil }
        return code
    }

    var description: String { "\(status) \(text.prefix(300))" }
}
