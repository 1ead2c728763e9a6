import Markup
import Testing
@testable import Layout

@Suite struct TableLayoutTests {
    typealias F = LayoutFixtures

    static func cell(_ text: String, span: Int = 1) -> TableCell { TableCell(content: [.text(text)], span: span) }

    static func invoice(rows count: Int) -> Document {
        var setup = F.setup()
        setup.footer = [.text("page "), .pageNumber, .text(" of "), .pageCount]
        let table = Table(
            columns: [TableColumn(width: .fixed(40)), TableColumn(width: .fraction(1)),
                      TableColumn(width: .auto, alignment: .right), TableColumn(width: .fixed(70), alignment: .right)],
            headerRows: [[cell("No"), cell("Description"), cell("Qty"), cell("Amount")]],
            rows: (1...count).map { [cell("\($0)"), cell("Item number \($0) replaced"), cell("1"), cell("\($0).00")] })
        return Document(setup: setup, blocks: [.heading(level: 1, content: [.text("Invoice")]), .table(table)])
    }

    @Test func twoThousandRowsLoseNothingAndRepeatTheHeader() throws {
        let list = try F.engine().layout(Self.invoice(rows: 2000))
        #expect(list.pages.count > 30)
        var seen: [String: Int] = [:]
        for text in F.allTexts(list) where text.hasPrefix("Item number ") { seen[text, default: 0] += 1 }
        #expect(seen.count == 2000)
        #expect(seen.values.allSatisfy { $0 == 1 })
        for (index, page) in list.pages.enumerated() {
            let texts = F.texts(page)
            let header = try #require(texts.first { $0.text == "Description" }, "page \(index + 1) lacks the header")
            #expect(list.fonts[header.font].font.postScriptName == "DejaVuSans-Bold")
            let items = texts.filter { $0.text.hasPrefix("Item number ") }
            #expect(items.allSatisfy { $0.y < header.y }, "the header sits above the rows on page \(index + 1)")
            #expect(F.lines(page).last == "page \(index + 1) of \(list.pages.count)")
        }
    }

    /// A row's borders follow all of its text, so the painter writes the row's text as one
    /// text object: the cell rectangles come in runs of one per column, text in between.
    @Test func rowBordersFollowTheRowsText() throws {
        let list = try F.engine().layout(Self.invoice(rows: 60))
        for page in list.pages {
            var runs: [Int] = [], current = 0
            for op in page.ops {
                if case .strokeRect = op {
                    current += 1
                } else if current > 0 {
                    runs.append(current)
                    current = 0
                }
            }
            if current > 0 { runs.append(current) }
            #expect(runs.count > 10 && runs.allSatisfy { $0 == 4 }, "\(runs)")
        }
    }

    @Test func rowsAreNotSplitAcrossPages() throws {
        let rows = (1...120).map { number in
            [TableCell(content: [.text("r\(number)a"), .lineBreak, .text("r\(number)b"), .lineBreak,
                                 .text("r\(number)c")]), Self.cell("x")]
        }
        let table = Table(columns: [TableColumn(), TableColumn()], headerRows: [], rows: rows)
        let list = try F.layout([.table(table)])
        #expect(list.pages.count > 1)
        for number in 1...120 {
            let pages = list.pages.indices.filter { page in
                F.texts(list.pages[page]).contains { ["r\(number)a", "r\(number)b", "r\(number)c"].contains($0.text) }
            }
            #expect(pages.count == 1, "row \(number) is on pages \(pages)")
        }
    }

    @Test func rowTallerThanAPageSplitsBetweenLines() throws {
        var inlines: [Inline] = []
        for number in 1...100 { inlines += [.text("line\(number)"), .lineBreak] }
        let table = Table(columns: [TableColumn()], headerRows: [[Self.cell("Head")]],
                          rows: [[TableCell(content: inlines)]])
        let list = try F.layout([.table(table)])
        #expect(list.pages.count == 2)
        let lines = F.allTexts(list).filter { $0.hasPrefix("line") }
        #expect(lines == (1...100).map { "line\($0)" })
        for page in list.pages {
            #expect(F.texts(page).contains { $0.text == "Head" })
            #expect(page.ops.contains { if case .strokeRect = $0 { true } else { false } })
        }
    }

    @Test func columnWidthsFollowTheirKinds() throws {
        let session = try LayoutSession(engine: F.engine(), setup: F.setup(), family: F.family)
        let row = [CellText(text: session.styledText([.text("abc")], size: 10), column: 1, span: 1)]
        let widths = try session.columnWidths(
            [TableColumn(width: .fixed(100)), TableColumn(width: .auto), TableColumn(width: .fraction(1)),
             TableColumn(width: .fraction(2))], rows: [[row]], available: 400)
        let auto = F.width("abc") + 8
        #expect(widths[0] == 100)
        #expect(abs(widths[1] - auto) < 0.001)
        #expect(abs(widths[2] - (300 - auto) / 3) < 0.001)
        #expect(abs(widths[3] - (300 - auto) * 2 / 3) < 0.001)
        // An auto column with long text takes its fair share, not everything.
        let long = [CellText(text: session.styledText([.text(String(repeating: "word ", count: 100))], size: 10),
                             column: 0, span: 1)]
        let fair = try session.columnWidths([TableColumn(), TableColumn(width: .fixed(100)), TableColumn()],
                                            rows: [[long]], available: 400)
        #expect(abs(fair[0] - 150) < 0.001)
        #expect(throws: LayoutError.tooWide(element: "table", width: 500, available: 400, location: nil)) {
            try session.columnWidths([TableColumn(width: .fixed(500))], rows: [], available: 400)
        }
    }

    /// Issue 12: a fixed column grows to its widest amount (taking room from the flexible
    /// description column) instead of breaking "12 000,00" inside its digits.
    @Test func fixedColumnsGrowToTheirWidestNumber() throws {
        let amount = "12\u{00A0}000,00"
        let table = Table(columns: [TableColumn(width: .fixed(20), alignment: .right), TableColumn(width: .fraction(1)),
                                    TableColumn(width: .fixed(30), alignment: .right)],
                          headerRows: [[Self.cell("№"), Self.cell("Work"), Self.cell("Sum")]],
                          rows: (1...1200).map { [Self.cell("\($0)"), Self.cell("Replaced part \($0)"), Self.cell(amount)] })
        let list = try F.layout([.table(table)])
        let texts = F.allTexts(list)
        #expect(texts.filter { $0 == amount }.count == 1200)
        #expect(texts.contains("1200"))
        #expect(list.layoutDefects() == [])
    }

    @Test func spansAlignmentAndBorders() throws {
        let table = Table(columns: [TableColumn(width: .fixed(100)), TableColumn(width: .fixed(100), alignment: .right)],
                          headerRows: [], rows: [[Self.cell("wide", span: 2)], [Self.cell("a"), Self.cell("b")]])
        let list = try F.layout([.table(table)])
        let rects = list.pages[0].ops.compactMap { op -> Double? in
            if case let .strokeRect(_, _, width, _, _, _) = op { return width }
            return nil
        }
        #expect(rects == [200, 100, 100])
        let b = try #require(F.texts(list.pages[0]).first { $0.text == "b" })
        #expect(abs(b.x + F.width("b") - (56.69 + 200 - 4)) < 0.001)
        let tooLong = Table(columns: [TableColumn()], headerRows: [], rows: [[Self.cell("a"), Self.cell("b")]])
        #expect(throws: LayoutError.tableRowTooLong(row: 1, cells: 2, columns: 1)) { try F.layout([.table(tooLong)]) }
        let plain = Table(columns: [TableColumn()], headerRows: [], rows: [[Self.cell("a")]], borders: false)
        #expect(try F.layout([.table(plain)]).pages[0].ops.count == 1)
    }
}
