/// What `verify` found: how many events the log holds and every problem with them.
public struct AuditVerification: Sendable, Hashable {
    /// Complete events read (a torn final write is not counted).
    public var eventCount: Int
    /// In log order (by line), then problems with the head.
    public var problems: [AuditProblem]
    /// How many Ed25519 signatures were checked: every event's with `.everyEvent`.
    public var signaturesChecked: Int
    /// `SHA256:<base64>` of the public key the signatures were checked with; nil without a key.
    public var keyFingerprint: String?

    public var isValid: Bool { problems.isEmpty }

    /// The earliest event any problem concerns: the first bad event.
    public var firstBadSequence: Int? { problems.compactMap(\.sequence).min() }

    public init(eventCount: Int, problems: [AuditProblem], signaturesChecked: Int, keyFingerprint: String?) {
        self.eventCount = eventCount
        self.problems = problems
        self.signaturesChecked = signaturesChecked
        self.keyFingerprint = keyFingerprint
    }
}

/// How many signatures `verify` checks.
public enum AuditSignatureCheck: Sendable, Hashable {
    /// Every event's signature (in parallel). The default.
    case everyEvent
    /// Every hash and chain link, and one signature per unbroken run of the chain: the run's
    /// last. Because each event's hashed body holds the previous event's hash *and*
    /// signature, a valid signature on event n vouches for every byte of the events before
    /// it in the run, so this finds the same problems unless the key holder itself once
    /// wrote an invalid signature. When the last signature fails, a binary search names the
    /// first event whose signature fails. Used by `append`, which must not cost a signature
    /// check per event already in the log.
    case chainAnchored
}
