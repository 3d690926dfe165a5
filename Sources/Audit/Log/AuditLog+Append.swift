import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AuditLog {
    /// Appends one event and returns it once it is durable ("acknowledged").
    ///
    /// Holding an exclusive flock on `audit.lock`, it reads the end of the log only (not the
    /// whole file), checks the last event's form, hash and signature and that it agrees with
    /// the head file, recovers a torn final write, writes the new line with one write(2) on
    /// an O_APPEND descriptor, fsyncs it, and then rewrites the signed head. An event this
    /// returns survives a crash. Its cost does not grow with the log.
    ///
    /// It refuses (AUD103) to extend a log whose last event is damaged or that is shorter
    /// than its head, since a new event chained to a rewritten one would lend it the
    /// appearance of a valid history. Damage further back is `verify`'s to find (see
    /// `AuditTailCheck`).
    @discardableResult
    public func append(_ record: AuditRecord, at time: Date = Date()) throws -> AuditEvent {
        try append(contentsOf: [record], at: time)[0]
    }

    /// Appends several events under one lock and one fsync, in order, all stamped `time`,
    /// and returns them. The bytes are exactly those of appending them one by one at that
    /// time. (A `log_recovered` event written first, when a torn write had to be recovered,
    /// is in the log but not among the events returned.)
    @discardableResult
    public func append(contentsOf records: [AuditRecord], at time: Date = Date()) throws -> [AuditEvent] {
        guard !records.isEmpty else { return [] }
        try DurableFile.makeDirectory(directory)
        return try FileLock.withLock(lockPath, exclusive: true) { () throws in
            try appendHoldingLock(records, time: AuditTime.format(time))
        }
    }

    private func appendHoldingLock(_ records: [AuditRecord], time: String) throws -> [AuditEvent] {
        let tail = try LogTail(path: logPath)
        let key = try keys.signingKey(mayCreate: (tail?.size ?? 0) == 0)
        let report = try AuditTailCheck(publicKey: key.publicKey, head: try head()).check(tail)
        if let first = report.problems.first {
            let count = report.problems.count
            throw AuditError(
                code: .refusedAppend, message: "the end of the log does not verify, so nothing more is appended to it",
                detail: "\(first.summary) (\(first.code)\(count > 1 ? ", \(count) problems in all" : "")). Run "
                    + "`airlock audit verify` and restore the log from a backup; extending a broken chain would hide "
                    + "where it broke.",
                path: logPath)
        }

        var records = records
        let requested = records.count
        if let torn = report.torn {
            records.insert(try quarantine(torn.bytes, offset: torn.offset), at: 0)
        }
        let sealed = try EventLine.seal(records, after: report.last, time: time, with: key)
        var bytes: [UInt8] = []
        for (_, line) in sealed {
            bytes.append(contentsOf: line)
            bytes.append(0x0a)
        }
        try write(bytes, creating: tail == nil)
        // The head only after the events are durable: a crash in between leaves the log
        // ahead of its head, which verifies; the other order could leave a head that
        // counts an event the log never got.
        let last = sealed[sealed.count - 1].event
        let head = try AuditHead.signed(sequence: last.sequence, hash: last.hash, with: key)
        try DurableFile.replace(headPath, with: Array(head.text.utf8), mode: 0o644)
        return sealed.suffix(requested).map(\.event)
    }

    /// Appends `bytes` with one write(2) on an O_APPEND descriptor and fsyncs them (and the
    /// directory, when the log is new, so its name survives a crash too).
    private func write(_ bytes: [UInt8], creating: Bool) throws {
        let fd = open(logPath, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw DurableFile.failure(.unwritable, "cannot open", logPath) }
        defer { close(fd) }
        try DurableFile.writeAll(fd, bytes, path: logPath)
        try DurableFile.sync(fd, path: logPath)
        if creating { try DurableFile.syncDirectory(directory) }
    }

    /// Moves a torn final write out of the log into `audit.log.torn-<offset>`, truncates the
    /// log back to its last complete line, and returns the `log_recovered` record that
    /// keeps the loss in the chain.
    private func quarantine(_ torn: [UInt8], offset: Int) throws -> AuditRecord {
        var name = "audit.log.torn-\(offset)"
        var attempt = 1
        // A name already taken means an earlier recovery at the same offset (its event was
        // torn in turn); keep both sets of bytes.
        while try !DurableFile.create(directory + "/" + name, with: torn, mode: 0o600) {
            attempt += 1
            name = "audit.log.torn-\(offset)-\(attempt)"
        }
        let fd = open(logPath, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw DurableFile.failure(.unwritable, "cannot open", logPath) }
        defer { close(fd) }
        guard ftruncate(fd, off_t(offset)) == 0 else { throw DurableFile.failure(.unwritable, "cannot truncate", logPath) }
        try DurableFile.sync(fd, path: logPath)
        let digest = Hex.encode(SHA256.hash(data: torn))
        return AuditRecord(
            kind: .logRecovered, actor: "system:airlock",
            summary: "recovered from a torn final write: \(torn.count) bytes at offset \(offset) moved to \(name)",
            details: [
                "offset": String(offset), "length": String(torn.count), "sha256": "sha256:" + digest,
                "quarantine": name,
            ])
    }
}
