import Foundation
import Testing

/// Runs the built `airlock` binary as a user would: exit codes, output formats, errors.
struct CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to this test bundle (SwiftPM builds it first: the test target depends on it).
    static var binary: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("airlock")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/airlock")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

struct ExitCase: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var status: Int32
    var testDescription: String { "airlock " + arguments.joined(separator: " ") }
}

@Suite struct CLITests {
    static let exitCases: [ExitCase] = [
        ExitCase(arguments: ["--version"], status: 0),
        ExitCase(arguments: ["parse", "examples/agent-generated"], status: 0),
        ExitCase(arguments: ["parse", "examples/broken"], status: 1),
        ExitCase(arguments: ["parse", "--format", "yaml", "examples"], status: 2),
        ExitCase(arguments: ["eval", "examples/agent-generated"], status: 0),
        ExitCase(arguments: ["eval", "examples/broken"], status: 1),
        ExitCase(arguments: ["eval", "does/not/exist"], status: 2),
        ExitCase(arguments: ["eval", "Tests/Corpus/eval/20-module-basic-bucket/plan.json", "--format", "json"], status: 0),
        ExitCase(arguments: ["scan", "examples/agent-generated", "--fail-on", "critical", "--check", "AL-AWS-S3-001"], status: 0),
        ExitCase(arguments: ["scan", "examples/agent-generated", "--check", "CKV_AWS_21"], status: 1),
        ExitCase(arguments: ["scan", "examples/broken"], status: 2),
        ExitCase(arguments: ["scan", "examples/agent-generated", "--check", "NOPE_1"], status: 2),
        ExitCase(arguments: ["scan", "README.md"], status: 2),
        ExitCase(arguments: ["checks", "--format", "json"], status: 0),
    ]

    @Test(arguments: exitCases)
    func exitCode(_ c: ExitCase) throws {
        let r = try CLI.run(c.arguments)
        #expect(r.status == c.status, "stdout: \(r.stdout.prefix(400)) stderr: \(r.stderr.prefix(400))")
        #expect(!r.stdout.contains("\u{1B}["), "colour on a pipe")
        #expect(!r.stderr.contains("\u{1B}["), "colour on a pipe")
    }

    @Test func scanJSONFollowsTheContract() throws {
        let r = try CLI.run(["scan", "examples/agent-generated", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let findings = json?["findings"] as? [[String: Any]] ?? []
        #expect(!findings.isEmpty)
        for f in findings {
            for key in ["id", "aliases", "severity", "title", "status", "resource", "file", "range", "message", "remediation"] {
                #expect(f[key] != nil, "finding lacks \(key)")
            }
        }
        #expect(json?["summary"] != nil)
    }

    @Test func outputFileIsWrittenWhole() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("airlock-\(UUID().uuidString).json").path
        let r = try CLI.run(["scan", "examples/agent-generated", "--format", "json", "--output", path])
        #expect(r.status == 1)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect((try? JSONSerialization.jsonObject(with: data)) != nil)
        let bad = try CLI.run(["scan", "examples/agent-generated", "--format", "json", "--output", "/nonexistent-dir/x.json"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("cannot write"))
    }

    @Test func evalErrorsNameFileLineAndColumn() throws {
        let r = try CLI.run(["eval", "examples/broken"])
        #expect(r.stderr.range(of: #"examples/broken/main\.tf:\d+:\d+: error: "#, options: .regularExpression) != nil, "\(r.stderr)")
    }
}
