import Foundation
internal import CSQLite

/// One SQLite connection (the GRDB model: one owner per handle, closed in deinit).
/// Not Sendable: one connection per thread or task.
final class SQLiteConnection {
    private let handle: OpaquePointer
    let path: String

    /// Opens (creating when `create`) the database file.
    init(path: String, create: Bool) throws(JournalError) {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(db)
            throw .store("\(path): \(message)")
        }
        handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
        // Writers wait for each other instead of failing at once.
        sqlite3_busy_timeout(db, 30_000)
    }

    deinit { sqlite3_close_v2(handle) }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    /// Runs statements that return no rows.
    func execute(_ sql: String) throws(JournalError) {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        if status != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? lastError
            sqlite3_free(message)
            throw Self.error(status, text)
        }
    }

    /// Puts the file in WAL mode (a no-op when it is already). Only the first opener of a new
    /// journal changes the mode, but processes opening it at that moment ask too, and SQLite
    /// answers them SQLITE_BUSY at once instead of waiting (its busy handler could deadlock
    /// there), so the switch is retried for as long as the busy timeout allows.
    func useWAL() throws(JournalError) {
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            let status = sqlite3_exec(handle, "PRAGMA journal_mode = WAL", nil, nil, nil)
            if status & 0xff != SQLITE_BUSY || ContinuousClock.now > deadline { break }
            usleep(5_000)
        }
        let mode = try prepare("PRAGMA journal_mode").rows().first?.first?.string
        guard mode == "wal" else { throw .store("cannot use WAL mode (\(lastError)); the journal is in \(mode ?? "no") mode") }
    }

    /// A prepared statement; bind, then step it.
    func prepare(_ sql: String) throws(JournalError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw Self.error(status, lastError)
        }
        return SQLiteStatement(statement, connection: self)
    }

    /// Rows changed by the last statement.
    var changes: Int { Int(sqlite3_changes(handle)) }

    static func error(_ status: Int32, _ message: String) -> JournalError {
        switch status & 0xff {
        case SQLITE_CORRUPT, SQLITE_NOTADB: .corrupt(path: "", reason: message)
        case SQLITE_FULL: .store("disk full: \(message)")
        default: .store(message)
        }
    }

    static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}
