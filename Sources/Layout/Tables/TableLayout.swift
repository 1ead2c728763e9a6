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
    /// whole unless a single row is taller than a page (then it splits between lines).
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
        let headerHeight = headerFragments.reduce(0) { $0 + $1.height }
        var headerID: Int?
        if !headerFragments.isEmpty {
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

    /// Column widths: fixed as given; auto = max(min-content, min(max-content, fair share));
    /// fractions share what remains. When even that does not fit, non-fixed columns get
    /// the free space in proportion to their min-content (long words then break).
    func columnWidths(_ columns: [TableColumn], rows: [[[CellText]]], available: Points) throws(LayoutError)
        -> [Points] {
        let count = columns.count
        let padding = 2 * Self.cellPaddingX
        var minimum = [Points](repeating: padding, count: count)
        var maximum = [Points](repeating: padding, count: count)
        var fixed: Points = 0, nonFixed = 0
        for column in columns {
            if case .fixed(let width) = column.width { fixed += max(0, width.isFinite ? width : 0) } else { nonFixed += 1 }
        }
        guard fixed <= available + 0.001 else {
            throw .tooWide(element: "table", width: fixed, available: available, location: nil)
        }
        if nonFixed > 0 {
            for group in rows {
                for row in group {
                    for cell in row where cell.span == 1 {
                        if case .fixed = columns[cell.column].width { continue }
                        let widths = cell.text.contentWidths()
                        minimum[cell.column] = max(minimum[cell.column], widths.min + padding)
                        maximum[cell.column] = max(maximum[cell.column], widths.max + padding)
                    }
                }
            }
        }
        let free = available - fixed
        let fair = free / Double(max(1, nonFixed))
        var widths = [Points](repeating: 0, count: count)
        var autoTotal: Points = 0, fractionTotal: Double = 0, fractionMinimum: Points = 0, minimumTotal: Points = 0
        for (index, column) in columns.enumerated() {
            switch column.width {
            case .fixed(let width): widths[index] = max(0, width.isFinite ? width : 0)
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
        let capacity = max(1, Int((maxHeight - 2 * Self.cellPaddingY) / metrics.height))
        var fragments: [Fragment] = []
        var firstLine = 0
        while firstLine < tallest {
            let lineCount = min(capacity, tallest - firstLine)
            let height = Double(lineCount) * metrics.height + 2 * Self.cellPaddingY
            var fragment = Fragment(height: height)
            fragment.ops.reserveCapacity(row.count * 2)
            for (index, cell) in row.enumerated() {
                let x = lefts[cell.column], width = cellWidth(cell, widths)
                let alignment = table.columns[cell.column].alignment
                let lines = cellLines[index]
                for number in firstLine..<min(lines.count, firstLine + lineCount) {
                    let baseline = Self.cellPaddingY + Double(number - firstLine) * metrics.height + metrics.baseline
                    setLine(lines[number], of: cell.text, alignment: alignment, x: x + Self.cellPaddingX,
                            width: width - 2 * Self.cellPaddingX, baseline: baseline, into: &fragment.ops)
                }
                if table.borders {
                    fragment.ops.append(.strokeRect(x: x, y: height, width: width, height: height,
                                                    lineWidth: Self.tableBorderWidth, color: .black))
                }
            }
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
