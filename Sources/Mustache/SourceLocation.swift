/// A position in a template or data file: file name, 1-based line and 1-based column
/// (columns count characters, so a caret printed under the column lines up).
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

/// Line starts recorded while a text is scanned, so any byte offset can be turned into a
/// `SourceLocation` and the source line shown under an error.
struct LineTable: Sendable {
    let file: String
    let bytes: [UInt8]
    /// Byte offset where each line starts; `starts[0] == 0`.
    private(set) var starts: [Int] = [0]

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
        starts.reserveCapacity(bytes.count / 32 + 1)
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
    }

    /// The location of a byte offset (clamped to the text).
    func location(of offset: Int) -> SourceLocation {
        let offset = max(0, min(offset, bytes.count))
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let prefix = String(decoding: bytes[starts[low]..<offset], as: UTF8.self)
        return SourceLocation(file: file, line: low + 1, column: prefix.count + 1)
    }

    /// The text of a 1-based line, without its line break.
    func lineText(_ line: Int) -> String {
        guard line >= 1, line <= starts.count else { return "" }
        let start = starts[line - 1]
        var end = line < starts.count ? starts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// An error located at a byte offset, carrying the source line for display.
    func error(_ kind: TemplateError.Kind, at offset: Int, _ message: String) -> TemplateError {
        let location = location(of: offset)
        return TemplateError(kind: kind, location: location, message: message,
                             sourceLine: lineText(location.line))
    }
}
