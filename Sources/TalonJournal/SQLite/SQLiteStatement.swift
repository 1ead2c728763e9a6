import Foundation
internal import CSQLite

/// A value bound to or read from a statement.
enum SQLValue: Equatable {
    case null
    case integer(Int64)
    case text(String)
    case blob([UInt8])
}

/// One prepared statement, finalized in deinit.
final class SQLiteStatement {
    private let statement: OpaquePointer
    private let connection: SQLiteConnection

    init(_ statement: OpaquePointer, connection: SQLiteConnection) {
        self.statement = statement
        self.connection = connection
    }

    deinit { sqlite3_finalize(statement) }

    /// SQLite copies bound text and blobs (`SQLITE_TRANSIENT`, whose C macro Swift cannot import).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ values: [SQLValue]) throws(JournalError) {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite3_bind_null(statement, index)
            case .integer(let number): status = sqlite3_bind_int64(statement, index, number)
            case .text(let text): status = sqlite3_bind_text(statement, index, text, -1, Self.transient)
            case .blob(let bytes):
                status = bytes.withUnsafeBytes { raw in
                    sqlite3_bind_blob64(statement, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                                        sqlite3_uint64(raw.count), Self.transient)
                }
            }
            guard status == SQLITE_OK else { throw SQLiteConnection.error(status, connection.lastError) }
        }
    }

    /// Runs the statement to the end and returns every row.
    func rows(_ values: [SQLValue] = []) throws(JournalError) -> [[SQLValue]] {
        try bind(values)
        var result: [[SQLValue]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else {
                sqlite3_reset(statement)
                throw SQLiteConnection.error(status, connection.lastError)
            }
            result.append((0..<sqlite3_column_count(statement)).map(column))
        }
        sqlite3_reset(statement)
        return result
    }

    /// Runs a statement that returns no rows.
    func run(_ values: [SQLValue] = []) throws(JournalError) {
        _ = try rows(values)
    }

    private func column(_ index: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(statement, index) else { return .null }
            return .text(String(cString: text))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard count > 0, let bytes = sqlite3_column_blob(statement, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }
}

extension SQLValue {
    var int: Int? { if case .integer(let value) = self { Int(value) } else { nil } }
    var string: String? { if case .text(let value) = self { value } else { nil } }
    var bytes: [UInt8]? {
        switch self {
        case .blob(let value): value
        case .text(let value): Array(value.utf8)
        default: nil
        }
    }
}
