import Foundation

/// The journal in one SQLite file: WAL mode (readers never wait for the writer), foreign
/// keys on, every change in one `BEGIN IMMEDIATE` transaction (writers queue on the file
/// lock, so numbers are taken one writer at a time), schema migrated on open.
/// Not Sendable: open one per thread or task; several processes may share the file.
public final class SQLiteJournalStore: JournalStore, SQLDatabase {
    /// When a commit reaches the disk (SQLite's `synchronous` in WAL mode).
    public enum Synchronous: String, Sendable {
        /// Every commit is synced before it returns: a number printed on a document stays
        /// taken even after a power cut. The default; costs one fsync per commit (a few ms).
        case full = "FULL"
        /// Commits survive a killed process but a power cut may forget the last ones (those
        /// since the last checkpoint), whose numbers would then be given again. For
        /// throw-away or re-creatable journals (benchmarks, test runs).
        case normal = "NORMAL"
    }

    let connection: SQLiteConnection
    private var statements: [String: SQLiteStatement] = [:]
    public let path: String

    /// Opens the journal at `path`, creating it when `create` and it does not exist, and
    /// migrates it. A file that is not a journal, is damaged, or has a newer schema is
    /// refused before anything is written to it.
    public init(path: String, create: Bool = true, synchronous: Synchronous = .full) throws(JournalError) {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create { throw .input(path: path, reason: "no such journal (a journal is created by the first card issue or claim open)") }
        do {
            connection = try SQLiteConnection(path: path, create: create)
            try Self.checkBeforeWriting(connection, path: path)
            try connection.useWAL()
            try connection.execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = \(synchronous.rawValue);")
            try migrate()
        } catch {
            throw Self.located(error, path: path)
        }
    }

    /// Reads only: the schema version, and that a file with tables is ours. One read
    /// transaction, so a journal being created by another process right now is seen either
    /// empty or migrated, never with tables and no version yet.
    private static func checkBeforeWriting(_ connection: SQLiteConnection, path: String) throws(JournalError) {
        try connection.execute("BEGIN")
        defer { try? connection.execute("COMMIT") }
        let version = try connection.prepare("PRAGMA user_version").rows().first?.first?.int ?? 0
        if version > JournalMigration.latestVersion {
            throw .newerSchema(path: path, found: version, supported: JournalMigration.latestVersion)
        }
        if version == 0 {
            let tables = try connection.prepare("SELECT count(*) FROM sqlite_schema").rows().first?.first?.int ?? 0
            if tables > 0 { throw .corrupt(path: path, reason: "an SQLite database that is not a Talon journal") }
        }
    }

    private static func located(_ error: JournalError, path: String) -> JournalError {
        if case .corrupt(let found, let reason) = error, found.isEmpty { return .corrupt(path: path, reason: reason) }
        return error
    }

    private func migrate() throws(JournalError) {
        try inTransaction { () throws(JournalError) in
            let version = try connection.prepare("PRAGMA user_version").rows().first?.first?.int ?? 0
            for migration in JournalMigration.all where migration.version > version {
                try connection.execute(migration.sql)
                try connection.execute("PRAGMA user_version = \(migration.version)")
            }
        }
    }

    private func inTransaction<T>(_ body: () throws(JournalError) -> T) throws(JournalError) -> T {
        try connection.execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try connection.execute("COMMIT")
            return result
        } catch {
            try? connection.execute("ROLLBACK")
            throw Self.located(error, path: path)
        }
    }

    public func write<T>(_ body: (any JournalTransaction) throws(JournalError) -> T) throws(JournalError) -> T {
        try inTransaction { () throws(JournalError) in try body(SQLTransaction(store: self, writing: true)) }
    }

    /// The commit runs on another thread while `work` runs on this one; neither uses the
    /// connection at the same time as the other (`work` does not use the store).
    public func write<T>(_ body: (any JournalTransaction) throws(JournalError) -> T,
                         whileCommitting work: () -> Void) throws(JournalError) -> T {
        try connection.execute("BEGIN IMMEDIATE")
        let result: T
        do {
            result = try body(SQLTransaction(store: self, writing: true))
        } catch {
            try? connection.execute("ROLLBACK")
            throw Self.located(error, path: path)
        }
        let connection = connection
        let commit = BackgroundCall { () throws(JournalError) in try connection.execute("COMMIT") }
        work()
        do {
            try commit.wait()
        } catch {
            try? connection.execute("ROLLBACK")
            throw Self.located(error, path: path)
        }
        return result
    }

    public func read<T>(_ body: (any JournalTransaction) throws(JournalError) -> T) throws(JournalError) -> T {
        try connection.execute("BEGIN")
        defer { try? connection.execute("COMMIT") }
        do {
            return try body(SQLTransaction(store: self, writing: false))
        } catch {
            throw Self.located(error, path: path)
        }
    }

    func rows(_ sql: String, _ values: [SQLValue]) throws(JournalError) -> [[SQLValue]] {
        try statement(sql).rows(values)
    }

    /// A statement prepared once per connection (in SQLite's dialect, see `SQLDialect`).
    func statement(_ sql: String) throws(JournalError) -> SQLiteStatement {
        if let cached = statements[sql] { return cached }
        let prepared = try connection.prepare(SQLDialect.sqlite.statement(sql))
        statements[sql] = prepared
        return prepared
    }

    /// The schema version of the open file.
    public var schemaVersion: Int {
        get throws(JournalError) { try connection.prepare("PRAGMA user_version").rows().first?.first?.int ?? 0 }
    }
}
