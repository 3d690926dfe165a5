import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The log's key pair on disk: `audit-key` (PKCS #8 PEM, mode 0600) and `audit-key.pub`
/// (SubjectPublicKeyInfo PEM), created together by the first append.
struct AuditKeyStore {
    var privateKeyPath: String
    var publicKeyPath: String

    /// The signing key, created when there is none yet and `mayCreate` (the log is empty).
    /// Call it holding the log's lock, so two first appends cannot make two keys.
    ///
    /// A private key that group or others may read is refused, as OpenSSH refuses such
    /// identity files: a key others could copy no longer proves who wrote an event.
    func signingKey(mayCreate: Bool) throws(AuditError) -> Curve25519.Signing.PrivateKey {
        if let mode = DurableFile.permissions(privateKeyPath) {
            guard mode & 0o077 == 0 else {
                throw AuditError(
                    code: .keyPermissions,
                    message: "the audit private key may be read by others (mode \(String(mode, radix: 8)))",
                    detail: "Anyone who can read it can forge events the log would accept. Run `chmod 600 "
                        + "\(privateKeyPath)` and, if others may have copied it, rotate the key.",
                    path: privateKeyPath)
            }
            let key = try readPrivateKey()
            if !DurableFile.exists(publicKeyPath) {
                try DurableFile.replace(publicKeyPath, with: Array(AuditKeyEncoding.pem(key.publicKey).utf8), mode: 0o644)
            }
            return key
        }
        guard mayCreate else {
            throw AuditError(
                code: .badKey, message: "the audit private key is missing, but the log holds events",
                detail: "Events signed by a new key would not verify against the public key of the earlier ones, "
                    + "so Airlock does not make one. Restore the key from a backup.",
                path: privateKeyPath)
        }
        let key = Curve25519.Signing.PrivateKey()
        // The public key first: a crash between the two leaves a public key without its
        // private key, which the next append overwrites, never a private key without a public one.
        try DurableFile.replace(publicKeyPath, with: Array(AuditKeyEncoding.pem(key.publicKey).utf8), mode: 0o644)
        guard try DurableFile.create(privateKeyPath, with: Array(AuditKeyEncoding.pem(key).utf8), mode: 0o600) else {
            throw AuditError(
                code: .badKey, message: "the audit private key appeared while it was being created",
                detail: "Another program wrote it without holding the log's lock. Check what else writes to this directory.",
                path: privateKeyPath)
        }
        return key
    }

    private func readPrivateKey() throws(AuditError) -> Curve25519.Signing.PrivateKey {
        guard let bytes = try DurableFile.contents(of: privateKeyPath),
            let key = AuditKeyEncoding.privateKey(from: String(decoding: bytes, as: UTF8.self))
        else {
            throw AuditError(
                code: .badKey, message: "the audit private key cannot be read",
                detail: "It is not an Ed25519 key in PKCS #8 PEM (-----BEGIN PRIVATE KEY-----). Restore it from a "
                    + "backup; a new key would make every earlier event fail to verify against the old public key.",
                path: privateKeyPath)
        }
        return key
    }

    /// The public key to verify with: from `text` when given, else the log's own public key
    /// file. Returns the reason instead when there is none.
    func verifyingKey(_ text: String?) -> Result<Curve25519.Signing.PublicKey, KeyUnavailable> {
        if let text {
            guard let key = AuditKeyEncoding.publicKey(from: text) else {
                return .failure(KeyUnavailable(reason: "The public key given is not an Ed25519 key in PEM (-----BEGIN PUBLIC KEY-----)."))
            }
            return .success(key)
        }
        let bytes: [UInt8]?
        do { bytes = try DurableFile.contents(of: publicKeyPath) } catch {
            return .failure(KeyUnavailable(reason: "\(publicKeyPath) cannot be read: \(error.detail)."))
        }
        guard let bytes else { return .failure(KeyUnavailable(reason: "\(publicKeyPath) does not exist.")) }
        guard let key = AuditKeyEncoding.publicKey(from: String(decoding: bytes, as: UTF8.self)) else {
            return .failure(KeyUnavailable(reason: "\(publicKeyPath) is not an Ed25519 key in PEM (-----BEGIN PUBLIC KEY-----)."))
        }
        return .success(key)
    }

    /// Why there is no public key to verify with.
    struct KeyUnavailable: Error {
        var reason: String
    }

    var exists: Bool { DurableFile.exists(privateKeyPath) || DurableFile.exists(publicKeyPath) }
}
