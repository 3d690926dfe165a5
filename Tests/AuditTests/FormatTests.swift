import Foundation
import Testing

@testable import Audit

@Suite struct FormatTests {
    /// Strings that need every kind of escape, and keys whose byte order is not their
    /// natural order.
    static let awkwardRecords: [AuditRecord] = [
        AuditRecord(kind: .decision, actor: "agent:claude-code", summary: "plain"),
        AuditRecord(
            kind: .approval, actor: "human:zoë", actorDetails: ["b": "2", "a": "1", "B": "0", "é": "e", "a\"": "q"],
            planDigest: "sha256:" + String(repeating: "a", count: 64), summary: "quote \" backslash \\ slash /",
            details: ["newline": "a\nb", "tab": "a\tb", "control": "a\u{1}b\u{1f}", "del": "a\u{7f}", "emoji": "🚀", "": "empty key"]),
        AuditRecord(kind: .configurationChange, actor: "", summary: "", details: ["json": #"{"limits":{"max":3}}"#]),
    ]

    @Test(arguments: awkwardRecords)
    func recordsReadBackExactly(_ record: AuditRecord) throws {
        let fixture = try AuditFixture()
        defer { fixture.remove() }
        let event = try fixture.log.append(record, at: AuditFixture.time(1))
        #expect(try fixture.log.events() == [event])
        #expect(try fixture.log.events().first?.record == record)
        #expect(fixture.log.verify().isValid)
        // Every line is one JSON object `jq` (here JSONSerialization) reads, with the seal last.
        let line = try #require(fixture.lines.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["summary"] as? String == record.summary)
        #expect(object["details"] as? [String: String] == record.details)
        #expect(object["seq"] as? Int == 1)
        #expect(line.hasSuffix("\"sig\":\"\(event.signature)\"}"))
    }

    @Test func rendererJSONIsTheLogsOwnLines() throws {
        let fixture = try AuditFixture.withEvents(3)
        defer { fixture.remove() }
        let json = AuditRendering.json(try fixture.log.events())
        #expect(json == "[\n" + fixture.lines.map { "  " + $0 }.joined(separator: ",\n") + "\n]\n")
        #expect(AuditRendering.json([]) == "[]\n")
    }

    @Test func rendererTextIsOneAlignedLinePerEvent() throws {
        let record = AuditRecord(
            kind: .approval, actor: "human:alice", planDigest: "sha256:3f2a9c1e0b7d55aa", summary: "approved\nby alice")
        let events = [
            AuditEvent(
                sequence: 9, time: "2026-11-21T10:00:00.123Z", record: record, previousHash: "", previousSignature: "",
                hash: "", signature: ""),
            AuditEvent(
                sequence: 10, time: "2026-11-21T10:00:01.000Z",
                record: AuditRecord(kind: .scan, actor: "agent:claude-code", summary: "scan"), previousHash: "",
                previousSignature: "", hash: "", signature: ""),
        ]
        #expect(
            AuditRendering.text(events) == """
                 9  2026-11-21T10:00:00.123Z  approval  human:alice        3f2a9c1e0b7d  approved\\nby alice
                10  2026-11-21T10:00:01.000Z  scan      agent:claude-code  -             scan

                """)
    }

    /// Valid JSON that is not the writer's spelling of an event: always malformed, never
    /// "modified", so every event has exactly one accepted form.
    static let nonCanonical: [(String, @Sendable (String) -> String)] = [
        ("a space after a colon", { $0.replacingOccurrences(of: "\"kind\":", with: "\"kind\": ") }),
        ("escaped slash", { $0.replacingOccurrences(of: "summary of", with: "summary\\/of") }),
        ("unicode escape of a plain letter", { $0.replacingOccurrences(of: "summary of", with: "summ\\u0061ry of") }),
        ("keys out of order", { $0.replacingOccurrences(of: #"{"kind":"human","session":"s-1"}"#, with: #"{"session":"s-1","kind":"human"}"#) }),
        ("a leading zero in seq", { $0.replacingOccurrences(of: "\"seq\":3", with: "\"seq\":03") }),
        ("an unknown key", { $0.replacingOccurrences(of: "\"v\":1", with: "\"v\":1,\"w\":1") }),
        ("an unknown kind", { $0.replacingOccurrences(of: "\"kind\":\"rejection\"", with: "\"kind\":\"rejected\"") }),
        ("a missing summary", { line in
            let start = line.range(of: ",\"summary\":\"")!
            let end = line.range(of: "\",\"time\"")!
            return line.replacingCharacters(in: start.lowerBound..<end.upperBound, with: ",\"time\"")
        }),
        ("format version 2", { $0.replacingOccurrences(of: "\"v\":1", with: "\"v\":2") }),
        ("an uppercase hash", { line in
            let start = line.range(of: "\"hash\":\"")!.upperBound
            return line.replacingCharacters(in: start..<line.index(start, offsetBy: 64), with: String(line[start..<line.index(start, offsetBy: 64)]).uppercased())
        }),
    ]

    @Test(arguments: nonCanonical.map(\.0))
    func nonCanonicalLinesAreMalformed(_ name: String) throws {
        let change = try #require(Self.nonCanonical.first { $0.0 == name }?.1)
        let fixture = try AuditFixture.withEvents(5)
        defer { fixture.remove() }
        let original = fixture.lines[2]
        fixture.lines[2] = change(original)
        #expect(fixture.lines[2] != original, "the change did not apply")
        let result = fixture.log.verify()
        #expect(result.problems.map(\.code) == [AuditCode.malformedLine.rawValue], "\(result.problems)")
        #expect(result.problems.first?.line == 3)
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000Z"),
        (1_795_000_001.125, "2026-11-18T11:06:41.125Z"),
        (1_795_000_001.9999, "2026-11-18T11:06:41.999Z"),
        (-0.001, "1969-12-31T23:59:59.999Z"),
        (1_795_000_001.123, "2026-11-18T11:06:41.123Z"),
        (1_795_000_001.007, "2026-11-18T11:06:41.007Z"),
        (951_782_400.5, "2000-02-29T00:00:00.500Z"),
    ])
    func timesAreRFC3339UTCWithMilliseconds(_ seconds: Double, _ expected: String) {
        #expect(AuditTime.format(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func signatureTextHasOneSpelling() {
        let bytes = (0..<64).map { UInt8($0 * 3 % 256) }
        let text = SignatureText.encode(bytes)
        #expect(text == Data(bytes).base64EncodedString())
        #expect(SignatureText.decode(text) == bytes)
        // The last data character carries 2 bits and 4 zero bits; setting one changes no byte
        // under a lenient decoder, so it must be refused.
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var lenient = Array(text)
        let value = alphabet.firstIndex(of: lenient[85])!
        #expect(value & 0x0f == 0)
        lenient[85] = alphabet[value | 1]
        #expect(Data(base64Encoded: String(lenient)).map { [UInt8]($0) } == bytes, "a lenient decoder accepts it")
        #expect(SignatureText.decode(String(lenient)) == nil)
    }

    @Test func everyCodeIsUniqueWellFormedAndTitled() {
        let codes = AuditCode.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        for code in AuditCode.allCases {
            #expect(code.rawValue.wholeMatch(of: /AUD[01]\d\d/) != nil, "\(code)")
            #expect(!code.title.isEmpty)
        }
    }
}
