/// Parses the body lines into blocks. Containers (`@keep`, `@columns`) are tracked on an
/// explicit stack of frames, so deep nesting cannot exhaust the call stack; lists recurse on
/// indentation up to `maximumDepth`.
struct BlockParser {
    /// Deepest nesting of containers and lists.
    static let maximumDepth = 16

    let source: SourceText
    /// The next line to read (0-based).
    var line: Int

    /// An open container and what it has collected so far.
    struct Frame {
        enum Kind: Sendable { case root, keep(withPrevious: Bool), columns(widths: [Double]) }
        var kind: Kind
        var name: String
        var line: Int
        var offset: Int
        var columns: [[Block]] = [[]]

        mutating func append(_ block: Block) {
            let last = columns.count - 1
            // First block of a column: room for several at once instead of growing 1, 2, 4, 8.
            if columns[last].capacity == 0 { columns[last].reserveCapacity(8) }
            columns[last].append(block)
        }
    }

    /// A `@table(...)` or `@align(...)` waiting for the line it applies to.
    struct Modifier {
        enum Kind: Sendable { case table(borders: Bool), align(TextAlignment) }
        var kind: Kind
        var call: DirectiveCall
    }

    init(source: SourceText, line: Int) {
        self.source = source
        self.line = line
    }

    /// Parses from `line` to the end of the input.
    mutating func parseBody() throws(MarkupError) -> [Block] {
        var frames = [Frame(kind: .root, name: "", line: 0, offset: 0)]
        var modifier: Modifier?
        while line < source.lines.count {
            let kind = LineKind.of(source, line: line)
            if let pending = modifier {
                try check(pending, against: kind)
            }
            switch kind {
            case .blank:
                line += 1
            case let .heading(level, contentStart):
                let lineSpan = source.lines[line]
                guard level <= 3 else {
                    throw source.error(.headingTooDeep(level: level), line: line,
                                       offset: source.skipBlanks(lineSpan.start, lineSpan.end))
                }
                let content = try InlineParser.parse(source, line: line, start: contentStart,
                                                     end: source.trimBlanksBack(contentStart, lineSpan.end))
                frames[frames.count - 1].append(.heading(level: level, content: content))
                line += 1
            case .rule:
                frames[frames.count - 1].append(.rule)
                line += 1
            case .tableRow:
                var borders = true
                if case let .table(value)? = modifier?.kind { borders = value }
                modifier = nil
                frames[frames.count - 1].append(.table(try parseTable(borders: borders)))
            case let .listItem(indent, ordered, number, _):
                let list = try parseList(indent: indent, ordered: ordered, start: number, depth: frames.count)
                frames[frames.count - 1].append(list)
            case let .directives(first):
                try parseDirectiveLine(from: first, frames: &frames, modifier: &modifier)
                line += 1
            case .text:
                var alignment: TextAlignment?
                if case let .align(value)? = modifier?.kind { alignment = value }
                modifier = nil
                frames[frames.count - 1].append(try parseParagraph(alignment: alignment))
            }
        }
        if let pending = modifier { try check(pending, against: .blank) }
        if frames.count > 1, let open = frames.last {
            throw source.error(.unclosedBlock(directive: open.name, openedAt: source.location(line: open.line, offset: open.offset)),
                               line: open.line, offset: open.offset)
        }
        return frames[0].columns[0]
    }

    /// A modifier must be followed directly by what it applies to.
    private func check(_ modifier: Modifier, against kind: LineKind) throws(MarkupError) {
        switch (modifier.kind, kind) {
        case (.table, .tableRow), (.align, .text): return
        case (.table, _):
            throw source.error(.modifierWithoutTarget(directive: "table", expected: "a table row starting with '|'"),
                               line: modifier.call.line, offset: modifier.call.offset)
        case (.align, _):
            throw source.error(.modifierWithoutTarget(directive: "align", expected: "a paragraph"),
                               line: modifier.call.line, offset: modifier.call.offset)
        }
    }

    /// Consecutive text lines, joined by spaces, as one paragraph.
    private mutating func parseParagraph(alignment: TextAlignment?) throws(MarkupError) -> Block {
        var segments: [InlineParser.Segment] = []
        while line < source.lines.count, LineKind.of(source, line: line) == .text {
            let span = source.lines[line]
            let start = source.skipBlanks(span.start, span.end)
            segments.append(InlineParser.Segment(line: line, start: start, end: source.trimBlanksBack(start, span.end)))
            line += 1
        }
        return .paragraph(content: try InlineParser.parse(source, segments), alignment: alignment)
    }

    /// Leading blanks of a line (a tab counts 2).
    func indent(of index: Int) -> Int {
        let span = source.lines[index]
        var indent = 0, offset = span.start
        while offset < span.end, source.bytes[offset].isBlank {
            indent += source.bytes[offset] == UInt8(ascii: "\t") ? 2 : 1
            offset += 1
        }
        return indent
    }
}
