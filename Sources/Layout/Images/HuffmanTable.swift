/// A canonical Huffman code (RFC 1951 §3.2.2) as lookup tables, so a symbol is decoded
/// in one or two table reads instead of walking a tree bit by bit.
///
/// The root table is indexed by the next `bits` input bits (least significant first,
/// at most `rootLimit`, so it stays in the L1 cache); codes longer than that continue in
/// a subtable appended after the root. Entries are:
/// - `symbol << 8 | length` for a code of `length` bits (1...15);
/// - `offset << 8 | 0x80 | width` for a link to the subtable at `offset`, indexed by the
///   `width` bits that follow the root bits;
/// - 0 where no code starts with those bits (an invalid code).
struct HuffmanTable: Sendable {
    var entries: [UInt32]
    /// How many input bits index the root table (at least 1).
    var bits: Int

    static let rootLimit = 10

    /// Builds the tables for `lengths[symbol]` (0 = symbol unused). An over-subscribed
    /// set of lengths is an error; an incomplete one leaves unused bit patterns invalid.
    init(lengths: ArraySlice<UInt8>, name: String) throws(DeflateFailure) {
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths {
            guard length <= 15 else { throw DeflateFailure("code length above 15 in \(name) code") }
            counts[Int(length)] += 1
        }
        counts[0] = 0
        var left = 1
        var longest = 0
        for length in 1...15 {
            left <<= 1
            left -= counts[length]
            if left < 0 { throw DeflateFailure("over-subscribed \(name) code lengths") }
            if counts[length] > 0 { longest = length }
        }
        var nextCode = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1...15 {
            code = (code + counts[length - 1]) << 1
            nextCode[length] = code
        }
        let root = min(max(longest, 1), HuffmanTable.rootLimit)
        let subtableWidth = max(longest - root, 0)
        var entries = [UInt32](repeating: 0, count: 1 << root)
        for (offset, length) in lengths.enumerated() where length > 0 {
            let length = Int(length)
            let code = nextCode[length]
            nextCode[length] += 1
            // Codes are stored most significant bit first; the stream is read LSB first.
            var reversed = 0
            for bit in 0..<length where code & (1 << bit) != 0 {
                reversed |= 1 << (length - 1 - bit)
            }
            let leaf = UInt32(offset << 8 | length)
            if length <= root {
                var index = reversed
                while index < 1 << root {
                    entries[index] = leaf
                    index += 1 << length
                }
                continue
            }
            let prefix = reversed & ((1 << root) - 1)
            if entries[prefix] & 0x80 == 0 {
                // A prefix-free code never fills this root slot with a leaf.
                entries[prefix] = UInt32(entries.count << 8 | 0x80 | subtableWidth)
                entries.append(contentsOf: repeatElement(0, count: 1 << subtableWidth))
            }
            let start = Int(entries[prefix] >> 8)
            var index = reversed >> root
            while index < 1 << subtableWidth {
                entries[start + index] = leaf
                index += 1 << (length - root)
            }
        }
        self.entries = entries
        self.bits = root
    }

    /// The fixed literal/length code of block type 1.
    static let fixedLiterals: HuffmanTable = {
        var lengths = [UInt8](repeating: 8, count: 288)
        for symbol in 144..<256 { lengths[symbol] = 9 }
        for symbol in 256..<280 { lengths[symbol] = 7 }
        // The fixed lengths are a complete, valid code, so the fallback is never used.
        return (try? HuffmanTable(lengths: lengths[...], name: "fixed")) ?? HuffmanTable()
    }()

    /// The fixed distance code of block type 1 (30 used symbols of 5 bits, 2 invalid).
    static let fixedDistances: HuffmanTable = {
        let lengths = [UInt8](repeating: 5, count: 32)
        return (try? HuffmanTable(lengths: lengths[...], name: "fixed")) ?? HuffmanTable()
    }()

    /// A table where every code is invalid.
    private init() {
        entries = [0, 0]
        bits = 1
    }
}
