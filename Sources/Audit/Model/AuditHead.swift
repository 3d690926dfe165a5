import Crypto
import Foundation

/// The signed sequence and hash of the last acknowledged event: what an operator keeps
/// outside the log to prove later that nothing was cut off its end.
///
/// A hash chain cannot show that its tail was removed (what remains still chains), so the
/// log keeps its head in `audit.head`, rewritten after every acknowledged append, and
/// `verify` reports a log shorter than its head as truncated. Someone who can rewind both
/// files is caught by a head kept elsewhere and passed to `verify(expectedHead:)`.
public struct AuditHead: Sendable, Hashable {
    public var sequence: Int
    /// Hex SHA-256 of the event at `sequence`.
    public var hash: String
    /// Base64 Ed25519 signature over `airlock-audit-head-v1\n<sequence>\n<hash>`; the prefix
    /// keeps a head signature from ever passing as an event's, which signs 32 raw bytes.
    public var signature: String

    public init(sequence: Int, hash: String, signature: String) {
        self.sequence = sequence
        self.hash = hash
        self.signature = signature
    }

    /// The head as one line of JSON, as `audit.head` holds it:
    /// `{"hash":"…","seq":12,"sig":"…","v":1}`.
    public var text: String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        CanonicalJSON.appendKey("hash", first: true, to: &out)
        CanonicalJSON.appendString(hash, to: &out)
        CanonicalJSON.appendKey("seq", to: &out)
        out.append(contentsOf: Array(String(sequence).utf8))
        CanonicalJSON.appendKey("sig", to: &out)
        CanonicalJSON.appendString(signature, to: &out)
        CanonicalJSON.appendKey("v", to: &out)
        out.append(contentsOf: Array("1}\n".utf8))
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads a head from its text, exactly as `text` wrote it (surrounding whitespace allowed).
    public init(text: String) throws(AuditError) {
        let bytes = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        let parsed = bytes.withUnsafeBufferPointer { buffer -> (Int, String, String)? in
            var reader = CanonicalReader(buffer)
            do throws(CanonicalReader.Failure) {
                try reader.expect(UInt8(ascii: "{"), "{")
                try reader.expectKey("hash")
                let hash = try reader.string()
                try reader.expect(UInt8(ascii: ","), ",")
                try reader.expectKey("seq")
                let sequence = try reader.positiveInteger()
                try reader.expect(UInt8(ascii: ","), ",")
                try reader.expectKey("sig")
                let signature = try reader.string()
                try reader.expect(UInt8(ascii: ","), ",")
                try reader.expectKey("v")
                guard try reader.positiveInteger() == 1 else { return nil }
                try reader.expect(UInt8(ascii: "}"), "}")
                guard reader.atEnd, HashValue(hex: UnsafeBufferPointer(rebasing: buffer[hash.range])) != nil,
                    SignatureText.isCanonical(UnsafeBufferPointer(rebasing: buffer[signature.range]))
                else { return nil }
                return (sequence, reader.text(hash), reader.text(signature))
            } catch {
                return nil
            }
        }
        guard let (sequence, hash, signature) = parsed else {
            throw AuditError(
                code: .badHead, message: "not an audit head",
                detail: "A head is the one line audit.head holds, {\"hash\":\"<64 hex>\",\"seq\":N,\"sig\":\"<base64>\",\"v\":1}, "
                    + "copied exactly.",
                path: "")
        }
        self.init(sequence: sequence, hash: hash, signature: signature)
    }

    /// The bytes the head's signature covers.
    static func signedMessage(sequence: Int, hash: String) -> [UInt8] {
        Array("airlock-audit-head-v1\n\(sequence)\n\(hash)".utf8)
    }

    static func signed(sequence: Int, hash: String, with key: Curve25519.Signing.PrivateKey) throws -> AuditHead {
        let signature = try key.signature(for: signedMessage(sequence: sequence, hash: hash))
        return AuditHead(sequence: sequence, hash: hash, signature: SignatureText.encode([UInt8](signature)))
    }

    func isSigned(by key: Curve25519.Signing.PublicKey) -> Bool {
        guard let signatureBytes = SignatureText.decode(signature) else { return false }
        return key.isValidSignature(signatureBytes, for: AuditHead.signedMessage(sequence: sequence, hash: hash))
    }
}
