import Foundation
import Testing

@testable import Audit

/// One way the end of a 10-event log (or its head file) can be wrong, and whether `append`,
/// which reads only the end, must refuse it.
struct TailCase: Sendable, CustomTestStringConvertible {
    var name: String
    /// The code the refusal names; nil when the append must go ahead.
    var refusal: AuditCode?
    var damage: @Sendable (AuditFixture) throws -> Void

    var testDescription: String { name }
}

extension TailCase {
    static let all: [TailCase] = [
        TailCase(name: "untouched", refusal: nil) { _ in },
        TailCase(name: "head file rewound to event 7, as a crash before the head was written leaves it", refusal: nil) {
            $0.headText = try $0.headAfter(7)
        },
        TailCase(name: "head file removed", refusal: nil) { $0.headText = nil },
        TailCase(name: "a byte of the last event changed", refusal: .modified) {
            $0.lines[9] = $0.lines[9].replacingOccurrences(of: "summary of event 10", with: "summary of event X")
        },
        TailCase(name: "the last event changed and re-hashed without the key", refusal: .badSignature) {
            $0.lines[9] = $0.lines[9].replacingOccurrences(of: "summary of event 10", with: "nothing happened")
            $0.rehash(from: 10)
        },
        TailCase(name: "the last event cut off", refusal: .truncated) { $0.lines.removeLast() },
        TailCase(name: "the last 3 events cut off", refusal: .truncated) { $0.lines.removeLast(3) },
        TailCase(name: "the last event torn after it was acknowledged", refusal: .truncated) {
            $0.bytes = $0.bytes.dropLast(40)
        },
        TailCase(name: "the last event replaced by a copy of event 5", refusal: .truncated) {
            $0.lines[9] = $0.lines[4]
        },
        TailCase(name: "log emptied, head file kept", refusal: .truncated) { $0.bytes = [] },
        TailCase(name: "log deleted, head file kept", refusal: .truncated) {
            try FileManager.default.removeItem(atPath: $0.log.logPath)
        },
        TailCase(name: "head file's sequence edited", refusal: .badHead) {
            $0.headText = $0.headText?.replacingOccurrences(of: "\"seq\":10", with: "\"seq\":12")
        },
        TailCase(name: "event 10 rewritten and re-signed by the key's holder, head file kept", refusal: .headMismatch) {
            $0.lines = try $0.alternativeHistory(changing: 10).lines
        },
        TailCase(name: "a line that is not an event before a torn final write", refusal: .malformedLine) {
            $0.lines[9] = "# a comment someone added"
            $0.bytes += Array("{\"actor\":".utf8)
        },
        TailCase(name: "head file rewound to event 7 and event 9 changed", refusal: .brokenLink) {
            $0.headText = try $0.headAfter(7)
            $0.lines[8] = $0.lines[8].replacingOccurrences(of: "summary of event 9", with: "summary of event X")
        },
        TailCase(name: "head file rewound to event 7 of another history with the same key", refusal: .headMismatch) {
            $0.headText = try $0.alternativeHistory(changing: 7, upTo: 7).headText
        },
    ]
}

extension AuditFixture {
    /// A log with this one's key whose events are this one's up to `upTo`, except that
    /// event `changing` has another summary: what only the key's holder can write.
    func alternativeHistory(changing: Int, upTo last: Int = 10) throws -> (lines: [String], headText: String?) {
        let copy = try AuditFixture()
        defer { copy.remove() }
        for path in ["audit-key", "audit-key.pub"] {
            try FileManager.default.copyItem(atPath: directory + "/" + path, toPath: copy.directory + "/" + path)
        }
        for n in 1...last {
            var record = Self.record(n)
            if n == changing { record.summary = "a different event \(n)" }
            try copy.log.append(record, at: Self.time(n))
        }
        return (copy.lines, copy.headText)
    }
}

@Suite struct AppendTailTests {
    @Test(arguments: TailCase.all)
    func appendChecksTheEndOfTheLogAgainstItsHead(_ tail: TailCase) throws {
        let fixture = try AuditFixture.withEvents(10)
        defer { fixture.remove() }
        try tail.damage(fixture)
        let bytes = fixture.bytes
        let head = fixture.headText

        guard let refusal = tail.refusal else {
            let event = try fixture.log.append(AuditFixture.record(11))
            #expect(event.sequence == 11)
            #expect(fixture.log.verify().isValid, "\(fixture.log.verify().problems)")
            return
        }
        let error = try #require(throws: AuditError.self) { try fixture.log.append(AuditFixture.record(11)) }
        #expect(error.code == AuditCode.refusedAppend.rawValue)
        #expect(error.detail.contains("(\(refusal.rawValue)"), "\(error)")
        // Left as found, for whoever investigates.
        #expect(fixture.bytes == bytes)
        #expect(fixture.headText == head)
        // Whatever append refuses, verify reports too.
        #expect(!fixture.log.verify().isValid)
    }

    /// Damage before the last event is not append's to find: it extends the log (the new
    /// event links to the intact last one), and verify still names the damage.
    @Test func appendDoesNotReadTheMiddleOfALargeLog() throws {
        let fixture = try AuditFixture()
        defer { fixture.remove() }
        let count = 20_000
        try fixture.log.append(contentsOf: (1...count).map(AuditFixture.record), at: AuditFixture.time(1))
        // 100 kB of bytes that are neither UTF-8 nor newlines over the middle of the log.
        var bytes = fixture.bytes
        let middle = bytes.count / 2
        let firstDamaged = bytes[..<middle].count { $0 == 0x0a } + 1
        bytes.replaceSubrange(middle..<(middle + 100_000), with: repeatElement(0xff, count: 100_000))
        fixture.bytes = bytes

        let (event, bytesRead) = try ThreadReads.measure { try fixture.log.append(AuditFixture.record(count + 1)) }
        #expect(event.sequence == count + 1)
        if let bytesRead {
            // The log is over 10 MB; the end, the key and the head are a few kB.
            #expect(bytes.count > 10_000_000)
            #expect(bytesRead < 64 * 1024, "append read \(bytesRead) bytes of a \(bytes.count)-byte log")
        }

        let result = fixture.log.verify()
        #expect(result.firstBadSequence == firstDamaged, "\(result.problems)")
        #expect(result.problems.map(\.code).contains(AuditCode.malformedLine.rawValue))
        // The new event itself chains and is signed: nothing is reported after the damage.
        #expect(result.problems.allSatisfy { ($0.lastSequence ?? $0.sequence ?? 0) < firstDamaged + 200 })
        #expect(result.eventCount < count + 1)
    }
}

/// Bytes this thread reads through read(2) and friends (`rchar` in /proc/thread-self/io),
/// whatever code does the reading: nil where the kernel does not count them.
enum ThreadReads {
    static func measure<T>(_ body: () throws -> T) rethrows -> (T, Int?) {
        let before = current()
        let result = try body()
        guard let before, let after = current() else { return (result, nil) }
        return (result, after - before)
    }

    private static func current() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/thread-self/io", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("rchar:") })
        else { return nil }
        return Int(line.dropFirst("rchar:".count).trimmingCharacters(in: .whitespaces))
    }
}
