import Crypto

/// One event's bytes in `audit.log`, and the way back from them.
///
/// A line is the event's *body*, canonical JSON of every field but the seal with keys
/// sorted, followed by `"hash"` and `"sig"` as its last two members at fixed widths:
///
///     {"actor":…,"prev":"<64 hex>","prev_sig":"<base64>","seq":7,…,"v":1,"hash":"<64 hex>","sig":"<88 base64>"}
///
/// A verifier therefore cuts the body back out (everything before the last 172 bytes, plus
/// `}`) without re-serialising, and the hash covers exactly the bytes on disk.
enum EventLine {
    static let formatVersion = 1
    /// `,"hash":"` + 64 hex + `","sig":"` + 88 base64 + `"}`.
    static let sealLength = hashMarker.count + 64 + signatureMarker.count + SignatureText.length + closing.count
    private static let hashMarker = Array(#","hash":""#.utf8)
    private static let signatureMarker = Array(#"","sig":""#.utf8)
    private static let closing = Array(#""}"#.utf8)

    // MARK: Writing

    /// The canonical body of an event: its keys in byte order, optional ones left out when nil.
    static func body(
        sequence: Int, time: String, record: AuditRecord, previousHash: String, previousSignature: String
    ) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(512)
        CanonicalJSON.appendKey("actor", first: true, to: &out)
        CanonicalJSON.appendString(record.actor, to: &out)
        CanonicalJSON.appendKey("actor_details", to: &out)
        CanonicalJSON.appendObject(record.actorDetails, to: &out)
        if let decisionID = record.decisionID {
            CanonicalJSON.appendKey("decision_id", to: &out)
            CanonicalJSON.appendString(decisionID, to: &out)
        }
        CanonicalJSON.appendKey("details", to: &out)
        CanonicalJSON.appendObject(record.details, to: &out)
        CanonicalJSON.appendKey("kind", to: &out)
        CanonicalJSON.appendString(record.kind.rawValue, to: &out)
        if let planDigest = record.planDigest {
            CanonicalJSON.appendKey("plan_digest", to: &out)
            CanonicalJSON.appendString(planDigest, to: &out)
        }
        if let policyDigest = record.policyDigest {
            CanonicalJSON.appendKey("policy_digest", to: &out)
            CanonicalJSON.appendString(policyDigest, to: &out)
        }
        CanonicalJSON.appendKey("prev", to: &out)
        CanonicalJSON.appendString(previousHash, to: &out)
        CanonicalJSON.appendKey("prev_sig", to: &out)
        CanonicalJSON.appendString(previousSignature, to: &out)
        CanonicalJSON.appendKey("seq", to: &out)
        out.append(contentsOf: Array(String(sequence).utf8))
        CanonicalJSON.appendKey("summary", to: &out)
        CanonicalJSON.appendString(record.summary, to: &out)
        CanonicalJSON.appendKey("time", to: &out)
        CanonicalJSON.appendString(time, to: &out)
        CanonicalJSON.appendKey("v", to: &out)
        out.append(contentsOf: Array(String(formatVersion).utf8))
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// Hashes and signs `body`, returning the stored line (without its newline) and the seal.
    static func seal(
        _ body: [UInt8], with key: Curve25519.Signing.PrivateKey
    ) throws -> (line: [UInt8], hash: String, signature: String) {
        let digest = Array(SHA256.hash(data: body))
        let signature = SignatureText.encode([UInt8](try key.signature(for: digest)))
        let hash = Hex.encode(digest)
        return (sealed(body, hash: hash, signature: signature), hash, signature)
    }

    /// The event a new one links to: its sequence number, hash and signature.
    typealias Link = (sequence: Int, hash: String, signature: String)

    /// Seals `records` as the events after `previous` (nil: the first events of a chain),
    /// all stamped `time`, each linked to the one before: the one place events are made,
    /// for `AuditLog.append` and `AuditSigner.seal` alike. Lines are without their newline.
    static func seal(
        _ records: [AuditRecord], after previous: Link?, time: String, with key: Curve25519.Signing.PrivateKey
    ) throws -> [(event: AuditEvent, line: [UInt8])] {
        var previous = previous ?? (0, AuditEvent.genesisHash, "")
        var sealed: [(event: AuditEvent, line: [UInt8])] = []
        sealed.reserveCapacity(records.count)
        for record in records {
            let sequence = previous.sequence + 1
            let body = body(
                sequence: sequence, time: time, record: record, previousHash: previous.hash,
                previousSignature: previous.signature)
            let seal = try seal(body, with: key)
            let event = AuditEvent(
                sequence: sequence, time: time, record: record, previousHash: previous.hash,
                previousSignature: previous.signature, hash: seal.hash, signature: seal.signature)
            sealed.append((event, seal.line))
            previous = (sequence, seal.hash, seal.signature)
        }
        return sealed
    }

    /// The canonical JSON of an event as stored (without the newline): the same bytes as its line.
    static func json(_ event: AuditEvent) -> [UInt8] {
        let body = body(
            sequence: event.sequence, time: event.time, record: event.record,
            previousHash: event.previousHash, previousSignature: event.previousSignature)
        return sealed(body, hash: event.hash, signature: event.signature)
    }

    private static func sealed(_ body: [UInt8], hash: String, signature: String) -> [UInt8] {
        var line = body
        line.removeLast()
        line.append(contentsOf: hashMarker)
        line.append(contentsOf: Array(hash.utf8))
        line.append(contentsOf: signatureMarker)
        line.append(contentsOf: Array(signature.utf8))
        line.append(contentsOf: closing)
        return line
    }

    // MARK: Reading

    /// Why a line is not an event.
    struct Defect: Error {
        var message: String
        /// 1-based byte column in the line.
        var column: Int
    }

    /// What verification needs from a line: its place in the chain and its seal, as values
    /// and byte ranges of the buffer it was read from (nothing allocated).
    struct Scanned {
        var sequence: Int
        var previousHash: HashValue
        /// Empty for the first event.
        var previousSignature: Range<Int>
        var hash: HashValue
        /// SHA-256 of the body bytes as found.
        var computedHash: HashValue
        var signature: Range<Int>
        var hashMatches: Bool { computedHash == hash }
    }

    /// Where the rest of the fields are, for turning a line into an `AuditEvent`.
    private struct Fields {
        var actor: CanonicalReader.StringRange?
        var actorDetails: [(CanonicalReader.StringRange, CanonicalReader.StringRange)] = []
        var decisionID: CanonicalReader.StringRange?
        var details: [(CanonicalReader.StringRange, CanonicalReader.StringRange)] = []
        var kind: AuditEventKind?
        var planDigest: CanonicalReader.StringRange?
        var policyDigest: CanonicalReader.StringRange?
        var summary: CanonicalReader.StringRange?
        var time: CanonicalReader.StringRange?
    }

    private enum Key: Int, CaseIterable {
        case actor, actorDetails, decisionID, details, kind, planDigest, policyDigest, prev, prevSig, seq
        case summary, time, version

        var name: String {
            switch self {
            case .actor: "actor"
            case .actorDetails: "actor_details"
            case .decisionID: "decision_id"
            case .details: "details"
            case .kind: "kind"
            case .planDigest: "plan_digest"
            case .policyDigest: "policy_digest"
            case .prev: "prev"
            case .prevSig: "prev_sig"
            case .seq: "seq"
            case .summary: "summary"
            case .time: "time"
            case .version: "v"
            }
        }

        var isOptional: Bool { self == .decisionID || self == .planDigest || self == .policyDigest }

        static let names: [[UInt8]] = allCases.map { Array($0.name.utf8) }
    }

    private static let kindNames: [(AuditEventKind, [UInt8])] = AuditEventKind.allCases.map { ($0, Array($0.rawValue.utf8)) }

    /// Reads the line at `line` in `buffer` for verification: the seal's frame, every field
    /// checked for presence, type and canonical form, and the body hashed.
    static func scan(_ buffer: UnsafeBufferPointer<UInt8>, line: Range<Int>) -> Result<Scanned, Defect> {
        var ignored = Fields()
        return scan(buffer, line: line, collecting: false, into: &ignored)
    }

    /// Reads the line at `line` in `buffer` into an event, for `events()`.
    static func decode(_ buffer: UnsafeBufferPointer<UInt8>, line: Range<Int>) -> Result<AuditEvent, Defect> {
        var fields = Fields()
        switch scan(buffer, line: line, collecting: true, into: &fields) {
        case .failure(let defect): return .failure(defect)
        case .success(let scanned):
            let reader = CanonicalReader(buffer)
            func object(_ members: [(CanonicalReader.StringRange, CanonicalReader.StringRange)]) -> [String: String] {
                Dictionary(members.map { (reader.text($0.0), reader.text($0.1)) }, uniquingKeysWith: { first, _ in first })
            }
            // scan() has checked that every required field is present.
            let record = AuditRecord(
                kind: fields.kind!, actor: reader.text(fields.actor!), actorDetails: object(fields.actorDetails),
                planDigest: fields.planDigest.map(reader.text), policyDigest: fields.policyDigest.map(reader.text),
                decisionID: fields.decisionID.map(reader.text), summary: reader.text(fields.summary!),
                details: object(fields.details))
            return .success(
                AuditEvent(
                    sequence: scanned.sequence, time: reader.text(fields.time!), record: record,
                    previousHash: scanned.previousHash.hex,
                    previousSignature: String(decoding: buffer[scanned.previousSignature], as: UTF8.self),
                    hash: scanned.hash.hex, signature: String(decoding: buffer[scanned.signature], as: UTF8.self)))
        }
    }

    private static func scan(
        _ buffer: UnsafeBufferPointer<UInt8>, line: Range<Int>, collecting: Bool, into fields: inout Fields
    ) -> Result<Scanned, Defect> {
        func defect(_ message: String, at offset: Int) -> Result<Scanned, Defect> {
            .failure(Defect(message: message, column: offset - line.lowerBound + 1))
        }
        guard line.count > sealLength + 1, buffer[line.lowerBound] == UInt8(ascii: "{") else {
            return defect("not an event: too short, or not a JSON object", at: line.lowerBound)
        }
        // The seal sits at fixed offsets from the end; check its frame before anything else.
        let sealStart = line.upperBound - sealLength
        let hashStart = sealStart + hashMarker.count
        let signatureMarkerStart = hashStart + 64
        let signatureStart = signatureMarkerStart + signatureMarker.count
        let closingStart = signatureStart + SignatureText.length
        guard matches(buffer, at: sealStart, hashMarker), matches(buffer, at: signatureMarkerStart, signatureMarker),
            matches(buffer, at: closingStart, closing)
        else {
            return defect(
                "the line does not end with \"hash\" (64 hex digits) and \"sig\" (88 base64 characters)", at: sealStart)
        }
        guard let hash = HashValue(hex: UnsafeBufferPointer(rebasing: buffer[hashStart..<signatureMarkerStart])) else {
            return defect("\"hash\" is not 64 lowercase hex digits", at: hashStart)
        }
        guard isSignature(buffer, signatureStart..<closingStart) else {
            return defect("\"sig\" is not a signature in canonical base64", at: signatureStart)
        }

        var reader = CanonicalReader(buffer, from: line.lowerBound + 1, to: sealStart)
        var seen: UInt32 = 0
        var sequence = 0
        var previousHash = HashValue.zero
        var previousSignature = 0..<0
        var previousKey: Range<Int>?
        do throws(CanonicalReader.Failure) {
            repeat {
                let keyStart = reader.position
                let keyRange = try reader.key(after: previousKey)
                previousKey = keyRange
                guard let key = Key.allCases.first(where: { buffer[keyRange].elementsEqual(Key.names[$0.rawValue]) })
                else {
                    return defect("unknown key \"\(String(decoding: buffer[keyRange], as: UTF8.self))\"", at: keyStart)
                }
                seen |= 1 << key.rawValue
                let valueStart = reader.position
                switch key {
                case .actor, .decisionID, .planDigest, .policyDigest, .summary, .time:
                    let value = try reader.string()
                    if collecting {
                        switch key {
                        case .actor: fields.actor = value
                        case .decisionID: fields.decisionID = value
                        case .planDigest: fields.planDigest = value
                        case .policyDigest: fields.policyDigest = value
                        case .summary: fields.summary = value
                        case .time: fields.time = value
                        case .actorDetails, .details, .kind, .prev, .prevSig, .seq, .version: break
                        }
                    }
                case .actorDetails:
                    try reader.stringObject { if collecting { fields.actorDetails.append(($0, $1)) } }
                case .details:
                    try reader.stringObject { if collecting { fields.details.append(($0, $1)) } }
                case .kind:
                    let value = try reader.string()
                    guard let kind = kindNames.first(where: { reader.equals(value, $0.1) })?.0 else {
                        return defect("unknown kind \"\(reader.text(value))\"", at: valueStart)
                    }
                    fields.kind = kind
                case .prev:
                    let value = try reader.string()
                    guard !value.hasEscapes, let parsed = HashValue(hex: UnsafeBufferPointer(rebasing: buffer[value.range]))
                    else { return defect("\"prev\" is not 64 lowercase hex digits", at: valueStart) }
                    previousHash = parsed
                case .prevSig:
                    let value = try reader.string()
                    guard value.range.isEmpty || (!value.hasEscapes && isSignature(buffer, value.range)) else {
                        return defect("\"prev_sig\" is neither empty nor a signature in canonical base64", at: valueStart)
                    }
                    previousSignature = value.range
                case .seq:
                    sequence = try reader.positiveInteger()
                case .version:
                    guard try reader.positiveInteger() == formatVersion else {
                        return defect("format version is not \(formatVersion), the one this Airlock reads", at: valueStart)
                    }
                }
            } while reader.consume(UInt8(ascii: ","))
        } catch {
            return defect(error.message, at: error.offset)
        }
        guard reader.atEnd else { return defect("unexpected bytes before \"hash\"", at: reader.position) }
        if let missing = Key.allCases.first(where: { !$0.isOptional && seen & (1 << $0.rawValue) == 0 }) {
            return defect("\"\(missing.name)\" is missing", at: line.lowerBound)
        }

        var hasher = SHA256()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[line.lowerBound..<sealStart])))
        hasher.update(data: [UInt8(ascii: "}")])
        return .success(
            Scanned(
                sequence: sequence, previousHash: previousHash, previousSignature: previousSignature, hash: hash,
                computedHash: HashValue(hasher.finalize()), signature: signatureStart..<closingStart))
    }

    private static func isSignature(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        SignatureText.isCanonical(UnsafeBufferPointer(rebasing: buffer[range]))
    }

    private static func matches(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int, _ expected: [UInt8]) -> Bool {
        buffer[offset..<(offset + expected.count)].elementsEqual(expected)
    }
}
