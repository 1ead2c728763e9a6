import Foundation
internal import CLibPQ

/// One connection to a PostgreSQL server through libpq (one owner per handle, finished in
/// deinit). Statements go with their parameters apart from the text (`PQexecParams`), text
/// and numbers as text, bytes as binary; results come back as text and are read by their
/// column type. Not Sendable: one connection per thread or task.
final class PostgresConnection {
    private let handle: OpaquePointer
    /// The server, without a password, for messages.
    let location: String

    init(url: String, location: String) throws(JournalError) {
        self.location = location
        guard let connection = PQconnectdb(url) else { throw .store("\(location): cannot allocate a PostgreSQL connection") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
            PQfinish(connection)
            throw .store("\(location): \(message)")
        }
        handle = connection
    }

    deinit { PQfinish(handle) }

    /// Connects again when the connection was lost (the server restarted, a network cut), so
    /// a long-running `talon serve` recovers; what was in flight was rolled back by the server.
    func reconnectIfLost() {
        if PQstatus(handle) != CONNECTION_OK { PQreset(handle) }
    }

    /// Runs one statement (several when there are no parameters) and returns its rows.
    @discardableResult
    func execute(_ sql: String, _ values: [SQLValue] = []) throws(JournalError) -> [[SQLValue]] {
        var buffers: [UnsafeMutablePointer<CChar>?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        defer { for buffer in buffers { free(buffer) } }
        for value in values {
            switch value {
            case .null:
                buffers.append(nil); lengths.append(0); formats.append(0)
            case .integer(let number):
                buffers.append(strdup(String(number))); lengths.append(0); formats.append(0)
            case .text(let text):
                buffers.append(strdup(text)); lengths.append(0); formats.append(0)
            case .blob(let bytes):
                guard let length = Int32(exactly: bytes.count) else { throw .store("a value of \(bytes.count) bytes is too large") }
                let buffer = malloc(max(bytes.count, 1))?.assumingMemoryBound(to: CChar.self)
                bytes.withUnsafeBytes { raw in
                    if let base = raw.baseAddress, let buffer { memcpy(buffer, base, raw.count) }
                }
                buffers.append(buffer); lengths.append(length); formats.append(1)
            }
        }
        let result: OpaquePointer? = if values.isEmpty {
            PQexec(handle, sql)
        } else {
            buffers.map { $0.map { UnsafePointer($0) } }.withUnsafeBufferPointer { pointers in
                PQexecParams(handle, sql, Int32(values.count), nil, pointers.baseAddress, lengths, formats, 0)
            }
        }
        guard let result else { throw .store("\(location): \(lastError)") }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let message = String(cString: PQresultErrorMessage(result)).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .store(message.isEmpty ? lastError : message)
        }
        return Self.rows(of: result)
    }

    private var lastError: String {
        String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Column types read as numbers or bytes (PostgreSQL's built-in type OIDs).
    private static let integerTypes: Set<Oid> = [20, 21, 23], byteaType: Oid = 17

    private static func rows(of result: OpaquePointer) -> [[SQLValue]] {
        let columns = PQnfields(result)
        return (0..<PQntuples(result)).map { row in
            (0..<columns).map { column -> SQLValue in
                guard PQgetisnull(result, row, column) == 0, let text = PQgetvalue(result, row, column) else { return .null }
                let type = PQftype(result, column)
                if integerTypes.contains(type), let number = Int64(String(cString: text)) { return .integer(number) }
                if type == byteaType {
                    var length = 0
                    let raw = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
                    guard let bytes = PQunescapeBytea(raw, &length) else { return .null }
                    defer { PQfreemem(bytes) }
                    return .blob(Array(UnsafeBufferPointer(start: bytes, count: length)))
                }
                return .text(String(cString: text))
            }
        }
    }
}
