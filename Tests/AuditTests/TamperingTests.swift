import Crypto
import Foundation
import Testing

@testable import Audit

/// One way of damaging a 10-event log, and what `verify` must then report.
struct TamperCase: Sendable, CustomTestStringConvertible {
    var name: String
    /// Each expected problem: code, first and last sequence.
    var expected: [Expected]
    var firstBad: Int?
    /// Verify against the public key exported before the damage, not the one beside the log.
    var useExportedKey = false
    /// Verify against the head taken before the damage too.
    var useExpectedHead = false
    var damage: @Sendable (AuditFixture) throws -> Void

    struct Expected: Hashable, CustomStringConvertible {
        var code: AuditCode
        var sequence: Int?
        var lastSequence: Int? = nil
        var description: String { "\(code.rawValue)@\(sequence.map(String.init) ?? "-")\(lastSequence.map { "–\($0)" } ?? "")" }
    }

    var testDescription: String { name }

    static func problem(_ code: AuditCode, _ sequence: Int?, through last: Int? = nil) -> Expected {
        Expected(code: code, sequence: sequence, lastSequence: last)
    }
}

extension TamperCase {
    static let all: [TamperCase] = [
        TamperCase(name: "untouched", expected: [], firstBad: nil) { _ in },
        TamperCase(name: "a byte of event 4's summary changed", expected: [problem(.modified, 4)], firstBad: 4) {
            $0.lines[3] = $0.lines[3].replacingOccurrences(of: "summary of event 4", with: "summary of event X")
        },
        TamperCase(name: "event 5 deleted", expected: [problem(.missing, 5)], firstBad: 5) {
            $0.lines.remove(at: 4)
        },
        TamperCase(name: "events 3 to 5 deleted", expected: [problem(.missing, 3, through: 5)], firstBad: 3) {
            $0.lines.removeSubrange(2..<5)
        },
        TamperCase(name: "events 6 and 7 swapped", expected: [problem(.outOfOrder, 6)], firstBad: 6) {
            $0.lines.swapAt(5, 6)
        },
        TamperCase(name: "event 2 moved to the end", expected: [problem(.outOfOrder, 2)], firstBad: 2) {
            $0.lines.append($0.lines.remove(at: 1))
        },
        TamperCase(name: "event 3 copied in again after event 5", expected: [problem(.outOfOrder, 3)], firstBad: 3) {
            $0.lines.insert($0.lines[2], at: 5)
        },
        TamperCase(name: "last 3 events cut off, head file kept", expected: [problem(.truncated, 8, through: 10)], firstBad: 8) {
            $0.lines.removeLast(3)
        },
        TamperCase(
            name: "last 3 events cut off and an old head file put back, caught by the expected head",
            expected: [problem(.truncated, 8, through: 10)], firstBad: 8, useExpectedHead: true
        ) { fixture in
            fixture.lines.removeLast(3)
            // The head as it was after event 7: genuine and signed, only old.
            fixture.headText = try fixture.headAfter(7)
        },
        TamperCase(
            name: "event 4 rewritten and every later hash recomputed without the key",
            expected: [problem(.badSignature, 4, through: 10), problem(.headMismatch, 10)], firstBad: 4
        ) { fixture in
            fixture.lines[3] = fixture.lines[3].replacingOccurrences(of: "summary of event 4", with: "nothing happened")
            fixture.rehash(from: 4)
        },
        TamperCase(
            name: "event 4 rewritten and only its own hash recomputed",
            expected: [problem(.badSignature, 4), problem(.brokenLink, 5)], firstBad: 4
        ) { fixture in
            var lines = fixture.lines
            lines[3] = lines[3].replacingOccurrences(of: "summary of event 4", with: "nothing happened")
            let body = AuditFixture.body(of: lines[3])
            lines[3] = AuditFixture.replacing(field: "hash", in: lines[3], with: AuditFixture.sha256(body))
            fixture.lines = lines
        },
        TamperCase(
            name: "a hex digit of event 3's stored hash changed",
            expected: [problem(.modified, 3), problem(.badSignature, 3)], firstBad: 3
        ) { fixture in
            let hash = try #require(fixture.lines[2].range(of: "\"hash\":\""))
            var line = fixture.lines[2]
            let digit = line.index(hash.upperBound, offsetBy: 5)
            line.replaceSubrange(digit...digit, with: line[digit] == "0" ? "1" : "0")
            fixture.lines[2] = line
        },
        TamperCase(
            name: "a character of event 8's signature changed",
            expected: [problem(.badSignature, 8), problem(.brokenLink, 9)], firstBad: 8
        ) { fixture in
            let signature = try #require(fixture.lines[7].range(of: "\"sig\":\""))
            var line = fixture.lines[7]
            let character = line.index(signature.upperBound, offsetBy: 10)
            line.replaceSubrange(character...character, with: line[character] == "A" ? "B" : "A")
            fixture.lines[7] = line
        },
        TamperCase(
            name: "key pair replaced and the whole log re-signed, caught by the exported key",
            expected: [problem(.badSignature, 1, through: 10), problem(.badHead, nil)], firstBad: 1,
            useExportedKey: true
        ) { fixture in
            try fixture.resignWithNewKey()
        },
        TamperCase(
            name: "torn final write", expected: [problem(.tornWrite, 11)], firstBad: 11
        ) { fixture in
            fixture.bytes += Array(fixture.lines[9].utf8.prefix(100))
        },
        TamperCase(
            name: "garbage final line with a newline counts as torn", expected: [problem(.tornWrite, 11)], firstBad: 11
        ) { fixture in
            fixture.bytes += Array("\u{0}\u{0}\u{0}\u{0}\n".utf8)
        },
        TamperCase(
            name: "event 10 torn after it was acknowledged",
            expected: [problem(.truncated, 10), problem(.tornWrite, 10)], firstBad: 10
        ) { fixture in
            fixture.bytes = fixture.bytes.dropLast(40)
        },
        TamperCase(name: "malformed JSON where event 5 was", expected: [problem(.malformedLine, 5)], firstBad: 5) {
            $0.lines[4] = #"{"not": "an event"}"#
        },
        TamperCase(name: "a line inserted before event 5", expected: [problem(.malformedLine, 5)], firstBad: 5) {
            $0.lines.insert("# a comment someone added", at: 4)
        },
        TamperCase(name: "log emptied, head file kept", expected: [problem(.truncated, 1, through: 10)], firstBad: 1) {
            $0.bytes = []
        },
        TamperCase(name: "log emptied and head file removed", expected: [problem(.logMissing, nil)], firstBad: nil) {
            $0.bytes = []
            $0.headText = nil
        },
        TamperCase(name: "log deleted", expected: [problem(.truncated, 1, through: 10)], firstBad: 1) {
            try FileManager.default.removeItem(atPath: $0.log.logPath)
        },
        TamperCase(name: "log and head deleted", expected: [problem(.logMissing, nil)], firstBad: nil) {
            try FileManager.default.removeItem(atPath: $0.log.logPath)
            $0.headText = nil
        },
        TamperCase(name: "head file's sequence edited", expected: [problem(.badHead, nil)], firstBad: nil) {
            $0.headText = $0.headText?.replacingOccurrences(of: "\"seq\":10", with: "\"seq\":12")
        },
        TamperCase(name: "head file unreadable", expected: [problem(.badHead, nil)], firstBad: nil) {
            $0.headText = "not a head"
        },
        TamperCase(name: "public key file removed", expected: [problem(.noPublicKey, nil)], firstBad: nil) {
            try FileManager.default.removeItem(atPath: $0.log.publicKeyPath)
        },
    ]
}

extension AuditFixture {
    /// The signed head this log had after event `sequence`, made by replaying its first
    /// `sequence` events into a copy that shares the key.
    func headAfter(_ sequence: Int) throws -> String {
        let copy = try AuditFixture()
        defer { copy.remove() }
        for path in ["audit-key", "audit-key.pub"] {
            try FileManager.default.copyItem(atPath: directory + "/" + path, toPath: copy.directory + "/" + path)
        }
        for n in 1...sequence { try copy.log.append(Self.record(n), at: Self.time(n)) }
        return try #require(copy.headText)
    }

    /// What someone who can write the directory but not read the old key does: make a new
    /// key pair and re-sign the whole history with it, head included.
    func resignWithNewKey() throws {
        let events = try log.events()
        let copy = try AuditFixture()
        defer { copy.remove() }
        for event in events {
            try copy.log.append(event.record, at: Self.time(event.sequence))
        }
        for path in ["audit.log", "audit.head", "audit-key", "audit-key.pub"] {
            try? FileManager.default.removeItem(atPath: directory + "/" + path)
            try FileManager.default.copyItem(atPath: copy.directory + "/" + path, toPath: directory + "/" + path)
        }
    }
}

@Suite struct TamperingTests {
    static let modes: [AuditSignatureCheck] = [.everyEvent, .chainAnchored]

    @Test(arguments: TamperCase.all, modes)
    func verifyNamesTheFirstBadEvent(_ tamper: TamperCase, _ mode: AuditSignatureCheck) throws {
        let fixture = try AuditFixture.withEvents(10)
        defer { fixture.remove() }
        let exportedKey = try fixture.log.exportPublicKey()
        let head = try fixture.log.head()
        let before = fixture.log.verify(signatures: mode)
        #expect(before.isValid, "\(before.problems)")

        try tamper.damage(fixture)
        let result = fixture.log.verify(
            publicKey: tamper.useExportedKey ? exportedKey : nil, expectedHead: tamper.useExpectedHead ? head : nil,
            signatures: mode)

        let found = result.problems.map {
            TamperCase.Expected(code: AuditCode(rawValue: $0.code)!, sequence: $0.sequence, lastSequence: $0.lastSequence)
        }
        #expect(found == tamper.expected, "\(result.problems.map(\.description).joined(separator: "\n"))")
        #expect(result.firstBadSequence == tamper.firstBad)
        #expect(result.isValid == tamper.expected.isEmpty)
        for problem in result.problems {
            #expect(!problem.summary.isEmpty && problem.detail.count > 40, "\(problem)")
        }
    }

    @Test(arguments: TamperCase.all)
    func bothSignatureModesFindTheSameProblems(_ tamper: TamperCase) throws {
        let fixture = try AuditFixture.withEvents(10)
        defer { fixture.remove() }
        let exportedKey = try fixture.log.exportPublicKey()
        try tamper.damage(fixture)
        let key = tamper.useExportedKey ? exportedKey : nil
        let every = fixture.log.verify(publicKey: key, signatures: .everyEvent)
        let anchored = fixture.log.verify(publicKey: key, signatures: .chainAnchored)
        #expect(every.problems == anchored.problems)
        #expect(anchored.signaturesChecked <= every.signaturesChecked)
    }

    @Test func theLogsOwnReplacedKeyAcceptsAReSignedLog() throws {
        // Why a verifier keeps the exported key elsewhere: against the key beside the log, a
        // log re-signed with a new key pair verifies.
        let fixture = try AuditFixture.withEvents(5)
        defer { fixture.remove() }
        try fixture.resignWithNewKey()
        #expect(fixture.log.verify().isValid)
    }

    @Test func aBadPublicKeyIsReportedNotIgnored() throws {
        let fixture = try AuditFixture.withEvents(3)
        defer { fixture.remove() }
        let result = fixture.log.verify(publicKey: "-----BEGIN PUBLIC KEY-----\nnonsense\n-----END PUBLIC KEY-----\n")
        #expect(result.problems.map(\.code) == [AuditCode.noPublicKey.rawValue])
        #expect(result.signaturesChecked == 0)
    }

    @Test func anotherLogsKeyFailsEveryEvent() throws {
        let fixture = try AuditFixture.withEvents(4)
        let other = try AuditFixture.withEvents(1)
        defer {
            fixture.remove()
            other.remove()
        }
        let result = fixture.log.verify(publicKey: try other.log.exportPublicKey())
        #expect(result.problems.first?.code == AuditCode.badSignature.rawValue)
        #expect(result.problems.first?.lastSequence == 4)
        #expect(result.firstBadSequence == 1)
    }
}
