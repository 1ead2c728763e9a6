import Foundation
import Testing
import TestSupport

/// `talon barcode` from outside: a few payloads per symbology are drawn by the built
/// binary, rasterised at 300 dpi and read back by zbarimg, which must return exactly the
/// input. The sweeps over every QR version and level, and over hundreds of random payloads,
/// run in-process in BarcodeTests (ScannerTests, QRVersionChoiceTests).
@Suite struct BarcodeCommandTests {

    /// One symbol to draw and what zbarimg must read from it.
    struct Case: Sendable {
        var symbology: String
        var text: String
        var expected: String
        var ecc: String?
        var module: Double?
        /// For QR payloads: the version the smallest fitting symbol has.
        var version: Int?
    }

    /// The version of a QR sheet from its width in pixels at 300 dpi: the page is the symbol
    /// (size + 8 quiet modules) of `module` mm plus 5 mm on each side.
    static func version(widthPixels: Int, module: Double) -> Int {
        let millimetres = Double(widthPixels) / 300 * 25.4
        let modules = (millimetres - 10) / module
        return Int(((modules - 25) / 4).rounded())
    }

    /// Renders and decodes every case; returns one problem line per case that failed.
    static func problems(_ cases: [Case]) throws -> [String] {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var images: [String?]
            var problems: [String] = []
            init(_ count: Int) { images = Array(repeating: nil, count: count) }
            func set(_ index: Int, image: String?, problem: String?) {
                lock.lock(); defer { lock.unlock() }
                images[index] = image
                if let problem { problems.append(problem) }
            }
        }
        let results = Results(cases.count)
        try PDFTools.concurrently(cases.count, workers: 3) { index in
            let item = cases[index]
            let pdf = folder.appendingPathComponent("\(index).pdf").path
            var arguments = ["barcode", item.symbology, item.text, "-o", pdf]
            if let ecc = item.ecc { arguments += ["--ecc", ecc] }
            if let module = item.module { arguments += ["--module-mm", "\(module)"] }
            let run = try TestSupport.talon(arguments)
            guard run.status == 0 else {
                results.set(index, image: nil, problem: "#\(index) \(item.symbology) \(item.text.debugDescription): exit \(run.status) \(run.stderrText)")
                return
            }
            let image = try PDFTools.rasterizeGray(pdf, dpi: 300)
            var problem: String?
            if let version = item.version, let module = item.module {
                let width = try PDFTools.readPGM(image).width
                let actual = Self.version(widthPixels: width, module: module)
                if actual != version {
                    problem = "#\(index) qr \(item.text.utf8.count) bytes ecc \(item.ecc ?? "M"): version \(actual), expected \(version)"
                }
            }
            results.set(index, image: image, problem: problem)
        }
        var problems = results.problems
        let decodable = results.images.enumerated().compactMap { entry in entry.element.map { (entry.offset, $0) } }
        for batch in stride(from: 0, to: decodable.count, by: 40) {
            let slice = Array(decodable[batch..<min(batch + 40, decodable.count)])
            let decoded = try PDFTools.barcodes(inImages: slice.map(\.1))
            for ((index, _), symbols) in zip(slice, decoded) where symbols != [cases[index].expected] {
                problems.append("#\(index) \(cases[index].symbology) ecc \(cases[index].ecc ?? "-"): wrote \(cases[index].expected.debugDescription), read \(symbols)")
            }
        }
        return problems
    }

    @Test func code128ReadsBack() throws {
        // Digits only (code set C), mixed text (A/B), one character, a leading digit run.
        let payloads = ["0123456789012345", "SN-2024-000123", "Hello, World! ~{|}", "x", "12345678ab"]
        let problems = try Self.problems(payloads.map { Case(symbology: "code128", text: $0, expected: $0) })
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func ean13ReadsBackWithItsCheckDigit() throws {
        // Twelve digits get their check digit; thirteen are taken as they are.
        let cases = [Case(symbology: "ean13", text: "590123412345", expected: "5901234123457"),
                     Case(symbology: "ean13", text: "4006381333931", expected: "4006381333931"),
                     Case(symbology: "ean13", text: "000000000000", expected: "0000000000000")]
        let problems = try Self.problems(cases)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// Byte-mode payloads at the edge of a version's capacity (ISO/IEC 18004 table 7) come
    /// out in that version, at each level; Cyrillic UTF-8 text and mixed ASCII read back.
    @Test func qrReadsBackWithTheSmallestVersion() throws {
        let cases = [
            Case(symbology: "qr", text: String(repeating: "a", count: 17), expected: String(repeating: "a", count: 17),
                 ecc: "L", module: 0.5, version: 1),
            Case(symbology: "qr", text: String(repeating: "b", count: 213), expected: String(repeating: "b", count: 213),
                 ecc: "M", module: 0.5, version: 10),
            Case(symbology: "qr", text: String(repeating: "c", count: 259), expected: String(repeating: "c", count: 259),
                 ecc: "Q", module: 0.5, version: 15),
            Case(symbology: "qr", text: String(repeating: "d", count: 1273), expected: String(repeating: "d", count: 1273),
                 ecc: "H", module: 0.5, version: 40),
            Case(symbology: "qr", text: "Гарантійний талон №1 — їЇєЄґҐ", expected: "Гарантійний талон №1 — їЇєЄґҐ",
                 ecc: "M", module: 0.6),
            Case(symbology: "qr", text: "RMA UA-2024-000123 https://example.com/rma?id=42&x=%20",
                 expected: "RMA UA-2024-000123 https://example.com/rma?id=42&x=%20", ecc: "Q", module: 0.6),
        ]
        let problems = try Self.problems(cases)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    // MARK: Refusals

    func refusal(_ arguments: [String]) throws -> (TestSupport.ProcessResult, Bool) {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("out.pdf").path
        let result = try TestSupport.talon(["barcode"] + arguments + ["-o", pdf])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return (result, leftovers.isEmpty)
    }

    @Test func cyrillicInCode128NamesTheCharacters() throws {
        let (result, clean) = try refusal(["code128", "SN-Ї5ж"])
        #expect(result.status == 1)
        #expect(result.stderrText.contains("\"Ї\" (U+0407)"), "\(result.stderrText)")
        #expect(result.stderrText.contains("\"ж\" (U+0436)"), "\(result.stderrText)")
        #expect(!result.stderrText.contains("\"S\""))
        #expect(clean, "no output file on failure")
    }

    @Test func wrongEANCheckDigitIsRefused() throws {
        let (result, clean) = try refusal(["ean13", "5901234123458"])
        #expect(result.status == 1)
        #expect(result.stderrText.contains("check digit"), "\(result.stderrText)")
        #expect(result.stderrText.contains("7"), "names the right digit: \(result.stderrText)")
        #expect(clean)
        for bad in ["59012341234", "59012341234567", "59012341234a"] {
            let (other, otherClean) = try refusal(["ean13", bad])
            #expect(other.status == 1, "\(bad)")
            #expect(otherClean)
        }
    }

    @Test func unknownSymbologyIsAUsageError() throws {
        let (result, clean) = try refusal(["pdf417", "x"])
        #expect(result.status == 2)
        #expect(result.stderrText.contains("unknown symbology 'pdf417'"), "\(result.stderrText)")
        #expect(clean)
        #expect(try refusal(["qr", "x", "--ecc", "X"]).0.status == 2)
        #expect(try refusal(["qr", "x", "--module-mm", "0"]).0.status == 2)
    }

    @Test func tooLongQRSaysHowMuchFits() throws {
        let (result, clean) = try refusal(["qr", String(repeating: "a", count: 2400), "--ecc", "M"])
        #expect(result.status == 1)
        #expect(result.stderrText.contains("2331"), "version 40-M holds 2331 bytes: \(result.stderrText)")
        #expect(clean)
        // One byte more than 40-L holds is refused; exactly that many fits.
        #expect(try refusal(["qr", String(repeating: "a", count: 2954), "--ecc", "L"]).0.status == 1)
        let folder = try TestSupport.temporaryDirectory()
        let pdf = folder.appendingPathComponent("max.pdf").path
        let fits = try TestSupport.talon(["barcode", "qr", String(repeating: "a", count: 2953), "--ecc", "L", "-o", pdf])
        #expect(fits.status == 0, "\(fits.stderrText)")
    }
}
