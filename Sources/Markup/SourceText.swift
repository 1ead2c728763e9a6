import TalonPrimitives

/// The reader: markup text decoded once into Unicode scalars, with the span of every line
/// recorded while reading. Parsers index into `scalars`; a position's line and column come
/// from the line table, and an error's source line is cut from the same table.
struct SourceText: Sendable {
    /// One line: `start..<end` in `scalars`, without the line feed (and without a `\r` before it).
    struct Line: Sendable {
        var start: Int
        var end: Int
    }

    let file: String
    let scalars: [Unicode.Scalar]
    let lines: [Line]

    init(_ text: String, file: String) {
        var text = text
        self = text.withUTF8 { SourceText(utf8: $0, file: file) }
    }

    /// Text given as UTF-8 (valid UTF-8, as a `String` holds: nothing is repaired).
    init(utf8: UnsafeBufferPointer<UInt8>, file: String) {
        self.file = file
        let scalars = Self.decode(utf8)
        var lines: [Line] = []
        var lineStart = 0
        scalars.withUnsafeBufferPointer { scalars in
            for offset in scalars.indices where scalars[offset] == "\n" {
                var end = offset
                if end > lineStart, scalars[end - 1] == "\r" { end -= 1 }
                lines.append(Line(start: lineStart, end: end))
                lineStart = offset + 1
            }
        }
        if lineStart < scalars.count || lines.isEmpty {
            var end = scalars.count
            if end > lineStart, scalars[end - 1] == "\r" { end -= 1 }
            lines.append(Line(start: lineStart, end: end))
        }
        self.scalars = scalars
        self.lines = lines
    }

    /// The text of a line (0-based index), for error messages.
    func text(ofLine index: Int) -> String {
        guard lines.indices.contains(index) else { return "" }
        let line = lines[index]
        return string(line.start, line.end)
    }

    /// The text of `start..<end`, clamped to the input.
    func string(_ start: Int, _ end: Int) -> String {
        let lower = max(0, min(start, scalars.count)), upper = max(lower, min(end, scalars.count))
        return Self.makeString(scalars[lower..<upper])
    }

    /// The location of `offset` on line `index` (0-based); the column is 1-based.
    func location(line index: Int, offset: Int) -> SourceLocation {
        guard lines.indices.contains(index) else {
            return SourceLocation(file: file, line: max(1, index + 1), column: 1)
        }
        let line = lines[index]
        let column = min(max(offset, line.start), line.end) - line.start + 1
        return SourceLocation(file: file, line: index + 1, column: column)
    }

    /// An error at `offset` on line `index`, carrying that line's text.
    func error(_ kind: MarkupError.Kind, line index: Int, offset: Int) -> MarkupError {
        MarkupError(kind, at: location(line: index, offset: offset), sourceLine: text(ofLine: index))
    }

    /// First offset in `start..<end` that is not a space or tab (or `end`).
    func skipBlanks(_ start: Int, _ end: Int) -> Int {
        var index = start
        while index < end, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        return index
    }

    /// `end` moved back over trailing spaces and tabs, not before `start`.
    func trimBlanksBack(_ start: Int, _ end: Int) -> Int {
        var index = end
        while index > start, scalars[index - 1] == " " || scalars[index - 1] == "\t" { index -= 1 }
        return index
    }

    /// True when `start..<end` holds exactly `word`.
    func matches(_ start: Int, _ end: Int, _ word: String) -> Bool {
        var index = start
        for scalar in word.unicodeScalars {
            guard index < end, scalars[index] == scalar else { return false }
            index += 1
        }
        return index == end
    }
}

extension Unicode.Scalar {
    /// `!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~` — the characters a backslash makes literal.
    var isASCIIPunctuation: Bool {
        switch value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    var isASCIILetter: Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
    var isASCIIDigit: Bool { (0x30...0x39).contains(value) }
    var isBlank: Bool { self == " " || self == "\t" }
}
