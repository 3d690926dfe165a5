import Crypto
import Dispatch
import Foundation

/// Checks a log's bytes against a public key and its heads: the pure core of `verify`.
/// (`append` reads only the log's end; see `AuditTailCheck`.)
///
/// Pass one reads and hashes every line in parallel (checking every signature too, with
/// `.everyEvent`); lines do not depend on each other there, because each event's body holds
/// the previous event's hash and signature instead of needing them as input. Pass two walks
/// the lines in order and checks sequence numbers and chain links. With `.chainAnchored`,
/// pass three checks one signature per unbroken run. Pass four compares the log with its
/// heads.
struct AuditVerifier {
    /// A head to compare the log with, and what to call it in messages.
    struct Head {
        var head: AuditHead
        var source: String
    }

    var publicKey: Curve25519.Signing.PublicKey?
    /// Why there is no public key, when there is none.
    var publicKeyProblem: String?
    var heads: [Head] = []
    /// A head file that could not be read, with the reason.
    var unreadableHead: (source: String, reason: String)?
    var signatures: AuditSignatureCheck = .chainAnchored
    /// Whether the key file exists, which shows that a log was once written.
    var keyExists = false
    /// Whether a malformed last line is the torn end of an interrupted append (a file) or,
    /// where every line is written whole (rows of a database), damage like any other.
    var lastLineMayBeTorn = true

    func check(_ log: [UInt8]?) -> AuditVerification {
        guard let log else { return checkMissingLog() }
        return log.withUnsafeBufferPointer { buffer in
            var pass = Pass(verifier: self, buffer: buffer)
            return pass.run()
        }
    }

    /// A log without events beside a key: the first append was interrupted between creating
    /// the key and writing its event, or the log and its head were removed.
    fileprivate static let emptyWithKey = AuditProblem(
        code: .logMissing, sequence: nil, line: 0, summary: "the log holds no events, but its key exists",
        detail: "The key is made by the first append just before it writes the first event. Either that append "
            + "was interrupted (append again and this goes away), or the log and its head were removed: then "
            + "restore both from a backup, and check the head kept elsewhere with `verify(expectedHead:)`.")

    private func checkMissingLog() -> AuditVerification {
        var problems: [AuditProblem] = []
        if keyExists, heads.isEmpty { problems.append(Self.emptyWithKey) }
        for head in heads {
            problems.append(
                AuditProblem(
                    code: .truncated, sequence: 1, lastSequence: head.head.sequence > 1 ? head.head.sequence : nil,
                    line: 1, summary: "audit.log does not exist, but the \(head.source) counts \(head.head.sequence) events",
                    detail: "The log was deleted after events were acknowledged. Restore audit.log from a backup."))
        }
        return AuditVerification(
            eventCount: 0, problems: problems, signaturesChecked: 0,
            keyFingerprint: publicKey.map(AuditKeyEncoding.fingerprint), signatureCheck: signatures)
    }
}

extension AuditVerifier {
    /// What pass one learns about one line.
    fileprivate enum Outcome {
        case event(EventLine.Scanned, signatureValid: Bool?)
        case malformed(EventLine.Defect)

        var scanned: EventLine.Scanned? {
            if case .event(let scanned, _) = self { scanned } else { nil }
        }
    }

    /// One verification of one buffer: the passes and what they share.
    fileprivate struct Pass {
        let verifier: AuditVerifier
        let buffer: UnsafeBufferPointer<UInt8>
        var outcomes: [Outcome] = []
        var problems: [AuditProblem] = []
        var signaturesChecked = 0
        /// Lines that hold the event expected at their position (not displaced or repeated).
        var placed: [Bool] = []
        /// Lines whose event links exactly to the line just before, whose body hashes to what it says.
        var chained: [Bool] = []
        var lastPlaced: Int?
        /// Line index of each placed sequence number.
        var lineOfSequence: [Int: Int] = [:]

        init(verifier: AuditVerifier, buffer: UnsafeBufferPointer<UInt8>) {
            self.verifier = verifier
            self.buffer = buffer
        }

        mutating func run() -> AuditVerification {
            let split = LogLines(buffer)
            var lines = split.lines
            outcomes = readLines(lines)
            // A final line that is not an event is the torn end of an interrupted append (its
            // blocks may reach the disk out of order, newline included), not tampering in the
            // middle; bytes after the last newline always are.
            var torn = split.unterminated
            if torn == nil, verifier.lastLineMayBeTorn, let last = lines.last, case .malformed? = outcomes.last {
                torn = last.lowerBound..<min(last.upperBound + 1, buffer.count)
                lines.removeLast()
                outcomes.removeLast()
            }
            if verifier.publicKey == nil, !lines.isEmpty {
                problems.append(
                    AuditProblem(
                        code: .noPublicKey, sequence: nil, line: 0, summary: "signatures were not checked",
                        detail: (verifier.publicKeyProblem ?? "There is no public key.")
                            + " Without it anyone who can write the log can rewrite it undetected. Pass the public "
                            + "key exported when the log was created and kept elsewhere."))
            }
            walkChain()
            if verifier.signatures == .chainAnchored { anchorSignatures() }
            reportSignatures()

            let lastSequence = lastPlaced.flatMap { outcomes[$0].scanned?.sequence } ?? 0
            if let torn { reportTorn(torn, lastSequence: lastSequence, line: lines.count + 1) }
            if lines.isEmpty, torn == nil, verifier.keyExists, verifier.heads.isEmpty {
                problems.append(AuditVerifier.emptyWithKey)
            }
            checkHeads(lastSequence: lastSequence, lineCount: lines.count)

            return AuditVerification(
                eventCount: outcomes.count { $0.scanned != nil }, problems: AuditVerifier.ordered(problems),
                signaturesChecked: signaturesChecked,
                keyFingerprint: verifier.publicKey.map(AuditKeyEncoding.fingerprint), signatureCheck: verifier.signatures)
        }

        private func sameBytes(_ left: Range<Int>, _ right: Range<Int>) -> Bool {
            buffer[left].elementsEqual(buffer[right])
        }

        // MARK: Pass one

        /// Every line scanned and hashed, in parallel; with `.everyEvent`, every signature checked.
        private mutating func readLines(_ lines: [Range<Int>]) -> [Outcome] {
            let key = verifier.signatures == .everyEvent ? verifier.publicKey : nil
            var outcomes = [Outcome](repeating: .malformed(EventLine.Defect(message: "", column: 0)), count: lines.count)
            // A few chunks per core keeps every core busy when lines differ in cost, without
            // paying dispatch overhead per line.
            let chunkCount = max(1, min(lines.count / 64, ProcessInfo.processInfo.activeProcessorCount * 8))
            outcomes.withUnsafeMutableBufferPointer { output in
                // Each chunk writes only its own elements and reads the immutable bytes and key
                // (swift-crypto's key struct is not marked Sendable but holds only its bytes).
                nonisolated(unsafe) let output = output
                nonisolated(unsafe) let buffer = buffer
                nonisolated(unsafe) let key = key
                DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                    for index in (lines.count * chunk / chunkCount)..<(lines.count * (chunk + 1) / chunkCount) {
                        switch EventLine.scan(buffer, line: lines[index]) {
                        case .failure(let defect): output[index] = .malformed(defect)
                        case .success(let scanned):
                            let valid = key.map { AuditVerifier.isSigned(scanned, in: buffer, by: $0) }
                            output[index] = .event(scanned, signatureValid: valid)
                        }
                    }
                }
            }
            if key != nil { signaturesChecked = outcomes.count { $0.scanned != nil } }
            return outcomes
        }

        // MARK: Pass two

        /// Sequence numbers and links, in file order.
        private mutating func walkChain() {
            placed = Array(repeating: false, count: outcomes.count)
            chained = Array(repeating: false, count: outcomes.count)
            // Where each sequence number occurs, to tell an event that moved from one that is gone.
            var linesOfSequence: [Int: [Int]] = [:]
            for (index, outcome) in outcomes.enumerated() {
                if let scanned = outcome.scanned { linesOfSequence[scanned.sequence, default: []].append(index) }
            }
            var expected = 1
            // What the next event in place must link to: the previous event's hash as stored or
            // as recomputed (so one modified event is reported once, not again at its
            // successor) and its signature. nil after a malformed line, whose hash nobody knows.
            var previous: (stored: HashValue, computed: HashValue, signature: Range<Int>)? = (.zero, .zero, 0..<0)
            var afterMalformed = false
            var awaited: Set<Int> = []

            for (index, outcome) in outcomes.enumerated() {
                let line = index + 1
                guard let event = outcome.scanned else {
                    if case .malformed(let defect) = outcome { reportMalformed(defect, line: line, expected: expected) }
                    afterMalformed = true
                    previous = nil
                    continue
                }
                let sequence = event.sequence
                // The malformed line was either event `expected` (damaged) or something inserted.
                if afterMalformed, sequence == expected + 1 { expected += 1 }
                afterMalformed = false
                var inPlace = true
                if sequence == expected {
                    if let previous {
                        let linked =
                            (event.previousHash == previous.stored || event.previousHash == previous.computed)
                            && sameBytes(event.previousSignature, previous.signature)
                        if !linked {
                            problems.append(brokenLink(sequence, line: line))
                        } else if index == 0 || (lastPlaced == index - 1 && outcomes[index - 1].scanned?.hashMatches == true) {
                            chained[index] = true
                        }
                    }
                } else if sequence > expected {
                    if let laterLine = linesOfSequence[expected, default: []].first(where: { $0 > index }) {
                        // Remember every missing event that turns up later, so each is reported once.
                        for missing in expected..<min(sequence, expected + 10_000)
                        where linesOfSequence[missing, default: []].contains(where: { $0 > index }) {
                            awaited.insert(missing)
                        }
                        problems.append(
                            AuditProblem(
                                code: .outOfOrder, sequence: expected, line: line,
                                summary: "events are out of order: line \(line) holds event \(sequence), not \(expected)",
                                detail: "Event \(expected) is on line \(laterLine + 1). Events are only ever appended "
                                    + "in order, so the log was reordered by hand. Restore it from a backup."))
                    } else {
                        let several = sequence - 1 > expected
                        problems.append(
                            AuditProblem(
                                code: .missing, sequence: expected, lastSequence: several ? sequence - 1 : nil,
                                line: line,
                                summary: (several ? "events \(expected)–\(sequence - 1) are" : "event \(expected) is")
                                    + " missing (line \(line) holds event \(sequence))",
                                detail: "Sequence numbers have no gaps when events are only appended, so events were "
                                    + "deleted from the middle of the log. Restore them from a backup."))
                    }
                } else {
                    inPlace = false
                    if awaited.remove(sequence) == nil {
                        let first = linesOfSequence[sequence, default: []].first(where: { $0 < index })
                        let again = first.map { " again (first on line \($0 + 1))" } ?? ""
                        problems.append(
                            AuditProblem(
                                code: .outOfOrder, sequence: sequence, line: line,
                                summary: "event \(sequence) appears\(again) after event \(expected - 1)",
                                detail: "Events are only ever appended in order, so the log was reordered, or lines "
                                    + "were copied in from another copy of it. Restore it from a backup."))
                    }
                }
                if !event.hashMatches {
                    problems.append(
                        AuditProblem(
                            code: .modified, sequence: sequence, line: line,
                            summary: "event \(sequence) was modified after it was written",
                            detail: "The SHA-256 of its body is not the hash stored with it, so at least one byte of "
                                + "the event changed. What it says now cannot be trusted; compare it with a backup."))
                }
                if inPlace {
                    placed[index] = true
                    lastPlaced = index
                    lineOfSequence[sequence] = index
                    previous = (event.hash, event.computedHash, event.signature)
                    expected = sequence + 1
                }
            }
        }

        private mutating func reportMalformed(_ defect: EventLine.Defect, line: Int, expected: Int) {
            problems.append(
                AuditProblem(
                    code: .malformedLine, sequence: expected, line: line,
                    summary: "line \(line) is not an event (where event \(expected) should be)",
                    detail: "At column \(defect.column): \(defect.message). Every line the log writes is one complete "
                        + "event in canonical JSON, so this one was edited or damaged; compare it with a backup. "
                        + "The events around it are still checked."))
        }

        private func brokenLink(_ sequence: Int, line: Int) -> AuditProblem {
            AuditProblem(
                code: .brokenLink, sequence: sequence, line: line,
                summary: "event \(sequence) does not follow from event \(sequence - 1)",
                detail: "Its \"prev\" and \"prev_sig\" are not the hash and signature of the event before it, so "
                    + "that event was replaced (and re-hashed) or this one comes from another log. Compare both "
                    + "with a backup.")
        }

        // MARK: Pass three

        /// For `.chainAnchored`: one signature per unbroken run of chained, intact events,
        /// a binary search where it fails, and every event outside a run on its own.
        private mutating func anchorSignatures() {
            guard let key = verifier.publicKey else { return }
            var index = 0
            while index < outcomes.count {
                guard let event = outcomes[index].scanned else {
                    index += 1
                    continue
                }
                guard event.hashMatches, placed[index] else {
                    _ = isValid(index, key)
                    index += 1
                    continue
                }
                var end = index
                while end + 1 < outcomes.count, chained[end + 1], outcomes[end + 1].scanned?.hashMatches == true {
                    end += 1
                }
                // Valid signatures form a prefix of the run: a valid one at j vouches for every
                // byte before it in the run, signatures included.
                if isValid(end, key) {
                    mark(index...end, valid: true)
                } else {
                    var low = index
                    var high = end
                    while low < high {
                        let middle = (low + high) / 2
                        if isValid(middle, key) { low = middle + 1 } else { high = middle }
                    }
                    if low > index { mark(index...(low - 1), valid: true) }
                    mark(low...end, valid: false)
                }
                index = end + 1
            }
        }

        private mutating func isValid(_ index: Int, _ key: Curve25519.Signing.PublicKey) -> Bool {
            guard case .event(let scanned, let known) = outcomes[index] else { return false }
            if let known { return known }
            let valid = AuditVerifier.isSigned(scanned, in: buffer, by: key)
            outcomes[index] = .event(scanned, signatureValid: valid)
            signaturesChecked += 1
            return valid
        }

        private mutating func mark(_ range: ClosedRange<Int>, valid: Bool) {
            for index in range {
                if let scanned = outcomes[index].scanned { outcomes[index] = .event(scanned, signatureValid: valid) }
            }
        }

        private mutating func reportSignatures() {
            for (index, outcome) in outcomes.enumerated() {
                guard case .event(let event, false) = outcome else { continue }
                problems.append(
                    AuditProblem(
                        code: .badSignature, sequence: event.sequence, line: index + 1,
                        summary: "event \(event.sequence) is not signed by the log's key",
                        detail: "Its signature does not verify against the public key for the hash it carries. "
                            + "Someone without the private key changed the event and recomputed its hash, or the "
                            + "log was signed with another key. Compare with a backup from before this event."))
            }
        }

        // MARK: Pass four

        private mutating func reportTorn(_ torn: Range<Int>, lastSequence: Int, line: Int) {
            problems.append(
                AuditProblem(
                    code: .tornWrite, sequence: lastSequence + 1, line: line,
                    summary: "the log ends with \(torn.count) bytes that are not a complete event",
                    detail: "An append was interrupted (a crash or a full disk) at byte offset \(torn.lowerBound). If "
                        + "no head counts event \(lastSequence + 1), it was never acknowledged and nothing "
                        + "acknowledged is lost. The next append moves the bytes to "
                        + "audit.log.torn-\(torn.lowerBound) and records a log_recovered event, so the loss itself "
                        + "is in the chain."))
        }

        /// The log against each head (the head file, and one kept elsewhere).
        private mutating func checkHeads(lastSequence: Int, lineCount: Int) {
            if let unreadable = verifier.unreadableHead {
                problems.append(
                    AuditProblem(
                        code: .badHead, sequence: nil, line: 0, summary: "the \(unreadable.source) cannot be read",
                        detail: "\(unreadable.reason) Without it a cut-off end of the log goes unseen. Restore it "
                            + "from a backup, or remove it to have the next append write a new one."))
            }
            for head in verifier.heads {
                let claimed = head.head
                if let key = verifier.publicKey, !claimed.isSigned(by: key) {
                    problems.append(
                        AuditProblem(
                            code: .badHead, sequence: nil, line: 0,
                            summary: "the \(head.source) is not signed by the log's key",
                            detail: "It claims event \(claimed.sequence) with hash \(claimed.hash.prefix(12))…, but "
                                + "its signature does not verify, so it was edited or belongs to another log."))
                    continue
                }
                if claimed.sequence > lastSequence {
                    let first = lastSequence + 1
                    let several = claimed.sequence > first
                    problems.append(
                        AuditProblem(
                            code: .truncated, sequence: first, lastSequence: several ? claimed.sequence : nil,
                            line: lineCount + 1,
                            summary: "the log ends at event \(lastSequence), but the \(head.source) counts "
                                + "\(claimed.sequence)",
                            detail: (several ? "Events \(first)–\(claimed.sequence) were" : "Event \(first) was")
                                + " cut off the end of the log after being acknowledged (the head is signed, so it "
                                + "was not simply written ahead). Restore the log from a backup."))
                } else if let index = lineOfSequence[claimed.sequence], let event = outcomes[index].scanned,
                    event.hash.hex != claimed.hash
                {
                    problems.append(
                        AuditProblem(
                            code: .headMismatch, sequence: claimed.sequence, line: index + 1,
                            summary: "event \(claimed.sequence) is not the one the \(head.source) signed",
                            detail: "The head says its hash is \(claimed.hash.prefix(12))…, the log has "
                                + "\(event.hash.hex.prefix(12))…: the log was rewritten up to here (perhaps "
                                + "re-signed with the same key), or the head belongs to another log."))
                }
            }
        }
    }

    fileprivate static func isSigned(
        _ scanned: EventLine.Scanned, in buffer: UnsafeBufferPointer<UInt8>, by key: Curve25519.Signing.PublicKey
    ) -> Bool {
        guard let signature = SignatureText.decode(UnsafeBufferPointer(rebasing: buffer[scanned.signature])) else {
            return false
        }
        return key.isValidSignature(signature, for: scanned.hash.bytes)
    }

    /// Problems by line (problems about other files last), then code; a run of the same
    /// per-event problem on consecutive lines and events (every event after a rewritten one)
    /// merged into one problem that names the first and last.
    fileprivate static func ordered(_ problems: [AuditProblem]) -> [AuditProblem] {
        let sorted = problems.sorted {
            let left = $0.line == 0 ? Int.max : $0.line
            let right = $1.line == 0 ? Int.max : $1.line
            return (left, $0.code) < (right, $1.code)
        }
        let mergeable: Set<String> = [AuditCode.modified.rawValue, AuditCode.badSignature.rawValue]
        var merged: [AuditProblem] = []
        for problem in sorted {
            if var last = merged.last, last.code == problem.code, mergeable.contains(problem.code),
                let first = last.sequence, let sequence = problem.sequence
            {
                let lastSequence = last.lastSequence ?? first
                if sequence == lastSequence + 1, problem.line == last.line + (lastSequence - first) + 1 {
                    last.lastSequence = sequence
                    last.summary =
                        problem.code == AuditCode.modified.rawValue
                        ? "events \(first)–\(sequence) were modified after they were written"
                        : "events \(first)–\(sequence) are not signed by the log's key"
                    merged[merged.count - 1] = last
                    continue
                }
            }
            merged.append(problem)
        }
        return merged
    }
}
