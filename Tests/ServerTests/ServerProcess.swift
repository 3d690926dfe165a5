import Foundation
import Testing

/// `airlock serve` as a child process on loopback, started from the built binary the way an
/// operator starts it, so a test can feed it bad bytes or kill it with SIGKILL mid-write.
final class ServerProcess: @unchecked Sendable {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to this test bundle (SwiftPM builds it first: ServerTests depends on
    /// the `airlock` target), else AIRLOCK_BIN, else the default debug build.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["AIRLOCK_BIN"], !path.isEmpty { return URL(fileURLWithPath: path) }
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("airlock")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/airlock")
    }

    static let fixtures = root.appendingPathComponent("Tests/GateTests/Fixtures")

    /// A fixture plan's bytes (Tests/GateTests/Fixtures/NAME/plan.json).
    static func plan(_ name: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(name).appendingPathComponent("plan.json"))
    }

    let store: ServerStore
    let port: Int
    let logPath: String
    private let process: Process

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    var pid: pid_t { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    private init(store: ServerStore, process: Process, port: Int, logPath: String) {
        self.store = store
        self.process = process
        self.port = port
        self.logPath = logPath
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Starts the server on a free port and waits for its "listening on" line. The wait is
    /// a guard against a server that never comes up, not a measurement.
    static func start(_ store: ServerStore, arguments extra: [String] = []) throws -> ServerProcess {
        let logPath = (store.workDirectory as NSString).appendingPathComponent("serve-\(UUID().uuidString.prefix(8)).log")
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0"] + store.arguments + extra
        // A directory with no airlock.yaml above it: the server judges by the defaults.
        process.currentDirectoryURL = URL(fileURLWithPath: store.workDirectory)
        process.standardOutput = log
        process.standardError = log
        try process.run()
        try? log.close()
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            if let range = text.range(of: "listening on http://127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits), text[range.upperBound...].dropFirst(digits.count).first.map({ !$0.isNumber }) == true {
                    return ServerProcess(store: store, process: process, port: port, logPath: logPath)
                }
            }
            if !process.isRunning {
                throw ServerFailure("airlock serve exited with \(process.terminationStatus) before listening:\n\(text)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        throw ServerFailure("airlock serve did not listen within 120 s; its log:\n\((try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "")")
    }

    /// SIGKILL: no shutdown handler, no flush, no last transaction finished.
    func killHard() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM, the clean stop, and wait for the exit.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Creates a token with `airlock token create` on the server's store and returns its secret.
    static func createToken(_ store: ServerStore, role: String, actor: String, onBehalfOf: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["token", "create", "--name", "\(role)-\(UUID().uuidString.prefix(6))", "--role", role, "--actor", actor]
            + (onBehalfOf.map { ["--on-behalf-of", $0] } ?? []) + store.arguments
        process.currentDirectoryURL = URL(fileURLWithPath: store.workDirectory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let secret = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ServerFailure("airlock token create exited with \(process.terminationStatus): \(message)")
        }
        return secret.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func agentToken(_ store: ServerStore) throws -> String {
        try createToken(store, role: "agent", actor: "agent:claude-code", onBehalfOf: "human:alice")
    }
}

struct ServerFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Where a server under test keeps its state: always a fresh state directory (the audit
/// key lives there), and for PostgreSQL a fresh database, so the chain a test checks holds
/// that test's events only.
struct ServerStore: Sendable {
    /// The server's working directory, holding the state directory and the logs.
    var workDirectory: String
    var stateDirectory: String
    var databaseURL: String?

    var arguments: [String] {
        ["--state-dir", stateDirectory] + (databaseURL.map { ["--database", $0] } ?? [])
    }
}
