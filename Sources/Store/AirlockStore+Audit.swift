import Audit
import Foundation
import Gate
import SQLKit

/// The audit chain in the database, for replicas that share it: the same sealed lines
/// `audit.log` would hold (see `AuditSigner`), one a row of `audit_events`.
///
/// Every append runs in a transaction holding the "audit" lock, reads the last event, and
/// inserts the events after it, so replicas take turns and never fork the chain; the
/// primary key on the sequence number refuses a fork even if they did not. A write that
/// must be audited (a decision, a verdict, an apply) commits in the same transaction as its
/// events: both or neither.
extension AirlockStore {
    // MARK: The chain

    /// Seals `records` after the chain's last event, all stamped `date`, and stores them;
    /// returns them once committed.
    ///
    /// Throws STORE007 when the last event was not sealed by `signer`'s key, or no longer
    /// hashes to what it says: the chain is not extended under another key or over damage.
    @discardableResult
    public func appendAudit(_ records: [AuditRecord], signer: AuditSigner, at date: Date = Date()) async throws -> [AuditEvent] {
        guard !records.isEmpty else { return [] }
        return try await transaction(lock: "audit") {
            try await appendAuditHoldingLock(records, signer: signer, at: date)
        }
    }

    /// Events after sequence number `sequence`, in order, at most `limit`: a page of the chain.
    public func auditEvents(after sequence: Int = 0, limit: Int = 100) async throws -> [AuditEvent] {
        guard limit > 0 else { return [] }
        return try await database.raw("""
            SELECT line FROM audit_events WHERE sequence > \(bind: sequence) ORDER BY sequence LIMIT \(bind: limit)
            """).all().map(Self.decodeAuditEvent)
    }

    /// How many events the chain holds.
    public func auditCount() async throws -> Int {
        try await database.raw("SELECT COUNT(*) AS count FROM audit_events").first()?.decode(column: "count", as: Int.self) ?? 0
    }

    /// The chain's last event, or nil while it is empty.
    public func auditHead() async throws -> AuditEvent? {
        try await database.raw("SELECT line FROM audit_events ORDER BY sequence DESC LIMIT 1").first().map(Self.decodeAuditEvent)
    }

    /// Checks the whole chain as `AuditLog.verify` checks a file (`AuditLines.verify`): every
    /// line's hash, sequence numbers without gaps, links, signatures against `publicKeyPEM`,
    /// and the chain against `expectedHead` (from `AuditSigner.head(for:)`) when given.
    /// Reads every line at once.
    public func verifyAudit(
        publicKeyPEM: String?, expectedHead: AuditHead? = nil, signatures: AuditSignatureCheck = .chainAnchored
    ) async throws -> AuditVerification {
        let lines = try await database.raw("SELECT line FROM audit_events ORDER BY sequence").all()
            .map { try $0.decode(column: "line", as: String.self) }
        return AuditLines.verify(lines: lines, publicKeyPEM: publicKeyPEM, expectedHead: expectedHead, signatures: signatures)
    }

    // MARK: Writes with their events

    /// Saves `decision` and appends `records` (stamped with its creation time) in one
    /// transaction: an acknowledged decision always has its audit events.
    @discardableResult
    public func save(
        _ decision: Decision, findings: String? = nil, auditing records: [AuditRecord], signer: AuditSigner
    ) async throws -> [AuditEvent] {
        try await audited(signer: signer, at: decision.createdAt) {
            try await insert(decision)
            if let findings {
                try await database.raw("INSERT INTO decision_findings (decision_id, body) VALUES (\(bind: decision.id), \(bind: findings))").run()
            }
        } auditing: { _ in
            records
        }.events
    }

    /// The findings JSON saved with a decision, if any.
    public func findings(decisionID: String) async throws -> String? {
        try await database.raw("SELECT body FROM decision_findings WHERE decision_id = \(bind: decisionID)").first()
            .map { try $0.decode(column: "body", as: String.self) }
    }

    /// `record(_:check:)` with the verdict's audit events, made by `auditing` from the
    /// decision and every verdict including this one and stamped with the verdict's creation
    /// time, in the same transaction: a recorded verdict always has its events, and a
    /// refused one has none.
    ///
    /// Takes the decision's lock, then the chain's ("audit"), in the order every writer does.
    public func record(
        _ approval: Approval, check: (Decision, [Approval]) throws -> Void,
        auditing: (Decision, [Approval]) -> [AuditRecord], signer: AuditSigner
    ) async throws -> (Decision, [Approval], [AuditEvent]) {
        let ((decision, approvals), events) = try await audited(
            locks: ["decision:" + approval.decisionID], signer: signer, at: approval.createdAt
        ) {
            try await insertApprovalHoldingLock(approval, check: check)
        } auditing: { recorded in
            auditing(recorded.0, recorded.1)
        }
        return (decision, approvals, events)
    }

    /// `recordApplyStarted` with the events `auditing` makes from the new apply's ID, in the
    /// same transaction; refused (STORE008) while another apply of the decision runs or
    /// after one succeeded.
    public func recordApplyStarted(
        decisionID: String, planDigest: String, actor: String, at date: Date,
        auditing: (String) -> [AuditRecord], signer: AuditSigner
    ) async throws -> (id: String, events: [AuditEvent]) {
        let id = Self.newApplyID()
        let events = try await audited(locks: ["decision:" + decisionID], signer: signer, at: date) {
            // Under the decision's lock, so two replicas cannot both start the same plan.
            let rows = try await database.raw("""
                SELECT id FROM applies WHERE decision_id = \(bind: decisionID) AND (finished_at IS NULL OR exit_code = 0)
                """).all()
            if !rows.isEmpty {
                throw StoreError(
                    code: "STORE008",
                    message: "\(decisionID) is being applied or was applied already; a plan applies once — plan again.")
            }
            try await insertApply(id: id, decisionID: decisionID, planDigest: planDigest, actor: actor, at: date)
        } auditing: { _ in
            auditing(id)
        }.events
        return (id, events)
    }

    /// `recordApplyFinished` with its audit events, in the same transaction.
    @discardableResult
    public func recordApplyFinished(
        id: String, exitCode: Int32, at date: Date, auditing records: [AuditRecord], signer: AuditSigner
    ) async throws -> [AuditEvent] {
        try await audited(signer: signer, at: date) {
            try await updateApply(id: id, exitCode: exitCode, at: date)
        } auditing: { _ in
            records
        }.events
    }

    // MARK: Internals

    /// Runs `write`, then appends the events `auditing` makes of its result, in one
    /// transaction holding `locks` and then "audit".
    func audited<T>(
        locks: [String] = [], signer: AuditSigner, at date: Date, _ write: () async throws -> T,
        auditing: (T) -> [AuditRecord]
    ) async throws -> (result: T, events: [AuditEvent]) {
        try await transaction(locks: locks + ["audit"]) {
            let result = try await write()
            let events = try await appendAuditHoldingLock(auditing(result), signer: signer, at: date)
            return (result, events)
        }
    }

    /// Seals `records` after the last event and inserts them, for a caller in a transaction
    /// that holds the "audit" lock (or SQLite's write lock, which every transaction takes).
    func appendAuditHoldingLock(_ records: [AuditRecord], signer: AuditSigner, at date: Date) async throws -> [AuditEvent] {
        guard !records.isEmpty else { return [] }
        let previous = try await auditHead()
        let sealed: [(event: AuditEvent, line: String)]
        do {
            sealed = try signer.seal(records, after: previous, at: date)
        } catch let error as AuditError {
            throw StoreError(code: "STORE007", message: "The audit chain in \(path) is not extended: \(error.message). \(error.detail)")
        }
        for (event, line) in sealed {
            try await database.raw("""
                INSERT INTO audit_events (sequence, recorded_at, kind, decision_id, line)
                VALUES (\(bind: event.sequence), \(bind: event.time), \(bind: event.record.kind.rawValue),
                        \(bind: event.record.decisionID), \(bind: line))
                """).run()
        }
        return sealed.map(\.event)
    }

    static func decodeAuditEvent(_ row: any SQLRow) throws -> AuditEvent {
        let line = try row.decode(column: "line", as: String.self)
        do {
            return try AuditLines.decode(line)
        } catch let error as AuditError {
            throw StoreError(
                code: "STORE003", message: "A stored audit event cannot be read (\(error.code)): \(error.message). \(error.detail)")
        }
    }
}
