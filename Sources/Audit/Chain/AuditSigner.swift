import Crypto
import Foundation

/// The private key that seals audit events, apart from any file of events: what a store
/// that keeps its chain in a database signs with.
///
/// Sealing is the same code `AuditLog.append` runs, so a chain kept elsewhere is made of
/// exactly the lines an `audit.log` would hold and verifies with the same verifier (see
/// `AuditLines`). The signer does not know the chain: whoever holds it passes the last
/// event and stores the lines in order, under a lock of its own.
public struct AuditSigner: Sendable {
    /// The 32-byte Ed25519 seed. swift-crypto's key type is not `Sendable`, so the signer
    /// keeps the bytes and makes the key when it signs.
    private let seed: [UInt8]
    /// The public key as PEM SubjectPublicKeyInfo, what a verifier keeps elsewhere and
    /// passes to `AuditLines.verify(publicKeyPEM:)`.
    public let publicKeyPEM: String
    /// `SHA256:<base64>` of the public key, as `AuditVerification.keyFingerprint` names it.
    public let fingerprint: String

    init(key: Curve25519.Signing.PrivateKey) {
        seed = [UInt8](key.rawRepresentation)
        publicKeyPEM = AuditKeyEncoding.pem(key.publicKey)
        fingerprint = AuditKeyEncoding.fingerprint(key.publicKey)
    }

    /// A signer for a private key in PKCS #8 PEM (`-----BEGIN PRIVATE KEY-----`), as
    /// `audit-key` holds it: for a key kept in a secret store rather than on disk.
    public init(privateKeyPEM: String) throws {
        guard let key = AuditKeyEncoding.privateKey(from: privateKeyPEM) else {
            throw AuditError(
                code: .badKey, message: "the audit private key given cannot be read",
                detail: "It is not an Ed25519 key in PKCS #8 PEM (-----BEGIN PRIVATE KEY-----), the form of the "
                    + "audit-key file.",
                path: "")
        }
        self.init(key: key)
    }

    /// The key pair `AuditLog` keeps in `directory` (`audit-key`, mode 0600, and
    /// `audit-key.pub`), made now when there is none and the directory's `audit.log` holds
    /// no events.
    ///
    /// It holds the log's lock while it reads or makes the key, so it never races an
    /// append, or another signer, into making two. It refuses, as `append` does, a private
    /// key others may read, and a missing key beside a log that has events: a new key would
    /// sign events the old public key does not verify.
    public static func loadOrCreate(directory: String) throws -> AuditSigner {
        let log = AuditLog(directory: directory)
        try DurableFile.makeDirectory(directory)
        let key = try FileLock.withLock(log.lockPath, exclusive: true) { () throws in
            try log.keys.signingKey(mayCreate: (try LogTail(path: log.logPath)?.size ?? 0) == 0)
        }
        return AuditSigner(key: key)
    }

    /// Seals `records` as the events that follow `previous` (nil: the first events of a
    /// chain, from sequence 1), all stamped `time`, each linked to the one before.
    ///
    /// Each line is the event exactly as `AuditLog.append` writes it, *without* the newline
    /// that ends it in `audit.log`; lines joined with a newline after each are a log file.
    /// The caller stores them in order and passes the last event next time.
    ///
    /// Like `append` (AUD103), it refuses to follow an event that this key did not seal or
    /// that was changed since: events chained to it would lend it the appearance of a valid
    /// history, and a chain continued under another key no longer verifies against either.
    public func seal(
        _ records: [AuditRecord], after previous: AuditEvent?, at time: Date
    ) throws -> [(event: AuditEvent, line: String)] {
        let key = try key()
        if let previous, !Self.isSealed(previous, by: key.publicKey) {
            throw AuditError(
                code: .refusedAppend, message: "event \(previous.sequence), the one to follow, is not sealed by this key",
                detail: "Its body does not hash to its \"hash\", or its signature does not verify against this "
                    + "signer's public key (\(fingerprint)). Either the chain was made with another key, and events "
                    + "sealed with this one would not verify with it, or the event was changed after it was written. "
                    + "Verify the chain, and sign with the key it was made with.",
                path: "")
        }
        let link = previous.map { (sequence: $0.sequence, hash: $0.hash, signature: $0.signature) }
        return try EventLine.seal(records, after: link, time: AuditTime.format(time), with: key)
            .map { ($0.event, String(decoding: $0.line, as: UTF8.self)) }
    }

    /// Whether `event`'s fields hash to its hash and `key` signed that hash: one hash and one
    /// signature check, the same `append` makes of the log's last event.
    private static func isSealed(_ event: AuditEvent, by key: Curve25519.Signing.PublicKey) -> Bool {
        let body = EventLine.body(
            sequence: event.sequence, time: event.time, record: event.record, previousHash: event.previousHash,
            previousSignature: event.previousSignature)
        let digest = Array(SHA256.hash(data: body))
        guard Hex.encode(digest) == event.hash, let signature = SignatureText.decode(event.signature) else {
            return false
        }
        return key.isValidSignature(signature, for: digest)
    }

    /// A signed head for `event`, the last of a chain: what an operator keeps elsewhere and
    /// passes back as `expectedHead`, to catch events later cut off the chain's end.
    public func head(for event: AuditEvent) throws -> AuditHead {
        try AuditHead.signed(sequence: event.sequence, hash: event.hash, with: try key())
    }

    private func key() throws -> Curve25519.Signing.PrivateKey {
        try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
    }
}
