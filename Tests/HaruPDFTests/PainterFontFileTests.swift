import Foundation
import Testing
import Layout
@testable import HaruPDF

/// The font file each face embeds.
@Suite struct PainterFontFileTests {
    /// Texts whose DejaVu Sans Bold subset, as libharu rebuilt it without hinting tables,
    /// was exactly 4,096 bytes long: libharu's rebuild in a memory stream of 4,096-byte
    /// blocks then failed with "libharu error 0x1033 in HPDF_SaveToStream". The painter now
    /// embeds its own program, so libharu rebuilds nothing; these texts stay as a check.
    @Test(arguments: [
        "АБВГҐДЕЄЖЗІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгґдеєжзиіїйклмно",
        "АБВГҐДЕЄЖЗИІЇЙКЛМОПРСТУФХЦЧШЩЬЮЯабвгґдеєжзиіїйклмно",
        "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгґдежзиіїйклмноп",
    ])
    func fontRebuiltToAWholeNumberOfBlocksIsSaved(_ line: String) throws {
        let list = Fixtures.list(pages: [[Fixtures.text(line, x: 20, y: 500, font: 0, size: 10)]],
                                 fonts: [Fixtures.boldFont])
        let pdf = try PDFPainter.render(list)
        #expect(try PDFInspection.qpdf(["--check"], pdf).status == 0)
        let (text, warnings) = try PDFInspection.text(pdf)
        #expect(warnings == "")
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters)) == line)
        #expect(try PDFInspection.ink(pdf) > 0)
    }

    /// The /FontFile2 stream is the subset's font program byte for byte (libharu does not
    /// rebuild it), with the tables a viewer reads and nothing else, and /Length1 its size.
    @Test func embeddedProgramIsTheSubsetsProgram() throws {
        let list = Fixtures.list(pages: [[Fixtures.text("Жїє Hello, 2025", x: 20, y: 500, font: 0, size: 10)]],
                                 fonts: [Fixtures.boldFont])
        let pdf = try PDFPainter.render(list)
        let expanded = try Fixtures.file(pdf).deletingLastPathComponent().appendingPathComponent("expanded.pdf")
        let qdf = try Fixtures.tool("qpdf", ["--qdf", "--object-streams=disable", try Fixtures.file(pdf).path, expanded.path])
        #expect(qdf.status == 0, "\(qdf.stderrText)")
        let text = String(decoding: try Data(contentsOf: expanded), as: UTF8.self)
        let reference = try #require(text.firstMatch(of: /\/FontFile2 (\d+) 0 R/)?.1)
        let shown = try Fixtures.tool("qpdf", ["--show-object=\(reference)", "--filtered-stream-data", expanded.path])
        let embedded = [UInt8](shown.stdout)
        // Drawn at 10 pt: outlines at 192 units per em.
        #expect(PagePainter.programUnitsPerEm(largestSize: 10) == 192)
        // A single-byte face: a symbolic program mapping the document's codes.
        let plan = TextEncoding.plan(faces: list.fonts.map(\.usedScalars), frequency: PagePainter.frequency(in: list))
        let codes = try #require(plan.encodings[0].programCodes(for: list.fonts[0].usedScalars))
        let program = try Fixtures.boldFont.pdfSubset(scalars: list.fonts[0].usedScalars, postScriptName: "DejaVuSans-Bold",
                                                      programUnitsPerEm: 192, symbolicCodes: codes).program
        #expect(embedded == program)
        let count = Int(embedded[4]) << 8 | Int(embedded[5])
        let tags = (0..<count).map { String(decoding: embedded[(12 + $0 * 16)..<(16 + $0 * 16)], as: UTF8.self) }
        #expect(tags == ["cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"])
        let stream = try #require(text.firstMatch(of: /\/Length1 (\d+)/)?.1)
        #expect(Int(stream) == program.count)
        #expect(!text.contains("/Length2") && !text.contains("/XHeight"))
        // Symbolic (4) instead of nonsymbolic (32), beside ForceBold; no /Encoding, which a
        // symbolic TrueType font must not have (ISO 19005-3 6.2.11.6).
        #expect(text.firstMatch(of: /\/Flags (\d+)/)?.1 == "\(0x40004)")
        #expect(!text.contains("/Encoding") && text.contains("/ToUnicode"))
        // The descriptor names the font as the font dictionary does, subset tag included.
        let baseFont = try #require(text.firstMatch(of: /\/BaseFont \/(\S+)/)?.1)
        #expect(baseFont.hasPrefix("TLNAAA+"))
        #expect(text.contains("/FontName /\(baseFont)"))
        #expect(text.firstMatch(of: /\/CapHeight (\d+)/)?.1 == "\(Fixtures.boldFont.capHeight * 1000 / 2048)")
        #expect(Fixtures.boldFont.capHeight > 1000)
    }

    /// Outline rounding stays within 0.01 mm at the largest size a face is drawn at, with
    /// the fewest units (in steps of 16) that do.
    @Test func programUnitsFollowTheLargestSize() {
        let limit = 0.01 / 25.4 * 72
        for tenth in 1...600 {
            let size = Double(tenth) / 10, units = PagePainter.programUnitsPerEm(largestSize: size)
            #expect(units % 8 == 0 && (64...1000).contains(units))
            if units < 1000 { #expect(size / Double(2 * units) <= limit, "\(size) pt at \(units)") }
            if units > 64 && units < 1000 { #expect(size / Double(2 * (units - 16)) > limit, "\(size) pt at \(units)") }
        }
        #expect(PagePainter.programUnitsPerEm(largestSize: 8) == 144)
        #expect(PagePainter.programUnitsPerEm(largestSize: 12.8) == 240)
        #expect(PagePainter.programUnitsPerEm(largestSize: 0) == 64)
        #expect(PagePainter.programUnitsPerEm(largestSize: 400) == 1000)
        // PDF/A: 512 at least, so that advances stay within 1/1000 em of /Widths.
        #expect(PagePainter.programUnitsPerEm(largestSize: 8, pdfa: true) == 512)
        #expect(PagePainter.programUnitsPerEm(largestSize: 30, pdfa: true) == 544)
        #expect(PagePainter.programUnitsPerEm(largestSize: 400, pdfa: true) == 1000)
    }
}
