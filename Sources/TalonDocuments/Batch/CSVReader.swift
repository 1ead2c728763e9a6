/// One row of a CSV file: its fields and the line it starts on.
struct CSVRow: Equatable {
    var fields: [String]
    /// 1-based line of the row's first character.
    var line: Int
    /// Set when the row is malformed (text after a closing quote, an unterminated quote).
    var problem: String?
}

/// Reads RFC 4180 CSV row by row from a byte stream: fields separated by commas, rows by
/// CRLF or LF; a field in double quotes may hold commas, line breaks and doubled quotes
/// (`""` is one `"`). Quotes inside an unquoted field are kept as they are. Rows that are
/// entirely empty are skipped. Text is UTF-8 (invalid bytes become U+FFFD).
struct CSVReader {
    private let source: ByteSource
    /// The line the next byte is on.
    private(set) var line = 1

    init(source: ByteSource) {
        self.source = source
    }

    /// The next non-empty row, or nil at the end of the input.
    mutating func nextRow() throws(TalonError) -> CSVRow? {
        while true {
            guard let row = try readRow() else { return nil }
            if row.fields.count == 1, row.fields[0].isEmpty, row.problem == nil { continue }
            return row
        }
    }

    private mutating func readRow() throws(TalonError) -> CSVRow? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        guard try source.peek() != nil else { return nil }
        var row = CSVRow(fields: [], line: line)
        var field: [UInt8] = []
        var quoted = false          // inside a quoted field
        var afterQuote = false      // a quoted field has closed; only , or a line break may follow
        var fieldStarted = false    // the current field has consumed a byte
        func finishField() {
            row.fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            afterQuote = false
            fieldStarted = false
        }
        while let byte = try source.next() {
            if byte == lf { line += 1 }
            if quoted {
                if byte == quote {
                    if try source.peek() == quote {
                        _ = try source.next()
                        field.append(quote)
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case comma:
                finishField()
            case lf:
                finishField()
                return row
            case cr where try source.peek() == lf:
                continue
            case quote where !fieldStarted:
                quoted = true
                fieldStarted = true
            default:
                if afterQuote, row.problem == nil {
                    row.problem = "line \(line): text after the closing quote of field \(row.fields.count + 1)"
                }
                field.append(byte)
                fieldStarted = true
            }
        }
        if quoted, row.problem == nil {
            row.problem = "line \(row.line): quoted field \(row.fields.count + 1) is not closed before the end of the input"
        }
        finishField()
        return row
    }
}
