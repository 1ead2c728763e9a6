import Foundation
internal import CSQLite

/// A failure of the journal file.
public struct JournalFileError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public var description: String { "\(path): error: journal: \(message)" }
}

/// One SQLite connection, used by one thread at a time (callers hold `lock`).
final class SQLiteDatabase: @unchecked Sendable {
    private var handle: OpaquePointer?
    let path: String
    let lock = NSLock()

    init(path: String) throws(JournalFileError) {
        self.path = path
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            handle = nil
            throw JournalFileError(path: path, message: message)
        }
        sqlite3_busy_timeout(handle, 5000)
    }

    deinit { sqlite3_close(handle) }

    func fail(_ what: String) -> JournalFileError {
        JournalFileError(path: path, message: "\(what): \(handle.map { String(cString: sqlite3_errmsg($0)) } ?? "closed")")
    }

    /// Runs statements that take no values.
    func execute(_ sql: String) throws(JournalFileError) {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw fail("cannot run \(sql.prefix(40))") }
    }

    /// A value bound to a `?` or read from a column.
    enum Value: Equatable {
        case integer(Int64)
        case text(String)
        case blob([UInt8])
        case null

        var integer: Int64? { if case .integer(let value) = self { value } else { nil } }
        var text: String? { if case .text(let value) = self { value } else { nil } }
        var blob: [UInt8]? {
            switch self {
            case .blob(let bytes): bytes
            case .text(let text): Array(text.utf8)
            default: nil
            }
        }
    }

    /// Runs one statement with values and returns its rows.
    @discardableResult
    func query(_ sql: String, _ values: [Value] = []) throws(JournalFileError) -> [[Value]] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else { throw fail("cannot prepare") }
        defer { sqlite3_finalize(statement) }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .integer(let number): sqlite3_bind_int64(statement, index, number)
            case .text(let text): talon_sqlite_bind_text(statement, index, text)
            case .blob(let bytes): bytes.withUnsafeBytes { talon_sqlite_bind_blob(statement, index, $0.baseAddress, Int32($0.count)) }
            case .null: sqlite3_bind_null(statement, index)
            }
        }
        var rows: [[Value]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return rows }
            guard status == SQLITE_ROW else { throw fail("cannot run") }
            rows.append((0..<sqlite3_column_count(statement)).map { column in
                switch sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
                case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(statement, column)))
                case SQLITE_BLOB:
                    let count = Int(sqlite3_column_bytes(statement, column))
                    guard count > 0, let bytes = sqlite3_column_blob(statement, column) else { return .blob([]) }
                    return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
                default: return .null
                }
            })
        }
    }

    /// Runs `body` in one immediate transaction (rolled back when it throws).
    @discardableResult
    func transaction<T>(_ body: () throws(JournalFileError) -> T) throws(JournalFileError) -> T {
        lock.lock()
        defer { lock.unlock() }
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}
