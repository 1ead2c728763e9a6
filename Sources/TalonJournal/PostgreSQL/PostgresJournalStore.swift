import Foundation

/// The journal on a PostgreSQL server (`postgres://user:password@host:port/database`), for
/// several `talon serve` instances or print machines on one register. The same tables,
/// migrations and statements as the SQLite journal (`SQLDialect` turns them into
/// PostgreSQL's words). Writes run at READ COMMITTED with the rows they change locked: a
/// number is taken by locking its series row (`FOR UPDATE`, then the update) in the
/// transaction that records the document, so writers on other connections wait for that
/// row and a transaction that dies (its process killed) gives its number back by rolling
/// back. Reads run on one REPEATABLE READ snapshot.
/// Not Sendable: open one per thread or task; any number of processes may share the database.
public final class PostgresJournalStore: JournalStore, SQLDatabase {
    let connection: PostgresConnection
    /// The server and database, without the password.
    public let path: String
    private var statements: [String: String] = [:]

    /// Whether `location` names a PostgreSQL journal rather than a file.
    public static func isURL(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Connects and migrates. A database whose journal schema is newer is refused unchanged.
    public init(url: String) throws(JournalError) {
        var shown = URLComponents(string: url)
        if shown?.password != nil { shown?.password = "…" }
        path = shown?.string ?? "postgres://…"
        connection = try PostgresConnection(url: url, location: path)
        try connection.execute("SET client_min_messages = warning")
        try migrate()
    }

    /// Migrations run one opener at a time (a transaction-scoped advisory lock), each in the
    /// transaction that records its version in `talon_schema`.
    private func migrate() throws(JournalError) {
        try inTransaction("BEGIN") { () throws(JournalError) in
            try connection.execute("""
                SELECT pg_advisory_xact_lock(7346107097345986);
                CREATE TABLE IF NOT EXISTS talon_schema(version BIGINT NOT NULL);
                """)
            let version = try connection.execute("SELECT coalesce(max(version), 0) FROM talon_schema").first?.first?.int ?? 0
            if version > JournalMigration.latestVersion {
                throw .newerSchema(path: path, found: version, supported: JournalMigration.latestVersion)
            }
            for migration in JournalMigration.all where migration.version > version {
                try connection.execute(SQLDialect.postgres.schema(migration.sql))
                try connection.execute("DELETE FROM talon_schema; INSERT INTO talon_schema VALUES (\(migration.version))")
            }
        }
    }

    private func inTransaction<T>(_ begin: String, _ body: () throws(JournalError) -> T) throws(JournalError) -> T {
        connection.reconnectIfLost()
        try connection.execute(begin)
        do {
            let result = try body()
            try connection.execute("COMMIT")
            return result
        } catch {
            _ = try? connection.execute("ROLLBACK")
            throw error
        }
    }

    public func write<T>(_ body: (any JournalTransaction) throws(JournalError) -> T) throws(JournalError) -> T {
        try inTransaction("BEGIN ISOLATION LEVEL READ COMMITTED") { () throws(JournalError) in
            try body(SQLTransaction(store: self, writing: true))
        }
    }

    public func read<T>(_ body: (any JournalTransaction) throws(JournalError) -> T) throws(JournalError) -> T {
        try inTransaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { () throws(JournalError) in
            try body(SQLTransaction(store: self, writing: false))
        }
    }

    func rows(_ sql: String, _ values: [SQLValue]) throws(JournalError) -> [[SQLValue]] {
        let statement: String
        if let cached = statements[sql] {
            statement = cached
        } else {
            statement = SQLDialect.postgres.statement(sql)
            statements[sql] = statement
        }
        return try connection.execute(statement, values)
    }

    /// The schema version of the database.
    public var schemaVersion: Int {
        get throws(JournalError) { try connection.execute("SELECT coalesce(max(version), 0) FROM talon_schema").first?.first?.int ?? 0 }
    }
}
