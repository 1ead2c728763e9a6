import Barcode
import Foundation
import Testing
import TestSupport

/// Every symbol is drawn to an image and read back with zbarimg; the text must come back exactly.
@Suite struct ScannerTests {
    static let cyrillic = "Гарантійний талон №1 — їЇєЄґҐ"

    init() throws {
        try #require(TestSupport.hasTool("zbarimg"), "zbar-tools must be installed (apt-get install zbar-tools)")
    }

    /// Random text from a few character groups, so segment and code-set changes happen often.
    static func text(length: Int, groups: [[Character]], using random: inout SeededGenerator) -> String {
        var text = ""
        while text.count < length {
            let group = groups[Int.random(in: 0..<groups.count, using: &random)]
            for _ in 0..<min(length - text.count, Int.random(in: 1...12, using: &random)) {
                text.append(group[Int.random(in: 0..<group.count, using: &random)])
            }
        }
        return text
    }

    static let digits = Array("0123456789")
    static let upper = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
    static let lower = Array("abcdefghijklmnopqrstuvwxyz,;!?()[]{}<>=_@#&'\"")
    /// Ukrainian letters take two bytes each in UTF-8; the signs below take three.
    static let ukrainian = Array("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ")
    static let signs = Array("№—’«»")

    func expectRoundTrip(_ payloads: [String], images: [Data], options: [String]) throws {
        let raw = payloads.allSatisfy { !$0.contains("\n") && !$0.contains("\r") }
        let decoded = try Scanner.decode(images, options: options, raw: raw)
        var failures = 0
        for (payload, text) in zip(payloads, decoded) where text != payload {
            failures += 1
            if failures <= 5 { Issue.record("read \(text.map { "\"\($0)\"" } ?? "nothing") for \"\(payload)\"") }
        }
        #expect(failures == 0, "\(failures) of \(payloads.count) symbols did not read back")
    }

    @Test func qrCodeEveryVersionAndLevel() throws {
        var random = SeededGenerator(seed: 18004)
        var payloads: [String] = []
        var images: [Data] = []
        for version in 1...40 {
            for level in QRCode.ErrorCorrection.allCases {
                // Probe the byte capacity with the encoder's own error, then fill 60-100 % of it.
                var capacity = 0
                do {
                    _ = try QRCode.encode(String(repeating: "~", count: 4000), errorCorrection: level, version: version)
                } catch {
                    if case let .qrCodeTooLong(_, _, _, _, _, bytes) = error { capacity = bytes }
                }
                try #require(capacity > 0)
                let length = Int.random(in: (capacity * 6 / 10)...capacity, using: &random)
                let payload: String
                switch (version + (QRCode.ErrorCorrection.allCases.firstIndex(of: level) ?? 0)) % 4 {
                case 0: payload = Self.text(length: length, groups: [Self.digits], using: &random)
                case 1: payload = Self.text(length: length, groups: [Self.digits, Self.upper], using: &random)
                case 2: payload = Self.text(length: length, groups: [Self.digits, Self.upper, Self.lower], using: &random)
                default:
                    // Two UTF-8 bytes per letter, plus the ECI header.
                    payload = Self.text(length: max(1, (capacity - 2) / 2), groups: [Self.ukrainian], using: &random)
                }
                let symbol = try QRCode.encode(payload, errorCorrection: level, version: version)
                #expect(symbol.size == 17 + 4 * version)
                payloads.append(payload)
                images.append(Scanner.pgm(symbol))
            }
        }
        try expectRoundTrip(payloads, images: images, options: ["-Sqrcode.enable"])
    }

    @Test func qrCodeRandomTextWithAutomaticVersion() throws {
        var random = SeededGenerator(seed: 2005)
        var payloads = [Self.cyrillic, "01234567", "HELLO WORLD", "https://example.com/rma?id=UA-2024-000123"]
        for index in 0..<200 {
            let groups = [[Self.digits], [Self.digits, Self.upper], [Self.digits, Self.upper, Self.lower],
                          [Self.digits, Self.lower, Self.ukrainian, Self.signs]][index % 4]
            payloads.append(Self.text(length: Int.random(in: 1...120, using: &random), groups: groups, using: &random))
        }
        let images = try payloads.enumerated().map { index, payload in
            Scanner.pgm(try QRCode.encode(payload, errorCorrection: QRCode.ErrorCorrection.allCases[index % 4]))
        }
        try expectRoundTrip(payloads, images: images, options: ["-Sqrcode.enable"])
    }

    @Test func code128RandomText() throws {
        var random = SeededGenerator(seed: 15417)
        let controls = (1...31).map { Character(Unicode.Scalar(UInt8($0))) }
        var payloads = ["123456", "AB12", "A1234567", "SN-2024-000123", "ab\tcd"]
        for index in 0..<200 {
            let groups = index % 5 == 0 ? [Self.digits, Self.upper, controls] : [Self.digits, Self.upper, Self.lower]
            payloads.append(Self.text(length: Int.random(in: 1...30, using: &random), groups: groups, using: &random))
        }
        let images = try payloads.map { Scanner.pgm(try Code128.encode($0)) }
        try expectRoundTrip(payloads, images: images, options: ["-Scode128.enable"])
    }

    @Test func gs1_128ReadsWithGroupSeparators() throws {
        // zbar marks the symbol GS1 and writes the separators as GS; the leading FNC1 is not text.
        let payloads = ["0101234567890128\u{1D}21ABC123", "01095011010209171719050810ABCD1234", "00123456789012345675"]
        let images = try payloads.map { Scanner.pgm(try Code128.encode($0, gs1: true)) }
        try expectRoundTrip(payloads, images: images, options: ["-Scode128.enable"])
    }

    @Test func ean13AndUPCARandomDigits() throws {
        var random = SeededGenerator(seed: 15420)
        var ean: [String] = ["4006381333931", "5901234123457"]
        var upc: [String] = ["036000291452"]
        for _ in 0..<200 {
            let twelve = String((0..<12).map { _ in Self.digits[Int.random(in: 1...9, using: &random) % 10] })
            ean.append(twelve + String(try EAN13.checkDigit(for: twelve)))
            let eleven = String((0..<11).map { _ in Self.digits[Int.random(in: 0...9, using: &random)] })
            upc.append(eleven + String(try UPCA.checkDigit(for: eleven)))
        }
        let eanImages = try ean.map { Scanner.pgm(try EAN13.encode(String($0.prefix(12)))) }
        try expectRoundTrip(ean, images: eanImages, options: ["-Sean13.enable"])
        let upcImages = try upc.map { Scanner.pgm(try UPCA.encode(String($0.prefix(11)))) }
        try expectRoundTrip(upc, images: upcImages, options: ["-Sean13.enable", "-Supca.enable"])
    }
}
