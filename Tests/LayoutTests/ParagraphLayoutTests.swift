import Markup
import Testing
@testable import Layout

@Suite struct ParagraphLayoutTests {
    typealias F = LayoutFixtures
    static let long = "Repair takes up to fourteen business days when standard components are damaged; "
        + "otherwise the time is set case by case and the service center tells the customer by e-mail or phone."

    @Test func justifiedLinesAreFlushWithBothMargins() throws {
        let setup = F.setup(justify: true)
        let list = try F.layout([F.paragraph(Self.long + " " + Self.long)], setup: setup)
        let ops = F.texts(list.pages[0])
        let right = setup.pageWidth - setup.marginRight
        let baselines = Array(Set(ops.map(\.y))).sorted(by: >)
        #expect(baselines.count >= 3)
        for (number, y) in baselines.enumerated() {
            let line = ops.filter { $0.y == y }.sorted { $0.x < $1.x }
            #expect(abs(line[0].x - setup.marginLeft) < 0.001)
            let end = line[line.count - 1].x + F.width(line[line.count - 1].text)
            if number < baselines.count - 1 {
                #expect(abs(end - right) < 0.01, "line \(number + 1) ends at \(end), not \(right)")
                #expect(line.count > 1)
            } else {
                #expect(end < right - 1)
                #expect(line.count == 1, "the last line is not justified, so it is one op")
            }
        }
    }

    @Test func raggedAlignments() throws {
        let setup = F.setup()
        let right = setup.pageWidth - setup.marginRight
        let center = (setup.marginLeft + right) / 2
        let list = try F.layout([F.paragraph("Left"), F.paragraph("Middle", .center), F.paragraph("Right", .right)])
        let ops = F.texts(list.pages[0])
        #expect(ops.map(\.text) == ["Left", "Middle", "Right"])
        #expect(abs(ops[0].x - setup.marginLeft) < 0.001)
        #expect(abs(ops[1].x + F.width("Middle") / 2 - center) < 0.001)
        #expect(abs(ops[2].x + F.width("Right") - right) < 0.001)
    }

    @Test func combinesRunsOfOneStyleIntoOneOp() throws {
        let list = try F.layout([.paragraph(content: [.text("plain words "), .bold([.text("bold words")]),
                                                      .text(" and "), .italic([.text("slanted")])], alignment: nil)])
        let ops = F.texts(list.pages[0])
        #expect(ops.map(\.text) == ["plain words ", "bold words", " and ", "slanted"])
        #expect(ops[0].font == ops[2].font)
        #expect(Set(ops.map(\.font)).count == 3)
        #expect(list.fonts.map(\.font.postScriptName) == ["DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"])
        #expect(abs(ops[1].x - ops[0].x - F.width("plain words ")) < 0.001)
    }

    @Test func underlineDrawsALineUnderTheRun() throws {
        let list = try F.layout([.paragraph(content: [.text("see "), .underline([.text("terms")])], alignment: nil)])
        let page = list.pages[0]
        let word = F.texts(page)[1]
        let lines = page.ops.compactMap { op -> (Double, Double, Double)? in
            if case let .line(x1, y1, x2, y2, _, _, _) = op, y1 == y2 { return (x1, x2, y1) }
            return nil
        }
        #expect(lines.count == 1)
        #expect(abs(lines[0].0 - word.x) < 0.001)
        #expect(abs(lines[0].1 - (word.x + F.width("terms"))) < 0.001)
        #expect(lines[0].2 < word.y && lines[0].2 > word.y - 3)
    }

    @Test func headingsAreBoldAndLargerByLevel() throws {
        let list = try F.layout([.heading(level: 1, content: [.text("Title")]),
                                 .heading(level: 2, content: [.text("Section")]),
                                 .heading(level: 3, content: [.text("Part")]), F.paragraph("Body")])
        let ops = F.texts(list.pages[0])
        #expect(zip(ops.map(\.size), [16, 13, 11.2, 10]).allSatisfy { abs($0 - $1) < 0.0001 })
        #expect(list.fonts[ops[0].font].font.postScriptName == "DejaVuSans-Bold")
        #expect(list.fonts[ops[3].font].font.postScriptName == "DejaVuSans")
        #expect(ops[0].y > ops[1].y && ops[1].y > ops[2].y && ops[2].y > ops[3].y)
    }

    @Test func listsNumberAndIndentByLevel() throws {
        let nested = Block.list(ordered: false, start: 1, items: [[F.paragraph("inner")]])
        let list = try F.layout([
            .list(ordered: true, start: 1, items: [[F.paragraph("first")], [F.paragraph("second"), nested]]),
            .list(ordered: false, start: 1, items: [[F.paragraph("dot")]]),
        ])
        let page = list.pages[0]
        #expect(F.lines(page) == ["1. first", "2. second", "– inner", "• dot"])
        let ops = F.texts(page)
        let first = try #require(ops.first { $0.text == "first" })
        let inner = try #require(ops.first { $0.text == "inner" })
        let marker = try #require(ops.first { $0.text == "1." })
        #expect(inner.x > first.x + 5)
        #expect(marker.x < first.x && marker.y == first.y)
    }

    @Test func usedScalarsAreSortedUniqueAndOnlyWhatIsDrawn() throws {
        let list = try F.layout([F.paragraph("abba cab")])
        #expect(list.fonts.count == 1)
        #expect(list.fonts[0].usedScalars == [" ", "a", "b", "c"])
    }

    @Test func missingGlyphsAreCollectedAndReportedOnce() throws {
        let blocks: [Block] = [F.paragraph("Модель 中 ok"), F.paragraph("again 中 and 😀"),
                               .heading(level: 1, content: [.text("中")])]
        #expect(throws: LayoutError.missingGlyphs([MissingGlyphs(font: "DejaVu Sans", scalars: ["中", "😀"])])) {
            try F.layout(blocks)
        }
        do {
            _ = try F.layout(blocks)
        } catch {
            #expect("\(error)" == "font DejaVu Sans has no glyph for '中' (U+4E2D), '😀' (U+1F600)")
        }
    }
}
