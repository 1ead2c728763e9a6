extension QRCode {
    /// The three data modes this encoder uses.
    enum Mode: Int, Sendable, CaseIterable {
        case numeric, alphanumeric, byte

        /// The 4-bit mode indicator.
        var indicator: Int {
            switch self {
            case .numeric: 0b0001
            case .alphanumeric: 0b0010
            case .byte: 0b0100
            }
        }

        /// Width of the character count field; `versionClass` is 0 (1-9), 1 (10-26) or 2 (27-40).
        func countBits(versionClass: Int) -> Int {
            switch self {
            case .numeric: [10, 12, 14][versionClass]
            case .alphanumeric: [9, 11, 13][versionClass]
            case .byte: [8, 16, 16][versionClass]
            }
        }
    }

    /// A run of input bytes written in one mode.
    struct Segment: Sendable, Equatable {
        var mode: Mode
        var bytes: ArraySlice<UInt8>
    }

    static func versionClass(of version: Int) -> Int { version <= 9 ? 0 : version <= 26 ? 1 : 2 }

    /// The value of an alphanumeric-mode character, or nil.
    static func alphanumericValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 48...57: Int(byte) - 48
        case 65...90: Int(byte) - 55
        case 32: 36
        case 36: 37
        case 37: 38
        case 42: 39
        case 43: 40
        case 45: 41
        case 46: 42
        case 47: 43
        case 58: 44
        default: nil
        }
    }

    /// The segmentation of `bytes` with the fewest bits for the version class, by dynamic
    /// programming over (bytes consumed, state). The state remembers the current segment's mode
    /// and how many characters its last incomplete group holds, because numeric mode packs
    /// 3 digits in 10 bits (1 in 4, 2 in 7) and alphanumeric 2 characters in 11 bits (1 in 6);
    /// so the bit counts are exact, not averaged.
    static func segments(for bytes: [UInt8], versionClass: Int) -> [Segment] {
        // States: 0 byte; 1, 2 alphanumeric with odd/even count; 3, 4, 5 numeric with count % 3 = 1, 2, 0.
        let stateMode: [Mode] = [.byte, .alphanumeric, .alphanumeric, .numeric, .numeric, .numeric]
        let header = Mode.allCases.map { 4 + $0.countBits(versionClass: versionClass) }
        let unreachable = Int.max / 4
        let count = bytes.count
        var cost = [Int](repeating: unreachable, count: 6)
        // back[6 * i + s]: the state before byte i - 1 when byte i - 1 ends in state s.
        var back = [Int8](repeating: -1, count: 6 * (count + 1))
        var isStart = true
        for index in 0..<count {
            let byte = bytes[index]
            var next = [Int](repeating: unreachable, count: 6)
            var from = [Int](repeating: -1, count: 6)
            // The cheapest way to start a new segment of `mode` here, from a state of another mode.
            func bestOutside(_ mode: Mode) -> (cost: Int, state: Int) {
                if isStart { return (0, -1) }
                var best = (cost: unreachable, state: -1)
                for state in 0..<6 where stateMode[state] != mode && cost[state] < best.cost {
                    best = (cost[state], state)
                }
                return best
            }
            func offer(_ state: Int, _ value: Int, _ previous: Int) {
                if value < next[state] { next[state] = value; from[state] = previous }
            }
            let outsideByte = bestOutside(.byte)
            offer(0, outsideByte.cost + header[Mode.byte.rawValue] + 8, outsideByte.state)
            if !isStart { offer(0, cost[0] + 8, 0) }
            if alphanumericValue(byte) != nil {
                let outside = bestOutside(.alphanumeric)
                offer(1, outside.cost + header[Mode.alphanumeric.rawValue] + 6, outside.state)
                if !isStart {
                    offer(2, cost[1] + 5, 1)
                    offer(1, cost[2] + 6, 2)
                }
            }
            if byte >= 48 && byte <= 57 {
                let outside = bestOutside(.numeric)
                offer(3, outside.cost + header[Mode.numeric.rawValue] + 4, outside.state)
                if !isStart {
                    offer(4, cost[3] + 3, 3)
                    offer(5, cost[4] + 3, 4)
                    offer(3, cost[5] + 4, 5)
                }
            }
            cost = next
            for state in 0..<6 { back[6 * (index + 1) + state] = Int8(from[state]) }
            isStart = false
        }
        guard count > 0 else { return [] }
        // Walk back to the mode of every byte, then cut runs of one mode into segments.
        var state = 0
        for candidate in 1..<6 where cost[candidate] < cost[state] { state = candidate }
        var modes = [Mode](repeating: .byte, count: count)
        var index = count
        while index > 0 {
            modes[index - 1] = stateMode[state]
            state = Int(back[6 * index + state])
            index -= 1
        }
        var segments: [Segment] = []
        var start = 0
        for end in 1...count where end == count || modes[end] != modes[start] {
            segments.append(Segment(mode: modes[start], bytes: bytes[start..<end]))
            start = end
        }
        return segments
    }

    /// Appends mode indicator, count and data of each segment; a segment longer than its count
    /// field allows is written as several segments.
    static func appendSegments(_ segments: [Segment], versionClass: Int, to buffer: inout BitBuffer) {
        for segment in segments {
            let countBits = segment.mode.countBits(versionClass: versionClass)
            let limit = (1 << countBits) - 1
            var start = segment.bytes.startIndex
            while start < segment.bytes.endIndex {
                let end = min(segment.bytes.endIndex, start + limit)
                let part = segment.bytes[start..<end]
                buffer.append(segment.mode.indicator, width: 4)
                buffer.append(part.count, width: countBits)
                appendData(part, mode: segment.mode, to: &buffer)
                start = end
            }
        }
    }

    static func appendData(_ bytes: ArraySlice<UInt8>, mode: Mode, to buffer: inout BitBuffer) {
        switch mode {
        case .byte:
            for byte in bytes { buffer.append(Int(byte), width: 8) }
        case .numeric:
            var index = bytes.startIndex
            while index < bytes.endIndex {
                let end = min(bytes.endIndex, index + 3)
                var value = 0
                for digit in bytes[index..<end] { value = value * 10 + Int(digit) - 48 }
                buffer.append(value, width: [0, 4, 7, 10][end - index])
                index = end
            }
        case .alphanumeric:
            var index = bytes.startIndex
            while index < bytes.endIndex {
                let first = alphanumericValue(bytes[index]) ?? 0
                if index + 1 < bytes.endIndex {
                    buffer.append(first * 45 + (alphanumericValue(bytes[index + 1]) ?? 0), width: 11)
                    index += 2
                } else {
                    buffer.append(first, width: 6)
                    index += 1
                }
            }
        }
    }

    /// Bits that `appendSegments` writes.
    static func bitLength(of segments: [Segment], versionClass: Int) -> Int {
        var buffer = BitBuffer()
        appendSegments(segments, versionClass: versionClass, to: &buffer)
        return buffer.count
    }
}
