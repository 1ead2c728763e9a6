import Markup
import Testing
@testable import Layout

/// Odd input must give a clear error or a sensible layout, never a trap.
@Suite struct EdgeCaseTests {
    typealias F = LayoutFixtures

    @Test func unusablePageSetupsAreErrors() throws {
        var setup = F.setup()
        setup.marginLeft = 560
        #expect(throws: LayoutError.self) { try F.layout([], setup: setup) }
        setup = F.setup()
        setup.fontSize = .nan
        #expect(throws: LayoutError.invalidPageSetup("font size nan pt")) { try F.layout([], setup: setup) }
        setup = F.setup()
        setup.lineHeight = 0
        #expect(throws: LayoutError.invalidPageSetup("line height 0.0")) { try F.layout([], setup: setup) }
    }

    @Test func oddBlockValuesDoNotTrap() throws {
        let blocks: [Block] = [
            .heading(level: 99, content: []), .heading(level: -1, content: [.text("x")]),
            .paragraph(content: [], alignment: .justify), .paragraph(content: [.lineBreak, .lineBreak], alignment: nil),
            .spacer(height: .nan), .spacer(height: -5), .spacer(height: 1e12),
            .list(ordered: true, start: Int.max, items: [[], [F.paragraph("b")]]),
            .table(Table(columns: [], headerRows: [], rows: [[]])),
            .table(Table(columns: [TableColumn(width: .fraction(.nan)), TableColumn(width: .fixed(-3))], headerRows: [],
                         rows: [[TableCell(content: [.text("a")], span: -2)], []])),
            .image(path: "p.png", width: .infinity, height: -1, location: F.location),
            .field(label: [], value: [.text("value only")], style: .box, width: nil),
            .keepTogether([]), .columns(widths: [1], columns: [[]]), .stamp(label: []), .signature(caption: []),
            .cutLine(label: []), .pageBreak, .pageBreak,
        ]
        let list = try F.layout(blocks)
        #expect(!list.pages.isEmpty)
        #expect(F.allTexts(list).contains("value only"))
    }

    @Test func cellsOfATableWithoutColumnsAreNotDropped() throws {
        let table = Table(columns: [], headerRows: [], rows: [[TableCell(content: [.text("lost")])]])
        #expect(throws: LayoutError.tableRowTooLong(row: 1, cells: 1, columns: 0)) { try F.layout([.table(table)]) }
    }

    @Test func invalidColumnsAreErrors() throws {
        #expect(throws: LayoutError.invalidColumns("1 widths for 2 columns")) {
            try F.layout([.columns(widths: [1], columns: [[], []])])
        }
        #expect(throws: LayoutError.invalidColumns("widths must be positive fractions")) {
            try F.layout([.columns(widths: [1, 0], columns: [[], []])])
        }
    }

    @Test func longFieldLabelGoesAboveTheLine() throws {
        let label = String(repeating: "Description of the complete set of equipment ", count: 3)
        let list = try F.layout([.field(label: [.text(label)], value: [], style: .line, width: nil)])
        let page = list.pages[0]
        let texts = F.texts(page)
        let line = try #require(page.ops.compactMap { op -> (Double, Double)? in
            if case let .line(x1, y1, _, _, _, _, _) = op { return (x1, y1) }
            return nil
        }.first)
        #expect(abs(line.0 - 56.69) < 0.001)
        #expect(texts.count >= 2 && texts.allSatisfy { $0.y > line.1 })
    }

    @Test func pageNumberPlaceholdersRecordDigitsAsUsed() throws {
        let list = try F.layout([.paragraph(content: [.text("p. "), .pageNumber], alignment: nil)])
        #expect(F.allTexts(list) == ["p. ", "1"])
        let used = Set(list.fonts[0].usedScalars)
        #expect(used.isSuperset(of: ["0", "1", "2", "9", "p", ".", " "]))
    }

    @Test func errorsPrintTheirLocation() {
        let error = LayoutError.tooWide(element: "code128 barcode", width: 680, available: 481.9, location: F.location)
        #expect("\(error)" == "test.talon:1:1: error: code128 barcode is 680 pt wide but only 481.9 pt are available")
    }
}
