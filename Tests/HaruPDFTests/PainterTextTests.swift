import Foundation
import Testing
import Layout
@testable import HaruPDF

@Suite struct PainterTextTests {
    static func page(_ text: String, size: Double = 72) throws -> [UInt8] {
        try PDFPainter.render(Fixtures.list(pages: [[Fixtures.text(text, x: 40, y: 480, size: size)]]))
    }

    @Test func diacriticsOfCompositeGlyphsAreDrawn() throws {
        let blank = try PDFInspection.ink(try PDFPainter.render(Fixtures.list(pages: [[]])))
        #expect(blank == 0)
        // Each pair differs only by the marks that libharu 2.3.0 drops from nested composites.
        for (marked, plain) in [("ї", "і"), ("Ї", "І"), ("ё", "е"), ("Ё", "Е")] {
            let markedInk = try PDFInspection.ink(try Self.page(marked))
            let plainInk = try PDFInspection.ink(try Self.page(plain))
            #expect(markedInk > 300, "\(marked) drew \(markedInk) dark pixels")
            #expect(markedInk > plainInk + 100, "\(marked): \(markedInk) vs \(plain): \(plainInk)")
        }
    }

    @Test(arguments: [
        "Гарантійний талон № 17 — «їЇєЄіІґҐ» ’ok’ – Warranty card ЁёЪ",
        "Mixed → UTF-8 mode: ✓ ї Ё ŵ",
    ])
    func textIsExtractedExactlyWithoutWarnings(_ line: String) throws {
        let list = Fixtures.list(pages: [[Fixtures.text(line, x: 20, y: 500, size: 8),
                                          Fixtures.text("Bold: їжак Ёж", y: 400, font: 1)]],
                                 fonts: [Fixtures.regularFont, Fixtures.boldFont])
        let pdf = try PDFPainter.render(list)
        let (text, warnings) = try PDFInspection.text(pdf)
        #expect(warnings == "")
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters)) }
            .filter { !$0.isEmpty }
        #expect(lines == [line, "Bold: їжак Ёж"])
        #expect(try PDFInspection.qpdf(["--check"], pdf).status == 0)
    }

    @Test func everyFontIsAnEmbeddedSubsetWithItsOwnName() throws {
        let list = Fixtures.list(pages: [[Fixtures.text("Regular ї", y: 500), Fixtures.text("Bold ї", y: 450, font: 1),
                                          Fixtures.text("Арабська → UTF-8", y: 400, font: 2)]],
                                 fonts: [Fixtures.regularFont, Fixtures.boldFont, Fixtures.regularFont])
        let fonts = try PDFInspection.fonts(try PDFPainter.render(list))
        #expect(fonts.count == 3)
        #expect(fonts.allSatisfy { $0.embedded && $0.subset })
        #expect(fonts.map(\.name).sorted() == ["TLNAAA+DejaVuSans", "TLNAAB+DejaVuSans-Bold,Bold", "TLNAAC+DejaVuSans_2"])
    }

    @Test func twoFacesDrawTheirOwnGlyphs() throws {
        func ink(font: Int) throws -> Int {
            let list = Fixtures.list(pages: [[Fixtures.text("Жїї", x: 40, y: 480, font: font, size: 48)]],
                                     fonts: [Fixtures.regularFont, Fixtures.boldFont])
            return try PDFInspection.ink(try PDFPainter.render(list))
        }
        let regular = try ink(font: 0), bold = try ink(font: 1)
        #expect(regular > 300)
        #expect(Double(bold) > Double(regular) * 1.2, "bold \(bold) vs regular \(regular)")
        // Both faces in one document: its text is the sum, not the first face twice.
        let both = Fixtures.list(pages: [[Fixtures.text("Жїї", x: 40, y: 480, font: 0, size: 48),
                                          Fixtures.text("Жїї", x: 40, y: 380, font: 1, size: 48)]],
                                 fonts: [Fixtures.regularFont, Fixtures.boldFont])
        let pdf = try PDFPainter.render(both)
        let top = try PDFInspection.ink(pdf, x: 60, y: 140, size: 200)
        let lower = try PDFInspection.ink(pdf, x: 60, y: 340, size: 200)
        #expect(abs(top - regular) < regular / 10 && lower > top, "top \(top), lower \(lower)")
    }

    @Test func charactersTheFaceLacksAreReported() throws {
        var list = Fixtures.list(pages: [[Fixtures.text("ok 中")]])
        #expect(throws: HaruError.unencodableText(font: "DejaVuSans", characters: ["中"])) {
            try PDFPainter.render(list)
        }
        list = Fixtures.list(pages: [[Fixtures.text("ok 😀")]])
        #expect(throws: HaruError.unencodableText(font: "DejaVuSans", characters: ["😀"])) {
            try PDFPainter.render(list)
        }
        // Text outside the declared used characters is caught too, not drawn blank.
        list = Fixtures.list(pages: [[Fixtures.text("abc")]])
        list.pages[0].ops.append(Fixtures.text("abcЖ", y: 300))
        #expect(throws: HaruError.unencodableText(font: "DejaVuSans", characters: ["Ж"])) {
            try PDFPainter.render(list)
        }
        list.pages[0].ops[1] = Fixtures.text("abcd", y: 300)  // "d" fits WinAnsi but is not in the subset
        #expect(throws: HaruError.unencodableText(font: "DejaVuSans", characters: ["d"])) {
            try PDFPainter.render(list)
        }
        list = Fixtures.list(pages: [[Fixtures.text("a →")]])
        list.pages[0].ops.append(Fixtures.text("a → b", y: 300))  // the same in UTF-8 mode
        #expect(throws: HaruError.unencodableText(font: "DejaVuSans", characters: ["b"])) {
            try PDFPainter.render(list)
        }
    }
}
