extension QRMatrix {
    /// Whether mask pattern `mask` inverts the module in row `y`, column `x`.
    static func masks(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: (y + x) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (y + x) % 3 == 0
        case 4: (y / 2 + x / 3) % 2 == 0
        case 5: (y * x) % 2 + (y * x) % 3 == 0
        case 6: ((y * x) % 2 + (y * x) % 3) % 2 == 0
        default: ((y + x) % 2 + (y * x) % 3) % 2 == 0
        }
    }

    /// Inverts the data modules the mask selects (applying it twice undoes it).
    mutating func applyMask(_ mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !reserved[y * size + x] && Self.masks(mask, x: x, y: y) {
                modules[y * size + x].toggle()
            }
        }
    }

    /// The mask with the lowest penalty (the lowest number on a tie), judged with format
    /// information in place as in the final symbol.
    func bestMask(level: QRCode.ErrorCorrection) -> Int {
        var best = (mask: 0, penalty: Int.max)
        for mask in 0..<8 {
            var candidate = self
            candidate.applyMask(mask)
            candidate.drawFormatInformation(level: level, mask: mask)
            let penalty = candidate.penalty()
            if penalty < best.penalty { best = (mask, penalty) }
        }
        return best.mask
    }

    /// The four penalty rules of the standard:
    /// N1 runs of five or more same-colour modules in a row or column (3 + run - 5 each);
    /// N2 2×2 blocks of one colour (3 each);
    /// N3 1:1:3:1:1 finder-like patterns with four light modules on one side (40 each side;
    ///    modules beyond the edge count as light, as the quiet zone is);
    /// N4 10 for every full 5 % the dark share is away from 50 %.
    func penalty() -> Int {
        modules.withUnsafeBufferPointer { cells in
            var total = 0
            for fixed in 0..<size {
                total += Self.linePenalty(cells, start: fixed * size, step: 1, count: size)
                total += Self.linePenalty(cells, start: fixed, step: size, count: size)
            }
            var dark = 0
            for y in 0..<size {
                for x in 0..<size {
                    let colour = cells[y * size + x]
                    if colour { dark += 1 }
                    if x + 1 < size && y + 1 < size && cells[y * size + x + 1] == colour
                        && cells[(y + 1) * size + x] == colour && cells[(y + 1) * size + x + 1] == colour {
                        total += 3
                    }
                }
            }
            let count = size * size
            total += abs(dark * 100 - count * 50) / (count * 5) * 10
            return total
        }
    }

    /// N1 and N3 for one row or column.
    static func linePenalty(_ cells: UnsafeBufferPointer<Bool>, start: Int, step: Int, count: Int) -> Int {
        var penalty = 0
        var run = 0
        var previous = false
        // The last 11 modules read, newest in bit 0; starts with the light quiet zone.
        var window = 0
        for index in 0..<(count + 4) {
            let dark = index < count && cells[start + index * step]
            if index < count {
                if index > 0 && dark == previous {
                    run += 1
                } else {
                    if run >= 5 { penalty += run - 2 }
                    run = 1
                }
                previous = dark
            }
            window = (window << 1 | (dark ? 1 : 0)) & 0x7FF
            if window == 0b101_1101_0000 || (index < count && window == 0b000_0101_1101) { penalty += 40 }
        }
        if run >= 5 { penalty += run - 2 }
        return penalty
    }

    /// N1 alone, for tests.
    static func runPenalty(_ line: [Bool]) -> Int {
        line.withUnsafeBufferPointer { cells in
            var penalty = 0
            var run = 0
            for index in cells.indices {
                if index > 0 && cells[index] == cells[index - 1] {
                    run += 1
                } else {
                    if run >= 5 { penalty += run - 2 }
                    run = 1
                }
            }
            return penalty + (run >= 5 ? run - 2 : 0)
        }
    }

    /// N3 alone, for tests.
    static func finderLikePenalty(_ line: [Bool]) -> Int {
        let runs = runPenalty(line)
        return line.withUnsafeBufferPointer { linePenalty($0, start: 0, step: 1, count: line.count) } - runs
    }
}
