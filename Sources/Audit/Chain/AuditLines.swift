/// Reading and verifying an audit chain held as lines outside `audit.log`, one event a line
/// (rows of a database, in sequence order), with the same reader and verifier as the file.
public enum AuditLines {
    /// The event one line holds (without its newline), as `AuditSigner.seal` made it.
    /// Throws AUD007 when the line is not an event. It reads, it does not verify: the hash,
    /// signature and chain link are `verify`'s.
    public static func decode(_ line: String) throws -> AuditEvent {
        var bytes = Array(line.utf8)
        bytes.append(0x0a)
        let decoded = bytes.withUnsafeBufferPointer { buffer -> Result<AuditEvent, EventLine.Defect> in
            let split = LogLines(buffer)
            // A newline inside would make the text more than one line of a log.
            guard split.lines.count == 1 else {
                return .failure(EventLine.Defect(message: "the text holds a newline, so it is not one line", column: 1))
            }
            return EventLine.decode(buffer, line: split.lines[0])
        }
        switch decoded {
        case .success(let event): return event
        case .failure(let defect):
            throw AuditError(
                code: .malformedLine, message: "not an event",
                detail: "At column \(defect.column): \(defect.message). A line is one event in canonical JSON, "
                    + "exactly as it was sealed.",
                path: "")
        }
    }

    /// Checks a chain's lines, in order, exactly as `AuditLog.verify` checks `audit.log`:
    /// every line's form and hash, sequence numbers from 1 without gaps, the links, the
    /// signatures (see `signatures`) and, when given, the chain against `expectedHead`.
    /// Never throws. Problems name lines by their 1-based position in `lines`.
    ///
    /// Unlike a file, whose last line may be an append cut short by a crash, every line is
    /// taken as written whole, so a last line that is not an event is damage (AUD007).
    ///
    /// - Parameters:
    ///   - publicKeyPEM: The public key (`AuditSigner.publicKeyPEM`) kept apart from the
    ///     chain; nil checks everything but signatures and reports AUD012.
    ///   - expectedHead: A head kept apart from the chain (`AuditSigner.head(for:)`), which
    ///     catches events cut off its end.
    public static func verify(
        lines: [String], publicKeyPEM: String?, expectedHead: AuditHead? = nil,
        signatures: AuditSignatureCheck = .chainAnchored
    ) -> AuditVerification {
        var verifier = AuditVerifier(signatures: signatures)
        verifier.lastLineMayBeTorn = false
        if let publicKeyPEM {
            if let key = AuditKeyEncoding.publicKey(from: publicKeyPEM) {
                verifier.publicKey = key
            } else {
                verifier.publicKeyProblem = "The public key given is not an Ed25519 key in PEM (-----BEGIN PUBLIC KEY-----)."
            }
        } else {
            verifier.publicKeyProblem = "No public key was given."
        }
        if let expectedHead { verifier.heads.append(.init(head: expectedHead, source: "expected head")) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for line in lines {
            bytes.append(contentsOf: line.utf8)
            bytes.append(0x0a)
        }
        return verifier.check(bytes)
    }
}
