import TalonPrimitives
import Warranty

/// One record of a batch input: its data and where it came from.
public struct BatchRecord: Sendable {
    /// 1-based position among the records of the input (blank lines do not count).
    public var number: Int
    /// 1-based line of the input where the record starts (JSON Lines, CSV, JSON array).
    public var line: Int?
    /// The record's data, or why it could not be read (bad JSON, a CSV row with the
    /// wrong number of fields); such a record fails without stopping the batch.
    public var value: Result<JSONValue, ValidationError>

    /// A record (readers make these; tests and custom sources may too).
    public init(number: Int, line: Int?, value: Result<JSONValue, ValidationError>) {
        self.number = number
        self.line = line
        self.value = value
    }

    /// `record 17 (line 17)`: how messages name the record.
    public var label: String {
        line.map { "record \(number) (line \($0))" } ?? "record \(number)"
    }
}

/// Why one record of a batch produced no document.
public enum BatchProblem: Error, Sendable {
    /// The record's data is invalid, or rendering or writing it failed.
    case document(TalonError)
    /// A field named in the file-name pattern is missing, or not a string or number.
    case nameField(String)
    /// The file name is empty or too long once sanitised.
    case invalidName(String)
    /// An earlier record already produced this file name; the later record is not written.
    case duplicateName(String, firstRecord: Int)
}

/// A record that failed, with what went wrong.
public struct BatchFailure: Error, Sendable, CustomStringConvertible {
    /// The record's 1-based number.
    public var record: Int
    /// The line the record starts on, when the input has lines.
    public var line: Int?
    /// What went wrong.
    public var problem: BatchProblem
    /// The record's key (see `BatchSelection.key(of:)`), when known.
    public var key: String?

    /// A failure of record `record`.
    public init(record: Int, line: Int?, problem: BatchProblem, key: String? = nil) {
        self.record = record
        self.line = line
        self.problem = problem
        self.key = key
    }

    /// One line per problem, each starting with the record:
    /// `record 17 (line 17): $.product.serial: required`.
    public var description: String {
        let label = BatchRecord(number: record, line: line, value: .success(.null)).label
        let lines: [String]
        switch problem {
        case .document(.validation(let error)):
            lines = error.lines
        case .document(let error):
            lines = error.description.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        case .nameField(let field):
            lines = ["file name: field '\(field)' is missing or not a string or number"]
        case .invalidName(let reason):
            lines = ["file name: \(reason)"]
        case .duplicateName(let name, let first):
            lines = ["file name '\(name)' is already used by record \(first); not written"]
        }
        return lines.map { "\(label): \($0)" }.joined(separator: "\n")
    }

    /// Whether the document was rendered but could not be written.
    public var isOutputFailure: Bool {
        if case .document(.output) = problem { return true }
        return false
    }
}
