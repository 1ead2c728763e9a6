import Testing
@testable import Markup

@Suite struct TableTests {
    private func table(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Table? {
        let result = blocks(text, sourceLocation: sourceLocation)
        guard result.count == 1, case let .table(table) = result[0] else {
            Issue.record("expected one table, got \(result)", sourceLocation: sourceLocation)
            return nil
        }
        return table
    }

    private func cell(_ text: String, span: Int = 1) -> TableCell { TableCell(content: [.text(text)], span: span) }

    @Test func tableWithoutSeparatorHasNoHeader() {
        #expect(table("| Model | X-100 |\n| Serial | SN1 |") == Table(
            columns: [TableColumn(), TableColumn()], headerRows: [],
            rows: [[cell("Model"), cell("X-100")], [cell("Serial"), cell("SN1")]]))
    }

    @Test func separatorMakesHeaderRowsAndColumns() {
        let result = table("""
        | Work | Hours | Cost |
        |:--- 30mm |:---: auto | ---: 2fr |
        | Diagnosis | 1 | 10.00 |
        """)
        #expect(result?.columns == [
            TableColumn(width: .fixed(30 * 72 / 25.4), alignment: .left),
            TableColumn(width: .auto, alignment: .center),
            TableColumn(width: .fraction(2), alignment: .right),
        ])
        #expect(result?.headerRows == [[cell("Work"), cell("Hours"), cell("Cost")]])
        #expect(result?.rows == [[cell("Diagnosis"), cell("1"), cell("10.00")]])
    }

    @Test func separatorFirstMeansNoHeader() {
        let result = table("|--- 20pt|---|\n| a | b |")
        #expect(result?.headerRows == [])
        #expect(result?.columns.first == TableColumn(width: .fixed(20), alignment: .left))
    }

    @Test func shortRowsArePadded() {
        #expect(table("| a | b | c |\n| d |")?.rows[1] == [cell("d"), TableCell(content: []), TableCell(content: [])])
    }

    @Test func escapedPipeStaysInTheCell() {
        #expect(table("| cable cut \\| 2 dents | x |")?.rows == [[cell("cable cut | 2 dents"), cell("x")]])
    }

    @Test func trailingPipeIsOptional() {
        #expect(table("| a | b")?.rows == [[cell("a"), cell("b")]])
    }

    @Test func emptyCellsStayEmpty() {
        #expect(table("| a |  | c |")?.rows == [[cell("a"), TableCell(content: []), cell("c")]])
    }

    @Test func spanningCells() {
        let result = table("|---|---|---|\n| @span(2) Total | 9 |\n| @span(3)Note |")
        #expect(result?.rows == [[cell("Total", span: 2), cell("9")], [cell("Note", span: 3)]])
    }

    @Test func bordersNone() {
        #expect(table("@table(borders: none)\n| a |")?.borders == false)
        #expect(table("| a |")?.borders == true)
    }

    @Test func inlineMarkupInCells() {
        #expect(table("| **b** @br x |")?.rows == [[TableCell(content: [.bold([.text("b")]), .text(" "), .lineBreak, .text(" x")])]])
    }

    @Test func blankLineSplitsTables() {
        #expect(blocks("| a |\n\n| b |").count == 2)
    }
}
