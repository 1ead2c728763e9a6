/// A position in a template, markup or data file: file name, 1-based line and 1-based column.
/// Templates and JSON count columns in characters (so a caret printed under the column lines
/// up); the markup reader counts Unicode scalars, which is the same for its text.
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The file (or template) name, as given when the template was compiled.
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in characters.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}

/// Line starts recorded while a UTF-8 text is scanned, so any byte offset can be turned into a
/// `SourceLocation` and the source line shown under an error.
package struct LineTable: Sendable {
    package let file: String
    package let bytes: [UInt8]
    /// Byte offset where each line starts; `starts[0] == 0`.
    private(set) var starts: [Int] = [0]

    package init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
        starts.reserveCapacity(bytes.count / 32 + 1)
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
    }

    /// What a column counts: characters (templates and their data, so a caret lines up) or
    /// Unicode scalars (the validation messages of input documents).
    package enum ColumnUnit: Sendable {
        case characters
        case scalars
    }

    /// The location of a byte offset (clamped to the text).
    package func location(of offset: Int, counting unit: ColumnUnit = .characters) -> SourceLocation {
        let offset = max(0, min(offset, bytes.count))
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let prefix = String(decoding: bytes[starts[low]..<offset], as: UTF8.self)
        let column = switch unit {
        case .characters: prefix.count
        case .scalars: prefix.unicodeScalars.count
        }
        return SourceLocation(file: file, line: low + 1, column: column + 1)
    }

    /// The text of a 1-based line, without its line break.
    package func lineText(_ line: Int) -> String {
        guard line >= 1, line <= starts.count else { return "" }
        let start = starts[line - 1]
        var end = line < starts.count ? starts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}
