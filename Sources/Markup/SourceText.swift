import TalonPrimitives

/// The reader: markup text as its UTF-8 bytes, with the span of every line recorded while
/// reading. Parsers index into `bytes`: every character the markup gives a meaning is ASCII,
/// and a byte of a longer character (0x80 and above) never equals one, so positions found by
/// looking for them are always at character boundaries. A position's line and column (in
/// characters) come from the line table, and an error's source line is cut from the same table.
struct SourceText: Sendable {
    /// One line: `start..<end` in `bytes`, without the line feed (and without a `\r` before it).
    struct Line: Sendable {
        var start: Int
        var end: Int
    }

    let file: String
    /// The text's UTF-8, without a leading byte order mark.
    let bytes: [UInt8]
    let lines: [Line]

    init(_ text: String, file: String) {
        var text = text
        self = text.withUTF8 { SourceText(utf8: $0, file: file) }
    }

    /// Text given as UTF-8 (valid UTF-8, as a `String` holds: nothing is repaired). A leading
    /// byte order mark is dropped (editors do not show it, so columns count from after it).
    init(utf8: UnsafeBufferPointer<UInt8>, file: String) {
        self.file = file
        let skip = utf8.count >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0
        let bytes = Array(UnsafeBufferPointer(rebasing: utf8[skip...]))
        self.bytes = bytes
        self.lines = bytes.withUnsafeBufferPointer(Self.lines(of:))
    }

    private static func lines(of bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        lines.reserveCapacity(bytes.count / 32 + 1)
        var lineStart = 0
        var offset = 0
        while let feed = nextLineFeed(in: bytes, from: offset) {
            var end = feed
            if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            lines.append(Line(start: lineStart, end: end))
            lineStart = feed + 1
            offset = feed + 1
        }
        if lineStart < bytes.count || lines.isEmpty {
            var end = bytes.count
            if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            lines.append(Line(start: lineStart, end: end))
        }
        return lines
    }

    /// The offset of the first line feed at or after `start`, looked for eight bytes at a time
    /// (a word without one is passed over in a few instructions).
    private static func nextLineFeed(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var offset = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while offset + 8 <= bytes.count {
                // Bytes equal to 0x0A become zero; a zero byte sets its high bit here (exact for
                // the lowest one, which is all that is used).
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) ^ (ones &* 0x0A)
                let zeros = (word &- ones) & ~word & highs
                if zeros != 0 { return offset + zeros.trailingZeroBitCount / 8 }
                offset += 8
            }
        }
        while offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "\n") { return offset }
            offset += 1
        }
        return nil
    }

    /// The text of a line (0-based index), for error messages.
    func text(ofLine index: Int) -> String {
        guard lines.indices.contains(index) else { return "" }
        let line = lines[index]
        return string(line.start, line.end)
    }

    /// The text of `start..<end`, clamped to the input (both at character boundaries).
    func string(_ start: Int, _ end: Int) -> String {
        let lower = max(0, min(start, bytes.count)), upper = max(lower, min(end, bytes.count))
        guard lower < upper else { return "" }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[lower..<upper]), as: UTF8.self) }
    }

    /// The location of `offset` on line `index` (0-based); the column is 1-based and counts
    /// characters (Unicode scalars), not bytes.
    func location(line index: Int, offset: Int) -> SourceLocation {
        guard lines.indices.contains(index) else {
            return SourceLocation(file: file, line: max(1, index + 1), column: 1)
        }
        let line = lines[index]
        var column = 1
        for position in line.start..<min(max(offset, line.start), line.end) where bytes[position] & 0xC0 != 0x80 {
            column += 1
        }
        return SourceLocation(file: file, line: index + 1, column: column)
    }

    /// An error at `offset` on line `index`, carrying that line's text.
    func error(_ kind: MarkupError.Kind, line index: Int, offset: Int) -> MarkupError {
        MarkupError(kind, at: location(line: index, offset: offset), sourceLine: text(ofLine: index))
    }

    /// First offset in `start..<end` that is not a space or tab (or `end`).
    func skipBlanks(_ start: Int, _ end: Int) -> Int {
        var index = start
        while index < end, bytes[index].isBlank { index += 1 }
        return index
    }

    /// `end` moved back over trailing spaces and tabs, not before `start`.
    func trimBlanksBack(_ start: Int, _ end: Int) -> Int {
        var index = end
        while index > start, bytes[index - 1].isBlank { index -= 1 }
        return index
    }

    /// True when `start..<end` holds exactly `word`.
    func matches(_ start: Int, _ end: Int, _ word: String) -> Bool {
        var index = start
        for byte in word.utf8 {
            guard index < end, bytes[index] == byte else { return false }
            index += 1
        }
        return index == end
    }

    /// The character that starts at `offset` (a character boundary before the end).
    func scalar(at offset: Int) -> Unicode.Scalar {
        let lead = bytes[offset]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return Self.decode(bytes[offset..<end])
    }

    /// The character that ends just before `offset` (a character boundary after the start).
    func scalar(before offset: Int) -> Unicode.Scalar {
        let last = bytes[offset - 1]
        if last < 0x80 { return Unicode.Scalar(last) }
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return Self.decode(bytes[start..<offset])
    }

    /// The one scalar that valid UTF-8 `sequence` encodes.
    private static func decode(_ sequence: ArraySlice<UInt8>) -> Unicode.Scalar {
        var iterator = sequence.makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }
}

extension UInt8 {
    /// `!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~` — the characters a backslash makes literal.
    var isASCIIPunctuation: Bool {
        switch self {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    var isASCIILowercase: Bool { (0x61...0x7A).contains(self) }
    var isASCIIDigit: Bool { (0x30...0x39).contains(self) }
    var isBlank: Bool { self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") }
}

extension Unicode.Scalar {
    var isBlank: Bool { self == " " || self == "\t" }

    /// White space, with an ASCII fast path before the Unicode property lookup.
    var isWhitespaceFast: Bool {
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return properties.isWhitespace
    }
}
