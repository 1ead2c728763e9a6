import Markup
import Testing
@testable import Layout

/// Rows taller than a page split between lines on every kind of table (issue 11: a cell with
/// fewer lines than the split point used to trap).
@Suite struct TableRowSplitTests {
    typealias F = LayoutFixtures

    static func cell(_ text: String, span: Int = 1) -> TableCell { TableCell(content: [.text(text)], span: span) }

    /// `count` lines "prefix1" ... "prefixN" separated by line breaks.
    static func tall(_ prefix: String, lines count: Int) -> TableCell {
        var inlines: [Inline] = []
        for number in 1...count { inlines += [.text("\(prefix)\(number)"), .lineBreak] }
        return TableCell(content: inlines)
    }

    /// Lays out, then checks that nothing is drawn outside a page or over other text and
    /// that every line of the tall cell is drawn once, in order.
    static func expectClean(_ blocks: [Block], prefix: String, lines count: Int,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> DisplayList {
        let list = try F.layout(blocks)
        #expect(list.layoutDefects() == [], sourceLocation: sourceLocation)
        let drawn = F.allTexts(list).filter { $0.hasPrefix(prefix) }
        #expect(drawn == (1...count).map { "\(prefix)\($0)" }, sourceLocation: sourceLocation)
        return list
    }

    @Test func aShortCellBesideATallOneEndsOnItsFirstPiece() throws {
        let table = Table(columns: [TableColumn(), TableColumn()], headerRows: [[Self.cell("Name"), Self.cell("Value")]],
                          rows: [[Self.cell("short"), Self.tall("line", lines: 250)], [Self.cell("next"), Self.cell("x")]])
        let list = try Self.expectClean([.table(table)], prefix: "line", lines: 250)
        #expect(list.pages.count >= 4)
        #expect(F.allTexts(list).filter { $0 == "short" }.count == 1)
    }

    /// A row taller than a page starts right after the text before it, not on a fresh page.
    @Test func aTallRowStartsWhereItIs() throws {
        let table = Table(columns: [TableColumn(), TableColumn()], headerRows: [],
                          rows: [[Self.cell("short"), Self.tall("line", lines: 250)]])
        let list = try Self.expectClean([F.paragraph("Before"), .table(table)], prefix: "line", lines: 250)
        #expect(F.allTexts(list).prefix(3).contains("line1"), "\(F.allTexts(list).prefix(3))")
    }

    @Test func aHeaderRowTallerThanAPageIsNotRepeated() throws {
        let table = Table(columns: [TableColumn(), TableColumn()], headerRows: [[Self.tall("head", lines: 120), Self.cell("b")]],
                          rows: (1...30).map { [Self.cell("row\($0)"), Self.cell("x")] })
        let list = try Self.expectClean([.table(table)], prefix: "head", lines: 120)
        #expect(F.allTexts(list).filter { $0.hasPrefix("row") }.count == 30)
    }

    @Test func aTallSpannedCellSplits() throws {
        let table = Table(columns: [TableColumn(), TableColumn(), TableColumn()], headerRows: [],
                          rows: [[Self.cell("a"), Self.cell("b"), Self.cell("c")],
                                 [Self.tall("span", lines: 180).spanning(2), Self.cell("end")]])
        _ = try Self.expectClean([.table(table)], prefix: "span", lines: 180)
    }

    @Test func aTallRowInsideColumnsSplits() throws {
        let table = Table(columns: [TableColumn(), TableColumn()], headerRows: [[Self.cell("H"), Self.cell("I")]],
                          rows: [[Self.cell("one"), Self.tall("col", lines: 150)]])
        _ = try Self.expectClean([.columns(widths: [0.5, 0.5], columns: [[.table(table)], [F.paragraph("right")]])],
                                 prefix: "col", lines: 150)
    }

    @Test func aThousandCharacterWordInANarrowCellBreaks() throws {
        let word = String(repeating: "W", count: 1000)
        let table = Table(columns: [TableColumn(width: .fixed(40)), TableColumn(width: .fraction(1))], headerRows: [],
                          rows: [[Self.cell(word), Self.cell("x")], [Self.cell("a"), Self.cell(word)]])
        let list = try F.layout([.table(table)])
        #expect(list.layoutDefects() == [])
        #expect(F.allTexts(list).filter { $0.hasPrefix("W") }.joined() == word + word)
    }
}

extension TableCell {
    func spanning(_ columns: Int) -> TableCell { TableCell(content: content, span: columns) }
}
