/// Parses inline markup — `**bold**`, `*italic*`, `__underline__`, `@br`, `@page`, `@pages`,
/// backslash escapes — from one or more line segments (joined by single spaces) into `[Inline]`.
///
/// Emphasis uses a delimiter stack: a run of `*` or `__` that is followed by a non-blank opens,
/// one preceded by a non-blank closes the nearest open delimiter of its kind (openers above it
/// that never closed turn back into literal text). Whatever is still open at the end is literal,
/// so unmatched markers in ordinary text never fail.
struct InlineParser {
    /// A piece of a line: `start..<end` in the source's bytes, on line `line` (0-based).
    struct Segment {
        var line: Int
        var start: Int
        var end: Int
    }

    enum Delimiter: Int { case bold, italic, underline }

    /// How many openers of each kind are on the stack (a struct, not an array: no allocation).
    private struct OpenCount {
        var bold = 0, italic = 0, underline = 0

        subscript(_ delimiter: Delimiter) -> Int {
            get {
                switch delimiter {
                case .bold: bold
                case .italic: italic
                case .underline: underline
                }
            }
            set {
                switch delimiter {
                case .bold: bold = newValue
                case .italic: italic = newValue
                case .underline: underline = newValue
                }
            }
        }
    }

    private enum Item {
        case inline(Inline)
        case opener(Delimiter)
    }

    /// Deeper emphasis than this stays literal text (keeps the tree shallow for any input).
    static let maximumDepth = 16

    let source: SourceText
    private var items: [Item] = []
    private var stack: [(delimiter: Delimiter, item: Int)] = []
    private var openCount = OpenCount()
    /// The pending text run (UTF-8).
    private var text: [UInt8] = []
    private var previous: Unicode.Scalar = " "

    init(source: SourceText) {
        self.source = source
    }

    /// Inline texts parsed before, by their text (see `SourceMemo`); up to 4 MB of it.
    static let memo = SourceMemo<[Inline]>(budget: 1 << 22)
    /// Texts shorter than this are parsed again each time: that is as quick as looking them up.
    static let memoMinimum = 12

    /// Parses the segments, joined by one space each (none after a `@br`). The result depends
    /// on the segments' text only, so texts seen before come from `memo`.
    static func parse(_ source: SourceText, _ segments: [Segment]) throws(MarkupError) -> [Inline] {
        var length = 0
        for segment in segments { length += max(0, segment.end - segment.start) }
        guard length >= memoMinimum else { return try parseAfresh(source, segments) }
        let ranges = segments.lazy.map { $0.start..<max($0.start, $0.end) }
        let (kept, hash) = source.bytes.withUnsafeBufferPointer { memo.value(in: $0, ranges) }
        if let kept { return kept }
        let parsed = try parseAfresh(source, segments)
        source.bytes.withUnsafeBufferPointer { memo.keep(parsed, in: $0, ranges, hash: hash) }
        return parsed
    }

    private static func parseAfresh(_ source: SourceText, _ segments: [Segment]) throws(MarkupError) -> [Inline] {
        if segments.count == 1, let plain = plainText(source, segments[0]) { return plain }
        var parser = InlineParser(source: source)
        // Text never holds more bytes than the segments plus the joining spaces.
        var length = segments.count
        for segment in segments { length += max(0, segment.end - segment.start) }
        parser.text.reserveCapacity(length)
        parser.items.reserveCapacity(8)
        for (number, segment) in segments.enumerated() {
            if number > 0, !parser.endsWithLineBreak { parser.appendText(UInt8(ascii: " ")) }
            try parser.consume(segment)
        }
        return parser.finish()
    }

    static func parse(_ source: SourceText, line: Int, start: Int, end: Int) throws(MarkupError) -> [Inline] {
        try parse(source, [Segment(line: line, start: start, end: end)])
    }

    /// A segment without `\\`, `*`, `_` or `@` is one text run (or nothing): the common case.
    private static func plainText(_ source: SourceText, _ segment: Segment) -> [Inline]? {
        var index = segment.start
        while index < segment.end {
            switch source.bytes[index] {
            case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "@"): return nil
            default: index += 1
            }
        }
        return segment.start < segment.end ? [.text(source.string(segment.start, segment.end))] : []
    }

    private var endsWithLineBreak: Bool {
        guard text.isEmpty, case .inline(.lineBreak)? = items.last else { return false }
        return true
    }

    private mutating func consume(_ segment: Segment) throws(MarkupError) {
        let bytes = source.bytes
        var index = segment.start
        var runStart = index
        while index < segment.end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "@"):
                appendRun(runStart, index)
            default:
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"):
                if index + 1 < segment.end, bytes[index + 1].isASCIIPunctuation {
                    appendText(bytes[index + 1])
                    index += 2
                } else {
                    appendText(byte)
                    index += 1
                }
            case UInt8(ascii: "@"):
                if index + 1 < segment.end, bytes[index + 1].isASCIILetter {
                    index = try directive(at: index, segment: segment)
                } else {
                    appendText(byte)
                    index += 1
                }
            default: // "*", "_"
                var runEnd = index
                while runEnd < segment.end, bytes[runEnd] == byte { runEnd += 1 }
                let next: Unicode.Scalar? = runEnd < segment.end ? source.scalar(at: runEnd) : nil
                let canOpen = next.map { !$0.isWhitespaceFast } ?? false
                let canClose = !previous.isWhitespaceFast && index > segment.start
                if byte == UInt8(ascii: "*") {
                    asterisks(runEnd - index, canOpen: canOpen, canClose: canClose)
                } else {
                    underscores(runEnd - index, canOpen: canOpen, canClose: canClose)
                }
                previous = Unicode.Scalar(byte)
                index = runEnd
            }
            runStart = index
        }
        appendRun(runStart, index)
    }

    /// Appends the plain text `start..<end` of the source to the pending text.
    private mutating func appendRun(_ start: Int, _ end: Int) {
        guard start < end else { return }
        source.bytes.withUnsafeBufferPointer { bytes in
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        previous = source.scalar(before: end)
    }

    /// `@name` (with an optional `()` right after it) at `start`; returns the offset after it.
    private mutating func directive(at start: Int, segment: Segment) throws(MarkupError) -> Int {
        let bytes = source.bytes
        var index = start + 1
        while index < segment.end, bytes[index].isASCIILetter || bytes[index].isASCIIDigit { index += 1 }
        let name = source.string(start + 1, index)
        if index + 1 < segment.end, bytes[index] == UInt8(ascii: "("), bytes[index + 1] == UInt8(ascii: ")") { index += 2 }
        switch name {
        case "br": appendInline(.lineBreak)
        case "page": appendInline(.pageNumber)
        case "pages": appendInline(.pageCount)
        case "span":
            throw source.error(.misplacedDirective(name: name, expected: "'@span(N)' must start a table cell"),
                               line: segment.line, offset: start)
        default:
            if DirectiveName.isBlock(name) {
                throw source.error(.blockDirectiveInText(name: name), line: segment.line, offset: start)
            }
            let suggestion = NameSuggestion.nearest(to: name, in: DirectiveName.all)
            throw source.error(.unknownDirective(name: name, suggestion: suggestion),
                               line: segment.line, offset: start)
        }
        previous = "@"
        return index
    }

    private mutating func asterisks(_ count: Int, canOpen: Bool, canClose: Bool) {
        var remaining = count
        while remaining > 0 {
            if canClose {
                let top = stack.last?.delimiter
                if remaining >= 2, top == .bold { close(.bold); remaining -= 2; continue }
                let boldOpen = openCount[.bold] > 0
                if top == .italic, remaining != 2 || !boldOpen { close(.italic); remaining -= 1; continue }
                if remaining >= 2, openCount[.bold] > 0 { close(.bold); remaining -= 2; continue }
                if openCount[.italic] > 0 { close(.italic); remaining -= 1; continue }
            }
            if canOpen, stack.count < Self.maximumDepth {
                let delimiter: Delimiter = remaining >= 2 ? .bold : .italic
                open(delimiter)
                remaining -= delimiter == .bold ? 2 : 1
                continue
            }
            for _ in 0..<remaining { appendText(UInt8(ascii: "*")) }
            return
        }
    }

    private mutating func underscores(_ count: Int, canOpen: Bool, canClose: Bool) {
        var remaining = count
        while remaining >= 2 {
            if canClose, openCount[.underline] > 0 {
                close(.underline)
            } else if canOpen, stack.count < Self.maximumDepth {
                open(.underline)
            } else {
                break
            }
            remaining -= 2
        }
        for _ in 0..<remaining { appendText(UInt8(ascii: "_")) }
    }

    private mutating func open(_ delimiter: Delimiter) {
        flushText()
        stack.append((delimiter, items.count))
        openCount[delimiter] += 1
        items.append(.opener(delimiter))
    }

    /// Closes the nearest open `delimiter`; openers above it become literal text.
    private mutating func close(_ delimiter: Delimiter) {
        flushText()
        guard let level = stack.lastIndex(where: { $0.delimiter == delimiter }) else { return }
        let first = stack[level].item
        for entry in stack[level...] { openCount[entry.delimiter] -= 1 }
        stack.removeSubrange(level...)
        let children = Self.merged(items[(first + 1)...])
        items.removeSubrange(first...)
        switch delimiter {
        case .bold: items.append(.inline(.bold(children)))
        case .italic: items.append(.inline(.italic(children)))
        case .underline: items.append(.inline(.underline(children)))
        }
    }

    /// Appends one ASCII character to the pending text.
    private mutating func appendText(_ byte: UInt8) {
        text.append(byte)
        previous = Unicode.Scalar(byte)
    }

    private mutating func appendInline(_ inline: Inline) {
        flushText()
        items.append(.inline(inline))
    }

    private mutating func flushText() {
        guard !text.isEmpty else { return }
        items.append(.inline(.text(String(decoding: text, as: UTF8.self))))
        text.removeAll(keepingCapacity: true)
    }

    private mutating func finish() -> [Inline] {
        flushText()
        return Self.merged(items[...])
    }

    /// Items as inlines: unclosed openers become their literal markers; adjacent text is merged.
    private static func merged(_ items: ArraySlice<Item>) -> [Inline] {
        var result: [Inline] = []
        result.reserveCapacity(items.count)
        var pending: String?
        for item in items {
            let inline: Inline
            switch item {
            case .opener(.bold): inline = .text("**")
            case .opener(.italic): inline = .text("*")
            case .opener(.underline): inline = .text("__")
            case .inline(let value): inline = value
            }
            if case .text(let string) = inline {
                if pending == nil { pending = string } else { pending?.append(string) }
            } else {
                if let text = pending { result.append(.text(text)); pending = nil }
                result.append(inline)
            }
        }
        if let text = pending { result.append(.text(text)) }
        return result
    }
}
