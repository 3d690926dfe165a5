import Crypto
import Foundation

/// The tamper-evident audit log of one repository: JSON Lines in `<directory>/audit.log`,
/// each event hash-chained to the one before and signed with the log's Ed25519 key.
///
/// The value holds only paths; every call opens what it needs, so an `AuditLog` can be
/// made anywhere and shared freely. The directory, key pair and log are created lazily by
/// the first append. See docs/audit-log.md for the format and its guarantees.
public struct AuditLog: Sendable {
    public var directory: String

    /// The log in `directory` (usually `<repo>/.airlock`).
    public init(directory: String) {
        self.directory = directory
    }

    public var logPath: String { directory + "/audit.log" }
    /// The signed head: sequence and hash of the last acknowledged event.
    public var headPath: String { directory + "/audit.head" }
    /// The private key, PKCS #8 PEM, mode 0600.
    public var privateKeyPath: String { directory + "/audit-key" }
    public var publicKeyPath: String { directory + "/audit-key.pub" }
    /// The file appenders flock, so two processes never fork the chain.
    var lockPath: String { directory + "/audit.lock" }

    var keys: AuditKeyStore { AuditKeyStore(privateKeyPath: privateKeyPath, publicKeyPath: publicKeyPath) }

    /// Every complete event in order, as stored; an empty array when nothing was logged yet.
    ///
    /// This reads, it does not verify: hashes and signatures are `verify`'s job. A torn final
    /// write (an append interrupted by a crash) is left out, not an error, so the events
    /// before it can still be read; `verify` reports it (AUD005) and the next append
    /// recovers it. A line that is not an event anywhere else throws (AUD007).
    public func events() throws -> [AuditEvent] {
        guard let bytes = try withReadLock({ () throws(AuditError) in try DurableFile.contents(of: logPath) })
        else { return [] }
        return try bytes.withUnsafeBufferPointer { buffer throws(AuditError) in
            let split = LogLines(buffer)
            var events: [AuditEvent] = []
            events.reserveCapacity(split.lines.count)
            for (index, range) in split.lines.enumerated() {
                switch EventLine.decode(buffer, line: range) {
                case .success(let event): events.append(event)
                case .failure(let defect):
                    // The same rule as `verify`: the last line is torn, not tampered with,
                    // when nothing follows it.
                    if index == split.lines.count - 1, split.unterminated == nil { break }
                    throw AuditError(
                        code: .malformedLine, message: "line \(index + 1) is not an event",
                        detail: "At column \(defect.column): \(defect.message). Run `airlock audit verify` for "
                            + "details.",
                        path: logPath, line: index + 1)
                }
            }
            return events
        }
    }

    /// Checks every event: its form, hash, sequence number and chain link, the signatures
    /// (see `signatures`), and the log's length against its head file and `expectedHead`.
    /// Never throws: a log that cannot be read is a problem like any other.
    ///
    /// - Parameters:
    ///   - publicKey: Exported public key text (PEM) kept outside the repository; nil uses
    ///     `audit-key.pub`, which someone who rewrote the log may have replaced too.
    ///   - expectedHead: A head kept outside the repository (from `head()`), which catches a
    ///     log cut short together with its head file.
    ///   - signatures: `.chainAnchored` (the default: every hash and link, and the signature
    ///     that vouches for them) or `.everyEvent`.
    public func verify(
        publicKey: String? = nil, expectedHead: AuditHead? = nil, signatures: AuditSignatureCheck = .chainAnchored
    ) -> AuditVerification {
        var verifier = AuditVerifier(signatures: signatures)
        switch keys.verifyingKey(publicKey) {
        case .success(let key): verifier.publicKey = key
        case .failure(let unavailable): verifier.publicKeyProblem = unavailable.reason
        }
        verifier.keyExists = keys.exists
        if let expectedHead { verifier.heads.append(.init(head: expectedHead, source: "expected head")) }
        let log: [UInt8]?
        do {
            log = try withReadLock { () throws(AuditError) -> [UInt8]? in
                do throws(AuditError) {
                    if let head = try head() {
                        verifier.heads.insert(.init(head: head, source: "head file"), at: 0)
                    }
                } catch {
                    verifier.unreadableHead = ("head file", error.detail)
                }
                return try DurableFile.contents(of: logPath)
            }
        } catch {
            let problem = AuditProblem(
                code: .unreadable, sequence: nil, line: 0, summary: "the log cannot be read",
                detail: "\(error). Check the file's permissions.")
            return AuditVerification(
                eventCount: 0, problems: [problem], signaturesChecked: 0, keyFingerprint: nil,
                signatureCheck: signatures)
        }
        return verifier.check(log)
    }

    /// The public key as PEM SubjectPublicKeyInfo (`-----BEGIN PUBLIC KEY-----`), which
    /// `openssl pkey -pubin` reads: the text a verifier keeps elsewhere and passes back to
    /// `verify(publicKey:)`.
    public func exportPublicKey() throws -> String {
        switch keys.verifyingKey(nil) {
        case .success(let key): return AuditKeyEncoding.pem(key)
        case .failure(let unavailable):
            throw AuditError(
                code: .badKey, message: "there is no public key to export",
                detail: unavailable.reason + " The key pair is created by the first append.", path: publicKeyPath)
        }
    }

    /// The signed head (sequence and hash of the last acknowledged event), or nil before
    /// the first append. Keep its `text` elsewhere and pass it to `verify(expectedHead:)`.
    public func head() throws(AuditError) -> AuditHead? {
        guard let bytes = try DurableFile.contents(of: headPath) else { return nil }
        do {
            return try AuditHead(text: String(decoding: bytes, as: UTF8.self))
        } catch {
            var located = error
            located.path = headPath
            throw located
        }
    }

    /// Runs `body` holding the shared lock, so a reader never sees an append half-written;
    /// without the lock file (nothing appended yet, or a read-only copy) it just runs.
    func withReadLock<T>(_ body: () throws(AuditError) -> T) throws(AuditError) -> T {
        guard DurableFile.exists(lockPath) else { return try body() }
        do {
            return try FileLock.withLock(lockPath, exclusive: false) { try body() }
        } catch let error as AuditError {
            if error.code == AuditCode.lockFailed.rawValue { return try body() }
            throw error
        } catch {
            throw AuditError(code: .unreadable, message: "cannot read the log", detail: "\(error)", path: logPath)
        }
    }
}
