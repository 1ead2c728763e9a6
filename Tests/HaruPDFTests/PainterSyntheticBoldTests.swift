import Foundation
import Testing
import Layout
@testable import HaruPDF

/// Bold drawn as the regular face filled and stroked (`DocumentInfo.syntheticBold`): one font
/// program less, the same text, about the bold face's ink.
@Suite struct PainterSyntheticBoldTests {
    /// Regular text, bold text and a stroked line after it, with the bold face's lighter face set
    /// as the layout sets it.
    static func list(synthetic: Bool, pdfa: Bool = false, pairedBold: Bool = true, size: Double = 12) -> DisplayList {
        let ops: [DrawOp] = [
            Fixtures.text("Гарантійний талон", x: 40, y: 500, font: 0, size: size),
            Fixtures.text("Гарантійний талон № 12", x: 40, y: 460, font: 1, size: size),
            .line(x1: 40, y1: 440, x2: 300, y2: 440, lineWidth: 0.5, dash: [], color: .black),
            Fixtures.text("Термін 36 міс.", x: 40, y: 420, font: 0, size: size),
        ]
        var list = Fixtures.list(pages: [ops], fonts: [Fixtures.regularFont, Fixtures.boldFont],
                                 info: DocumentInfo(title: "Talon", creationDate: (2025, 3, 14), pdfa: pdfa,
                                                    syntheticBold: synthetic))
        if pairedBold { list.fonts[1].lighterFace = Fixtures.regularFont }
        return list
    }

    /// The object numbers the font descriptors name as /FontFile2.
    static func fontPrograms(_ pdf: [UInt8]) throws -> Set<String> {
        let contents = try PainterFrameTests.contents(pdf)
        let pattern = try NSRegularExpression(pattern: "/FontFile2 (\\d+) 0 R")
        let range = NSRange(contents.startIndex..., in: contents)
        return Set(pattern.matches(in: contents, range: range).compactMap { match in
            Range(match.range(at: 1), in: contents).map { String(contents[$0]) }
        })
    }

    @Test func boldSharesTheRegularProgramAndReadsTheSame() throws {
        let real = try PDFPainter.render(Self.list(synthetic: false))
        let synthetic = try PDFPainter.render(Self.list(synthetic: true))
        #expect(try Self.fontPrograms(real).count == 2)
        #expect(try Self.fontPrograms(synthetic).count == 1)
        #expect(synthetic.count + 500 < real.count, "\(synthetic.count) B vs \(real.count) B")
        let (text, warnings) = try PDFInspection.text(synthetic)
        #expect(warnings == "")
        #expect(text == (try PDFInspection.text(real)).text)
        #expect(text.contains("Гарантійний талон № 12"))
        let fonts = try PDFInspection.fonts(synthetic)
        #expect(fonts.map(\.name) == (try PDFInspection.fonts(real)).map(\.name))
        #expect(fonts.count == 2 && fonts.allSatisfy { $0.embedded && $0.subset && $0.unicode })
        let check = try PDFInspection.qpdf(["--check"], synthetic)
        #expect(check.status == 0, "\(check.stdoutText)")
    }

    /// Fill and stroke for the bold text only, with round joins and the text's colour, and
    /// the line after it drawn with its own width and mitred joins again.
    @Test func theStrokeIsTheBoldTextsOnly() throws {
        let contents = try PainterFrameTests.contents(try PDFPainter.render(Self.list(synthetic: true)))
        let operators = contents.split(separator: "\n").map(String.init)
        guard let bold = operators.firstIndex(of: "2 Tr"), let regular = operators.firstIndex(of: "0 Tr") else {
            Issue.record("no text rendering modes in \(operators)")
            return
        }
        #expect(bold < regular)
        // 2/3 of DejaVu Sans Bold's stem over the regular's ((358 - 184) / 2048 em) at 12 pt.
        #expect(operators[..<bold].contains("0.68 w") && operators[..<bold].contains("1 j"))
        let line = try #require(operators.firstIndex(of: "40 440 m"))
        #expect(bold < line && operators[bold..<line].contains("0.5 w") && operators[bold..<line].contains("0 j"))
        #expect(operators.filter { $0.hasSuffix(" Tr") }.count == 2)
    }

    /// About as much ink as the bold face: within a tenth, and clearly more than the regular.
    @Test func syntheticBoldInksLikeTheBoldFace() throws {
        func ink(synthetic: Bool, font: Int) throws -> Int {
            var list = Fixtures.list(pages: [[Fixtures.text("Жирний", x: 40, y: 480, font: font, size: 40)]],
                                     fonts: [Fixtures.regularFont, Fixtures.boldFont],
                                     info: DocumentInfo(syntheticBold: synthetic))
            list.fonts[font].lighterFace = font == 1 ? Fixtures.regularFont : nil
            return try PDFInspection.ink(try PDFPainter.render(list), x: 60, y: 100, size: 400)
        }
        let regular = try ink(synthetic: false, font: 0)
        let bold = try ink(synthetic: false, font: 1), synthetic = try ink(synthetic: true, font: 1)
        #expect(Double(bold) > Double(regular) * 1.2)
        #expect(abs(synthetic - bold) < bold / 10, "synthetic \(synthetic), bold \(bold), regular \(regular)")
    }

    @Test func pdfaAndUnpairedBoldKeepTheBoldProgram() throws {
        #expect(try Self.fontPrograms(try PDFPainter.render(Self.list(synthetic: true, pdfa: true))).count == 2)
        #expect(try Self.fontPrograms(try PDFPainter.render(Self.list(synthetic: true, pairedBold: false))).count == 2)
    }
}
