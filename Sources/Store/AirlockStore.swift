import Foundation
import Gate
import Logging
import PostgresKit
import PostgresNIO
import SQLKit
import SQLiteKit
import SQLiteNIO

/// Decisions, approvals and applies: one SQLite file (`.airlock/airlock.db`) by default, or
/// a PostgreSQL database that several replicas share. Every query goes through SQLKit, so
/// both run the same code.
///
/// Writes that must not race — two reviewers approving at once, two replicas migrating,
/// two replicas extending the audit chain — run in a transaction that takes the database's
/// own lock (an immediate transaction in SQLite, an advisory transaction lock in
/// PostgreSQL), so the database, not this process, serialises them.
///
/// One store is one connection, and a connection runs one transaction at a time: use a
/// store from one task at a time. A server keeps a pool of stores and gives each request
/// its own; two tasks sharing one store would interleave their transactions' statements.
public final class AirlockStore: Sendable {
    enum Connection: Sendable {
        case sqlite(SQLiteConnection)
        case postgres(PostgresConnection)
    }

    let connection: Connection
    let database: any SQLDatabase
    /// The SQLite connection's own thread (see `open(directory:)`).
    private let threadPool: NIOThreadPool?
    /// The SQLite file, or the PostgreSQL URL without its password.
    public let path: String

    private init(connection: Connection, path: String, threadPool: NIOThreadPool? = nil) {
        self.connection = connection
        self.threadPool = threadPool
        switch connection {
        case .sqlite(let c): self.database = c.sql()
        case .postgres(let c): self.database = c.sql(queryLogLevel: nil)
        }
        self.path = path
    }

    /// Opens the store a location names: a `postgres://` (or `postgresql://`) URL, or a
    /// directory for the embedded SQLite file.
    public static func open(location: String) async throws -> AirlockStore {
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            return try await open(postgresURL: location)
        }
        return try await open(directory: location)
    }

    /// Connects to PostgreSQL and migrates it to the current schema.
    public static func open(postgresURL url: String) async throws -> AirlockStore {
        let shown = Self.redacted(url)
        let configuration: SQLPostgresConfiguration
        do {
            configuration = try SQLPostgresConfiguration(url: url)
        } catch {
            throw StoreError(code: "STORE001", message: "\(shown) is not a usable PostgreSQL URL (postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE): \(error)")
        }
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: configuration.coreConfiguration, id: 1, logger: Logger(label: "airlock.store"))
        } catch {
            throw StoreError(code: "STORE001", message: "Cannot connect to \(shown): \(String(reflecting: error))")
        }
        let store = AirlockStore(connection: .postgres(connection), path: shown)
        do {
            try await store.migrate()
        } catch {
            await store.close()
            throw error as? StoreError ?? StoreError(code: "STORE001", message: "Cannot prepare the store \(shown): \(String(reflecting: error))")
        }
        return store
    }

    /// The URL with any password replaced, for messages.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }

    /// Opens (creating if needed) the store in `directory`, migrated to the current schema.
    public static func open(directory: String) async throws -> AirlockStore {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError(code: "STORE001", message: "Cannot create \(directory): \(error.localizedDescription)")
        }
        let path = (directory as NSString).appendingPathComponent("airlock.db")
        // A thread of its own for each connection, not sqlite-nio's shared pool: a connection
        // waiting for the write lock (busy_timeout) blocks its thread, and with a shared pool
        // of one or two threads, stores waiting in one process could hold every thread the
        // store that has the lock needs to commit, until the timeout fails them all.
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(
                storage: .file(path: path), threadPool: threadPool, logger: Logger(label: "airlock.store"),
                on: MultiThreadedEventLoopGroup.singleton.any())
        } catch {
            try? await threadPool.shutdownGracefully()
            throw StoreError(code: "STORE001", message: "Cannot open the store \(path): \(error)")
        }
        let store = AirlockStore(connection: .sqlite(connection), path: path, threadPool: threadPool)
        do {
            // WAL lets readers go on while one writer commits; FULL makes a commit durable
            // (fsync) before it returns; the busy timeout makes a second process wait for
            // the lock instead of failing at once.
            try await store.database.raw("PRAGMA journal_mode = WAL").run()
            try await store.database.raw("PRAGMA synchronous = FULL").run()
            try await store.database.raw("PRAGMA busy_timeout = 30000").run()
            try await store.database.raw("PRAGMA foreign_keys = ON").run()
            try await store.migrate()
        } catch let error as StoreError {
            await store.close()
            throw error
        } catch {
            await store.close()
            throw StoreError(code: "STORE001", message: "Cannot prepare the store \(path): \(error)")
        }
        return store
    }

    public func close() async {
        switch connection {
        case .sqlite(let c): try? await c.close()
        case .postgres(let c): try? await c.close()
        }
        try? await threadPool?.shutdownGracefully()
    }

    /// Applies the migrations not yet applied, under one lock, so replicas starting
    /// together migrate once.
    func migrate() async throws {
        try await transaction(lock: "migrations") {
            try await database.raw("CREATE TABLE IF NOT EXISTS airlock_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)").run()
            let rows = try await database.raw("SELECT version FROM airlock_migrations").all()
            let applied = Set(try rows.map { try $0.decode(column: "version", as: Int.self) })
            let latest = StoreMigrations.all.map(\.version).max() ?? 0
            if let newest = applied.max(), newest > latest {
                throw StoreError(code: "STORE002", message: "The store \(path) has schema version \(newest), newer than this Airlock knows (\(latest)); upgrade Airlock.")
            }
            for migration in StoreMigrations.all where !applied.contains(migration.version) {
                for statement in migration.statements { try await database.raw(SQLQueryString(statement)).run() }
                try await database.raw("INSERT INTO airlock_migrations (version, applied_at) VALUES (\(bind: migration.version), \(bind: Self.timestamp(Date())))").run()
            }
        }
    }

    /// Runs `body` in a transaction holding the database's lock named `lock`: SQLite takes
    /// its single write lock at BEGIN IMMEDIATE; PostgreSQL an advisory lock on the name,
    /// released at commit. What `body` reads cannot change before it writes.
    func transaction<T>(lock: String, _ body: () async throws -> T) async throws -> T {
        try await transaction(locks: [lock], body)
    }

    /// Runs `body` in a transaction holding every lock in `locks`, taken in that order.
    /// Every caller takes "audit" last, so two transactions never wait for each other's
    /// locks (SQLite's one write lock already serialises them all).
    func transaction<T>(locks: [String], _ body: () async throws -> T) async throws -> T {
        switch connection {
        case .sqlite:
            // Stores of one process take turns here before asking SQLite: its busy handler
            // polls with sleeps, so connections of one process contending for the write lock
            // can starve each other into SQLITE_BUSY. SQLite's lock still decides between
            // processes.
            await SQLiteWriters.shared.acquire(path)
            do {
                try await database.raw("BEGIN IMMEDIATE").run()
            } catch {
                await SQLiteWriters.shared.release(path)
                throw error
            }
            do {
                let result = try await body()
                try await database.raw("COMMIT").run()
                await SQLiteWriters.shared.release(path)
                return result
            } catch {
                try? await database.raw("ROLLBACK").run()
                await SQLiteWriters.shared.release(path)
                throw error
            }
        case .postgres:
            try await database.raw("BEGIN").run()
            do {
                for lock in locks {
                    try await database.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: lock)))").run()
                }
            } catch {
                try? await database.raw("ROLLBACK").run()
                throw error
            }
        }
        do {
            let result = try await body()
            try await database.raw("COMMIT").run()
            return result
        } catch {
            try? await database.raw("ROLLBACK").run()
            throw error
        }
    }

    // MARK: Decisions

    public func save(_ decision: Decision) async throws {
        try await insert(decision)
    }

    func insert(_ decision: Decision) async throws {
        let body = String(decoding: DecisionRendering.encodeCompact(decision), as: UTF8.self)
        try await database.raw("""
            INSERT INTO decisions (id, plan_digest, plan_file_digest, policy_digest, outcome, tier, actor_id, actor_kind, environment, created_at, expires_at, body)
            VALUES (\(bind: decision.id), \(bind: decision.planDigest), \(bind: decision.planFileDigest), \(bind: decision.policyDigest),
                    \(bind: decision.outcome.rawValue), \(bind: decision.tier.rawValue), \(bind: decision.actor.id), \(bind: decision.actor.kind.rawValue),
                    \(bind: decision.environment?.name), \(bind: Self.timestamp(decision.createdAt)), \(bind: Self.timestamp(decision.expiresAt)), \(bind: body))
            """).run()
    }

    public func decision(id: String) async throws -> Decision? {
        try await database.raw("SELECT body FROM decisions WHERE id = \(bind: id)").first().map(Self.decodeDecision)
    }

    /// Decisions about a plan, newest first: by the digest of its JSON or of its binary file.
    public func decisions(planDigest: String? = nil, planFileDigest: String? = nil) async throws -> [Decision] {
        let rows: [any SQLRow]
        if let planFileDigest, let planDigest {
            rows = try await database.raw("SELECT body FROM decisions WHERE plan_file_digest = \(bind: planFileDigest) OR plan_digest = \(bind: planDigest) ORDER BY created_at DESC, id").all()
        } else if let planFileDigest {
            rows = try await database.raw("SELECT body FROM decisions WHERE plan_file_digest = \(bind: planFileDigest) ORDER BY created_at DESC, id").all()
        } else if let planDigest {
            rows = try await database.raw("SELECT body FROM decisions WHERE plan_digest = \(bind: planDigest) ORDER BY created_at DESC, id").all()
        } else {
            return []
        }
        return try rows.map(Self.decodeDecision)
    }

    /// The most recent decisions, newest first.
    public func recentDecisions(limit: Int = 50) async throws -> [Decision] {
        try await database.raw("SELECT body FROM decisions ORDER BY created_at DESC, id LIMIT \(bind: limit)").all().map(Self.decodeDecision)
    }

    static func decodeDecision(_ row: any SQLRow) throws -> Decision {
        let body = try row.decode(column: "body", as: String.self)
        do {
            return try DecisionRendering.decode(Data(body.utf8))
        } catch {
            throw StoreError(code: "STORE003", message: "A stored decision cannot be read: \(error)")
        }
    }

    // MARK: Approvals

    public func approvals(decisionID: String) async throws -> [Approval] {
        let rows = try await database.raw("SELECT body FROM approvals WHERE decision_id = \(bind: decisionID) ORDER BY created_at, id").all()
        return try rows.map { row in
            let body = try row.decode(column: "body", as: String.self)
            do {
                return try DecisionRendering.decoder.decode(Approval.self, from: Data(body.utf8))
            } catch {
                throw StoreError(code: "STORE003", message: "A stored approval cannot be read: \(error)")
            }
        }
    }

    /// Records a verdict if `check` accepts it against the decision and the verdicts already
    /// recorded, all inside one transaction, so two reviewers racing cannot both be the
    /// "last" approval or approve a decision rejected a moment before.
    public func record(
        _ approval: Approval, check: (Decision, [Approval]) throws -> Void
    ) async throws -> (Decision, [Approval]) {
        try await transaction(lock: "decision:" + approval.decisionID) {
            try await insertApprovalHoldingLock(approval, check: check)
        }
    }

    /// `record`'s work, for a caller holding the decision's lock.
    func insertApprovalHoldingLock(
        _ approval: Approval, check: (Decision, [Approval]) throws -> Void
    ) async throws -> (Decision, [Approval]) {
        guard let decision = try await decision(id: approval.decisionID) else {
            throw StoreError(code: "STORE004", message: "No decision \(approval.decisionID) in \(path).")
        }
        let existing = try await approvals(decisionID: approval.decisionID)
        try check(decision, existing)
        let body = String(decoding: (try? DecisionRendering.compactEncoder.encode(approval)) ?? Data(), as: UTF8.self)
        try await database.raw("""
            INSERT INTO approvals (id, decision_id, verdict, reviewer_id, role, plan_digest, created_at, expires_at, body)
            VALUES (\(bind: approval.id), \(bind: approval.decisionID), \(bind: approval.verdict.rawValue), \(bind: approval.reviewer.id),
                    \(bind: approval.role), \(bind: approval.planDigest), \(bind: Self.timestamp(approval.createdAt)),
                    \(bind: Self.timestamp(approval.expiresAt)), \(bind: body))
            """).run()
        return (decision, existing + [approval])
    }

    // MARK: Policies

    /// Records the policy a decision is made under. Returns true the first time a digest is
    /// seen, so the caller logs the change once.
    public func recordPolicy(digest: String, configurationPath: String?, configurationText: String?, at date: Date) async throws -> Bool {
        try await transaction(lock: "policies") {
            let seen = try await database.raw("SELECT digest FROM policies WHERE digest = \(bind: digest)").first()
            guard seen == nil else { return false }
            try await database.raw("""
                INSERT INTO policies (digest, configuration_path, configuration_text, first_seen)
                VALUES (\(bind: digest), \(bind: configurationPath), \(bind: configurationText), \(bind: Self.timestamp(date)))
                """).run()
            return true
        }
    }

    /// The policy digest seen most recently before this one, if any.
    public func previousPolicy(before digest: String) async throws -> String? {
        try await database.raw("SELECT digest FROM policies WHERE digest <> \(bind: digest) ORDER BY first_seen DESC LIMIT 1").first()
            .map { try $0.decode(column: "digest", as: String.self) }
    }

    // MARK: Applies

    /// Records that apply started for a decision; returns the apply's ID.
    public func recordApplyStarted(decisionID: String, planDigest: String, actor: String, at date: Date) async throws -> String {
        let id = Self.newApplyID()
        try await insertApply(id: id, decisionID: decisionID, planDigest: planDigest, actor: actor, at: date)
        return id
    }

    static func newApplyID() -> String {
        "apl_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
    }

    func insertApply(id: String, decisionID: String, planDigest: String, actor: String, at date: Date) async throws {
        try await database.raw("""
            INSERT INTO applies (id, decision_id, plan_digest, actor_id, started_at)
            VALUES (\(bind: id), \(bind: decisionID), \(bind: planDigest), \(bind: actor), \(bind: Self.timestamp(date)))
            """).run()
    }

    public func recordApplyFinished(id: String, exitCode: Int32, at date: Date) async throws {
        try await updateApply(id: id, exitCode: exitCode, at: date)
    }

    func updateApply(id: String, exitCode: Int32, at date: Date) async throws {
        try await database.raw("UPDATE applies SET finished_at = \(bind: Self.timestamp(date)), exit_code = \(bind: Int(exitCode)) WHERE id = \(bind: id)").run()
    }

    /// One apply as recorded.
    public struct StoredApply: Sendable, Hashable {
        public var id: String
        public var decisionID: String
        public var actorID: String
        public var finishedAt: String?
        public var exitCode: Int?
    }

    public func apply(id: String) async throws -> StoredApply? {
        guard let row = try await database.raw("SELECT id, decision_id, actor_id, finished_at, exit_code FROM applies WHERE id = \(bind: id)").first() else {
            return nil
        }
        return StoredApply(
            id: try row.decode(column: "id", as: String.self), decisionID: try row.decode(column: "decision_id", as: String.self),
            actorID: try row.decode(column: "actor_id", as: String.self), finishedAt: try row.decode(column: "finished_at", as: String?.self),
            exitCode: try row.decode(column: "exit_code", as: Int?.self))
    }

    /// How many applies of a decision finished successfully (a plan file applies once:
    /// Terraform refuses a stale plan, and the gate says so before it does).
    public func successfulApplies(decisionID: String) async throws -> Int {
        let rows = try await database.raw("SELECT id FROM applies WHERE decision_id = \(bind: decisionID) AND exit_code = 0").all()
        return rows.count
    }

    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter.string(from: date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withInternetDateTime, .withFractionalSeconds])
    }

    /// A time `timestamp` wrote.
    static func date(_ text: String) throws -> Date {
        do {
            return try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
        } catch {
            throw StoreError(code: "STORE003", message: "A stored time \"\(text)\" cannot be read: \(error)")
        }
    }
}

/// Turns for the SQLite write lock among the stores of this process, one queue per file.
actor SQLiteWriters {
    static let shared = SQLiteWriters()

    private var writing: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    func acquire(_ path: String) async {
        guard writing.contains(path) else {
            writing.insert(path)
            return
        }
        await withCheckedContinuation { waiting[path, default: []].append($0) }
    }

    func release(_ path: String) {
        if var queue = waiting[path], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[path] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            writing.remove(path)
        }
    }
}
