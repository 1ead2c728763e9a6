import Foundation
import Testing
import TestSupport

/// Typesetting from outside: custom templates (Fixtures/) rendered by the built `talon`
/// and read back with poppler and qpdf.
@Suite struct TypesettingTests {
    static let fixtures = TestSupport.packageRoot.appendingPathComponent("Tests/TalonCLITests/Fixtures")
    static let samples = TestSupport.packageRoot.appendingPathComponent("Samples")

    /// Renders a fixture template with JSON data written to a fresh folder; the PDF lands beside it.
    func render(_ template: String, json: String, in folder: URL? = nil, name: String = "out.pdf")
        throws -> (pdf: String, result: TestSupport.ProcessResult, folder: URL) {
        let folder = try folder ?? TestSupport.temporaryDirectory()
        let data = folder.appendingPathComponent("data.json")
        try Data(json.utf8).write(to: data)
        let pdf = folder.appendingPathComponent(name).path
        let result = try TestSupport.talon(["render", Self.fixtures.appendingPathComponent(template).path, data.path, "-o", pdf])
        return (pdf, result, folder)
    }

    /// 2,000 rows, each with its own serial number and a Ukrainian note.
    static let registerJSON: String = {
        let rows = (1...2000).map { number in
            #"{"number":\#(number),"serial":"SN-\#(String(format: "%05d", number))","note":"запис \#(number) — ремонт | вентилятор"}"#
        }
        return #"{"rows":["# + rows.joined(separator: ",") + "]}"
    }()

    @Test func tableOfTwoThousandRowsLosesNoRowAndRepeatsItsHeader() throws {
        let (pdf, result, _) = try render("register.mustache", json: Self.registerJSON)
        #expect(result.status == 0, "\(result.stderrText)")
        let pages = try PDFTools.pageTexts(pdf)
        let count = Int(try PDFTools.info(pdf)["Pages"] ?? "") ?? -1
        #expect(pages.count == count)
        #expect(count > 20, "2,000 rows need many pages, got \(count)")
        // Every serial once, in order, across the pages.
        var serials: [String] = []
        for page in pages {
            serials += page.split(separator: " ").filter { $0.hasPrefix("SN-") }.map(String.init)
        }
        #expect(serials == (1...2000).map { "SN-" + String(format: "%05d", $0) },
                "\(serials.count) serials; first missing: \((1...2000).map { "SN-" + String(format: "%05d", $0) }.first { !serials.contains($0) } ?? "none")")
        // Each row's note survives, literal pipe included.
        let text = pages.joined(separator: " ")
        for number in stride(from: 1, through: 2000, by: 37) {
            #expect(text.contains("запис \(number) — ремонт | вентилятор"), "row \(number)")
        }
        for (index, page) in pages.enumerated() {
            // The header row opens every page after the first (the first starts with the heading).
            #expect(index == 0 ? page.hasPrefix("Repair register No Serial Note") : page.hasPrefix("No Serial Note"),
                    "header on page \(index + 1): \(page.prefix(80))")
            #expect(page.hasSuffix("page \(index + 1) of \(count)"), "footer on page \(index + 1): \(page.suffix(80))")
            #expect(page.components(separatedBy: "page ").count - 1 == 1, "one footer on page \(index + 1)")
        }
        #expect(pages.first?.contains("Repair register") == true)
        #expect(pages.dropFirst().allSatisfy { !$0.contains("Repair register") }, "the heading is not repeated")
    }

    @Test func cyrillicWithDiacriticsLeavesInk() throws {
        let folder = try TestSupport.temporaryDirectory()
        let (plain, plainResult, _) = try render("line.mustache", json: #"{"text":"Abc"}"#, in: folder, name: "plain.pdf")
        #expect(plainResult.status == 0, "\(plainResult.stderrText)")
        let base = try PDFTools.grayImage(plain, dpi: 150).darkPixels()
        #expect(base > 50, "the reference text itself is visible")
        for letters in ["їЇЁё", "ї", "Ї", "Ё", "ё"] {
            let (pdf, result, _) = try render("line.mustache", json: #"{"text":"Abc \#(letters)"}"#, in: folder,
                                             name: "with-\(letters.unicodeScalars.first?.value ?? 0)-\(letters.count).pdf")
            #expect(result.status == 0, "\(result.stderrText)")
            let ink = try PDFTools.grayImage(pdf, dpi: 150).darkPixels()
            #expect(ink > base + 15 * letters.count, "\(letters): \(ink) dark pixels, \(base) without")
            #expect(try PDFTools.text(pdf).contains("Abc \(letters)"))
        }
    }

    @Test(arguments: ["中", "😀", "Abc 中 і ✈︎"])
    func missingGlyphIsAnErrorNamingTheCharacters(_ text: String) throws {
        let (pdf, result, folder) = try render("line.mustache", json: #"{"text":"\#(text)"}"#)
        #expect(result.status == 1)
        for scalar in text.unicodeScalars where scalar == "中" || scalar == "😀" {
            #expect(result.stderrText.contains("'\(scalar)'"), "\(result.stderrText)")
            #expect(result.stderrText.contains(String(format: "U+%04X", scalar.value)), "\(result.stderrText)")
        }
        #expect(!result.stderrText.contains("'і'"), "only missing characters are named: \(result.stderrText)")
        #expect(!FileManager.default.fileExists(atPath: pdf))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["data.json"], "no temporary file left")
    }

    /// A PNG with a valid signature and header, cut off inside its image data.
    static func truncatedPNG() -> Data {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png += [0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 0, 64, 0, 0, 0, 64, 8, 2, 0, 0, 0] + [0x12, 0x34, 0x56, 0x78]
        png += [0, 0, 1, 0] + Array("IDAT".utf8) + [0x78, 0x9C, 0x63, 0x60]
        return Data(png)
    }

    @Test func corruptImageIsAClearError() throws {
        let folder = try TestSupport.temporaryDirectory()
        try Self.truncatedPNG().write(to: folder.appendingPathComponent("photo.png"))
        try Data([0x89, 0x50, 0x4E]).write(to: folder.appendingPathComponent("stub.png"))
        for name in ["photo.png", "stub.png"] {
            let (pdf, result, _) = try render("image.mustache", json: #"{"path":"\#(name)"}"#, in: folder)
            #expect(result.status == 1, "exit 1, not a crash: \(result.status) \(result.stderrText)")
            #expect(result.stderrText.contains(name), "names the file: \(result.stderrText)")
            #expect(result.stderrText.contains(":3:"), "points at the @image line: \(result.stderrText)")
            #expect(!FileManager.default.fileExists(atPath: pdf))
        }
        let (_, missing, _) = try render("image.mustache", json: #"{"path":"nowhere.png"}"#, in: folder)
        #expect(missing.status == 1)
        #expect(missing.stderrText.contains("nowhere.png"))
    }

    @Test func fontsAreEmbeddedSubsets() throws {
        let folder = try TestSupport.temporaryDirectory()
        let (table, tableResult, _) = try render("register.mustache", json: Self.registerJSON, in: folder)
        #expect(tableResult.status == 0)
        let card = folder.appendingPathComponent("card.pdf").path
        let cardResult = try TestSupport.talon(["render", "warranty-card",
                                                Self.samples.appendingPathComponent("warranty-card.uk.json").path, "-o", card])
        #expect(cardResult.status == 0, "\(cardResult.stderrText)")
        for pdf in [table, card] {
            let fonts = try PDFTools.fonts(pdf)
            #expect(!fonts.isEmpty)
            for font in fonts {
                #expect(font.embedded && font.subset, "\(pdf): \(font)")
                // A subset's name starts with six capital letters and a plus sign.
                #expect(font.name.range(of: "^[A-Z]{6}\\+", options: .regularExpression) != nil, "\(font)")
            }
            #expect(try PDFTools.qpdfProblems(pdf) == nil)
            #expect(try PDFTools.textWarnings(pdf).isEmpty)
        }
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        let folder = try TestSupport.temporaryDirectory()
        let (first, one, _) = try render("register.mustache", json: Self.registerJSON, in: folder, name: "a.pdf")
        let (second, two, _) = try render("register.mustache", json: Self.registerJSON, in: folder, name: "b.pdf")
        #expect(one.status == 0 && two.status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: first))
        #expect(!bytes.isEmpty)
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: second))))
        // Standard output carries the same bytes.
        let piped = try TestSupport.talon(["render", Self.fixtures.appendingPathComponent("register.mustache").path,
                                           folder.appendingPathComponent("data.json").path, "-o", "-"])
        #expect(piped.status == 0)
        #expect(piped.stdout == bytes)
    }

    /// Values inserted with `{{text}}` print literally, whatever markup characters they hold;
    /// raw markup from `{{{raw}}}` is parsed, and its errors point into the rendered text.
    @Test func escapedValuesPrintLiterallyAndRawMarkupErrorsAreLocated() throws {
        let literal = #"# a@b.c *x* | @y #3 \ __u__ - 1. [z]"#
        let json = String(decoding: try JSONSerialization.data(withJSONObject: ["raw": "**bold**", "text": literal]),
                          as: UTF8.self)
        let (pdf, result, folder) = try render("note.mustache", json: json)
        #expect(result.status == 0, "\(result.stderrText)")
        let text = try PDFTools.text(pdf)
        #expect(text.contains(literal), "\(text)")
        #expect(text.contains("bold") && !text.contains("**bold**"), "raw markup is parsed: \(text)")

        let (badPDF, bad, _) = try render("note.mustache", json: #"{"raw":"write to @emial","text":"x"}"#,
                                          in: folder, name: "bad.pdf")
        #expect(bad.status == 1)
        #expect(bad.stderrText.contains("note.mustache (rendered):6:10: error: unknown directive '@emial'"), "\(bad.stderrText)")
        #expect(bad.stderrText.contains("write to @emial\n         ^"), "source line and caret: \(bad.stderrText)")
        #expect(!FileManager.default.fileExists(atPath: badPDF))
    }

    @Test func failedRenderLeavesAnExistingFileAlone() throws {
        let folder = try TestSupport.temporaryDirectory()
        let pdf = folder.appendingPathComponent("out.pdf")
        try Data("previous".utf8).write(to: pdf)
        let (_, result, _) = try render("line.mustache", json: #"{"text":"中"}"#, in: folder)
        #expect(result.status == 1)
        #expect(try Data(contentsOf: pdf) == Data("previous".utf8), "a failed render must not touch the old file")
        // Bad markup produced by the template: located in the rendered text.
        let (badPDF, bad, _) = try render("line.mustache", json: #"{"text":"x"}"#, in: folder, name: "bad.pdf")
        #expect(bad.status == 0, "\(bad.stderrText)")
        #expect(FileManager.default.fileExists(atPath: badPDF))
    }
}
