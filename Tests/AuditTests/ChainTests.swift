import Foundation
import Testing

@testable import Audit

/// One way of damaging a chain of 6 lines held outside a file, and what
/// `AuditLines.verify` must then report.
struct LinesCase: Sendable, CustomTestStringConvertible {
    var name: String
    var expected: [AuditCode]
    /// Verify against another signer's public key instead of the chain's own.
    var wrongKey = false
    /// Verify against the head signed after the last event.
    var expectHead = false
    var damage: @Sendable (inout [String]) -> Void

    var testDescription: String { name }

    static let all: [LinesCase] = [
        LinesCase(name: "untouched", expected: []) { _ in },
        LinesCase(name: "untouched, with its head", expected: [], expectHead: true) { _ in },
        LinesCase(name: "a byte of event 3's summary changed", expected: [.modified]) {
            $0[2] = $0[2].replacingOccurrences(of: "summary of event 3", with: "summary of event X")
        },
        LinesCase(name: "event 4 deleted from the middle", expected: [.missing]) { $0.remove(at: 3) },
        LinesCase(name: "the last event cut off, caught by the head", expected: [.truncated], expectHead: true) {
            $0.removeLast()
        },
        LinesCase(name: "verified with another key", expected: [.badSignature], wrongKey: true) { _ in },
        // A row is written whole, so a broken last one is damage, not a torn write (AUD005).
        LinesCase(name: "the last line cut short", expected: [.malformedLine]) { $0[5] = String($0[5].prefix(40)) },
        LinesCase(name: "a line split in two by a newline", expected: [.malformedLine, .malformedLine]) {
            $0[2] = $0[2].replacingOccurrences(of: "summary of event 3", with: "summary\nof event 3")
        },
    ]
}

@Suite struct ChainTests {
    /// Records 1–3 in one batch, then 4–6 one at a time, at the fixture's times.
    static func sealChain(_ signer: AuditSigner) throws -> [(event: AuditEvent, line: String)] {
        var chain = try signer.seal((1...3).map(AuditFixture.record), after: nil, at: AuditFixture.time(1))
        for n in 4...6 {
            chain += try signer.seal([AuditFixture.record(n)], after: chain.last?.event, at: AuditFixture.time(n))
        }
        return chain
    }

    @Test func sealedLinesAreTheBytesTheLogWrites() throws {
        let fixture = try AuditFixture()
        defer { fixture.remove() }
        try fixture.log.append(contentsOf: (1...3).map(AuditFixture.record), at: AuditFixture.time(1))
        for n in 4...6 { try fixture.log.append(AuditFixture.record(n), at: AuditFixture.time(n)) }

        // The key the log made, loaded both ways a server might: from the directory and as PEM.
        let fromDirectory = try AuditSigner.loadOrCreate(directory: fixture.directory)
        let pem = try String(contentsOfFile: fixture.log.privateKeyPath, encoding: .utf8)
        let fromPEM = try AuditSigner(privateKeyPEM: pem)
        #expect(fromPEM.fingerprint == fromDirectory.fingerprint)
        #expect(fromDirectory.publicKeyPEM == (try fixture.log.exportPublicKey()))

        for signer in [fromDirectory, fromPEM] {
            let chain = try Self.sealChain(signer)
            #expect(chain.map(\.event.sequence) == Array(1...6))
            #expect(chain.allSatisfy { !$0.line.contains("\n") })
            #expect(Array(chain.map { $0.line + "\n" }.joined().utf8) == fixture.bytes)
            #expect(chain.map(\.event) == (try fixture.log.events()))
            #expect(try signer.head(for: chain[5].event) == (try fixture.log.head()))
        }
    }

    @Test func aDecodedLineIsTheEventSealed() throws {
        let chain = try Self.sealChain(try AuditSigner(privateKeyPEM: Self.otherKeyPEM))
        for (event, line) in chain { #expect(try AuditLines.decode(line) == event) }
        for bad in ["", "{}", chain[0].line + "\n", chain[0].line.replacingOccurrences(of: "\"seq\":1", with: "\"seq\":x")] {
            let error = try #require(throws: AuditError.self) { try AuditLines.decode(bad) }
            #expect(error.code == AuditCode.malformedLine.rawValue)
        }
    }

    @Test func sealRefusesToFollowAnEventItsKeyDidNotSeal() throws {
        let signer = try AuditSigner(privateKeyPEM: Self.keyPEM)
        let last = try Self.sealChain(signer)[5].event
        var changed = last
        changed.record.summary = "something else"
        let refused = [(try AuditSigner(privateKeyPEM: Self.otherKeyPEM), last), (signer, changed)]
        for (sealer, previous) in refused {
            let error = try #require(throws: AuditError.self) {
                try sealer.seal([AuditFixture.record(7)], after: previous, at: AuditFixture.time(7))
            }
            #expect(error.code == AuditCode.refusedAppend.rawValue)
        }
        #expect(try signer.seal([AuditFixture.record(7)], after: last, at: AuditFixture.time(7)).map(\.event.sequence) == [7])
    }

    @Test(arguments: LinesCase.all)
    func verifyFindsDamageToLines(_ test: LinesCase) throws {
        let signer = try AuditSigner(privateKeyPEM: Self.keyPEM)
        let chain = try Self.sealChain(signer)
        var lines = chain.map(\.line)
        test.damage(&lines)
        let key = test.wrongKey ? try AuditSigner(privateKeyPEM: Self.otherKeyPEM).publicKeyPEM : signer.publicKeyPEM
        let head = test.expectHead ? try signer.head(for: chain[5].event) : nil
        for signatures in [AuditSignatureCheck.chainAnchored, .everyEvent] {
            let result = AuditLines.verify(lines: lines, publicKeyPEM: key, expectedHead: head, signatures: signatures)
            #expect(result.problems.map(\.code) == test.expected.map(\.rawValue), "\(result.problems)")
            if !test.wrongKey { #expect(result.keyFingerprint == signer.fingerprint) }
        }
    }

    @Test func withoutAKeySignaturesAreNotCheckedAndSaySo() throws {
        let lines = try Self.sealChain(try AuditSigner(privateKeyPEM: Self.keyPEM)).map(\.line)
        #expect(AuditLines.verify(lines: lines, publicKeyPEM: nil).problems.map(\.code) == ["AUD012"])
        #expect(AuditLines.verify(lines: lines, publicKeyPEM: "not a key").problems.map(\.code) == ["AUD012"])
        #expect(AuditLines.verify(lines: [], publicKeyPEM: nil).isValid)
    }

    @Test func loadOrCreateMakesTheLogsKeyPairOnceAndTheLogUsesIt() throws {
        let fixture = try AuditFixture()
        defer { fixture.remove() }
        let directory = fixture.directory + "/nested"
        let signer = try AuditSigner.loadOrCreate(directory: directory)
        let log = AuditLog(directory: directory)
        #expect(try AuditFixture.permissions(log.privateKeyPath) == 0o600)
        #expect(try AuditSigner.loadOrCreate(directory: directory).fingerprint == signer.fingerprint)
        try log.append(AuditFixture.record(1))
        #expect(log.verify(publicKey: signer.publicKeyPEM).keyFingerprint == signer.fingerprint)
    }

    @Test func loadOrCreateWillNotMakeANewKeyForALogThatHasEvents() throws {
        let fixture = try AuditFixture.withEvents(2)
        defer { fixture.remove() }
        try FileManager.default.removeItem(atPath: fixture.log.privateKeyPath)
        let error = try #require(throws: AuditError.self) { try AuditSigner.loadOrCreate(directory: fixture.directory) }
        #expect(error.code == AuditCode.badKey.rawValue)
    }

    @Test func aPrivateKeyThatIsNotOneIsRefused() {
        #expect(throws: AuditError.self) { try AuditSigner(privateKeyPEM: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n") }
    }

    /// Two fixed keys (PKCS #8 PEM of the seeds 0x01… and 0x02…), so failures are reproducible.
    static let keyPEM = pem(seed: 1)
    static let otherKeyPEM = pem(seed: 2)

    static func pem(seed: UInt8) -> String {
        let der: [UInt8] = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]
            + [UInt8](repeating: seed, count: 32)
        return "-----BEGIN PRIVATE KEY-----\n\(Data(der).base64EncodedString())\n-----END PRIVATE KEY-----\n"
    }
}
