import Crypto
import Foundation

@testable import Audit

/// A log in a fresh temporary directory, with helpers to damage it the way an attacker,
/// a crash or a careless editor would.
struct AuditFixture {
    let directory: String
    var log: AuditLog { AuditLog(directory: directory) }

    /// An empty directory that is removed by `remove()`.
    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("audit-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// A log of `count` events, appended one by one at fixed times.
    static func withEvents(_ count: Int) throws -> AuditFixture {
        let fixture = try AuditFixture()
        for n in 1...count { try fixture.log.append(record(n), at: time(n)) }
        return fixture
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The n-th test record: every field used, and a summary a test can find and change.
    static func record(_ n: Int) -> AuditRecord {
        AuditRecord(
            kind: AuditEventKind.allCases[n % 8], actor: n % 2 == 0 ? "agent:claude-code" : "human:alice",
            actorDetails: ["kind": n % 2 == 0 ? "agent" : "human", "session": "s-\(n / 3)"],
            planDigest: "sha256:" + String(repeating: String(n % 10), count: 64),
            policyDigest: "sha256:" + String(repeating: "c", count: 64), decisionID: "dec-\(n)",
            summary: "summary of event \(n)", details: ["n": String(n), "note": "quote \" and \\ and é"])
    }

    static func time(_ n: Int) -> Date {
        Date(timeIntervalSince1970: 1_795_000_000 + Double(n) + 0.125)
    }

    // MARK: The log's bytes

    var bytes: [UInt8] {
        get { FileManager.default.contents(atPath: log.logPath).map { [UInt8]($0) } ?? [] }
        nonmutating set { _ = FileManager.default.createFile(atPath: log.logPath, contents: Data(newValue)) }
    }

    /// The log's complete lines (without newlines); setting writes them back, each with its newline.
    var lines: [String] {
        get {
            String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast().map(String.init)
        }
        nonmutating set { bytes = Array(newValue.map { $0 + "\n" }.joined().utf8) }
    }

    var headText: String? {
        get { FileManager.default.contents(atPath: log.headPath).map { String(decoding: $0, as: UTF8.self) } }
        nonmutating set {
            if let newValue {
                _ = FileManager.default.createFile(atPath: log.headPath, contents: Data(newValue.utf8))
            } else {
                try? FileManager.default.removeItem(atPath: log.headPath)
            }
        }
    }

    // MARK: Forging without the key

    /// What someone without the key does after editing event `from` (1-based line): recompute
    /// its hash and the hash and `prev` of every later line, keeping the old signatures.
    func rehash(from first: Int) {
        var lines = self.lines
        var previousHash: String?
        for index in (first - 1)..<lines.count {
            var line = lines[index]
            if let previousHash {
                line = Self.replacing(field: "prev", in: line, with: previousHash)
            }
            let body = Self.body(of: line)
            let hash = Self.sha256(body)
            line = String(body.dropLast()) + ",\"hash\":\"\(hash)\"" + line.suffix(from: line.range(of: ",\"sig\":")!.lowerBound)
            lines[index] = line
            previousHash = hash
        }
        self.lines = lines
    }

    /// The body of a stored line: everything before the seal, closed again.
    static func body(of line: String) -> String {
        String(line.utf8.dropLast(EventLine.sealLength))! + "}"
    }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// `line` with the string value of top-level `field` replaced.
    static func replacing(field: String, in line: String, with value: String) -> String {
        let marker = "\"\(field)\":\""
        guard let start = line.range(of: marker) else { return line }
        let end = line[start.upperBound...].firstIndex(of: "\"")!
        return line.replacingCharacters(in: start.upperBound..<end, with: value)
    }

    /// Octal permission bits of a file.
    static func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}

/// Where SwiftPM put the products of this build (the test bundle's directory), for running
/// `audit-benchmark` as a separate process.
enum BuiltProducts {
    static func executable(_ name: String) -> String? {
        var candidates: [URL] = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        for directory in candidates {
            // The bundle may be nested (…/debug/AirlockPackageTests.xctest/Contents/MacOS on macOS).
            var url = directory
            for _ in 0..<4 {
                let path = url.appendingPathComponent(name).path
                if FileManager.default.isExecutableFile(atPath: path) { return path }
                url.deleteLastPathComponent()
            }
        }
        return nil
    }
}
