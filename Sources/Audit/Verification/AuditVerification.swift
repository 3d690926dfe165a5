/// What `verify` found: how many events the log holds and every problem with them.
public struct AuditVerification: Sendable, Hashable {
    /// Complete events read (a torn final write is not counted).
    public var eventCount: Int
    /// In log order (by line), then problems with the head.
    public var problems: [AuditProblem]
    /// How many Ed25519 signatures were checked: every event's with `.everyEvent`; one per
    /// unbroken run of the chain (usually one), plus a few to place a bad one, with `.chainAnchored`.
    public var signaturesChecked: Int
    /// Which signatures `verify` was asked to check.
    public var signatureCheck: AuditSignatureCheck
    /// `SHA256:<base64>` of the public key the signatures were checked with; nil without a key.
    public var keyFingerprint: String?

    public var isValid: Bool { problems.isEmpty }

    /// The earliest event any problem concerns: the first bad event.
    public var firstBadSequence: Int? { problems.compactMap(\.sequence).min() }

    public init(
        eventCount: Int, problems: [AuditProblem], signaturesChecked: Int, keyFingerprint: String?,
        signatureCheck: AuditSignatureCheck = .chainAnchored
    ) {
        self.eventCount = eventCount
        self.problems = problems
        self.signaturesChecked = signaturesChecked
        self.keyFingerprint = keyFingerprint
        self.signatureCheck = signatureCheck
    }
}

/// How many signatures `verify` checks. Both modes check every line's form, every hash,
/// sequence number and chain link, and the heads; they differ only in Ed25519 checks.
public enum AuditSignatureCheck: Sendable, Hashable {
    /// Every hash and chain link, and one signature per unbroken run of the chain: the run's
    /// last. The default. Because each event's hashed body holds the previous event's hash
    /// *and* signature, a valid signature on event n vouches for every byte of the events
    /// before it in the run, so this finds the same problems as `.everyEvent` unless the
    /// key holder itself once wrote an invalid signature. When the last signature fails, a
    /// binary search names the first event whose signature fails.
    case chainAnchored
    /// Every event's signature (in parallel), as well: about 85 µs of CPU an event, so 100,000
    /// events take seconds. What it adds is a check of each signature as written, which
    /// catches a key holder (or a faulty signer) that once wrote an invalid one.
    case everyEvent
}
