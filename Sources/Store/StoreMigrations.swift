/// The schema, as numbered migrations applied in order and recorded in `airlock_migrations`.
/// A migration once released is never edited; a change is a new migration.
enum StoreMigrations {
    static let all: [(version: Int, statements: [String])] = [
        (1, [
            """
            CREATE TABLE IF NOT EXISTS decisions (
                id TEXT PRIMARY KEY,
                plan_digest TEXT NOT NULL,
                plan_file_digest TEXT,
                policy_digest TEXT NOT NULL,
                outcome TEXT NOT NULL,
                tier TEXT NOT NULL,
                actor_id TEXT NOT NULL,
                actor_kind TEXT NOT NULL,
                environment TEXT,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                body TEXT NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS decisions_plan_digest ON decisions (plan_digest)",
            "CREATE INDEX IF NOT EXISTS decisions_plan_file_digest ON decisions (plan_file_digest)",
            """
            CREATE TABLE IF NOT EXISTS approvals (
                id TEXT PRIMARY KEY,
                decision_id TEXT NOT NULL REFERENCES decisions (id),
                verdict TEXT NOT NULL,
                reviewer_id TEXT NOT NULL,
                role TEXT,
                plan_digest TEXT NOT NULL,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                body TEXT NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS approvals_decision ON approvals (decision_id)",
            """
            CREATE TABLE IF NOT EXISTS applies (
                id TEXT PRIMARY KEY,
                decision_id TEXT NOT NULL REFERENCES decisions (id),
                plan_digest TEXT NOT NULL,
                actor_id TEXT NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                exit_code INTEGER
            )
            """,
            "CREATE INDEX IF NOT EXISTS applies_decision ON applies (decision_id)",
        ]),
        (2, [
            // Every policy (configuration text, checks, baseline) a decision was made under,
            // so a change of policy is seen, logged once, and can be read back.
            """
            CREATE TABLE IF NOT EXISTS policies (
                digest TEXT PRIMARY KEY,
                configuration_path TEXT,
                configuration_text TEXT,
                first_seen TEXT NOT NULL
            )
            """,
        ]),
        (3, [
            // The audit chain, one sealed line a row, for replicas sharing this database. The
            // primary key on the sequence number makes a fork impossible: two replicas that
            // sealed the same number cannot both commit it, whatever the locking did.
            // BIGINT, because PostgreSQL's INTEGER is 32 bits.
            """
            CREATE TABLE IF NOT EXISTS audit_events (
                sequence BIGINT PRIMARY KEY,
                recorded_at TEXT NOT NULL,
                kind TEXT NOT NULL,
                decision_id TEXT,
                line TEXT NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS audit_events_decision ON audit_events (decision_id)",
            // API tokens of the server; only the SHA-256 of a secret is kept, so a copy of
            // the database lets no one in.
            """
            CREATE TABLE IF NOT EXISTS tokens (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                token_hash TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL,
                actor_id TEXT NOT NULL,
                sponsor TEXT,
                environments TEXT,
                created_at TEXT NOT NULL,
                revoked_at TEXT,
                last_used_at TEXT
            )
            """,
            // The findings behind a decision the server made, as JSON, for the reviewer's page.
            """
            CREATE TABLE IF NOT EXISTS decision_findings (
                decision_id TEXT PRIMARY KEY REFERENCES decisions (id),
                body TEXT NOT NULL
            )
            """,
        ]),
    ]
}
