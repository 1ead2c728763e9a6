import Foundation
import Testing
import TestSupport

/// PDF/A, passwords and `talon verify` from the command line.
@Suite struct ArchiveCommandTests {
    static let samples = TestSupport.packageRoot.appendingPathComponent("Samples")

    static func sample(_ name: String) -> String { samples.appendingPathComponent(name).path }

    @Test func repairRecordIsPDFAAndVerifies() throws {
        let folder = try TestSupport.temporaryDirectory()
        let output = folder.appendingPathComponent("record.pdf").path
        let render = try TestSupport.talon(["render", "repair-record", Self.sample("repair-record.en.json"), "-o", output])
        #expect(render.status == 0, "\(render.stderrText)")
        #expect(try PDFARules.problems(output) == [])
        #expect(try PDFARules.attachments(output) == [try Data(contentsOf: Self.samples.appendingPathComponent("repair-record.en.json"))])
        #expect(try PDFTools.fonts(output).allSatisfy { $0.embedded && $0.unicode })

        let verify = try TestSupport.talon(["verify", output])
        let digest = try TestSupport.run("sha256sum", [Self.sample("repair-record.en.json")]).stdoutText.prefix(64)
        #expect(verify.status == 0, "\(verify.stderrText)")
        #expect(verify.stdoutText == "sha256 \(digest)  repair-record.en.json\nmatches a fresh render\n")

        // One byte changed in the metadata: the document no longer matches its data.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: output))
        let range = try #require(bytes.range(of: Data("CreatorTool>Talon".utf8)))
        bytes[range.upperBound - 1] = UInt8(ascii: "N")
        let tampered = folder.appendingPathComponent("tampered.pdf")
        try bytes.write(to: tampered)
        let differs = try TestSupport.talon(["verify", tampered.path])
        #expect(differs.status == 1 && differs.stdoutText.hasSuffix("differs from a fresh render of its data\n"))
    }

    @Test func verifyNeedsAttachedData() throws {
        let folder = try TestSupport.temporaryDirectory()
        let card = folder.appendingPathComponent("card.pdf").path
        #expect(try TestSupport.talon(["render", "warranty-card", Self.sample("warranty-card.uk.json"), "-o", card]).status == 0)
        #expect(try PDFTools.fonts(card).allSatisfy { $0.embedded && $0.unicode })
        let result = try TestSupport.talon(["verify", card])
        #expect(result.status == 1 && result.stderrText.contains("no attached data"), "\(result.stderrText)")
        // An explicit --pdfa makes any document an archive that verifies.
        #expect(try TestSupport.talon(["render", "warranty-card", Self.sample("warranty-card.uk.json"), "--pdfa", "-o", card]).status == 0)
        #expect(try PDFARules.problems(card) == [])
        #expect(try TestSupport.talon(["verify", card]).status == 0)
    }

    @Test func passwordsFromTheCommandLine() throws {
        let folder = try TestSupport.temporaryDirectory()
        let output = folder.appendingPathComponent("invoice.pdf").path
        let invoice = Self.sample("invoice.uk.json")
        // The invoice is PDF/A by default: encryption is refused, nothing is written.
        let refused = try TestSupport.talon(["render", "invoice", invoice, "--owner-password", "x", "-o", output])
        #expect(refused.status == 1 && refused.stderrText.contains("PDF/A does not allow encryption"))
        #expect(!FileManager.default.fileExists(atPath: output))
        let both = try TestSupport.talon(["render", "invoice", invoice, "--pdfa", "--no-pdfa", "-o", output])
        #expect(both.status == 2)
        // Without PDF/A, from the environment, print-only.
        var environment = ProcessInfo.processInfo.environment
        environment["SHOP_OWNER_PASSWORD"] = "Власник 2025"
        let protected = try TestSupport.talon(["render", "invoice", invoice, "--no-pdfa", "--print-only",
                                               "--owner-password", "env:SHOP_OWNER_PASSWORD", "--user-password", "клієнт",
                                               "-o", output], environment: environment)
        #expect(protected.status == 0, "\(protected.stderrText)")
        let shown = try TestSupport.run("qpdf", ["--show-encryption", "--password=Власник 2025", output]).stdoutText
        #expect(shown.contains("R = 6") && shown.contains("print high resolution: allowed") && shown.contains("modify anything: not allowed"))
        #expect(try TestSupport.run("qpdf", ["--check", output]).status != 0)  // needs the user password
        #expect(try TestSupport.run("pdftotext", ["-upw", "клієнт", output, "-"]).stdoutText.contains("Рахунок"))
        let missing = try TestSupport.talon(["render", "invoice", invoice, "--no-pdfa", "--owner-password", "env:TALON_NO_SUCH_VARIABLE",
                                             "-o", output])
        #expect(missing.status == 2 && missing.stderrText.contains("TALON_NO_SUCH_VARIABLE"))
    }

    @Test func batchDocumentsCarryTheirOwnRecord() throws {
        let folder = try TestSupport.temporaryDirectory()
        let merged = folder.appendingPathComponent("run.pdf").path
        let result = try TestSupport.talon(["batch", "warranty-card", Self.sample("batch/cards.jsonl"), "--pdfa", "--jobs", "2",
                                            "--out-dir", folder.appendingPathComponent("cards").path, "--merge", merged, "--quiet"])
        #expect(result.status == 0, "\(result.stderrText)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("cards").path).sorted()
        let first = try #require(files.first.map { folder.appendingPathComponent("cards/\($0)").path })
        #expect(try PDFARules.problems(first) == [])
        let attached = try #require(try PDFARules.attachments(first).first)
        #expect(String(decoding: attached, as: UTF8.self).contains("\"serial\""))
        #expect(try TestSupport.talon(["verify", first]).status == 0)
        // The print run is PDF/A too, but carries no one record's data.
        #expect(try PDFARules.problems(merged) == [])
        #expect(try PDFARules.attachments(merged).isEmpty)
    }
}
