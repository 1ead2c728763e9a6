/// One step of the journal's schema. Migrations run in order on open, each in the same
/// transaction as the `user_version` it sets; a journal whose version is higher than the
/// last known migration is refused. To extend the schema, append to `all` (never edit or
/// reorder a migration that has shipped).
public struct JournalMigration: Sendable {
    public let version: Int
    public let name: String
    /// SQLite statements.
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// Every migration, in order; `version` counts 1, 2, 3….
    public static let all: [JournalMigration] = [journal, access, channels]

    /// The schema version this build writes.
    public static var latestVersion: Int { all.last?.version ?? 0 }

    /// Cards, claims, documents, attachments, the outbox.
    static let journal = JournalMigration(version: 1, name: "journal", sql: """
        CREATE TABLE series_formats(series TEXT PRIMARY KEY, format TEXT NOT NULL);
        INSERT INTO series_formats VALUES ('card', 'ГТ-{yyyy}-{000000}'), ('rma', 'RMA-{yyyy}-{00000}'),
            ('invoice', 'РХ-{yyyy}-{0000}');
        CREATE TABLE series(series TEXT NOT NULL REFERENCES series_formats(series), year INTEGER NOT NULL,
            last INTEGER NOT NULL, PRIMARY KEY(series, year)) WITHOUT ROWID;
        CREATE TABLE template_sets(hash TEXT PRIMARY KEY, files TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE claims(rma TEXT PRIMARY KEY, locale TEXT NOT NULL, state TEXT NOT NULL,
            received TEXT NOT NULL, data BLOB NOT NULL);
        CREATE TABLE documents(number TEXT PRIMARY KEY, kind TEXT NOT NULL, locale TEXT NOT NULL,
            rma TEXT REFERENCES claims(rma), date TEXT NOT NULL,
            template_hash TEXT NOT NULL REFERENCES template_sets(hash), data_hash TEXT NOT NULL,
            pdf_hash TEXT NOT NULL, pages INTEGER NOT NULL, data BLOB NOT NULL);
        CREATE INDEX documents_rma ON documents(rma);
        CREATE TABLE cards(number TEXT PRIMARY KEY REFERENCES documents(number), serial TEXT NOT NULL,
            sale_date TEXT NOT NULL);
        CREATE INDEX cards_serial ON cards(serial);
        CREATE TABLE claim_events(id INTEGER PRIMARY KEY, rma TEXT NOT NULL REFERENCES claims(rma),
            state TEXT NOT NULL, date TEXT NOT NULL, document TEXT REFERENCES documents(number));
        CREATE INDEX claim_events_rma ON claim_events(rma);
        CREATE TABLE attachments(sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, content BLOB NOT NULL);
        CREATE TABLE outbox(id INTEGER PRIMARY KEY, message_id TEXT NOT NULL UNIQUE,
            rma TEXT REFERENCES claims(rma), event TEXT NOT NULL, sender TEXT NOT NULL,
            recipient TEXT NOT NULL, subject TEXT NOT NULL, text TEXT NOT NULL, html TEXT NOT NULL,
            attachment_name TEXT, attachment BLOB, status TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0, next_attempt INTEGER NOT NULL DEFAULT 0,
            last_error TEXT, sent_at INTEGER);
        CREATE INDEX outbox_due ON outbox(status, next_attempt);
        """)
}
