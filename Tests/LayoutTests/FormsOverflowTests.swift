import Markup
import Testing
@testable import Layout

/// Form pieces fed values far longer than a page (issue 11) and captions that photocopy (issue 12).
@Suite struct FormsOverflowTests {
    typealias F = LayoutFixtures

    static func lines(_ prefix: String, _ count: Int) -> [Inline] {
        var inlines: [Inline] = []
        for number in 1...count { inlines += [.text("\(prefix)\(number)"), .lineBreak] }
        return inlines
    }

    /// Issue 12: captions at 6.4 pt gray (0.8 × an 8 pt body) did not survive a photocopy.
    @Test func signatureCaptionsAreAtLeastSevenPointsAndDark() throws {
        var setup = F.setup()
        setup.fontSize = 8
        let list = try F.layout([.signature(caption: [.text("Buyer")])], setup: setup)
        let caption = try #require(list.pages[0].ops.compactMap { op -> (Double, RGBColor)? in
            if case let .text(_, _, _, size, "Buyer", color) = op { return (size, color) }
            return nil
        }.first)
        #expect(caption.0 >= 7)
        #expect(max(caption.1.red, caption.1.green, caption.1.blue) <= 0.25)
    }

    @Test func aCaptionOfAHundredLinesFlowsOverPages() throws {
        let list = try F.layout([.signature(caption: Self.lines("who", 150))])
        #expect(list.pages.count > 1)
        #expect(list.layoutDefects() == [])
        #expect(F.allTexts(list).filter { $0.hasPrefix("who") } == (1...150).map { "who\($0)" })
    }

    @Test func aFieldValueTallerThanAPageSplits() throws {
        for style in [FieldStyle.line, .box] {
            let list = try F.layout([.field(label: [.text("Failure")], value: Self.lines("v", 120), style: style,
                                            width: nil)])
            #expect(list.pages.count > 1)
            #expect(list.layoutDefects() == [], "\(style)")
            #expect(F.allTexts(list).filter { $0.hasPrefix("v") } == (1...120).map { "v\($0)" })
        }
    }

    @Test func runningTextTakesAtMostThreeLines() throws {
        var setup = F.setup()
        setup.footer = Self.lines("f", 100) + [.text("page "), .pageNumber]
        let list = try F.layout([F.paragraph("body")], setup: setup)
        #expect(list.layoutDefects() == [])
        #expect(F.allTexts(list).filter { $0.hasPrefix("f") } == ["f1", "f2", "f3"])
    }
}
