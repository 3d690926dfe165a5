import Foundation
import Testing

@testable import Audit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct CrashTests {
    /// An appender killed with SIGKILL mid-stream: every event it reported as acknowledged
    /// must be in the log, and the log must verify, with at most a torn final write that
    /// verify reports (never one dropped silently) and the next append recovers.
    @Test func everyAcknowledgedEventSurvivesKill9() throws {
        let benchmark = try #require(BuiltProducts.executable("audit-benchmark"), "audit-benchmark is not built")
        let fixture = try AuditFixture()
        defer { fixture.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: benchmark)
        process.arguments = ["append-loop", fixture.directory, "100000"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()

        var acknowledged: [Int] = []
        var pending = ""
        func take(_ data: Data) {
            pending += String(decoding: data, as: UTF8.self)
            while let newline = pending.firstIndex(of: "\n") {
                let line = pending[..<newline]
                pending = String(pending[pending.index(after: newline)...])
                if line.hasPrefix("acked "), let sequence = Int(line.dropFirst(6)) { acknowledged.append(sequence) }
            }
        }
        while acknowledged.count < 100 {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            take(data)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // Acknowledgements written before the kill still count.
        take(output.fileHandleForReading.readDataToEndOfFile())
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(acknowledged.count >= 100)
        #expect(acknowledged == Array(1...acknowledged.count))

        let result = fixture.log.verify()
        let unexpected = result.problems.filter { $0.code != AuditCode.tornWrite.rawValue }
        #expect(unexpected.isEmpty, "\(unexpected)")
        #expect(result.eventCount >= acknowledged.count)

        // Recover (if torn) and check every acknowledged event is there, in order.
        try fixture.log.append(AuditRecord(kind: .scan, actor: "human:test", summary: "after the crash"))
        let events = try fixture.log.events()
        #expect(Array(events.map(\.sequence).prefix(acknowledged.count)) == acknowledged)
        #expect(fixture.log.verify().isValid)
    }
}
