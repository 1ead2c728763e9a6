import Markup
import Testing
@testable import Layout

@Suite struct LineBreakingTests {
    typealias F = LayoutFixtures

    /// A page whose content is exactly `width` points wide.
    func setup(width: Double) -> PageSetup {
        var setup = F.setup()
        setup.marginRight = setup.pageWidth - setup.marginLeft - width
        return setup
    }

    func lines(_ text: String, width: Double) throws -> [String] {
        let list = try F.layout([F.paragraph(text)], setup: setup(width: width))
        return F.lines(list.pages[0])
    }

    @Test func breaksAtTheLastSpaceThatFits() throws {
        let width = F.width("alpha beta gamma") + 1
        #expect(F.width("alpha beta gamma delta") > width)
        #expect(try lines("alpha beta gamma delta epsilon", width: width) == ["alpha beta gamma", "delta epsilon"])
        // Exactly fitting text stays on one line.
        #expect(try lines("alpha beta gamma", width: F.width("alpha beta gamma")) == ["alpha beta gamma"])
    }

    @Test func neverBreaksAtNoBreakSpaces() throws {
        let width = F.width("total 1 234 567") - 1
        #expect(try lines("total 1 234 567 UAH", width: width) == ["total 1 234", "567 UAH"])
        #expect(try lines("total 1\u{00A0}234\u{00A0}567 UAH", width: width) == ["total", "1\u{00A0}234\u{00A0}567 UAH"])
        #expect(try lines("до 14\u{202F}днів", width: F.width("14\u{202F}днів") + 1) == ["до", "14\u{202F}днів"])
    }

    @Test func breaksAfterHyphens() throws {
        let width = F.width("a well-") + 1
        #expect(try lines("a well-known fact", width: width) == ["a well-", "known", "fact"])
    }

    @Test func longSerialMovesWholeWhenItFitsALine() throws {
        let serial = "SN4K2X9QZ7781234567"
        let width = F.width(serial) + 2
        #expect(try lines("Serial: \(serial) ok", width: width) == ["Serial:", serial, "ok"])
    }

    @Test func longSerialBreaksOnlyWhenWiderThanALine() throws {
        let serial = "SN4K2X9QZ7781234567ABCDEFGH"
        let width = F.width("SN4K2X9QZ778") + 1
        let result = try lines(serial, width: width)
        #expect(result.count > 1)
        #expect(result.joined() == serial)
        for line in result { #expect(F.width(line) <= width + 0.001) }
        #expect(result[0] == "SN4K2X9QZ778")
    }

    @Test func longAddressBreaksAfterPunctuation() throws {
        let address = "service.center@example-repairs.com.ua"
        let width = F.width("service.center@exam") + 1
        let result = try lines(address, width: width)
        #expect(result.joined() == address)
        #expect(result[0] == "service.center@")
    }

    /// Issue 12: an amount wider than what is left of a line moves whole; one wider than a
    /// whole line breaks only at a character boundary outside its digits when there is one.
    @Test func numbersNeverBreakInsideTheirDigits() throws {
        let amount = "2\u{00A0}000,00"
        #expect(try lines("Total \(amount)\u{00A0}грн", width: F.width(amount + "\u{00A0}грн") + 2)
            == ["Total", amount + "\u{00A0}грн"])
        // "−\u{00A0}150,00" and "0.5\u{00A0}h" keep their sign and unit.
        #expect(try lines("Covered −\u{00A0}150,00", width: F.width("Covered −")) == ["Covered", "−\u{00A0}150,00"])
        #expect(try lines("work 0.5\u{00A0}h", width: F.width("work 0.5")) == ["work", "0.5\u{00A0}h"])
        // A word of a label glued to a long number: the cut falls between them, not in the digits.
        let glued = "total:" + amount
        let result = try lines(glued, width: F.width("total:2\u{00A0}000,0"))
        #expect(result == ["total:", amount])
    }

    @Test func hyphensBetweenDigitsAreNotBreaks() throws {
        #expect(try lines("due 2024-03-15 ok", width: F.width("due 2024-03-")) == ["due", "2024-03-15", "ok"])
        #expect(try lines("a well-known fact", width: F.width("a well-") + 1) == ["a well-", "known", "fact"])
        #expect(try lines("minus -15 ok", width: F.width("minus -1")) == ["minus", "-15 ok"])
    }

    @Test func digitsInsideACodeMayStillBreak() throws {
        let session = try LayoutSession(engine: F.engine(), setup: F.setup(), family: F.family)
        let code = session.styledText([.text("SN4K2X9QZ7781234567")], size: 10)
        #expect(!code.splitsNumber(at: 13))
        let number = session.styledText([.text("№ 12345")], size: 10)
        #expect(number.splitsNumber(at: 4))
    }

    @Test func forcedBreaksEndLines() throws {
        let list = try F.layout([.paragraph(content: [.text("one"), .lineBreak, .text("two three")], alignment: nil)])
        #expect(F.lines(list.pages[0]) == ["one", "two three"])
    }

    @Test func minAndMaxContentWidths() throws {
        let session = try LayoutSession(engine: F.engine(), setup: F.setup(), family: F.family)
        let text = session.styledText([.text("ab well-known"), .lineBreak, .text("x")], size: 10)
        let widths = text.contentWidths()
        #expect(abs(widths.min - F.width("known")) < 0.001)
        #expect(abs(widths.max - F.width("ab well-known")) < 0.001)
    }
}

@Suite struct FaceMetricsTests {
    @Test func widthTableAgreesWithTheFontForEveryBMPCharacter() throws {
        for font in [LayoutFixtures.family.regular, LayoutFixtures.family.boldItalic] {
            let metrics = FaceMetrics(font: font)
            for value in UInt32(0)..<0x10000 {
                guard let scalar = Unicode.Scalar(value) else {
                    #expect(metrics.widths[Int(value)] == -1)
                    continue
                }
                let expected = font.glyph(for: scalar) == nil ? -1 : font.width(of: scalar)
                #expect(Int(metrics.widths[Int(value)]) == expected, "U+\(String(value, radix: 16))")
                if Int(metrics.widths[Int(value)]) != expected { return }
            }
        }
    }
}
