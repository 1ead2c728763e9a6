import Testing
@testable import Markup

@Suite struct BlockTests {
    @Test func headingsOfThreeLevels() {
        #expect(blocks("# One\n## Two **b**\n### Three  ") == [
            .heading(level: 1, content: [.text("One")]),
            .heading(level: 2, content: [.text("Two "), .bold([.text("b")])]),
            .heading(level: 3, content: [.text("Three")]),
        ])
    }

    @Test func hashWithoutSpaceIsText() {
        #expect(blocks("#3 in line") == [.paragraph(content: [.text("#3 in line")], alignment: nil)])
    }

    @Test func paragraphsJoinLinesAndSplitOnBlankLines() {
        #expect(blocks("  one\ntwo  \n\n\nthree\r\n") == [
            .paragraph(content: [.text("one two")], alignment: nil),
            .paragraph(content: [.text("three")], alignment: nil),
        ])
    }

    @Test func ruleIsThreeOrMoreDashes() {
        #expect(blocks("a\n\n---\n-----  \n--") == [
            .paragraph(content: [.text("a")], alignment: nil), .rule, .rule,
            .paragraph(content: [.text("--")], alignment: nil),
        ])
    }

    @Test func bulletListWithBothMarkers() {
        #expect(blocks("- one\n* two") == [.list(ordered: false, start: 1, items: [
            [.paragraph(content: [.text("one")], alignment: nil)],
            [.paragraph(content: [.text("two")], alignment: nil)],
        ])])
    }

    @Test func orderedListKeepsItsFirstNumber() {
        #expect(blocks("3. c\n4. d") == [.list(ordered: true, start: 3, items: [
            [.paragraph(content: [.text("c")], alignment: nil)],
            [.paragraph(content: [.text("d")], alignment: nil)],
        ])])
    }

    @Test func nestedListsByIndentation() {
        let expected: [Block] = [.list(ordered: false, start: 1, items: [
            [.paragraph(content: [.text("a")], alignment: nil),
             .list(ordered: true, start: 1, items: [
                [.paragraph(content: [.text("a1")], alignment: nil),
                 .list(ordered: false, start: 1, items: [[.paragraph(content: [.text("deep")], alignment: nil)]])],
                [.paragraph(content: [.text("a2")], alignment: nil)],
             ])],
            [.paragraph(content: [.text("b")], alignment: nil)],
        ])]
        #expect(blocks("- a\n  1. a1\n    - deep\n  2. a2\n- b") == expected)
    }

    @Test func indentedLinesContinueAnItem() {
        #expect(blocks("- first line\n  goes on\nnew paragraph") == [
            .list(ordered: false, start: 1, items: [[.paragraph(content: [.text("first line goes on")], alignment: nil)]]),
            .paragraph(content: [.text("new paragraph")], alignment: nil),
        ])
    }

    @Test func blankLinesBetweenItemsKeepTheList() {
        let result = blocks("1. a\n\n2. b\n\n- c")
        #expect(result.count == 2)
        if case let .list(true, 1, items) = result[0] { #expect(items.count == 2) } else { Issue.record("\(result)") }
    }

    @Test func emptyItem() {
        #expect(blocks("-\n- x") == [.list(ordered: false, start: 1, items: [
            [], [.paragraph(content: [.text("x")], alignment: nil)],
        ])])
    }

    @Test func numberWithoutDotSpaceIsText() {
        #expect(blocks("2024.01 was\n1.5 kg") == [.paragraph(content: [.text("2024.01 was 1.5 kg")], alignment: nil)])
    }

    @Test func listNestingIsLimited() {
        let text = (0..<40).map { String(repeating: " ", count: $0 * 2) + "- x" }.joined(separator: "\n")
        #expect(parseError(text)?.kind == .nestingTooDeep(limit: BlockParser.maximumDepth))
    }

    @Test func directiveLineWithSeveralDirectives() {
        #expect(blocks("@signature(Seller) @stamp(М.П.)  @pagebreak") == [
            .signature(caption: [.text("Seller")]), .stamp(label: [.text("М.П.")]), .pageBreak,
        ])
    }

    @Test func inlineDirectiveStartsAParagraph() {
        #expect(blocks("@page of @pages") == [.paragraph(content: [.pageNumber, .text(" of "), .pageCount], alignment: nil)])
    }

    @Test func alignAppliesToTheNextParagraph() {
        #expect(blocks("@align(center)\nMiddle\nstill\n\nafter") == [
            .paragraph(content: [.text("Middle still")], alignment: .center),
            .paragraph(content: [.text("after")], alignment: nil),
        ])
        #expect(blocks("@align(JUSTIFY)\nx") == [.paragraph(content: [.text("x")], alignment: .justify)])
    }
}
