extension AuditRendering {
    /// What `airlock audit verify` prints: on success one line with the event count and
    /// what was checked; on failure the first bad event, then every problem with its place
    /// and detail.
    ///
    ///     ok: 12 events in .airlock/audit.log verify (every hash and chain link; 1 signature vouches for them).
    ///
    ///     FAILED: .airlock/audit.log does not verify; the first bad event is #4.
    ///       .airlock/audit.log:4: AUD001 event #4: event 4 was modified after it was written
    ///         The SHA-256 of its body is not the hash stored with it, …
    public static func text(_ verification: AuditVerification, logPath: String) -> String {
        guard verification.isValid else {
            var out = "FAILED: \(logPath) does not verify"
            if let first = verification.firstBadSequence { out += "; the first bad event is #\(first)" }
            out += ".\n"
            for problem in verification.problems {
                let place = problem.line > 0 ? "\(logPath):\(problem.line)" : logPath
                out += "  \(place): \(problem.code)\(events(problem)): \(oneLine(problem.summary))\n"
                out += "    \(oneLine(problem.detail))\n"
            }
            return out
        }
        guard verification.eventCount > 0 else { return "ok: 0 events in \(logPath): nothing was logged yet.\n" }
        let checked: String
        switch verification.signatureCheck {
        case .everyEvent:
            checked = "every hash, chain link and signature"
        case .chainAnchored:
            let count = verification.signaturesChecked
            checked = "every hash and chain link; \(count) signature\(count == 1 ? " vouches" : "s vouch") for them"
        }
        return "ok: \(verification.eventCount) events in \(logPath) verify (\(checked)).\n"
    }

    /// The verdict as one JSON object, keys sorted, two-space indented, the same bytes for
    /// the same verdict. Every problem has `code`, `line`, `sequence` and `last_sequence`
    /// (the first and last event it concerns, equal for one event, both null when it is
    /// about another file), `summary` and `detail`; `first_bad_sequence` is null for a log
    /// that verifies.
    ///
    ///     {
    ///       "events": 10,
    ///       "first_bad_sequence": 4,
    ///       "key_fingerprint": "SHA256:…",
    ///       "log": ".airlock/audit.log",
    ///       "problems": [
    ///         {
    ///           "code": "AUD006",
    ///           "detail": "…",
    ///           "last_sequence": 10,
    ///           "line": 4,
    ///           "sequence": 4,
    ///           "summary": "events 4–10 are not signed by the log's key"
    ///         }
    ///       ],
    ///       "signatures": "chain_anchored",
    ///       "signatures_checked": 8,
    ///       "valid": false
    ///     }
    public static func json(_ verification: AuditVerification, logPath: String) -> String {
        var out: [UInt8] = []
        func key(_ name: String, indent: Int, first: Bool = false) {
            out.append(contentsOf: Array(((first ? "" : ",") + "\n" + String(repeating: " ", count: indent)).utf8))
            CanonicalJSON.appendString(name, to: &out)
            out.append(contentsOf: Array(": ".utf8))
        }
        func string(_ value: String?) {
            guard let value else { return out.append(contentsOf: Array("null".utf8)) }
            CanonicalJSON.appendString(value, to: &out)
        }
        func number(_ value: Int?) { out.append(contentsOf: Array((value.map(String.init) ?? "null").utf8)) }

        out.append(UInt8(ascii: "{"))
        key("events", indent: 2, first: true)
        number(verification.eventCount)
        key("first_bad_sequence", indent: 2)
        number(verification.firstBadSequence)
        key("key_fingerprint", indent: 2)
        string(verification.keyFingerprint)
        key("log", indent: 2)
        string(logPath)
        key("problems", indent: 2)
        out.append(UInt8(ascii: "["))
        for (index, problem) in verification.problems.enumerated() {
            out.append(contentsOf: Array(((index == 0 ? "" : ",") + "\n    {").utf8))
            key("code", indent: 6, first: true)
            string(problem.code)
            key("detail", indent: 6)
            string(problem.detail)
            key("last_sequence", indent: 6)
            number(problem.lastSequence ?? problem.sequence)
            key("line", indent: 6)
            number(problem.line)
            key("sequence", indent: 6)
            number(problem.sequence)
            key("summary", indent: 6)
            string(problem.summary)
            out.append(contentsOf: Array("\n    }".utf8))
        }
        out.append(contentsOf: Array((verification.problems.isEmpty ? "]" : "\n  ]").utf8))
        key("signatures", indent: 2)
        string(name(verification.signatureCheck))
        key("signatures_checked", indent: 2)
        number(verification.signaturesChecked)
        key("valid", indent: 2)
        out.append(contentsOf: Array((verification.isValid ? "true" : "false").utf8))
        out.append(contentsOf: Array("\n}\n".utf8))
        return String(decoding: out, as: UTF8.self)
    }

    /// ` event #4`, ` events #4–#10`, or nothing for a problem about another file.
    private static func events(_ problem: AuditProblem) -> String {
        guard let first = problem.sequence else { return "" }
        guard let last = problem.lastSequence, last != first else { return " event #\(first)" }
        return " events #\(first)–#\(last)"
    }

    private static func name(_ check: AuditSignatureCheck) -> String {
        switch check {
        case .chainAnchored: "chain_anchored"
        case .everyEvent: "every_event"
        }
    }
}
