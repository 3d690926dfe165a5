import Foundation
import Testing

@testable import Audit

@Suite struct VerificationRenderingTests {
    @Test func theDefaultChecksOneSignatureForAnUnbrokenChain() throws {
        let fixture = try AuditFixture.withEvents(10)
        defer { fixture.remove() }
        let result = fixture.log.verify()
        #expect(result.isValid)
        #expect(result.signatureCheck == .chainAnchored)
        #expect(result.signaturesChecked == 1)
        #expect(fixture.log.verify(signatures: .everyEvent).signaturesChecked == 10)
    }

    @Test(arguments: [
        (AuditSignatureCheck.chainAnchored, "every hash and chain link; 1 signature vouches for them"),
        (.everyEvent, "every hash, chain link and signature"),
    ])
    func aLogThatVerifiesIsOneLine(_ mode: AuditSignatureCheck, _ checked: String) throws {
        let fixture = try AuditFixture.withEvents(3)
        defer { fixture.remove() }
        let text = AuditRendering.text(fixture.log.verify(signatures: mode), logPath: "audit.log")
        #expect(text == "ok: 3 events in audit.log verify (\(checked)).\n")
        let empty = try AuditFixture()
        defer { empty.remove() }
        #expect(
            AuditRendering.text(empty.log.verify(), logPath: "audit.log")
                == "ok: 0 events in audit.log: nothing was logged yet.\n")
    }

    @Test func problemsNameTheFirstBadEventAndTheirRuns() throws {
        let fixture = try AuditFixture.withEvents(10)
        defer { fixture.remove() }
        fixture.lines[3] = fixture.lines[3].replacingOccurrences(of: "summary of event 4", with: "nothing happened")
        fixture.rehash(from: 4)
        let result = fixture.log.verify()

        let text = AuditRendering.text(result, logPath: "audit.log")
        #expect(text.hasPrefix("FAILED: audit.log does not verify; the first bad event is #4.\n"))
        #expect(text.contains("  audit.log:4: AUD006 events #4–#10: events 4–10 are not signed by the log's key\n"))
        #expect(text.contains("  audit.log:10: AUD009 event #10: "))

        let json = AuditRendering.json(result, logPath: "audit.log")
        #expect(json == AuditRendering.json(result, logPath: "audit.log"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == false)
        #expect(object["first_bad_sequence"] as? Int == 4)
        #expect(object["signatures"] as? String == "chain_anchored")
        #expect(object["events"] as? Int == 10)
        let problems = try #require(object["problems"] as? [[String: Any]])
        #expect(problems.map { $0["code"] as? String } == ["AUD006", "AUD009"])
        #expect(problems.map { $0["sequence"] as? Int } == [4, 10])
        #expect(problems.map { $0["last_sequence"] as? Int } == [10, 10])
        #expect(problems.map { $0["line"] as? Int } == [4, 10])
    }

    @Test func aProblemWithAnotherFileHasNullSequences() throws {
        let fixture = try AuditFixture.withEvents(2)
        defer { fixture.remove() }
        fixture.headText = "not a head"
        let json = AuditRendering.json(fixture.log.verify(), logPath: "audit.log")
        #expect(json.contains(#""last_sequence": null"#))
        #expect(json.contains(#""first_bad_sequence": null"#))
        let text = AuditRendering.text(fixture.log.verify(), logPath: "audit.log")
        #expect(text.contains("\n  audit.log: AUD010: the head file cannot be read\n"))
    }
}
