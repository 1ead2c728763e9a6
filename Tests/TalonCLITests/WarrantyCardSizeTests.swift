import Foundation
import Testing
import TestSupport

/// The warranty card fits 10 KiB in every sample language with every font embedded and
/// mapped to Unicode, thanks to its synthetic bold (`bold: synthetic`), and reads exactly as
/// the same card with the bold face embedded.
@Suite struct WarrantyCardSizeTests {
    static let limit = 10_240

    /// The built-in templates with the card's bold back to the bold face.
    static let realBoldTemplates: Result<URL, Error> = Result {
        let folder = try TestSupport.temporaryDirectory().appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Templates"), to: folder)
        let card = folder.appendingPathComponent("warranty-card.mustache")
        let source = try String(contentsOf: card, encoding: .utf8)
        let edited = source.replacingOccurrences(of: "bold: synthetic", with: "bold: font")
        guard edited != source else { throw CocoaError(.fileReadCorruptFile) }
        try edited.write(to: card, atomically: true, encoding: .utf8)
        return folder
    }

    @Test(arguments: ["en", "uk", "pl"])
    func cardFitsTenKibibytesAndReadsAsWithTheBoldFace(language: String) throws {
        let folder = try TestSupport.temporaryDirectory()
        let sample = TestSupport.packageRoot.appendingPathComponent("Samples/warranty-card.\(language).json").path
        let card = folder.appendingPathComponent("card.pdf").path, real = folder.appendingPathComponent("real.pdf").path
        let rendered = try TestSupport.talon(["render", "warranty-card", sample, "-o", card])
        #expect(rendered.status == 0, "\(rendered.stderrText)")
        let bold = try TestSupport.talon(["render", "warranty-card", sample, "-o", real,
                                          "--templates", try Self.realBoldTemplates.get().path])
        #expect(bold.status == 0, "\(bold.stderrText)")
        let size = try Data(contentsOf: URL(fileURLWithPath: card)).count
        let realSize = try Data(contentsOf: URL(fileURLWithPath: real)).count
        #expect(size <= Self.limit, "\(language): \(size) B")
        #expect(size + 1_500 < realSize, "\(language): \(size) B, \(realSize) B with the bold face embedded")
        let fonts = try PDFTools.fonts(card)
        #expect(fonts.count == 2 && fonts.allSatisfy { $0.embedded && $0.subset && $0.unicode }, "\(fonts)")
        #expect(try PDFTools.text(card, layout: true) == PDFTools.text(real, layout: true))
        #expect(try PDFTools.textWarnings(card).isEmpty)
        #expect(try PDFTools.qpdfProblems(card) == nil)
    }
}
