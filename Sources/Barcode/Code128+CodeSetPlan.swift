extension Code128 {
    /// Chooses code sets by dynamic programming over (position, current set): the cost of a
    /// state is the fewest symbol characters that encode the rest of the input from there.
    /// Moves: encode one character (or a digit pair in C) in the current set; shift A<->B for one
    /// character; switch set. Ties prefer staying in the set, so output is stable.
    struct CodeSetPlan {
        /// ASCII codes; nil is FNC1.
        let input: [UInt8?]

        init(_ input: [UInt8?]) { self.input = input }

        private enum Move { case encode, shift }

        private func isDigit(_ index: Int) -> Bool {
            guard index < input.count, let byte = input[index] else { return false }
            return byte >= 48 && byte <= 57
        }

        /// How many characters an encode move in `set` consumes at `index` (0 if it cannot).
        private func consumed(in set: CodeSet, at index: Int) -> Int {
            let element = input[index]
            if set == .c {
                if element == nil { return 1 }
                return isDigit(index) && isDigit(index + 1) ? 2 : 0
            }
            return set.value(of: element) != nil ? 1 : 0
        }

        /// The start value followed by the data values.
        func values() -> [Int] {
            let count = input.count
            let unreachable = Int.max / 2
            // One row of three (sets A, B, C) per input position, in flat arrays: nested arrays
            // cost an allocation per position.
            // cost[3i + s]: fewest symbols for input[i...] when set s is active.
            var cost = [Int](repeating: 0, count: 3 * (count + 1))
            // How input[i] is written once set s is active (encode or shift) ...
            var localMove = [Move](repeating: .encode, count: 3 * (count + 1))
            // ... and which set to switch to first, if any.
            var switchTarget = [CodeSet?](repeating: nil, count: 3 * (count + 1))
            var local = [unreachable, unreachable, unreachable]
            for index in stride(from: count - 1, through: 0, by: -1) {
                let row = 3 * index
                for set in CodeSet.allCases {
                    local[set.rawValue] = unreachable
                    let step = consumed(in: set, at: index)
                    if step > 0 {
                        local[set.rawValue] = 1 + cost[3 * (index + step) + set.rawValue]
                    }
                    if set != .c, let element = input[index] {
                        let other: CodeSet = set == .a ? .b : .a
                        let shifted = 2 + cost[row + 3 + set.rawValue]
                        if other.value(of: element) != nil, shifted < local[set.rawValue] {
                            local[set.rawValue] = shifted
                            localMove[row + set.rawValue] = .shift
                        }
                    }
                }
                for set in CodeSet.allCases {
                    var best = local[set.rawValue]
                    for other in CodeSet.allCases where other != set && 1 + local[other.rawValue] < best {
                        best = 1 + local[other.rawValue]
                        switchTarget[row + set.rawValue] = other
                    }
                    cost[row + set.rawValue] = best
                }
            }
            // Starting in a set costs nothing extra: pick the cheapest (ties: B, then A, then C).
            var set = CodeSet.b
            for candidate in [CodeSet.a, .c] where cost[candidate.rawValue] < cost[set.rawValue] {
                set = candidate
            }
            if count > 0, let other = switchTarget[set.rawValue] { set = other }
            var values = [set.startValue]
            var index = 0
            while index < count {
                if let other = switchTarget[3 * index + set.rawValue] {
                    values.append(other.switchValue)
                    set = other
                }
                switch localMove[3 * index + set.rawValue] {
                case .shift:
                    let other: CodeSet = set == .a ? .b : .a
                    values.append(Value.shift)
                    values.append(other.value(of: input[index]) ?? 0)
                    index += 1
                case .encode:
                    if set == .c, let byte = input[index], index + 1 < count, let next = input[index + 1] {
                        values.append(Int(byte &- 48) * 10 + Int(next &- 48))
                        index += 2
                    } else {
                        values.append(set.value(of: input[index]) ?? 0)
                        index += 1
                    }
                }
            }
            return values
        }
    }
}
