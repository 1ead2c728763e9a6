import Foundation
import Testing
import TestSupport

/// `make demo` runs `scripts/demo.sh` over every sample: a new sample kind the script does not
/// know (a service center file, a payment code) must not stop it.
@Suite struct DemoScriptTests {
    @Test func everySampleRendersAndEveryPDFPassesQPDF() throws {
        let out = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let script = TestSupport.packageRoot.appendingPathComponent("scripts/demo.sh").path
        let result = try TestSupport.run(script, [TestSupport.talonBinary, out.path])
        #expect(result.status == 0, "\(result.stderrText)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        let pdfs = names.filter { $0.hasSuffix(".pdf") }
        for name in ["warranty-card.uk.pdf", "invoice.en.pdf", "rma-blank-center.uk.pdf", "payment-nbu.uk.pdf", "batch.pdf"] {
            #expect(pdfs.contains(name), "\(name) missing from \(names.sorted())")
        }
        for pdf in pdfs {
            #expect(try PDFTools.qpdfProblems(out.appendingPathComponent(pdf).path) == nil, "\(pdf)")
        }
    }
}
