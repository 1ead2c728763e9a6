import Foundation
import Testing
import TestSupport

/// `talon barcode` from outside: hundreds of seeded payloads per symbology are drawn by
/// the built binary, rasterised at 300 dpi and read back by zbarimg, which must return
/// exactly the input.
@Suite struct BarcodeCommandTests {

    /// One symbol to draw and what zbarimg must read from it.
    struct Case: Sendable {
        var symbology: String
        var text: String
        var expected: String
        var ecc: String?
        var module: Double?
        /// For QR payloads in byte mode only: the version the smallest fitting symbol has.
        var version: Int?
    }

    /// Bytes a QR version holds in byte mode, per error-correction level (ISO/IEC 18004 table 7).
    static let byteCapacity: [String: [Int]] = [
        "L": [17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858,
              929, 1003, 1091, 1171, 1273, 1367, 1465, 1528, 1628, 1732, 1840, 1952, 2068, 2188, 2303, 2431,
              2563, 2699, 2809, 2953],
        "M": [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666,
              711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989,
              2099, 2213, 2331],
        "Q": [11, 20, 32, 46, 60, 74, 86, 108, 130, 151, 177, 203, 241, 258, 292, 322, 364, 394, 442, 482,
              509, 565, 611, 661, 715, 751, 805, 868, 908, 982, 1030, 1112, 1168, 1228, 1283, 1351, 1423, 1499,
              1579, 1663],
        "H": [7, 14, 24, 34, 44, 58, 64, 84, 98, 119, 137, 155, 177, 194, 220, 250, 280, 310, 338, 382, 403,
              439, 461, 511, 535, 593, 625, 658, 698, 742, 790, 842, 898, 958, 983, 1051, 1093, 1139, 1219, 1273],
    ]

    /// The smallest version whose byte-mode capacity holds `bytes` at a level. Non-ASCII
    /// text carries a 12-bit ECI designator (UTF-8). With D data codewords a version holds
    /// D-2 bytes (8-bit count, versions 1-9) or D-3 (16-bit count, 10-40), leaving 4 spare
    /// bits, so the designator costs exactly one byte of capacity.
    static func expectedVersion(bytes: Int, ecc: String, eci: Bool = false) -> Int? {
        byteCapacity[ecc]?.firstIndex { $0 - (eci ? 1 : 0) >= bytes }.map { $0 + 1 }
    }

    static let printable = (32...126).map { Character(Unicode.Scalar(UInt8($0))) }
    static let lowercase = Array("abcdefghijklmnopqrstuvwxyz")
    static let cyrillic = Array("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯёЁ ")

    static func string(_ alphabet: [Character], count: Int, using random: inout SeededGenerator) -> String {
        String((0..<count).map { _ in alphabet.randomElement(using: &random) ?? "a" })
    }

    /// Printable ASCII that does not start with "-" (it would be read as an option).
    static func asciiPayload(count: Int, using random: inout SeededGenerator) -> String {
        var text = Self.string(printable, count: count, using: &random)
        if text.first == "-" { text = "x" + text.dropFirst() }
        return text
    }

    /// EAN-13 check digit of 12 digits: weights 1, 3, 1, 3, ... from the left.
    static func checkDigit(_ digits: String) -> Int {
        let sum = digits.compactMap(\.wholeNumberValue).enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 1 : 3) }
        return (10 - sum % 10) % 10
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

    @Test func code128ReadsBackEveryPayload() throws {
        var random = SeededGenerator(seed: 128)
        let cases = (0..<220).map { index -> Case in
            // Short and long payloads, numbers (code set C) and mixed text (A/B).
            let text: String
            switch index % 4 {
            case 0: text = Self.string(Array("0123456789"), count: Int.random(in: 2...30, using: &random), using: &random)
            default: text = Self.asciiPayload(count: Int.random(in: 1...40, using: &random), using: &random)
            }
            return Case(symbology: "code128", text: text, expected: text)
        }
        let problems = try Self.problems(cases)
        #expect(problems.isEmpty, "\(problems.count) of \(cases.count) failed:\n\(problems.prefix(20).joined(separator: "\n"))")
    }

    @Test func ean13ReadsBackWithItsCheckDigit() throws {
        var random = SeededGenerator(seed: 13)
        let cases = (0..<210).map { index -> Case in
            let digits = Self.string(Array("0123456789"), count: 12, using: &random)
            let full = digits + "\(Self.checkDigit(digits))"
            // Every fifth payload gives the check digit itself.
            return Case(symbology: "ean13", text: index % 5 == 0 ? full : digits, expected: full)
        }
        let problems = try Self.problems(cases)
        #expect(problems.isEmpty, "\(problems.count) of \(cases.count) failed:\n\(problems.prefix(20).joined(separator: "\n"))")
    }

    /// Every version 1-40 at every level L, M, Q, H (byte-mode payloads whose length falls
    /// inside that version's band, so the smallest fitting version is known), Cyrillic
    /// UTF-8 text, and mixed ASCII that the encoder may split into modes.
    @Test func qrReadsBackAtEveryVersionAndLevel() throws {
        var random = SeededGenerator(seed: 40)
        var cases: [Case] = []
        for ecc in ["L", "M", "Q", "H"] {
            let capacity = Self.byteCapacity[ecc] ?? []
            for version in 1...40 {
                let low = version == 1 ? 1 : capacity[version - 2] + 1
                let count = Int.random(in: low...capacity[version - 1], using: &random)
                let text = Self.string(Self.lowercase, count: count, using: &random)
                cases.append(Case(symbology: "qr", text: text, expected: text, ecc: ecc, module: 0.5,
                                  version: Self.expectedVersion(bytes: count, ecc: ecc)))
            }
        }
        for index in 0..<30 {
            let ecc = ["L", "M", "Q", "H"][index % 4]
            var text = Self.string(Self.cyrillic, count: Int.random(in: 1...300, using: &random), using: &random)
            text = text.trimmingCharacters(in: .whitespaces).isEmpty ? "Ї" : text
            cases.append(Case(symbology: "qr", text: text, expected: text, ecc: ecc, module: 0.5,
                              version: Self.expectedVersion(bytes: text.utf8.count, ecc: ecc, eci: true)))
        }
        for index in 0..<30 {
            let text = Self.asciiPayload(count: Int.random(in: 1...200, using: &random), using: &random)
            cases.append(Case(symbology: "qr", text: text, expected: text, ecc: ["L", "M", "Q", "H"][index % 4], module: 0.6))
        }
        // The table covers every version at every level.
        let covered = Set(cases.compactMap { item in item.version.map { "\(item.ecc ?? "")\($0)" } })
        #expect(covered.count == 160)
        let problems = try Self.problems(cases)
        #expect(problems.isEmpty, "\(problems.count) of \(cases.count) failed:\n\(problems.prefix(20).joined(separator: "\n"))")
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
