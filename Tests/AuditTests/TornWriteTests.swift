import Crypto
import Foundation
import Testing

@testable import Audit

@Suite struct TornWriteTests {
    /// How an interrupted append can leave the end of the log.
    struct TornEnd: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var bytes: @Sendable (AuditFixture) -> [UInt8]
    }

    static let tornEnds: [TornEnd] = [
        TornEnd(testDescription: "half a line, no newline") { Array($0.lines[4].utf8.prefix(250)) },
        TornEnd(testDescription: "a whole line but its newline") { Array($0.lines[4].utf8) },
        TornEnd(testDescription: "zeros where the blocks never reached the disk") { _ in [UInt8](repeating: 0, count: 512) },
        TornEnd(testDescription: "zeros and a newline") { _ in [UInt8](repeating: 0, count: 300) + [0x0a] },
    ]

    @Test(arguments: tornEnds)
    func theNextAppendQuarantinesTheTornBytesAndRecordsIt(_ end: TornEnd) throws {
        let fixture = try AuditFixture.withEvents(5)
        defer { fixture.remove() }
        let complete = fixture.bytes
        let torn = end.bytes(fixture)
        fixture.bytes = complete + torn

        let before = fixture.log.verify()
        #expect(before.problems.map(\.code) == [AuditCode.tornWrite.rawValue])
        #expect(before.problems.first?.sequence == 6)
        #expect(before.problems.first?.line == 6)
        #expect(before.problems.first?.summary.contains("\(torn.count) bytes") == true)
        #expect(before.eventCount == 5)
        // The complete events can still be read (`airlock audit show` after a crash).
        #expect(try fixture.log.events().map(\.sequence) == [1, 2, 3, 4, 5])

        let appended = try fixture.log.append(AuditFixture.record(6), at: AuditFixture.time(6))
        #expect(appended.sequence == 7)
        #expect(appended.record == AuditFixture.record(6))
        let events = try fixture.log.events()
        #expect(events.count == 7)
        let recovered = events[5]
        #expect(recovered.record.kind == .logRecovered)
        #expect(recovered.record.details["offset"] == String(complete.count))
        #expect(recovered.record.details["length"] == String(torn.count))
        let digest = SHA256.hash(data: torn).map { String(format: "%02x", $0) }.joined()
        #expect(recovered.record.details["sha256"] == "sha256:" + digest)
        let quarantine = fixture.directory + "/audit.log.torn-\(complete.count)"
        #expect(recovered.record.details["quarantine"] == "audit.log.torn-\(complete.count)")
        #expect(FileManager.default.contents(atPath: quarantine).map { [UInt8]($0) } == torn)
        #expect(fixture.log.verify().isValid, "\(fixture.log.verify().problems)")
        #expect(Array(fixture.bytes.prefix(complete.count)) == complete)
    }

    @Test func anAcknowledgedEventThatIsTornIsNotRecoveredSilently() throws {
        let fixture = try AuditFixture.withEvents(5)
        defer { fixture.remove() }
        fixture.bytes = Array(fixture.bytes.dropLast(30))
        let result = fixture.log.verify()
        #expect(result.problems.map(\.code) == [AuditCode.truncated.rawValue, AuditCode.tornWrite.rawValue])
        let error = try #require(throws: AuditError.self) { try fixture.log.append(AuditFixture.record(6)) }
        #expect(error.code == AuditCode.refusedAppend.rawValue)
    }

    @Test func aTornFirstEventIsRecoveredToo() throws {
        let fixture = try AuditFixture()
        defer { fixture.remove() }
        try fixture.log.append(AuditFixture.record(1))
        // As if the first append had crashed mid-write: no head, half a line.
        fixture.bytes = Array(fixture.bytes.prefix(120))
        fixture.headText = nil
        #expect(fixture.log.verify().problems.map(\.code) == [AuditCode.tornWrite.rawValue])
        try fixture.log.append(AuditFixture.record(2))
        let events = try fixture.log.events()
        #expect(events.map(\.record.kind) == [.logRecovered, AuditFixture.record(2).kind])
        #expect(events[0].previousHash == AuditEvent.genesisHash)
        #expect(fixture.log.verify().isValid)
    }
}

@Suite struct EventsReadingTests {
    /// Only the last line may be torn; a line that is not an event anywhere else is an error.
    @Test(arguments: ["in the middle", "last, with bytes after it"])
    func aLineThatIsNotAnEventStillThrows(_ place: String) throws {
        let fixture = try AuditFixture.withEvents(5)
        defer { fixture.remove() }
        if place == "in the middle" {
            fixture.lines[2] = "# a comment someone added"
        } else {
            fixture.lines[4] = "# a comment someone added"
            fixture.bytes += Array("{\"actor\":".utf8)
        }
        let error = try #require(throws: AuditError.self) { try fixture.log.events() }
        #expect(error.code == AuditCode.malformedLine.rawValue)
    }
}
