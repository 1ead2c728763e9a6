import Markup

/// A cell ready to lay out: its text, first column and span.
struct CellText {
    var text: StyledText
    var column: Int
    var span: Int
}

extension LayoutSession {
    /// Inner space between a cell's border and its text.
    static let cellPaddingX: Points = 4
    static let cellPaddingY: Points = 2.5
    static let tableBorderWidth: Points = 0.5

    /// Lays out a table: header rows (bold) repeat on every page the table spans, rows stay
    /// whole unless a single row is taller than a page (then it splits between lines into
    /// pieces of a quarter page).
    func appendTable(_ table: Table, in context: BlockContext, to result: inout [Fragment]) throws(LayoutError) {
        let columnCount = table.columns.count
        let header = try cellTexts(table.headerRows, bold: true, columns: columnCount, firstRow: 1)
        let body = try cellTexts(table.rows, bold: false, columns: columnCount, firstRow: table.headerRows.count + 1)
        // Without columns every row is empty (a cell would have thrown above): nothing to draw.
        guard columnCount > 0, !(header.isEmpty && body.isEmpty) else { return }
        let widths = try columnWidths(table.columns, rows: [header, body], available: context.width)
        var lefts: [Points] = []
        var x = context.x
        for width in widths {
            lefts.append(x)
            x += width
        }
        var headerFragments: [Fragment] = []
        for row in header {
            headerFragments.append(contentsOf: rowFragments(row, table: table, lefts: lefts, widths: widths,
                                                            maxHeight: bodyHeight / 2))
        }
        for index in headerFragments.indices { headerFragments[index].keepWithNext = true }
        // Header rows repeat on continuation pages only while they take at most half a page;
        // a taller header is laid out once, like body rows.
        var headerHeight = headerFragments.reduce(0) { $0 + $1.height }
        var headerID: Int?
        if headerHeight > bodyHeight / 2 {
            headerHeight = 0
            for index in headerFragments.indices { headerFragments[index].keepWithNext = false }
        } else if !headerFragments.isEmpty {
            headerID = tableHeaders.count
            tableHeaders.append(headerFragments)
        }
        let first = result.count
        result.append(contentsOf: headerFragments)
        result.reserveCapacity(result.count + body.count)
        for row in body {
            for var fragment in rowFragments(row, table: table, lefts: lefts, widths: widths,
                                             maxHeight: bodyHeight - headerHeight) {
                fragment.tableHeader = headerID
                result.append(fragment)
            }
        }
        if result.count > first {
            result[first].spaceBefore = setup.fontSize * 0.2
            result[result.count - 1].spaceAfter = paragraphGap
        }
    }

    private func cellTexts(_ rows: [[TableCell]], bold: Bool, columns: Int, firstRow: Int)
        throws(LayoutError) -> [[CellText]] {
        var result: [[CellText]] = []
        result.reserveCapacity(rows.count)
        for (offset, row) in rows.enumerated() {
            var column = 0
            var cells: [CellText] = []
            cells.reserveCapacity(row.count)
            for cell in row {
                let span = max(1, cell.span)
                guard span <= columns - column else {
                    let total = row.reduce(0) { $0 + min(max(1, $1.span), columns + 1) }
                    throw .tableRowTooLong(row: firstRow + offset, cells: total, columns: columns)
                }
                cells.append(CellText(text: styledText(cell.content, size: setup.fontSize, bold: bold),
                                      column: column, span: span))
                column += span
            }
            result.append(cells)
        }
        return result
    }

    /// Column widths from the content of the whole table (header and every row):
    /// fixed as given, grown to their widest unbreakable piece (an amount, a row number) as far
    /// as the other columns' widest pieces leave room; auto = max(min-content, min(max-content,
    /// fair share)); fractions share what remains. When even that does not fit, non-fixed
    /// columns get the free space in proportion to their min-content (long words then break).
    func columnWidths(_ columns: [TableColumn], rows: [[[CellText]]], available: Points) throws(LayoutError)
        -> [Points] {
        let count = columns.count
        let padding = 2 * Self.cellPaddingX
        var minimum = [Points](repeating: padding, count: count)
        var maximum = [Points](repeating: padding, count: count)
        var declared = [Points](repeating: 0, count: count)
        var fixed: Points = 0, nonFixed = 0
        for (index, column) in columns.enumerated() {
            if case .fixed(let width) = column.width {
                declared[index] = max(0, width.isFinite ? width : 0)
                fixed += declared[index]
            } else {
                nonFixed += 1
            }
        }
        guard fixed <= available + 0.001 else {
            throw .tooWide(element: "table", width: fixed, available: available, location: nil)
        }
        var spanned: [(cell: CellText, min: Points, max: Points)] = []
        for group in rows {
            for row in group {
                for cell in row {
                    let widths = cell.text.contentWidths()
                    guard cell.span == 1 else {
                        spanned.append((cell, widths.min + padding, widths.max + padding))
                        continue
                    }
                    minimum[cell.column] = max(minimum[cell.column], widths.min + padding)
                    maximum[cell.column] = max(maximum[cell.column], widths.max + padding)
                }
            }
        }
        // A spanning cell wider than its columns shares its shortfall out evenly among them.
        for (cell, least, most) in spanned {
            let columns = cell.column..<(cell.column + cell.span)
            let share = Double(cell.span)
            let short = least - columns.reduce(0) { $0 + minimum[$1] }
            if short > 0 { for column in columns { minimum[column] += short / share } }
            let long = most - columns.reduce(0) { $0 + maximum[$1] }
            if long > 0 { for column in columns { maximum[column] += long / share } }
        }
        // Grow fixed columns whose content does not fit, sharing out the room the other
        // columns' min-content leaves (in proportion to each column's shortfall).
        var growth: Points = 0, room = available - fixed
        for (index, column) in columns.enumerated() {
            if case .fixed = column.width { growth += max(0, minimum[index] - declared[index]) } else { room -= minimum[index] }
        }
        if growth > 0 && room > 0 {
            let share = min(1, room / growth)
            for (index, column) in columns.enumerated() {
                guard case .fixed = column.width, minimum[index] > declared[index] else { continue }
                let grown = (minimum[index] - declared[index]) * share
                declared[index] += grown
                fixed += grown
            }
        }
        let free = available - fixed
        let fair = free / Double(max(1, nonFixed))
        var widths = [Points](repeating: 0, count: count)
        var autoTotal: Points = 0, fractionTotal: Double = 0, fractionMinimum: Points = 0, minimumTotal: Points = 0
        for (index, column) in columns.enumerated() {
            switch column.width {
            case .fixed: widths[index] = declared[index]
            case .auto:
                widths[index] = max(minimum[index], min(maximum[index], fair))
                autoTotal += widths[index]
                minimumTotal += minimum[index]
            case .fraction(let share):
                fractionTotal += share.isFinite && share > 0 ? share : 0
                fractionMinimum += minimum[index]
                minimumTotal += minimum[index]
            }
        }
        if autoTotal + fractionMinimum <= free + 0.001 {
            let rest = free - autoTotal
            for (index, column) in columns.enumerated() {
                if case .fraction(let share) = column.width, fractionTotal > 0 {
                    widths[index] = max(minimum[index], rest * (share.isFinite && share > 0 ? share : 0) / fractionTotal)
                }
            }
        } else {
            for (index, column) in columns.enumerated() {
                if case .fixed = column.width { continue }
                widths[index] = minimumTotal > 0 ? free * minimum[index] / minimumTotal : fair
            }
        }
        return widths
    }

    /// One row as one fragment, or as several when it is taller than `maxHeight`.
    private func rowFragments(_ row: [CellText], table: Table, lefts: [Points], widths: [Points],
                              maxHeight: Points) -> [Fragment] {
        let metrics = lineMetrics(size: setup.fontSize)
        var cellLines: [[TextLine]] = []
        cellLines.reserveCapacity(row.count)
        var tallest = 1
        for cell in row {
            let width = cellWidth(cell, widths) - 2 * Self.cellPaddingX
            let lines = cell.text.lines(width: width)
            tallest = max(tallest, lines.count)
            cellLines.append(lines)
        }
        // A row taller than a page is cut into pieces of a quarter page, so that its first
        // piece fills the foot of the page it starts on instead of leaving it empty.
        let pageLines = max(1, Int((maxHeight - 2 * Self.cellPaddingY) / metrics.height))
        let capacity = tallest <= pageLines ? pageLines : max(1, pageLines / 4)
        var fragments: [Fragment] = []
        var firstLine = 0
        while firstLine < tallest {
            let lineCount = min(capacity, tallest - firstLine)
            let height = Double(lineCount) * metrics.height + 2 * Self.cellPaddingY
            var fragment = Fragment(height: height)
            fragment.ops.reserveCapacity(row.count * 2)
            // The borders come after the row's text: the text of a row is then one text
            // object with short relative moves, not one per cell (a long invoice's bytes per
            // line item). Text and borders never overlap (cell padding), so nothing changes
            // on the page and the text keeps its reading order.
            var borders: [DrawOp] = []
            for (index, cell) in row.enumerated() {
                let x = lefts[cell.column], width = cellWidth(cell, widths)
                let alignment = table.columns[cell.column].alignment
                let lines = cellLines[index]
                // A cell with fewer lines than its row has nothing left on the later pieces.
                for number in min(firstLine, lines.count)..<min(lines.count, firstLine + lineCount) {
                    let baseline = Self.cellPaddingY + Double(number - firstLine) * metrics.height + metrics.baseline
                    setLine(lines[number], of: cell.text, alignment: alignment, x: x + Self.cellPaddingX,
                            width: width - 2 * Self.cellPaddingX, baseline: baseline, into: &fragment.ops)
                }
                if table.borders {
                    borders.append(.strokeRect(x: x, y: height, width: width, height: height,
                                               lineWidth: Self.tableBorderWidth, color: .black))
                }
            }
            fragment.ops += borders
            fragment.firstBaseline = Self.cellPaddingY + metrics.baseline
            fragments.append(fragment)
            firstLine += lineCount
        }
        return fragments
    }

    private func cellWidth(_ cell: CellText, _ widths: [Points]) -> Points {
        var width: Points = 0
        for column in cell.column..<(cell.column + cell.span) { width += widths[column] }
        return width
    }
}
