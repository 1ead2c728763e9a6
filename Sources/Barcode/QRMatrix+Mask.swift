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
    /// N3 1:1:3:1:1 finder-like patterns with four light modules on one side (40 each side);
    /// N4 10 for every full 5 % the dark share is away from 50 %.
    func penalty() -> Int {
        var total = 0
        var line = [Bool](repeating: false, count: size)
        for horizontal in [true, false] {
            for fixed in 0..<size {
                for index in 0..<size {
                    line[index] = horizontal ? modules[fixed * size + index] : modules[index * size + fixed]
                }
                total += Self.runPenalty(line) + Self.finderLikePenalty(line)
            }
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let colour = modules[y * size + x]
                if modules[y * size + x + 1] == colour && modules[(y + 1) * size + x] == colour
                    && modules[(y + 1) * size + x + 1] == colour {
                    total += 3
                }
            }
        }
        let dark = modules.reduce(0) { $0 + ($1 ? 1 : 0) }
        let cells = size * size
        total += abs(dark * 100 - cells * 50) / (cells * 5) * 10
        return total
    }

    static func runPenalty(_ line: [Bool]) -> Int {
        var penalty = 0
        var run = 1
        for index in 1...line.count {
            if index < line.count && line[index] == line[index - 1] {
                run += 1
            } else {
                if run >= 5 { penalty += 3 + run - 5 }
                run = 1
            }
        }
        return penalty
    }

    /// Counts dark-light-dark×3-light-dark with four light modules before or after it;
    /// modules beyond the edge count as light (the quiet zone).
    static func finderLikePenalty(_ line: [Bool]) -> Int {
        let pattern = [true, false, true, true, true, false, true]
        func dark(_ index: Int) -> Bool { index >= 0 && index < line.count && line[index] }
        var penalty = 0
        for start in 0...(line.count - 7) {
            guard (0..<7).allSatisfy({ dark(start + $0) == pattern[$0] }) else { continue }
            if (1...4).allSatisfy({ !dark(start - $0) }) { penalty += 40 }
            if (0..<4).allSatisfy({ !dark(start + 7 + $0) }) { penalty += 40 }
        }
        return penalty
    }
}
