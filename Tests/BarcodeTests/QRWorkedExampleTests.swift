@testable import Barcode
import Testing

/// The standard's example "01234567" at 1-M as a whole symbol.
///
/// The codewords are checked byte by byte in `QRCodeTests`; this pins the final matrix.
/// The figure in ISO/IEC 18004 could not be consulted here (the stored copies are text only),
/// so the matrix below was checked by hand instead: finders, timing row/column, the format
/// information 101010000010010 (level M, mask 0, the lowest penalty: 1057 against 1117 for the
/// next best, mask 2) in both copies, the dark module at (8, 13), and zbarimg reads it as "01234567".
@Suite struct QRWorkedExampleTests {
    static let expected = [
        "#######...###.#######",
        "#.....#.###...#.....#",
        "#.###.#..##...#.###.#",
        "#.###.#..#.##.#.###.#",
        "#.###.#.##.##.#.###.#",
        "#.....#....#..#.....#",
        "#######.#.#.#.#######",
        ".....................",
        "#.#.#.#...#.#...#..#.",
        "##.#....#.##.#.#...#.",
        "...##.###.##.###.###.",
        "##..##.#.#.###.##..#.",
        "..#..###.###.###....#",
        "........#.#...#....#.",
        "#######.....#...#...#",
        "#.....#...#...#..#.##",
        "#.###.#.###.#.#.###.#",
        "#.###.#..#.#.#.#.###.",
        "#.###.#.##.#.###..#.#",
        "#.....#....###.###...",
        "#######.#..#.###..#.#",
    ]

    @Test func finalMatrix() throws {
        let symbol = try QRCode.encode("01234567", errorCorrection: .medium)
        #expect(symbol.size == 21)
        #expect(symbol.quietZone == 4)
        let rows = (0..<21).map { y in String((0..<21).map { symbol[$0, y] ? "#" : "." }) }
        for (index, (row, expected)) in zip(rows, Self.expected).enumerated() {
            #expect(row == expected, "row \(index)")
        }
    }

    @Test func maskPenaltiesOfTheExample() throws {
        let plan = try QRCode.DataPlan(text: "01234567", level: .medium, version: nil, eci: nil)
        var penalties: [Int] = []
        for mask in 0..<8 {
            var matrix = QRMatrix(version: 1)
            matrix.placeCodewords(QRCode.finalCodewords(data: plan.dataCodewords, version: 1, level: .medium))
            matrix.applyMask(mask)
            matrix.drawFormatInformation(level: .medium, mask: mask)
            penalties.append(matrix.penalty())
        }
        #expect(penalties.firstIndex(of: penalties.min() ?? 0) == 0)
    }

    @Test func penaltyRules() {
        // N1: a run of 7 scores 3 + 2; runs of 4 score nothing.
        #expect(QRMatrix.runPenalty([true, true, true, true, true, true, true, false, false, false, false]) == 5)
        #expect(QRMatrix.runPenalty([true, true, true, true, false, false, false, false]) == 0)
        // N3: 1011101 with four light modules after it, and before it at the edge (outside is light).
        let finderLike: [Bool] = [true, false, true, true, true, false, true, false, false, false, false, true]
        #expect(QRMatrix.finderLikePenalty(finderLike) == 80)
        let shifted: [Bool] = [true, true, false, true, true, true, false, true, false, false, false, true]
        #expect(QRMatrix.finderLikePenalty(shifted) == 0)
    }
}
