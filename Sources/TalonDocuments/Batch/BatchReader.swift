import Foundation
import TalonPrimitives
import Warranty

/// Reads the records of a batch input one at a time, so memory does not grow with the
/// input: a JSON array (split element by element without parsing the whole array), JSON
/// Lines, or CSV with a header row (see `CSVRecordMapper` for how cells become fields).
///
/// A record that cannot be read (bad JSON, a CSV row with too few fields) comes back with
/// a failed `value` and the batch goes on; only a broken input as a whole (unreadable file,
/// a JSON array that never closes, a bad CSV header) throws.
/// A reader is used by one thread at a time.
public final class BatchReader {
    /// The format being read.
    public let format: BatchInputFormat
    let source: ByteSource
    let inputName: String
    var recordCount = 0
    var line = 1
    var csv: (reader: CSVReader, mapper: CSVRecordMapper)?
    var arrayState = ArrayState.notStarted

    enum ArrayState { case notStarted, inside, finished }

    /// Opens a file ("-" for standard input). The format comes from `format`, else the
    /// file's extension, else the first character of the content. `kind` gives CSV cells
    /// their JSON types (numbers, booleans) from the kind's schema.
    public convenience init(path: String, format: BatchInputFormat? = nil, kind: DocumentKind? = nil) throws(TalonError) {
        let source = try ByteSource(path: path)
        let byExtension = BatchInputFormat(fileExtension: URL(fileURLWithPath: path).pathExtension)
        try self.init(source: source, format: format ?? byExtension, kind: kind, name: path)
    }

    /// Reads records from bytes in memory.
    public convenience init(bytes: [UInt8], format: BatchInputFormat? = nil, kind: DocumentKind? = nil,
                            name: String = "input") throws(TalonError) {
        try self.init(source: ByteSource(bytes: bytes, name: name), format: format, kind: kind, name: name)
    }

    /// Reads Swift values as records, each encoded as JSON with snake_case keys (as
    /// `RenderRequest(template:encoding:)` does).
    public convenience init<Value: Encodable>(encoding values: [Value]) throws(TalonError) {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        var bytes: [UInt8] = []
        for (index, value) in values.enumerated() {
            do {
                bytes += try encoder.encode(value)
            } catch {
                throw .input(path: "record \(index + 1)", reason: "cannot encode as JSON: \(error)")
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        try self.init(bytes: bytes, format: .jsonLines, name: "\(Value.self)")
    }

    init(source: ByteSource, format: BatchInputFormat?, kind: DocumentKind?, name: String) throws(TalonError) {
        self.source = source
        inputName = name
        var ahead = try source.lookahead()
        if ahead.starts(with: [0xEF, 0xBB, 0xBF]) {
            for _ in 0..<3 { _ = try source.next() }
            ahead = try source.lookahead()
        }
        self.format = format ?? BatchInputFormat.detect(firstByte: ahead.first { !Self.isSpace($0) })
        if self.format == .csv {
            var reader = CSVReader(source: source)
            guard let header = try reader.nextRow() else {
                throw .input(path: name, reason: "empty CSV input: expected a header row")
            }
            if let problem = header.problem { throw .input(path: name, reason: "CSV header: \(problem)") }
            csv = (reader, try CSVRecordMapper(header: header.fields, kind: kind, inputName: name))
        }
    }

    /// The next record, or nil when the input is exhausted.
    public func next() throws(TalonError) -> BatchRecord? {
        switch format {
        case .jsonLines: return try nextLine()
        case .jsonArray: return try nextElement()
        case .csv:
            guard var state = csv else { return nil }
            let row = try state.reader.nextRow()
            csv = state
            guard let row else { return nil }
            recordCount += 1
            return BatchRecord(number: recordCount, line: row.line, value: state.mapper.record(row))
        }
    }

    /// How much of the input has been read (0...1), when its size is known.
    public var fractionRead: Double? {
        guard let total = source.totalSize, total > 0 else { return nil }
        return min(1, Double(source.consumed) / Double(total))
    }

    /// One JSON Lines record: the next line that is not blank.
    private func nextLine() throws(TalonError) -> BatchRecord? {
        var bytes: [UInt8] = []
        while true {
            bytes.removeAll(keepingCapacity: true)
            let start = line
            var sawByte = false
            while let byte = try source.next() {
                sawByte = true
                if byte == UInt8(ascii: "\n") { line += 1; break }
                bytes.append(byte)
            }
            guard sawByte else { return nil }
            if bytes.allSatisfy(Self.isSpace) { continue }
            recordCount += 1
            return BatchRecord(number: recordCount, line: start, value: Self.parse(bytes))
        }
    }

    static func parse(_ bytes: [UInt8]) -> Result<JSONValue, ValidationError> {
        do {
            return .success(try JSONValue.parse(Data(bytes)))
        } catch {
            return .failure(error)
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}

@available(*, unavailable)
extension BatchReader: Sendable {}
