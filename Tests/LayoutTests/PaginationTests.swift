import Markup
import Testing
@testable import Layout

@Suite struct PaginationTests {
    typealias F = LayoutFixtures
    /// Body height of the fixture page; lines are 12 pt.
    static let body = 841.89 - 2 * 56.69

    func paragraph(lines count: Int, prefix: String = "L") -> Block {
        var inlines: [Inline] = []
        for number in 1...count {
            if number > 1 { inlines.append(.lineBreak) }
            inlines.append(.text("\(prefix)\(number)"))
        }
        return .paragraph(content: inlines, alignment: nil)
    }

    func pages(_ list: DisplayList) -> [[String]] { list.pages.map(F.lines) }

    @Test func orphanMovesTheWholeShortStartToTheNextPage() throws {
        let list = try F.layout([.spacer(height: Self.body - 18), paragraph(lines: 5)])
        #expect(pages(list) == [[], ["L1", "L2", "L3", "L4", "L5"]])
    }

    @Test func widowTakesAnotherLineAlong() throws {
        let list = try F.layout([.spacer(height: Self.body - 54), paragraph(lines: 5)])
        #expect(pages(list) == [["L1", "L2", "L3"], ["L4", "L5"]])
    }

    /// Issue 12: two- and three-line paragraphs cannot keep two lines on each page, so they move whole.
    @Test func shortParagraphsMoveWhole() throws {
        let list = try F.layout([.spacer(height: Self.body - 18), paragraph(lines: 3)])
        #expect(pages(list) == [[], ["L1", "L2", "L3"]])
        let two = try F.layout([.spacer(height: Self.body - 18), paragraph(lines: 2)])
        #expect(pages(two) == [[], ["L1", "L2"]])
        let fits = try F.layout([.spacer(height: Self.body - 36), paragraph(lines: 3)])
        #expect(pages(fits) == [["L1", "L2", "L3"]])
    }

    @Test func keepTogetherMovesTheGroup() throws {
        let group = Block.keepTogether([F.paragraph("Group A"), F.paragraph("Group B")])
        let list = try F.layout([.spacer(height: Self.body - 20), group])
        #expect(pages(list) == [[], ["Group A", "Group B"]])
        let loose = try F.layout([.spacer(height: Self.body - 20), F.paragraph("Group A"), F.paragraph("Group B")])
        #expect(pages(loose) == [["Group A"], ["Group B"]])
    }

    /// A kept-together group with enough ops is framed at its top edge; lone paragraphs and
    /// small groups are not.
    @Test func keptGroupsAreFramed() throws {
        let lines = (1...12).map { F.paragraph("Line \($0)") }
        let list = try F.layout([F.paragraph("Intro"), .keepTogether(lines), .keepTogether([F.paragraph("a"), F.paragraph("b")])])
        let frames = list.pages[0].ops.enumerated().compactMap { index, op -> (Int, Double)? in
            if case .frame(let top) = op { (index, top) } else { nil }
        }
        #expect(frames.count == 1)
        let (index, top) = try #require(frames.first)
        #expect(index == 1, "the frame comes right before the group's first op")
        let first = F.texts(list.pages[0])[1]
        #expect(first.text == "Line 1" && first.y < top && first.y > top - 20)
    }

    @Test func groupTallerThanAPageStillFlows() throws {
        let list = try F.layout([F.paragraph("Intro"), .keepTogether([paragraph(lines: 80)])])
        #expect(list.pages.count == 2)
        #expect(pages(list).joined().count == 81)
    }

    /// Issue 12: the invoice totals (`@keep(with: previous)`) never start a page without the
    /// table's last row; the row brings the repeated header along.
    @Test func keepWithPreviousTakesTheLastRowAlong() throws {
        let cell = { (text: String) in TableCell(content: [.text(text)]) }
        let table = Table(columns: [TableColumn()], headerRows: [[cell("Head")]], rows: (1...200).map { [cell("row\($0)")] })
        let totals = Block.keepWithPrevious([F.paragraph("Total"), F.paragraph("To pay")])
        // Find how many rows leave room for the totals on the last page, then fill that room.
        let plain = try F.layout([.table(table), totals])
        let last = pages(plain).last ?? []
        #expect(last.contains("Total") && last.contains { $0.hasPrefix("row") })
        for rows in 150...200 {
            let shorter = Table(columns: table.columns, headerRows: table.headerRows, rows: Array(table.rows.prefix(rows)))
            let list = try F.layout([.table(shorter), totals])
            let page = try #require(pages(list).last { $0.contains("Total") })
            #expect(page.first == "Head" || page.contains("row\(rows)"), "\(rows) rows: \(page.prefix(3))")
            #expect(page.contains("row\(rows)"), "\(rows) rows: the totals page holds the last row")
            #expect(list.layoutDefects() == [])
        }
    }

    /// A list's last item never stands alone at the head of a page (nor its first at the foot).
    @Test func listItemsAreNotLeftAlone() throws {
        let items: [[Block]] = (1...4).map { [F.paragraph("item\($0)")] }
        for space in stride(from: Self.body - 80, through: Self.body - 5, by: 3) {
            let list = try F.layout([.spacer(height: space), .list(ordered: true, start: 1, items: items)])
            for page in pages(list) {
                let count = page.filter { $0.contains("item") }.count
                #expect(count == 0 || count >= 2, "\(space): \(pages(list))")
            }
        }
    }

    @Test func headingStaysWithTheFollowingText() throws {
        let list = try F.layout([.spacer(height: Self.body - 24), .heading(level: 2, content: [.text("Terms")]),
                                 F.paragraph("First clause")])
        #expect(pages(list) == [[], ["Terms", "First clause"]])
    }

    @Test func pageBreaksKeepSpacersButOverflowDropsThem() throws {
        let list = try F.layout([F.paragraph("one"), .pageBreak, .spacer(height: 30), F.paragraph("two")])
        #expect(pages(list) == [["one"], ["two"]])
        let top = 841.89 - 56.69
        #expect(F.texts(list.pages[1])[0].y < top - 30, "a spacer after an explicit break stays")
        let flowed = try F.layout([.spacer(height: Self.body - 5), .spacer(height: 30), F.paragraph("two")])
        #expect(pages(flowed) == [[], ["two"]])
        #expect(F.texts(flowed.pages[1])[0].y > top - 12, "a spacer pushed to a new page vanishes")
    }

    @Test func footerAndHeaderCarryPageNumbers() throws {
        var setup = F.setup()
        setup.header = [.text("Warranty card")]
        setup.footer = [.text("page "), .pageNumber, .text(" of "), .pageCount]
        let list = try F.layout([paragraph(lines: 150), F.paragraph("in body "), .paragraph(
            content: [.text("this is page "), .pageNumber, .text(" of "), .pageCount], alignment: nil)], setup: setup)
        #expect(list.pages.count == 3)
        for (index, page) in list.pages.enumerated() {
            let lines = F.lines(page)
            #expect(lines.first == "Warranty card")
            #expect(lines.last == "page \(index + 1) of 3")
        }
        #expect(F.lines(list.pages[2]).contains("this is page 3 of 3"))
    }

    @Test func landscapeSwapsThePageAndInfoComesFromSetup() throws {
        var setup = F.setup()
        setup.orientation = .landscape
        setup.title = "Card"
        setup.creationDate = "2024-02-29"
        let list = try F.layout([F.paragraph("x")], setup: setup)
        #expect(list.pages[0].width == 841.89 && list.pages[0].height == 595.28)
        #expect(list.info.title == "Card")
        #expect(list.info.creationDate?.year == 2024 && list.info.creationDate?.month == 2
            && list.info.creationDate?.day == 29)
        setup.creationDate = "2023-02-29"
        #expect(throws: LayoutError.invalidCreationDate("2023-02-29")) { try F.layout([], setup: setup) }
    }

    @Test func emptyDocumentHasOnePage() throws {
        let list = try F.layout([])
        #expect(list.pages.count == 1 && list.pages[0].ops.isEmpty)
    }

    @Test func twoColumnsSitSideBySide() throws {
        let setup = F.setup()
        let list = try F.layout([.columns(widths: [0.5, 0.5], columns: [[F.paragraph("Left")],
                                                                        [F.paragraph("Right"), F.paragraph("More")]]),
                                 F.paragraph("After")])
        let ops = F.texts(list.pages[0])
        let left = try #require(ops.first { $0.text == "Left" })
        let right = try #require(ops.first { $0.text == "Right" })
        let more = try #require(ops.first { $0.text == "More" })
        let after = try #require(ops.first { $0.text == "After" })
        let width = setup.pageWidth - setup.marginLeft - setup.marginRight
        #expect(left.y == right.y)
        #expect(abs(left.x - setup.marginLeft) < 0.001)
        #expect(abs(right.x - (setup.marginLeft + (width - 12) / 2 + 12)) < 0.001)
        #expect(after.y < more.y - 12)
    }

    @Test func tallColumnsFlowIntoPageSlices() throws {
        let list = try F.layout([.columns(widths: [1, 1], columns: [[paragraph(lines: 90, prefix: "A")],
                                                                    [paragraph(lines: 20, prefix: "B")]])])
        #expect(list.pages.count == 2)
        let all = F.allTexts(list)
        #expect(all.filter { $0.hasPrefix("A") }.count == 90)
        #expect(all.filter { $0.hasPrefix("B") }.count == 20)
        #expect(F.texts(list.pages[1]).allSatisfy { $0.text.hasPrefix("A") })
    }
}
