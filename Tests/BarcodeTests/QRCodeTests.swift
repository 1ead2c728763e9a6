@testable import Barcode
import Testing
import TestSupport

@Suite struct QRCodeTests {
    /// The standard's worked example: "01234567" at version 1-M is one numeric segment
    /// 0001 0000001000 0000001100 0101011001 1000011 (mode, count 8, 012, 345, 67),
    /// the 0000 terminator, then pad codewords EC 11 alternating up to 16 codewords.
    @Test func workedExampleDataCodewords() throws {
        let plan = try QRCode.DataPlan(text: "01234567", level: .medium, version: nil, eci: nil)
        #expect(plan.version == 1)
        // Bytes: 00010000 00100000 00001100 01010110 01100001 1 0000 000, then padding.
        #expect(plan.dataCodewords == [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11,
                                       0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11])
    }

    @Test func workedExampleErrorCorrection() throws {
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        #expect(ReedSolomon(count: 10).remainder(of: data) == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
        // One block at 1-M: the final sequence is data then error correction.
        #expect(QRCode.finalCodewords(data: data, version: 1, level: .medium)
            == data + [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }

    @Test func reedSolomonRemainderMakesADivisibleCodeword() {
        // A codeword (data followed by remainder) evaluates to zero at every generator root α^i.
        var random = SeededGenerator(seed: 256)
        for count in [7, 10, 13, 17, 22, 26, 28, 30] {
            let data = (0..<40).map { _ in UInt8.random(in: 0...255, using: &random) }
            let codeword = data + ReedSolomon(count: count).remainder(of: data)
            for root in 0..<count {
                var value: UInt8 = 0
                for byte in codeword { value = ReedSolomon.multiply(value, ReedSolomon.exponents[root]) ^ byte }
                #expect(value == 0, "root \(root) with \(count) codewords")
            }
        }
    }

    @Test(arguments: [
        (QRCode.ErrorCorrection.low, 0, 0b111011111000100),
        (.low, 4, 0b110011000101111),
        (.medium, 0, 0b101010000010010),
        (.medium, 2, 0b101111001111100),
        (.medium, 7, 0b100101010100000),
        (.quartile, 5, 0b010000110000011),
        (.high, 3, 0b001100111010000),
        (.high, 7, 0b000100000111011),
    ])
    func formatInformation(level: QRCode.ErrorCorrection, mask: Int, bits: Int) {
        #expect(QRMatrix.formatBits(level: level, mask: mask) == bits)
    }

    @Test func versionInformation() {
        #expect(QRMatrix.versionBits(version: 7) == 0x07C94)
        #expect(QRMatrix.versionBits(version: 8) == 0x085BC)
        #expect(QRMatrix.versionBits(version: 40) == 0x28C69)
    }

    @Test func alignmentPatternCentres() {
        #expect(QRCode.alignmentCentres(version: 1) == [])
        #expect(QRCode.alignmentCentres(version: 2) == [6, 18])
        #expect(QRCode.alignmentCentres(version: 7) == [6, 22, 38])
        #expect(QRCode.alignmentCentres(version: 32) == [6, 34, 60, 86, 112, 138])
        #expect(QRCode.alignmentCentres(version: 36) == [6, 24, 50, 76, 102, 128, 154])
        #expect(QRCode.alignmentCentres(version: 40) == [6, 30, 58, 86, 114, 142, 170])
    }

    @Test func dataModuleFormulaMatchesTheDrawnFunctionPatterns() {
        for version in 1...40 {
            let matrix = QRMatrix(version: version)
            let free = matrix.reserved.filter { !$0 }.count
            #expect(QRCode.dataModuleCount(version: version) == free, "version \(version)")
        }
    }

    @Test func dataCapacitiesFromTheStandard() {
        let expected: [(Int, QRCode.ErrorCorrection, Int)] = [
            (1, .low, 19), (1, .medium, 16), (1, .quartile, 13), (1, .high, 9),
            (5, .quartile, 62), (10, .medium, 216),
            (40, .low, 2956), (40, .medium, 2334), (40, .quartile, 1666), (40, .high, 1276),
        ]
        for (version, level, codewords) in expected {
            #expect(QRCode.dataCodewordCount(version: version, level: level) == codewords, "\(version)-\(level)")
        }
        #expect(QRCode.dataModuleCount(version: 40) / 8 == 3706)
    }

    @Test func segmentationPicksTheFewestBits() {
        // "HELLO WORLD": alphanumeric, 4 + 9 + 5·11 + 6 = 74 bits.
        let hello = QRCode.segments(for: Array("HELLO WORLD".utf8), versionClass: 0)
        #expect(hello.map(\.mode) == [.alphanumeric])
        #expect(QRCode.bitLength(of: hello, versionClass: 0) == 74)
        // Long digit runs inside lower-case text get their own numeric segment.
        let mixed = QRCode.segments(for: Array("serial 123456789012345 ok".utf8), versionClass: 0)
        #expect(mixed.map(\.mode) == [.byte, .numeric, .byte])
        // A short digit run is cheaper left in byte mode.
        #expect(QRCode.segments(for: Array("a12b".utf8), versionClass: 0).map(\.mode) == [.byte])
        // Upper-case text with many digits: alphanumeric, then numeric.
        let code = QRCode.segments(for: Array("SN-A7/0123456789012".utf8), versionClass: 0)
        #expect(code.map(\.mode) == [.alphanumeric, .numeric])
        // "SN-A7/": 13 header bits + 3 pairs · 11; 13 digits: 14 header bits + 4 groups · 10 + 4.
        #expect(QRCode.bitLength(of: code, versionClass: 0) == (4 + 9 + 3 * 11) + (4 + 10 + 4 * 10 + 4))
    }

    @Test func smallestVersionIsChosen() throws {
        // 1-L holds 19 codewords: 4 + 8 + 17·8 = 148 bits fit in 152, 18 bytes do not.
        #expect(try QRCode.encode(String(repeating: "a", count: 17), errorCorrection: .low).size == 21)
        #expect(try QRCode.encode(String(repeating: "a", count: 18), errorCorrection: .low).size == 25)
        #expect(try QRCode.encode("x", version: 40).size == 177)
    }

    @Test func tooMuchDataSaysHowMuchFits() {
        let text = String(repeating: "q", count: 3012)
        do {
            _ = try QRCode.encode(text, errorCorrection: .high)
            Issue.record("expected an error")
        } catch {
            #expect(error == .qrCodeTooLong(utf8Bytes: 3012, dataBits: 4 + 16 + 3012 * 8, version: 40,
                                            errorCorrection: .high, capacityBits: 1276 * 8, byteModeCapacity: 1273))
            #expect(error.description.contains("data needs 3012 bytes"))
            #expect(error.description.contains("version 40-H holds at most 1273 bytes"))
        }
        #expect(throws: BarcodeError.self) { try QRCode.encode(String(repeating: "q", count: 15), version: 1) }
        do {
            _ = try QRCode.encode(String(repeating: "q", count: 15), version: 1)
        } catch {
            // 1-M: 16 codewords, minus 4 + 8 header bits: 14 bytes.
            #expect(error.description.contains("version 1-M holds at most 14 bytes"))
        }
    }

    @Test func emptyTextIsAVersion1Symbol() throws {
        let plan = try QRCode.DataPlan(text: "", level: .high, version: nil, eci: nil)
        #expect(plan.version == 1)
        // Terminator only, then padding.
        #expect(plan.dataCodewords == [0x00, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11])
    }

    @Test func nonASCIITextStartsWithTheUTF8Designator() throws {
        // 0111 (ECI) 00011010 (26), then byte mode 0100, count 00000010, D0 96 ("Ж"):
        // 01110001 10100100 00000010 11010000 10010110.
        let plan = try QRCode.DataPlan(text: "Ж", level: .low, version: nil, eci: nil)
        #expect(Array(plan.dataCodewords.prefix(5)) == [0x71, 0xA4, 0x02, 0xD0, 0x96])
        // ASCII text has no designator.
        #expect(try QRCode.DataPlan(text: "z", level: .low, version: nil, eci: nil).dataCodewords[0] >> 4 == 0b0100)
    }

    @Test func versionOutOfRange() {
        #expect(throws: BarcodeError.invalidVersion(41)) { try QRCode.encode("1", version: 41) }
        #expect(throws: BarcodeError.invalidVersion(0)) { try QRCode.encode("1", version: 0) }
    }

    @Test func formatInformationInTheSymbolNamesLevelAndMask() throws {
        for mask in 0..<8 {
            let symbol = try QRCode.encode("01234567", errorCorrection: .quartile, version: 2, mask: mask)
            let read = QRSymbolReader(symbol)
            #expect(read.formatBits == QRMatrix.formatBits(level: .quartile, mask: mask))
            #expect(read.secondFormatBits == read.formatBits)
        }
    }

    @Test func codewordsReadBackFromEveryVersion() throws {
        for version in 1...40 {
            let level = QRCode.ErrorCorrection.allCases[version % 4]
            let symbol = try QRCode.encode("VERSION \(version)", errorCorrection: level, version: version)
            let plan = try QRCode.DataPlan(text: "VERSION \(version)", level: level, version: version, eci: nil)
            let expected = QRCode.finalCodewords(data: plan.dataCodewords, version: version, level: level)
            #expect(QRSymbolReader(symbol).codewords(version: version) == expected, "version \(version)")
        }
    }

    @Test func versionInformationIsDrawnFromVersion7() throws {
        let symbol = try QRCode.encode("v7", version: 7)
        // Bottom-left block: bit i sits in column i / 3, row size - 11 + i % 3.
        var bits = 0
        for index in 0..<18 where symbol[index / 3, symbol.size - 11 + index % 3] { bits |= 1 << index }
        #expect(bits == 0x07C94)
    }
}
