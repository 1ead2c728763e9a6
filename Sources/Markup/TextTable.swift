/// A table laid out as aligned text columns: cells padded to the widest cell of their column,
/// two spaces between columns, a line of `-` under the header rows.
struct TextTable {
    let renderer: PlainTextRenderer
    let table: Table

    func render(indent: String) -> String {
        let columnCount = table.columns.count
        let rows = (table.headerRows + table.rows).map { row in
            row.map { (text: renderer.text($0.content).split(separator: "\n").joined(separator: " "), span: max(1, $0.span)) }
        }
        var widths = Array(repeating: 0, count: columnCount)
        for row in rows {
            var column = 0
            for cell in row where column < columnCount {
                if cell.span == 1 { widths[column] = max(widths[column], cell.text.count) }
                column += cell.span
            }
        }
        var lines: [String] = []
        for (index, row) in rows.enumerated() {
            var line = ""
            var column = 0
            for cell in row where column < columnCount {
                let last = min(columnCount, column + cell.span)
                let width = widths[column..<last].reduce(0, +) + 2 * (last - column - 1)
                let alignment = table.columns[column].alignment
                if column > 0 { line += "  " }
                line += Self.pad(cell.text, to: width, alignment: alignment)
                column = last
            }
            lines.append(indent + line.trimmingTrailingBlanks())
            if index + 1 == table.headerRows.count {
                let total = widths.reduce(0, +) + 2 * max(0, columnCount - 1)
                lines.append(indent + String(repeating: "-", count: max(3, total)))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func pad(_ text: String, to width: Int, alignment: TextAlignment) -> String {
        let room = max(0, width - text.count)
        switch alignment {
        case .right: return String(repeating: " ", count: room) + text
        case .center:
            return String(repeating: " ", count: room / 2) + text + String(repeating: " ", count: room - room / 2)
        case .left, .justify: return text + String(repeating: " ", count: room)
        }
    }
}
