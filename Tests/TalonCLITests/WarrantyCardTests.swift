import Foundation
import Testing
import TestSupport

/// The warranty card from outside: the built `talon`, read back with poppler, zbar and qpdf.
@Suite struct WarrantyCardTests {
    static let samples = TestSupport.packageRoot.appendingPathComponent("Samples")

    func render(_ sample: String, in folder: URL, extra: [String] = []) throws -> (String, TestSupport.ProcessResult) {
        let output = folder.appendingPathComponent(sample.replacingOccurrences(of: ".json", with: ".pdf")).path
        let result = try TestSupport.talon(
            ["render", "warranty-card", Self.samples.appendingPathComponent(sample).path, "-o", output] + extra)
        return (output, result)
    }

    @Test func ukrainianCardCarriesItsDataAsText() throws {
        let folder = try TestSupport.temporaryDirectory()
        let (pdf, result) = try render("warranty-card.uk.json", in: folder)
        #expect(result.status == 0, "\(result.stderrText)")
        let text = try PDFTools.text(pdf)
        #expect(text.contains("B48V2402290731"))
        #expect(text.contains("ГТ-2024-000123"))
        #expect(text.contains("Олена Їжакевич"))
        #expect(text.contains("М.П."))
        #expect(text.contains("Талон на ремонт 3"))
        #expect(try PDFTools.textWarnings(pdf).isEmpty)
        let info = try PDFTools.info(pdf)
        #expect(info["Page size"]?.hasPrefix("595.28 x 841.89") == true, "A4 portrait (the full terms fit one page): \(info)")
        #expect(info["Title"] == "Гарантійний талон ГТ-2024-000123")
        #expect(try PDFTools.qpdfProblems(pdf) == nil)
    }

    @Test func barcodeScansAsExactlyTheSerial() throws {
        let folder = try TestSupport.temporaryDirectory()
        for sample in ["warranty-card.uk.json", "warranty-card.en.json"] {
            let (pdf, result) = try render(sample, in: folder)
            #expect(result.status == 0, "\(result.stderrText)")
            let image = try PDFTools.rasterize(pdf, dpi: 300, gray: true)
            let serial = sample.hasPrefix("warranty-card.uk") ? "B48V2402290731" : "T54Z2301310417"
            #expect(try PDFTools.barcodes(in: image) == [serial])
        }
    }

    @Test func sameInputGivesIdenticalBytes() throws {
        let folder = try TestSupport.temporaryDirectory()
        let (first, _) = try render("warranty-card.uk.json", in: folder)
        let firstBytes = try Data(contentsOf: URL(fileURLWithPath: first))
        let second = folder.appendingPathComponent("again.pdf").path
        let result = try TestSupport.talon(["render", "warranty-card",
                                            Self.samples.appendingPathComponent("warranty-card.uk.json").path, "-o", second])
        #expect(result.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: second)) == firstBytes)
    }

    @Test func localeOptionOverridesTheData() throws {
        let folder = try TestSupport.temporaryDirectory()
        let (pdf, result) = try render("warranty-card.en.json", in: folder, extra: ["--locale", "uk"])
        #expect(result.status == 0, "\(result.stderrText)")
        let text = try PDFTools.text(pdf)
        #expect(text.contains("Гарантійний талон № WC-2023-000877"))
    }

    /// A sale on a leap day ends 36 months later on the last day of February; a sale on
    /// the 31st ends on the 31st.
    @Test(arguments: [("2024-02-29", "February 28, 2027"), ("2023-01-31", "January 31, 2026"), ("2023-11-30", "November 30, 2026")])
    func validUntilFollowsThePolicy(sale: String, validUntil: String) throws {
        let folder = try TestSupport.temporaryDirectory()
        let data = """
        {"locale":"en","card":{"number":"WC-1"},"seller":{"company":"Shop"},
         "product":{"model":"M-1","serial":"SN1","warranty_months":36},"sale":{"date":"\(sale)"}}
        """
        let pdf = folder.appendingPathComponent("card.pdf").path
        let result = try TestSupport.talon(["render", "warranty-card", "-", "-o", pdf], stdin: Data(data.utf8))
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(try PDFTools.text(pdf).contains("valid until (inclusive) \(validUntil)"))
    }

    @Test func badDataNamesEveryFieldAndWritesNothing() throws {
        let folder = try TestSupport.temporaryDirectory()
        let pdf = folder.appendingPathComponent("card.pdf").path
        let data = #"{"card":{"number":"WC-1"},"seller":{"company":"Shop"},"product":{"model":"M"},"sale":{"date":"2023-02-29"}}"#
        let result = try TestSupport.talon(["render", "warranty-card", "-", "-o", pdf], stdin: Data(data.utf8))
        #expect(result.status == 1)
        let lines = result.stderrText.split(separator: "\n").map(String.init)
        #expect(lines.contains("$.product.serial: required"))
        #expect(lines.contains { $0.hasPrefix("$.sale.date: ") })
        #expect(!FileManager.default.fileExists(atPath: pdf))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "no temporary file left")
    }

    @Test func malformedJSONIsLocated() throws {
        let pdf = try TestSupport.temporaryDirectory().appendingPathComponent("card.pdf").path
        let result = try TestSupport.talon(["render", "warranty-card", "-", "-o", pdf],
                                           stdin: Data("{\"card\": {\"number\": \"x\",}\n".utf8))
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: pdf))
        #expect(result.stderrText.contains("$"), "\(result.stderrText)")
    }

    @Test func unknownTemplateListsTheBuiltInOnes() throws {
        let result = try TestSupport.talon(["render", "warranty-cards", "x.json"])
        #expect(result.status == 2)
        #expect(result.stderrText.contains("unknown template 'warranty-cards'"))
        #expect(result.stderrText.contains("warranty-card, rma, diagnosis, invoice, repair-record, notice"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try TestSupport.talon(["render"]).status == 2)
        #expect(try TestSupport.talon(["render", "warranty-card", "a.json", "--bogus"]).status == 2)
        #expect(try TestSupport.talon(["render", "warranty-card", "a.json", "--locale", "fr"]).status == 2)
        #expect(try TestSupport.talon(["frobnicate"]).status == 2)
        let help = try TestSupport.talon(["render", "--help"])
        #expect(help.status == 0)
        #expect(help.stdoutText.contains("USAGE: talon render"))
        #expect(try TestSupport.talon(["--help"]).stdoutText.contains("COMMANDS:"))
    }
}

extension WarrantyCardTests {
    @Test func unprintableCustomerTextNamesTheField() throws {
        let sample = try String(contentsOf: Self.samples.appendingPathComponent("warranty-card.uk.json"), encoding: .utf8)
        let data = sample.replacingOccurrences(of: "Олена Їжакевич", with: "Олена 中 Їжакевич")
        let pdf = try TestSupport.temporaryDirectory().appendingPathComponent("card.pdf").path
        let result = try TestSupport.talon(["render", "warranty-card", "-", "-o", pdf], stdin: Data(data.utf8))
        #expect(result.status == 1)
        #expect(result.stderrText == "$.buyer.name: font DejaVu Sans cannot print '中' (U+4E2D)\n")
        #expect(!FileManager.default.fileExists(atPath: pdf))
    }
}
