extension BlockParser {
    /// A cell as written: its content range (after any `@span(N)`) and span.
    private struct RawCell {
        var start: Int
        var end: Int
        var span: Int
        /// Where the cell's text starts, before any `@span`.
        var origin: Int
    }

    private struct RawRow {
        var line: Int
        var cells: [RawCell]
    }

    /// Consecutive `|` rows as a table. The separator row (if any) gives the columns and makes
    /// the rows above it header rows; otherwise the first row gives the column count. Short rows
    /// are padded with empty cells; a row with more cells than columns is an error.
    mutating func parseTable(borders: Bool) throws(MarkupError) -> Table {
        var rows: [RawRow] = []
        var separator: (row: Int, columns: [TableColumn])?
        while line < source.lines.count, LineKind.of(source, line: line) == .tableRow {
            let cells = splitRow(line)
            if isSeparator(cells) {
                guard separator == nil else {
                    throw source.error(.secondSeparatorRow, line: line, offset: cells[0].start)
                }
                separator = (rows.count, try cells.map { cell throws(MarkupError) in try column(cell) })
            } else {
                rows.append(RawRow(line: line, cells: try spans(cells)))
            }
            line += 1
        }
        let columnCount = max(1, separator?.columns.count ?? rows.first.map { $0.cells.reduce(0) { $0 + $1.span } } ?? 1)
        var built: [[TableCell]] = []
        for row in rows {
            var cells: [TableCell] = []
            var used = 0
            for cell in row.cells {
                used += cell.span
                guard used <= columnCount else {
                    throw source.error(.tooManyCells(found: row.cells.reduce(0) { $0 + $1.span }, columns: columnCount),
                                       line: row.line, offset: cell.origin)
                }
                let content = try InlineParser.parse(source, line: row.line, start: cell.start, end: cell.end)
                cells.append(TableCell(content: content, span: cell.span))
            }
            while used < columnCount {
                cells.append(TableCell(content: []))
                used += 1
            }
            built.append(cells)
        }
        let headerCount = separator?.row ?? 0
        return Table(
            columns: separator?.columns ?? Array(repeating: TableColumn(), count: columnCount),
            headerRows: Array(built.prefix(headerCount)), rows: Array(built.dropFirst(headerCount)), borders: borders)
    }

    /// The trimmed cell ranges of a row: split at unescaped `|`; a blank tail after the last `|` is dropped.
    private func splitRow(_ index: Int) -> [RawCell] {
        let span = source.lines[index]
        let bytes = source.bytes
        var cells: [RawCell] = []
        var start = source.skipBlanks(span.start, span.end) + 1
        var offset = start
        while offset <= span.end {
            if offset < span.end, bytes[offset] == UInt8(ascii: "\\"), offset + 1 < span.end, bytes[offset + 1].isASCIIPunctuation {
                offset += 2
                continue
            }
            if offset == span.end || bytes[offset] == UInt8(ascii: "|") {
                let contentStart = source.skipBlanks(start, offset)
                let contentEnd = source.trimBlanksBack(contentStart, offset)
                if offset < span.end || contentStart < contentEnd {
                    cells.append(RawCell(start: contentStart, end: contentEnd, span: 1, origin: contentStart))
                }
                start = offset + 1
            }
            offset += 1
        }
        return cells
    }

    /// True when every cell starts with `---`, `:---` (the row is a separator row).
    private func isSeparator(_ cells: [RawCell]) -> Bool {
        guard !cells.isEmpty else { return false }
        return cells.allSatisfy { cell in
            var offset = cell.start
            if offset < cell.end, source.bytes[offset] == UInt8(ascii: ":") { offset += 1 }
            return offset + 3 <= cell.end && source.bytes[offset..<offset + 3].allSatisfy { $0 == UInt8(ascii: "-") }
        }
    }

    /// A separator cell: `:?---+:?` then an optional width (`30mm`, `auto`, `2fr`).
    private func column(_ cell: RawCell) throws(MarkupError) -> TableColumn {
        let bytes = source.bytes
        var offset = cell.start
        let leftColon = bytes[offset] == UInt8(ascii: ":")
        if leftColon { offset += 1 }
        while offset < cell.end, bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let rightColon = offset < cell.end && bytes[offset] == UInt8(ascii: ":")
        if rightColon { offset += 1 }
        let widthText = source.string(source.skipBlanks(offset, cell.end), cell.end)
        let alignment: TextAlignment = leftColon && rightColon ? .center : rightColon ? .right : .left
        let width: ColumnWidth
        if widthText.isEmpty || widthText == "auto" {
            width = .auto
        } else if widthText.hasSuffix("fr"), let share = Double(widthText.dropLast(2)), share.isFinite, share > 0 {
            width = .fraction(share)
        } else if let points = Length.points(widthText) {
            width = .fixed(points)
        } else {
            throw source.error(.badSeparatorCell(source.string(cell.start, cell.end)), line: line, offset: cell.start)
        }
        return TableColumn(width: width, alignment: alignment)
    }

    /// Reads a leading `@span(N)` off each cell.
    private func spans(_ cells: [RawCell]) throws(MarkupError) -> [RawCell] {
        var result = cells
        for (index, cell) in cells.enumerated()
        where source.matches(cell.start, min(cell.end, cell.start + 5), "@span")
            && (cell.start + 5 == cell.end || !source.bytes[cell.start + 5].isASCIILetter) {
            let (call, after) = try DirectiveCall.scan(source, line: line, start: cell.start)
            let text = source.string(cell.start, after)
            guard call.positional.count == 1, call.named.isEmpty,
                  let span = Int(source.string(call.positional[0].start, call.positional[0].end)),
                  (1...Self.maximumSpan).contains(span) else {
                throw source.error(.badSpan(text, columns: Self.maximumSpan), line: line, offset: cell.start)
            }
            result[index].span = span
            result[index].start = source.skipBlanks(min(after, cell.end), cell.end)
        }
        return result
    }

    /// The widest span a cell may have.
    static var maximumSpan: Int { 64 }
}
