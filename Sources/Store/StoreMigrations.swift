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
    ]
}
