import Foundation
import TalonPrimitives

/// Input documents are read by the package's strict `JSONReader`; its errors become
/// problems at `$` (`$: not valid JSON (line 3, column 7: ...)`), or at the path of the
/// value being read when that is clear (a trailing comma in `$.lines`, a duplicate key).
extension JSONValue {
    /// The largest text read: an invoice of `Invoice.maximumLines` lines with every field at
    /// its longest fits. Memory stays bounded by this.
    static let maximumBytes = 16 * 1_048_576

    /// Parses JSON text (UTF-8, at most `maximumBytes`) strictly (see `JSONReader`). Throws `ValidationError` with
    /// a problem at the path where reading stopped.
    public static func parse(_ data: Data) throws(ValidationError) -> JSONValue {
        guard data.count <= maximumBytes else {
            let reason = "\(ValidationReason.notJSON): larger than \(maximumBytes / 1_048_576) MiB"
            throw ValidationError(problems: [ValidationProblem(path: "$", reason: reason)])
        }
        let bytes = [UInt8](data)
        var reader = JSONReader(bytes)
        do {
            return try reader.readDocument()
        } catch {
            throw problem(error, in: bytes)
        }
    }

    private static func problem(_ error: JSONSyntaxError, in bytes: [UInt8]) -> ValidationError {
        var path = "$"
        for component in error.path {
            switch component {
            case .key(let key): path += JSONCursor.pathComponent(key)
            case .index(let index): path += "[\(index)]"
            }
        }
        if case .duplicateKey(let key) = error.reason {
            return ValidationError(problems: [ValidationProblem(path: path + JSONCursor.pathComponent(key), reason: "duplicate key")])
        }
        let location = LineTable(file: "", bytes: bytes).location(of: error.offset, counting: .scalars)
        let reason = "\(ValidationReason.notJSON) (line \(location.line), column \(location.column): \(detail(error.reason)))"
        if case .trailingComma = error.reason {
            return ValidationError(problems: [ValidationProblem(path: path, reason: reason)])
        }
        return ValidationError(problems: [ValidationProblem(path: "$", reason: reason)])
    }

    private static func detail(_ reason: JSONSyntaxError.Reason) -> String {
        switch reason {
        case .expectedValue(let atEnd): atEnd ? "unexpected end of text" : "unexpected character"
        case .tooDeep: "nested deeper than \(JSONReader.maximumDepth) levels"
        case .expectedKey: "expected a key in quotes"
        case .trailingComma: "a trailing comma"
        case .expectedColon: "expected ':' after a key"
        case .expectedCommaOrClose(let inObject): inObject ? "expected ',' or '}'" : "expected ',' or ']'"
        case .duplicateKey: "duplicate key"
        case .expectedDigit: "expected a digit"
        case .leadingZero: "a number must not start with 0"
        case .expectedFractionDigit: "expected a digit after '.'"
        case .expectedExponentDigit: "expected a digit in the exponent"
        case .numberOutOfRange: "number out of range"
        case .unclosedString: "the string is not closed"
        case .controlCharacter: "a control character in a string must be escaped"
        case .notUTF8: "the text is not UTF-8"
        case .unknownEscape: "unknown escape"
        case .expectedHexDigits: "expected four hexadecimal digits"
        case .missingLowSurrogate, .invalidLowSurrogate, .loneLowSurrogate: "a lone surrogate in \\u escape"
        case .textAfterValue: "unexpected text after the value"
        }
    }

    /// A short name of the value's type for messages ("a string", "an object").
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
