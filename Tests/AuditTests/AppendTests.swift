import Foundation
import Testing

@testable import Audit

@Suite struct AppendTests {
    @Test func theFirstAppendCreatesTheKeyPairAndLog() throws {
        let fixture = try AuditFixture()
        defer { fixture.remove() }
        let log = AuditLog(directory: fixture.directory + "/nested/.airlock")
        #expect(try log.events().isEmpty)
        #expect(log.verify().isValid)
        #expect(throws: AuditError.self) { try log.exportPublicKey() }

        let event = try log.append(AuditFixture.record(1), at: AuditFixture.time(1))
        #expect(event.sequence == 1)
        #expect(event.previousHash == AuditEvent.genesisHash)
        #expect(event.previousSignature == "")
        #expect(event.time == "2026-11-18T11:06:41.125Z")
        #expect(try AuditFixture.permissions(log.privateKeyPath) == 0o600)
        #expect(try log.exportPublicKey().hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
        #expect(try log.events() == [event])
        let head = try #require(try log.head())
        #expect(head.sequence == 1)
        #expect(head.hash == event.hash)
    }

    @Test func eventsChainToTheOneBefore() throws {
        let fixture = try AuditFixture.withEvents(3)
        defer { fixture.remove() }
        let events = try fixture.log.events()
        #expect(events.map(\.sequence) == [1, 2, 3])
        #expect(events.map(\.record) == (1...3).map(AuditFixture.record))
        for (earlier, later) in zip(events, events.dropFirst()) {
            #expect(later.previousHash == earlier.hash)
            #expect(later.previousSignature == earlier.signature)
        }
        #expect(try fixture.log.head()?.sequence == 3)
        #expect(try fixture.log.head()?.hash == events[2].hash)
    }

    @Test func aBatchIsTheSameBytesAsOneByOne() throws {
        let oneByOne = try AuditFixture.withEvents(4)
        let batch = try AuditFixture()
        defer {
            oneByOne.remove()
            batch.remove()
        }
        // Same key, so the only difference could be in how the lines are built.
        for path in ["audit-key", "audit-key.pub"] {
            try FileManager.default.copyItem(atPath: oneByOne.directory + "/" + path, toPath: batch.directory + "/" + path)
        }
        let time = AuditFixture.time(1)
        let single = try AuditFixture()
        defer { single.remove() }
        for path in ["audit-key", "audit-key.pub"] {
            try FileManager.default.copyItem(atPath: oneByOne.directory + "/" + path, toPath: single.directory + "/" + path)
        }
        let records = (1...4).map(AuditFixture.record)
        let returned = try batch.log.append(contentsOf: records, at: time)
        for record in records { try single.log.append(record, at: time) }
        #expect(batch.bytes == single.bytes)
        #expect(try batch.log.events() == returned)
        #expect(batch.log.verify().isValid)
    }

    @Test func appendRefusesAPrivateKeyOthersCanRead() throws {
        let fixture = try AuditFixture.withEvents(1)
        defer { fixture.remove() }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: fixture.log.privateKeyPath)
        let error = try #require(throws: AuditError.self) { try fixture.log.append(AuditFixture.record(2)) }
        #expect(error.code == AuditCode.keyPermissions.rawValue)
        #expect(error.detail.contains("chmod 600"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: fixture.log.privateKeyPath)
        #expect(try fixture.log.append(AuditFixture.record(2)).sequence == 2)
    }

    @Test func appendWillNotMakeANewKeyForALogThatHasEvents() throws {
        let fixture = try AuditFixture.withEvents(2)
        defer { fixture.remove() }
        let publicKey = try fixture.log.exportPublicKey()
        try FileManager.default.removeItem(atPath: fixture.log.privateKeyPath)
        let error = try #require(throws: AuditError.self) { try fixture.log.append(AuditFixture.record(3)) }
        #expect(error.code == AuditCode.badKey.rawValue)
        #expect(try fixture.log.exportPublicKey() == publicKey)
    }

    @Test func aMissingPublicKeyFileIsWrittenAgainFromThePrivateKey() throws {
        let fixture = try AuditFixture.withEvents(2)
        defer { fixture.remove() }
        let publicKey = try fixture.log.exportPublicKey()
        try FileManager.default.removeItem(atPath: fixture.log.publicKeyPath)
        try fixture.log.append(AuditFixture.record(3))
        #expect(try fixture.log.exportPublicKey() == publicKey)
        #expect(fixture.log.verify().isValid)
    }

    @Test func theHeadCanBeKeptElsewhereAndReadBack() throws {
        let fixture = try AuditFixture.withEvents(3)
        defer { fixture.remove() }
        let head = try #require(try fixture.log.head())
        let copied = try AuditHead(text: "  " + head.text + "\n")
        #expect(copied == head)
        #expect(fixture.log.verify(expectedHead: copied).isValid)
        #expect(throws: AuditError.self) { try AuditHead(text: head.text.replacingOccurrences(of: ":", with: ": ")) }
    }

    @Test func theExportedKeyAndHeadSignatureAreReadByOpenSSL() throws {
        // Ed25519 keys in standard PEM: a verifier needs no Airlock to check a head.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") else { return }
        let fixture = try AuditFixture.withEvents(2)
        defer { fixture.remove() }
        let head = try #require(try fixture.log.head())
        let directory = fixture.directory
        try Data(try fixture.log.exportPublicKey().utf8).write(to: URL(fileURLWithPath: directory + "/exported.pem"))
        try Data("airlock-audit-head-v1\n\(head.sequence)\n\(head.hash)".utf8)
            .write(to: URL(fileURLWithPath: directory + "/message"))
        try Data(base64Encoded: head.signature)!.write(to: URL(fileURLWithPath: directory + "/signature"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = [
            "pkeyutl", "-verify", "-pubin", "-inkey", directory + "/exported.pem", "-rawin",
            "-in", directory + "/message", "-sigfile", directory + "/signature",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
