import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The web UI in a real browser: the built `airlock serve` on loopback, tokens made with
/// `airlock token create`, plans submitted over HTTP, and headless Chromium
/// (scripts/screenshot.sh) signing in through the login link and rendering each page.
/// Screenshots and DOMs go to `.build/ui-screenshots/` (and a copy to
/// /tmp/airlock-ui-screens) for a person to look at.
@Suite(.serialized) struct WebBrowserTests {
    static let repository = WebFixture.repository
    static let outputDirectory = repository.appendingPathComponent(".build/ui-screenshots")
    static let copyDirectory = URL(fileURLWithPath: "/tmp/airlock-ui-screens")

    /// The `airlock` binary beside this test bundle (SwiftPM builds it for the tests).
    static var binary: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("airlock")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug/airlock")
    }

    static var chromiumAvailable: Bool {
        (try? run("/usr/bin/env", ["sh", "-c", "command -v chromium"]).status) == 0
    }

    struct Page: Sendable, CustomTestStringConvertible {
        var name: String
        var size: String = "1280,900"
        var expected: [String]
        var unexpected: [String] = []
        var testDescription: String { name }
    }

    @Test func pagesRenderInChromium() async throws {
        guard Self.chromiumAvailable else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("chromium is missing; CI must install it (scripts/install-server-tools.sh)")
            } else {
                print("skipped: chromium is not installed (run scripts/install-server-tools.sh)")
            }
            return
        }
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "no airlock binary at \(Self.binary.path)")

        let state = FileManager.default.temporaryDirectory.appendingPathComponent("airlock-ui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: state) }

        func token(_ role: String, _ actor: String, sponsor: String? = nil) throws -> String {
            var arguments = ["token", "create", "--name", actor, "--role", role, "--actor", actor, "--state-dir", state.path]
            if let sponsor { arguments += ["--on-behalf-of", sponsor] }
            let result = try Self.run(Self.binary.path, arguments, in: state)
            try #require(result.status == 0, "token create: \(result.stderr)")
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let agent = try token("agent", "agent:claude-code", sponsor: "human:alice")
        let ci = try token("agent", "ci:github-actions")
        let reviewer = try token("reviewer", "human:bob")

        let server = try BrowserServer(binary: Self.binary, stateDirectory: state)
        defer { server.stop() }
        let base = try await server.waitForAddress()

        // A held plan by the agent, a deny in production, and an allowed plan by CI, so the
        // queue, the dashboard and the audit log have something in each state.
        let fixtures = Self.repository.appendingPathComponent("Tests/GateTests/Fixtures")
        let id = try await Self.submit(base, agent, fixtures.appendingPathComponent("iam-wildcard/plan.json"), "workspace=dev&model=claude-sonnet-4.5&tool=claude-code&session=sess-42")
        let denied = try await Self.submit(base, agent, fixtures.appendingPathComponent("prod-db-delete/plan.json"), "workspace=prod&model=claude-sonnet-4.5")
        _ = try await Self.submit(base, ci, fixtures.appendingPathComponent("dev-tag-change/plan.json"), "workspace=dev")
        let approved = try await Self.submit(base, agent, fixtures.appendingPathComponent("stateful-and-network/plan.json"), "workspace=staging&model=claude-opus-4")
        // One approved, so the dashboard has an approval latency and the audit log a verdict.
        try await Self.approve(base, reviewer, approved)

        let findingCheck = try await Self.firstFindingCheck(base, reviewer, id)

        try FileManager.default.createDirectory(at: Self.outputDirectory, withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(at: Self.copyDirectory, withIntermediateDirectories: true)
        let login = { (secret: String, next: String) in "\(base)/ui/login?token=\(secret)&next=\(next)" }
        let shots: [(Page, String)] = [
            (Page(name: "login", expected: ["Sign in to Airlock", "name=\"token\""]), "\(base)/ui/login"),
            (Page(name: "queue", size: "1280,1000", expected: [id, "claude-code", "AI agent", "on behalf of", "human:bob"]), login(reviewer, "/ui")),
            (Page(name: "decision-reviewer", size: "1280,2600", expected: [id, "claude-code", findingCheck, ">Approve</button>", ">Reject</button>"]),
             login(reviewer, "/ui/decisions/\(id)")),
            (Page(name: "decision-agent", size: "1280,1200", expected: [id, "cannot approve"], unexpected: [">Approve</button>"]),
             login(agent, "/ui/decisions/\(id)")),
            (Page(name: "decision-denied", size: "1280,1600", expected: [denied, "destroys existing infrastructure", "agents-no-destroy-in-prod"],
                  unexpected: [">Approve</button>"]),
             login(reviewer, "/ui/decisions/\(denied)")),
            (Page(name: "audit", size: "1280,1000", expected: ["Chain verified ✓", id]), login(reviewer, "/ui/audit")),
            (Page(name: "dashboard", size: "1280,1100", expected: ["AI-generated vs human changes", "Decisions by outcome", "New findings by severity"]),
             login(reviewer, "/ui/dashboard")),
        ]
        for (page, url) in shots {
            let png = Self.outputDirectory.appendingPathComponent("\(page.name).png")
            let dom = Self.outputDirectory.appendingPathComponent("\(page.name).html")
            let shot = try Self.run(
                Self.repository.appendingPathComponent("scripts/screenshot.sh").path, [url, png.path],
                environment: ["SCREENSHOT_DOM": dom.path, "SCREENSHOT_SIZE": page.size, "SCREENSHOT_WAIT_MS": "0"])
            try #require(shot.status == 0, "screenshot \(page.name): \(shot.stderr)")
            let check = try Self.run("/usr/bin/env", ["python3", Self.repository.appendingPathComponent("scripts/png-check.py").path, png.path])
            #expect(check.status == 0, "\(page.name): \(check.stderr)")
            #expect(check.stdout.hasPrefix("png width=1280 "), "\(page.name): \(check.stdout)")
            let html = (try? String(contentsOf: dom, encoding: .utf8)) ?? ""
            for text in page.expected {
                #expect(html.contains(text), "\(page.name) should show \(text)")
            }
            for text in page.unexpected {
                #expect(!html.contains(text), "\(page.name) should not show \(text)")
            }
            for file in [png, dom] {
                let copy = Self.copyDirectory.appendingPathComponent(file.lastPathComponent)
                try? FileManager.default.removeItem(at: copy)
                try? FileManager.default.copyItem(at: file, to: copy)
            }
        }
    }

    // MARK: Helpers

    static func submit(_ base: String, _ token: String, _ plan: URL, _ query: String) async throws -> String {
        var request = URLRequest(url: URL(string: "\(base)/api/v1/plans?\(query)")!)
        request.httpMethod = "POST"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try Data(contentsOf: plan)
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        try #require(status == 201, "submit \(plan.lastPathComponent): \(status) \(String(decoding: data, as: UTF8.self))")
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return try #require(object?["decision_id"] as? String)
    }

    static func approve(_ base: String, _ token: String, _ id: String) async throws {
        var request = URLRequest(url: URL(string: "\(base)/api/v1/decisions/\(id)/approve")!)
        request.httpMethod = "POST"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"comment": "Checked in the console"}"#.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        try #require(status == 200, "approve: \(status) \(String(decoding: data, as: UTF8.self))")
    }

    static func firstFindingCheck(_ base: String, _ token: String, _ id: String) async throws -> String {
        var request = URLRequest(url: URL(string: "\(base)/api/v1/decisions/\(id)")!)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        return try #require(findings.first?["check"] as? String, "the decision has no findings")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// `airlock serve --port 0` as a child process; the port it picked is read from its log.
final class BrowserServer: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var output = ""

    init(binary: URL, stateDirectory: URL) throws {
        process.executableURL = binary
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--state-dir", stateDirectory.path]
        // No airlock.yaml there: the server runs with the default policy.
        process.currentDirectoryURL = stateDirectory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.output += String(decoding: data, as: UTF8.self)
            self.lock.unlock()
        }
        try process.run()
    }

    var log: String {
        lock.lock()
        defer { lock.unlock() }
        return output
    }

    /// `http://127.0.0.1:PORT`, once the server says it listens (at most 120 s: on a
    /// loaded 2-core CI machine running every suite at once, 30 s was seen not to be enough).
    func waitForAddress() async throws -> String {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if let range = log.range(of: #"listening on http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                return String(log[range].dropFirst("listening on ".count))
            }
            if !process.isRunning { break }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw BrowserServerError(message: "airlock serve did not start: \(log)")
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}

struct BrowserServerError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
