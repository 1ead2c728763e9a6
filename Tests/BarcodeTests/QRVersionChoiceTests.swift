@testable import Barcode
import Testing
import TestSupport

/// The encoder picks the smallest version that holds a payload, checked in-process against
/// ISO/IEC 18004's byte-mode capacities (table 7), typed in here rather than taken from the
/// encoder: at every version and level, a payload of exactly the capacity and one of a
/// byte more than the version below holds. The version is read from the encoder's data
/// plan (a whole symbol of version 40 takes long to mask in a debug build); a few whole
/// symbols show that the plan's version is the symbol's.
@Suite struct QRVersionChoiceTests {
    /// Bytes a QR version holds in byte mode, per error-correction level.
    static let byteCapacity: [QRCode.ErrorCorrection: [Int]] = [
        .low: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858,
               929, 1003, 1091, 1171, 1273, 1367, 1465, 1528, 1628, 1732, 1840, 1952, 2068, 2188, 2303, 2431,
               2563, 2699, 2809, 2953],
        .medium: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666,
                  711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989,
                  2099, 2213, 2331],
        .quartile: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151, 177, 203, 241, 258, 292, 322, 364, 394, 442, 482,
                    509, 565, 611, 661, 715, 751, 805, 868, 908, 982, 1030, 1112, 1168, 1228, 1283, 1351, 1423, 1499,
                    1579, 1663],
        .high: [7, 14, 24, 34, 44, 58, 64, 84, 98, 119, 137, 155, 177, 194, 220, 250, 280, 310, 338, 382, 403,
                439, 461, 511, 535, 593, 625, 658, 698, 742, 790, 842, 898, 958, 983, 1051, 1093, 1139, 1219, 1273],
    ]

    static let lowercase = Array("abcdefghijklmnopqrstuvwxyz")
    static let cyrillic = Array("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ")

    /// The smallest version whose byte-mode capacity holds `bytes`. Non-ASCII text carries a
    /// 12-bit ECI designator (UTF-8); with 4 spare bits in every version it costs one byte.
    static func expectedVersion(bytes: Int, level: QRCode.ErrorCorrection, eci: Bool) -> Int? {
        byteCapacity[level]?.firstIndex { $0 - (eci ? 1 : 0) >= bytes }.map { $0 + 1 }
    }

    static func text(_ alphabet: [Character], count: Int, using random: inout SeededGenerator) -> String {
        String((0..<count).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] })
    }

    /// The version the encoder chooses for `text`, without drawing the symbol.
    static func chosenVersion(_ text: String, _ level: QRCode.ErrorCorrection) throws -> Int {
        try QRCode.DataPlan(text: text, level: level, version: nil, eci: nil).version
    }

    @Test(arguments: QRCode.ErrorCorrection.allCases)
    func smallestVersionAtEveryBandEdge(level: QRCode.ErrorCorrection) throws {
        var random = SeededGenerator(seed: 18_004)
        let capacity = try #require(Self.byteCapacity[level])
        for version in 1...40 {
            let lowest = version == 1 ? 1 : capacity[version - 2] + 1
            for count in [lowest, capacity[version - 1]] {
                let text = Self.text(Self.lowercase, count: count, using: &random)
                #expect(try Self.chosenVersion(text, level) == version, "\(count) bytes at \(level)")
                if count == lowest && [1, 10].contains(version) {
                    #expect(try QRCode.encode(text, errorCorrection: level).size == 17 + 4 * version)
                }
            }
        }
        // A byte more than version 40 holds is refused.
        #expect(throws: BarcodeError.self) {
            try QRCode.encode(Self.text(Self.lowercase, count: capacity[39] + 1, using: &random), errorCorrection: level)
        }
    }

    @Test func cyrillicTextCountsItsDesignator() throws {
        var random = SeededGenerator(seed: 40)
        for index in 0..<120 {
            let level = QRCode.ErrorCorrection.allCases[index % 4]
            let text = Self.text(Self.cyrillic, count: Int.random(in: 1...600, using: &random), using: &random)
            let version = try #require(Self.expectedVersion(bytes: text.utf8.count, level: level, eci: true))
            #expect(try Self.chosenVersion(text, level) == version, "\(text.utf8.count) bytes of Cyrillic at \(level)")
        }
    }
}
