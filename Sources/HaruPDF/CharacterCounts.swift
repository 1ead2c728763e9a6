/// How often each character beyond ASCII is drawn in a document (`PagePainter.frequency`),
/// so the most frequent get the codes a content stream holds in one byte
/// (`CompactEncoding`): a flat table below U+0800 (Latin, Greek, Cyrillic, ... counted
/// without hashing), a dictionary above.
struct CharacterCounts {
    private var low: [Int]
    private var high: [UInt32: Int] = [:]

    /// No character counted (the flat table is made by the first count).
    init() { low = [] }

    /// The counts of `counts`, for tests.
    init(_ counts: [UInt32: Int]) {
        self.init()
        for (scalar, count) in counts { add(count, to: scalar) }
    }

    /// How often `scalar` was counted (0 for ASCII: never counted).
    subscript(scalar: UInt32) -> Int {
        guard scalar > 0x7E else { return 0 }
        if scalar < 0x800 { return low.indices.contains(Int(scalar)) ? low[Int(scalar)] : 0 }
        return high[scalar] ?? 0
    }

    private mutating func add(_ count: Int, to scalar: UInt32) {
        guard scalar > 0x7E else { return }
        makeTable()
        if scalar < 0x800 { low[Int(scalar)] += count } else { high[scalar, default: 0] += count }
    }

    private mutating func makeTable() {
        if low.isEmpty { low = [Int](repeating: 0, count: 0x800) }
    }

    /// Counts the characters beyond ASCII of valid UTF-8 `bytes`. ASCII bytes are skipped
    /// without decoding.
    mutating func count(_ bytes: UnsafeBufferPointer<UInt8>) {
        makeTable()
        low.withUnsafeMutableBufferPointer { low in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                guard byte >= 0x80 else { continue }
                if byte >= 0xC0, byte < 0xE0, index < bytes.count {
                    // Two bytes: below U+0800.
                    low[Int(UInt32(byte & 0x1F) << 6 | UInt32(bytes[index] & 0x3F))] += 1
                    index += 1
                    continue
                }
                var scalar: UInt32, trailing: Int
                switch byte {
                case 0xC0..<0xE0: scalar = UInt32(byte & 0x1F); trailing = 1
                case 0xE0..<0xF0: scalar = UInt32(byte & 0x0F); trailing = 2
                case 0xF0...: scalar = UInt32(byte & 0x07); trailing = 3
                default: continue
                }
                for _ in 0..<trailing where index < bytes.count {
                    scalar = scalar << 6 | UInt32(bytes[index] & 0x3F)
                    index += 1
                }
                if scalar < 0x800 {
                    low[Int(scalar)] += 1
                } else {
                    high[scalar, default: 0] += 1
                }
            }
        }
    }
}
