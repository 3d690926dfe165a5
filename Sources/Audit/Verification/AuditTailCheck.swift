import Crypto

/// What `append` checks before it extends the log, reading only its end: the last complete
/// event's form, hash and signature, and that event against the head file.
///
/// Why this is enough to append safely: the new event chains to the last one, whose valid
/// signature vouches for its own bytes and (through `prev` and `prev_sig`) for the exact
/// hash and signature of the one before. What a tail check cannot see is damage further
/// back, an event whose bytes no longer hash to what its successor names: that is
/// `verify`'s to find, and it finds it whether or not more events were appended after it
/// (docs/audit-log.md, *Append*). A log shorter than its head is still refused, because the
/// head names the sequence the last event must have.
///
/// Cost: the bytes after the second-to-last newline (one event), plus any torn final write,
/// plus, when a crash left the log ahead of its head, the events since the head (each
/// hash and link checked back to the event the head signed).
struct AuditTailCheck {
    var publicKey: Curve25519.Signing.PublicKey
    /// The head file, when there is one.
    var head: AuditHead?

    struct Report {
        /// Anything that makes the log unsafe to extend; torn final writes are not among them.
        var problems: [AuditProblem] = []
        /// The last complete event, which the next one links to; nil when the log has none.
        var last: (sequence: Int, hash: String, signature: String)?
        /// A torn final write: its file offset and bytes.
        var torn: (offset: Int, bytes: [UInt8])?
    }

    /// One line read from the tail, with what a later check needs copied out of the buffer
    /// (the buffer grows at the front as the tail reads further back).
    private struct Line {
        var range: Range<Int>
        var scanned: EventLine.Scanned
        var previousSignature: [UInt8]
        var signature: [UInt8]

        func isSigned(by key: Curve25519.Signing.PublicKey) -> Bool {
            guard let bytes = signature.withUnsafeBufferPointer(SignatureText.decode) else { return false }
            return key.isValidSignature(bytes, for: scanned.hash.bytes)
        }
    }

    /// Checks the end of the log `tail` holds (nil: there is no log file).
    func check(_ tail: LogTail?) throws(AuditError) -> Report {
        var report = Report()
        guard let tail, tail.size > 0 else {
            if let head, checkHeadSignature(head, into: &report) {
                report.problems.append(
                    AuditProblem(
                        code: .truncated, sequence: 1, lastSequence: head.sequence > 1 ? head.sequence : nil, line: 1,
                        summary: "the log holds no events, but the head file counts \(head.sequence)",
                        detail: "The log was deleted or emptied after events were acknowledged. Restore audit.log "
                            + "from a backup."))
            }
            return report
        }

        let lastNewline = try tail.newline(before: tail.size)
        let afterNewline = lastNewline.map { $0 + 1 } ?? 0
        var torn: Range<Int>? = afterNewline < tail.size ? afterNewline..<tail.size : nil
        var candidate = lastNewline
        var last: Line?
        while let end = candidate, last == nil {
            let range = try tail.line(endingAt: end)
            switch scan(tail, range) {
            case .success(let line):
                last = line
            case .failure(let defect):
                // As `verify` reads it: a last complete line that is not an event is the torn
                // end of an interrupted append (its blocks may reach the disk out of order,
                // newline included) unless bytes follow it; anything before that is damage.
                guard torn == nil else {
                    report.problems.append(malformed(range, defect, beforeTorn: true))
                    return report
                }
                torn = range.lowerBound..<(end + 1)
                candidate = try tail.newline(before: range.lowerBound)
            }
        }
        if let torn { report.torn = (torn.lowerBound, tail.slice(torn)) }
        guard let last else {
            // Nothing but a torn write: the first append was interrupted.
            if let head, checkHeadSignature(head, into: &report) {
                report.problems.append(truncated(lastSequence: 0, head: head))
            }
            return report
        }

        let event = last.scanned
        if !event.hashMatches {
            report.problems.append(
                AuditProblem(
                    code: .modified, sequence: event.sequence, line: 0,
                    summary: "the last event, \(event.sequence), was modified after it was written",
                    detail: "The SHA-256 of its body (at byte offset \(last.range.lowerBound)) is not the hash stored "
                        + "with it. Compare it with a backup."))
        } else if !last.isSigned(by: publicKey) {
            report.problems.append(
                AuditProblem(
                    code: .badSignature, sequence: event.sequence, line: 0,
                    summary: "the last event, \(event.sequence), is not signed by the log's key",
                    detail: "Its signature (at byte offset \(last.range.lowerBound)) does not verify against the key "
                        + "append signs with: the event was changed and re-hashed without the key, or written with "
                        + "another key. Compare it with a backup."))
        }
        if let head, checkHeadSignature(head, into: &report) {
            if event.sequence < head.sequence {
                report.problems.append(truncated(lastSequence: event.sequence, head: head))
            } else if event.sequence == head.sequence {
                if event.hash.hex != head.hash { report.problems.append(headMismatch(head, found: event.hash.hex)) }
            } else {
                try walkBack(from: last, to: head, in: tail, into: &report)
            }
        }
        if report.problems.isEmpty {
            report.last = (event.sequence, event.hash.hex, String(decoding: last.signature, as: UTF8.self))
        }
        return report
    }

    /// A log ahead of its head (a crash after the events were written and before the head
    /// was): every event since the head must chain back to the one the head signed.
    private func walkBack(
        from last: Line, to head: AuditHead, in tail: LogTail, into report: inout Report
    ) throws(AuditError) {
        var later = last
        while later.scanned.sequence > head.sequence {
            guard let end = try tail.newline(before: later.range.lowerBound) else {
                let detail = "It is the first line of the log, yet the head counts only \(head.sequence)."
                report.problems.append(brokenLink(later, detail: detail))
                return
            }
            let range = try tail.line(endingAt: end)
            let earlier: Line
            switch scan(tail, range) {
            case .success(let line): earlier = line
            case .failure(let defect):
                report.problems.append(malformed(range, defect, beforeTorn: false))
                return
            }
            let linked =
                earlier.scanned.sequence == later.scanned.sequence - 1 && earlier.scanned.hashMatches
                && later.scanned.previousHash == earlier.scanned.hash && later.previousSignature == earlier.signature
            guard linked else {
                report.problems.append(
                    brokenLink(later, detail: "The line before it holds event \(earlier.scanned.sequence)."))
                return
            }
            later = earlier
        }
        let found = later.scanned.hash.hex
        if found != head.hash { report.problems.append(headMismatch(head, found: found)) }
    }

    private func scan(_ tail: LogTail, _ range: Range<Int>) -> Result<Line, EventLine.Defect> {
        tail.withBytes(range) { buffer, line in
            EventLine.scan(buffer, line: line).map { scanned in
                Line(
                    range: range, scanned: scanned, previousSignature: Array(buffer[scanned.previousSignature]),
                    signature: Array(buffer[scanned.signature]))
            }
        }
    }

    /// Whether the head is signed by the key; a problem when it is not.
    private func checkHeadSignature(_ head: AuditHead, into report: inout Report) -> Bool {
        guard !head.isSigned(by: publicKey) else { return true }
        report.problems.append(
            AuditProblem(
                code: .badHead, sequence: nil, line: 0, summary: "the head file is not signed by the log's key",
                detail: "It claims event \(head.sequence) with hash \(head.hash.prefix(12))…, but its signature does "
                    + "not verify, so it was edited or belongs to another log."))
        return false
    }

    private func malformed(_ range: Range<Int>, _ defect: EventLine.Defect, beforeTorn: Bool) -> AuditProblem {
        AuditProblem(
            code: .malformedLine, sequence: nil, line: 0,
            summary: "the line at byte offset \(range.lowerBound) is not an event"
                + (beforeTorn ? " (and bytes follow it)" : ""),
            detail: "At column \(defect.column): \(defect.message). Only the last line of a log can be the torn end "
                + "of an interrupted append; this one was edited or damaged.")
    }

    private func truncated(lastSequence: Int, head: AuditHead) -> AuditProblem {
        let first = lastSequence + 1
        return AuditProblem(
            code: .truncated, sequence: first, lastSequence: head.sequence > first ? head.sequence : nil, line: 0,
            summary: "the log ends at event \(lastSequence), but the head file counts \(head.sequence)",
            detail: "Acknowledged events were cut off the end of the log (or torn by a disk fault). Restore the log "
                + "from a backup.")
    }

    private func headMismatch(_ head: AuditHead, found: String) -> AuditProblem {
        AuditProblem(
            code: .headMismatch, sequence: head.sequence, line: 0,
            summary: "event \(head.sequence) is not the one the head file signed",
            detail: "The head says its hash is \(head.hash.prefix(12))…, the log has \(found.prefix(12))…: the log "
                + "was rewritten, or the head belongs to another log.")
    }

    private func brokenLink(_ line: Line, detail: String) -> AuditProblem {
        AuditProblem(
            code: .brokenLink, sequence: line.scanned.sequence, line: 0,
            summary: "event \(line.scanned.sequence) (at byte offset \(line.range.lowerBound)) does not follow from "
                + "the line before it",
            detail: detail + " Events since the head must chain back to the event the head signed.")
    }
}
