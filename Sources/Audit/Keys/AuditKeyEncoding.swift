import Crypto
import Foundation

/// Ed25519 keys as text other tools read: PKCS #8 for the private key and
/// SubjectPublicKeyInfo for the public key, both PEM (RFC 8410), so
/// `openssl pkey -pubin -in audit-key.pub -text` shows the same key Airlock uses.
///
/// swift-crypto has no PEM for Curve25519 keys; the DER of an Ed25519 key is a fixed
/// prefix (RFC 8410 §7 and §10) followed by the 32 key bytes, so that is all this writes.
enum AuditKeyEncoding {
    /// SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (0 unused bits) <32 bytes> }.
    private static let publicKeyPrefix: [UInt8] = [
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
    ]
    /// SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING <32-byte seed> } }.
    private static let privateKeyPrefix: [UInt8] = [
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ]

    static func pem(_ key: Curve25519.Signing.PublicKey) -> String {
        pem(label: "PUBLIC KEY", der: publicKeyPrefix + [UInt8](key.rawRepresentation))
    }

    static func pem(_ key: Curve25519.Signing.PrivateKey) -> String {
        pem(label: "PRIVATE KEY", der: privateKeyPrefix + [UInt8](key.rawRepresentation))
    }

    /// A public key from PEM (`-----BEGIN PUBLIC KEY-----`), or from one line of base64 holding
    /// either that DER or the 32 raw key bytes.
    static func publicKey(from text: String) -> Curve25519.Signing.PublicKey? {
        guard let der = derBytes(text, label: "PUBLIC KEY") else { return nil }
        let raw: [UInt8]
        if der.count == 32 {
            raw = der
        } else if der.count == publicKeyPrefix.count + 32, der.starts(with: publicKeyPrefix) {
            raw = Array(der.dropFirst(publicKeyPrefix.count))
        } else {
            return nil
        }
        return try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
    }

    static func privateKey(from text: String) -> Curve25519.Signing.PrivateKey? {
        guard let der = derBytes(text, label: "PRIVATE KEY"), der.count == privateKeyPrefix.count + 32,
            der.starts(with: privateKeyPrefix)
        else { return nil }
        return try? Curve25519.Signing.PrivateKey(rawRepresentation: der.dropFirst(privateKeyPrefix.count))
    }

    /// `SHA256:<base64 without padding>` of the raw public key, as OpenSSH prints fingerprints.
    static func fingerprint(_ key: Curve25519.Signing.PublicKey) -> String {
        let digest = Data(SHA256.hash(data: key.rawRepresentation)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    private static func pem(label: String, der: [UInt8]) -> String {
        let base64 = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN \(label)-----\n\(base64)\n-----END \(label)-----\n"
    }

    private static func derBytes(_ text: String, label: String) -> [UInt8]? {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let begin = "-----BEGIN \(label)-----"
        let end = "-----END \(label)-----"
        let base64: String
        if let first = lines.firstIndex(of: begin) {
            guard let last = lines.firstIndex(of: end), last > first else { return nil }
            base64 = lines[(first + 1)..<last].joined()
        } else if lines.count == 1, !lines[0].hasPrefix("-----") {
            base64 = lines[0]
        } else {
            return nil
        }
        return Data(base64Encoded: base64).map { [UInt8]($0) }
    }
}
