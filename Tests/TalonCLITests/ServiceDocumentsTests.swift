import Foundation
import Testing
import TestSupport

/// The service-centre documents from outside: the built `talon`, read back with poppler
/// and zbar.
@Suite struct ServiceDocumentsTests {
    static let samples = TestSupport.packageRoot.appendingPathComponent("Samples")
    static let kinds = ["rma", "diagnosis", "invoice", "repair-record", "notice"]

    @Test(arguments: kinds)
    func samplesRenderInBothLocales(kind: String) throws {
        let folder = try TestSupport.temporaryDirectory()
        for sample in ["en", "uk"] {
            for locale in ["en", "uk"] {
                let output = folder.appendingPathComponent("\(kind).\(sample).\(locale).pdf").path
                let data = Self.samples.appendingPathComponent("\(kind).\(sample).json").path
                let result = try TestSupport.talon(["render", kind, data, "--locale", locale, "-o", output])
                #expect(result.status == 0, "\(kind) \(sample) \(locale): \(result.stderrText)")
                let text = try PDFTools.text(output)
                #expect(text.contains(sample == "uk" ? "RMA-2025-00042" : "RMA-2025-00107"))
                #expect(try PDFTools.textWarnings(output).isEmpty)
                #expect(try PDFTools.qpdfProblems(output) == nil)
                let pageWord = locale == "uk" ? "сторінка 1 з" : "page 1 of"
                #expect(text.contains(pageWord), "\(kind) \(sample) \(locale) prints in its locale")
            }
        }
    }

    @Test func invoiceIsA4AndCarriesComputedTotals() throws {
        let folder = try TestSupport.temporaryDirectory()
        let output = folder.appendingPathComponent("invoice.pdf").path
        let result = try TestSupport.talon(["render", "invoice", Self.samples.appendingPathComponent("invoice.en.json").path,
                                            "-o", output])
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(try PDFTools.info(output)["Page size"]?.hasPrefix("595.28 x 841.89") == true)
        let text = try PDFTools.text(output)
        // 3 × 0.335 = 1.005 → 1.01; 10 % off 1.25 h × 40.00; Ukrainian VAT 20 % per line.
        #expect(text.contains("3 pcs 0.335 — 1.01 20% 0.20 1.21"), "\(text)")
        #expect(text.contains("1 pc 86.50"), "one piece is 1 pc: \(text)")
        #expect(text.contains("Repair invoice No. INV-2025-0107 dated July 2, 2025"))
        #expect(!text.contains("№"))
        #expect(text.contains("VAT 20% on €152.51 €30.50"))
        #expect(text.contains("To pay €183.01"))
        #expect(text.contains("one hundred eighty-three euros and one cent"))
    }

    @Test func rmaBarcodeScansAsTheRMANumber() throws {
        let folder = try TestSupport.temporaryDirectory()
        let output = folder.appendingPathComponent("rma.pdf").path
        let result = try TestSupport.talon(["render", "rma", Self.samples.appendingPathComponent("rma.uk.json").path,
                                            "-o", output])
        #expect(result.status == 0, "\(result.stderrText)")
        let image = try PDFTools.rasterize(output, dpi: 300, gray: true)
        #expect(try PDFTools.barcodes(in: image) == ["RMA-2025-00042"])
        // The sample's label photo sits beside the data file and is drawn; the log is listed only.
        let images = try TestSupport.run("pdfimages", ["-list", output]).stdoutText
        #expect(images.split(separator: "\n").count == 3, "\(images)")
        let text = try PDFTools.text(output)
        #expect(text.contains("system.log"))
    }

    @Test func blankRMAFormNeedsNoData() throws {
        let folder = try TestSupport.temporaryDirectory()
        for locale in ["en", "uk"] {
            let output = folder.appendingPathComponent("blank.\(locale).pdf").path
            let result = try TestSupport.talon(["render", "rma", "--blank", "--locale", locale, "-o", output])
            #expect(result.status == 0, "\(result.stderrText)")
            let text = try PDFTools.text(output)
            #expect(text.contains(locale == "uk" ? "Опис несправності" : "Failure description"))
            #expect(!text.contains("RMA-20"))
        }
        // With the service center's details the blank form carries its letterhead and return e-mail.
        let output = folder.appendingPathComponent("blank.center.pdf").path
        let center = try TestSupport.talon(["render", "rma", "--blank",
                                            Self.samples.appendingPathComponent("service-center.uk.json").path, "-o", output])
        #expect(center.status == 0, "\(center.stderrText)")
        let text = try PDFTools.text(output)
        #expect(text.contains("ТОВ «Ґардіан Безпека», сервісний центр"))
        #expect(text.contains("надішліть електронною поштою на servis@guardian-bezpeka.example"), "\(text)")
        // A claim is not a blank form's data.
        let refused = try TestSupport.talon(["render", "rma", "--blank",
                                             Self.samples.appendingPathComponent("rma.en.json").path, "-o", output + ".x"])
        #expect(refused.status == 1)
        #expect(refused.stderrText.contains("$.claim: "), "\(refused.stderrText)")
        let missing = try TestSupport.talon(["render", "rma"])
        #expect(missing.status == 2, "without --blank the data is required")
    }

    @Test func badDataExitsOneWithPathsAndWritesNothing() throws {
        let folder = try TestSupport.temporaryDirectory()
        let cases: [(String, [String])] = [
            ("""
            {"locale": "uk", "service_center": {"company": "X"},
             "claim": {"rma": "R-1", "received": "2025-02-30", "customer": {"name": "A"},
                       "product": {"model": "M"}, "equipment_set": "E", "failure": "F"}}
            """, ["$.claim.received: ", "$.claim.product.serial: "]),
            ("""
            {"locale": "uk", "service_center": {"company": "X"},
             "claim": {"rma": "R-1", "received": "2025-03-03", "customer": {"name": "A"},
                       "product": {"model": "M", "serial": "S"}, "equipment_set": "E", "failure": "F",
                       "diagnosis": {"date": "2025-03-01", "findings": "x", "clauses": [99]}}}
            """, ["$.claim.diagnosis.date: ", "$.claim.diagnosis.clauses[0]: "]),
        ]
        for (index, (json, paths)) in cases.enumerated() {
            let data = folder.appendingPathComponent("bad\(index).json")
            try Data(json.utf8).write(to: data)
            let output = folder.appendingPathComponent("out\(index).pdf").path
            let result = try TestSupport.talon(["render", "diagnosis", data.path, "-o", output])
            #expect(result.status == 1, "\(result.stderrText)")
            let lines = result.stderrText.split(separator: "\n")
            for path in paths {
                #expect(lines.contains { $0.hasPrefix(path) }, "\(path) in \(result.stderrText)")
            }
            #expect(!FileManager.default.fileExists(atPath: output))
        }
    }

    @Test func noticeFormatsAndSMSSegments() throws {
        let folder = try TestSupport.temporaryDirectory()
        for (sample, budget) in [("en", 1), ("uk", 2)] {
            let data = Self.samples.appendingPathComponent("notice.\(sample).json").path
            let sms = try TestSupport.talon(["render", "notice", data, "--format", "sms", "-o", "-"])
            #expect(sms.status == 0, "\(sms.stderrText)")
            #expect(!sms.stdoutText.contains("\n"))
            let report = sms.stderrText
            let segments = report.split(separator: ",").last.flatMap { Int($0.split(separator: " ").first ?? "") }
            #expect(segments.map { $0 <= budget } == true, "\(report): \(sms.stdoutText)")
            if sample == "en" { #expect(report.contains("GSM-7"), "\(report)") }
            for format in ["text", "html"] {
                let output = folder.appendingPathComponent("notice.\(sample).\(format)").path
                let result = try TestSupport.talon(["render", "notice", data, "--format", format, "-o", output])
                #expect(result.status == 0, "\(result.stderrText)")
                let body = try String(contentsOfFile: output, encoding: .utf8)
                #expect(body.contains(sample == "en" ? "Dear Tomasz Kowalski" : "Добрий день!"), "\(body)")
            }
        }
    }
}
