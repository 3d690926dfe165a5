import Dispatch
import Foundation
import Testing

@testable import Audit

@Suite struct ConcurrencyTests {
    @Test func fourThreadsAppendingNeverForkTheChain() throws {
        let fixture = try AuditFixture()
        defer { fixture.remove() }
        let log = fixture.log
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for n in 0..<50 {
                do {
                    try log.append(AuditRecord(kind: .scan, actor: "agent:thread-\(thread)", summary: "append \(n)"))
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
        let events = try log.events()
        #expect(events.map(\.sequence) == Array(1...200))
        for thread in 0..<4 {
            #expect(events.filter { $0.record.actor == "agent:thread-\(thread)" }.count == 50)
        }
        let result = log.verify()
        #expect(result.isValid, "\(result.problems)")
    }

    @Test func twoProcessesAppendingNeverForkTheChain() throws {
        let benchmark = try #require(BuiltProducts.executable("audit-benchmark"), "audit-benchmark is not built")
        let fixture = try AuditFixture()
        defer { fixture.remove() }
        let processes = try (0..<2).map { _ in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: benchmark)
            process.arguments = ["append-loop", fixture.directory, "40"]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let events = try fixture.log.events()
        #expect(events.map(\.sequence) == Array(1...80))
        #expect(fixture.log.verify().isValid)
    }
}

/// Errors collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func add(_ message: String) {
        lock.withLock { messages.append(message) }
    }

    var all: [String] { lock.withLock { messages } }
}
