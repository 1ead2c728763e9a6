extension QRCode {
    /// Error-correction codewords per block, by level (L, M, Q, H) and version 1...40
    /// (index 0 unused). Written from the standard's table of error-correction characteristics.
    static let correctionCodewordsPerBlock: [[Int]] = [
        [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
         28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
         26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
         28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
         30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]

    /// Number of error-correction blocks, by level (L, M, Q, H) and version 1...40.
    static let blockCounts: [[Int]] = [
        [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
         8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
         17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
         23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
         25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]

    /// Row of a level in the tables above (the tables list L, M, Q, H).
    static func tableRow(_ level: ErrorCorrection) -> Int {
        switch level {
        case .low: 0
        case .medium: 1
        case .quartile: 2
        case .high: 3
        }
    }

    /// Side length in modules.
    static func size(ofVersion version: Int) -> Int { 17 + 4 * version }

    /// Centres of alignment patterns along one axis (empty for version 1). The first is always 6,
    /// the last `size - 7`; the ones between are evenly spaced by an even step, counted from the
    /// last, so any uneven gap falls next to 6.
    static func alignmentCentres(version: Int) -> [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let last = size(ofVersion: version) - 7
        // Version 32 is the one place where the rounding rule below gives 28 but the standard uses 26.
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var centres = [6]
        for index in stride(from: count - 2, through: 0, by: -1) { centres.append(last - index * step) }
        return centres
    }

    /// Modules left for data and error correction once function patterns, format and version
    /// information are placed.
    static func dataModuleCount(version: Int) -> Int {
        let size = size(ofVersion: version)
        var count = size * size
        count -= 3 * 64                // finders with their separators, 8×8 each
        count -= 2 * 15 + 1            // two copies of format information, dark module
        count -= 2 * (size - 16)       // timing patterns between the separators
        let centres = alignmentCentres(version: version).count
        if centres > 0 {
            let patterns = centres * centres - 3
            count -= patterns * 25
            // Alignment patterns on row/column 6 overlap the timing pattern by 5 modules each.
            count += 2 * (centres - 2) * 5
        }
        if version >= 7 { count -= 2 * 18 }
        return count
    }

    /// Data codewords (after error correction is taken out) for a version and level.
    static func dataCodewordCount(version: Int, level: ErrorCorrection) -> Int {
        let row = tableRow(level)
        return dataModuleCount(version: version) / 8
            - correctionCodewordsPerBlock[row][version] * blockCounts[row][version]
    }
}
