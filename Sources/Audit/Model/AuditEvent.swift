/// One event as stored: the record plus its place in the hash chain and its signature.
public struct AuditEvent: Sendable, Hashable {
    /// 1-based position in the log, without gaps.
    public var sequence: Int
    /// RFC 3339 UTC with milliseconds, `2026-11-21T10:00:00.123Z`.
    public var time: String
    public var record: AuditRecord
    /// Hex SHA-256 of the previous event (its `hash`); 64 zeros for the first event.
    public var previousHash: String
    /// Base64 signature of the previous event; empty for the first event. Chaining the
    /// signature as well as the hash means a valid signature on event n vouches for every
    /// byte of events 1 through n-1, signatures included (see docs/audit-log.md).
    public var previousSignature: String
    /// Hex SHA-256 of the event's body bytes as stored (see docs/audit-log.md).
    public var hash: String
    /// Base64 Ed25519 signature over the 32 bytes of `hash`.
    public var signature: String

    public init(
        sequence: Int, time: String, record: AuditRecord, previousHash: String,
        previousSignature: String, hash: String, signature: String
    ) {
        self.sequence = sequence
        self.time = time
        self.record = record
        self.previousHash = previousHash
        self.previousSignature = previousSignature
        self.hash = hash
        self.signature = signature
    }

    /// The previous hash of the first event.
    public static let genesisHash = String(repeating: "0", count: 64)
}
