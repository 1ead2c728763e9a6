/// A canonical Huffman code (RFC 1951 §3.2.2) as a single lookup table: index it with
/// the next `bits` input bits (least significant bit first) to get the symbol and its code
/// length in one step, instead of walking a tree bit by bit.
struct HuffmanTable: Sendable {
    /// `symbol << 4 | length`; 0 where no code starts with those bits (an invalid code).
    var entries: [UInt16]
    /// How many input bits index `entries` (the longest code length, at least 1).
    var bits: Int

    /// Builds the table for `lengths[symbol]` (0 = symbol unused). An over-subscribed set
    /// of lengths is an error; an incomplete one leaves unused bit patterns invalid.
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
        bits = max(longest, 1)
        let size = 1 << bits
        var entries = [UInt16](repeating: 0, count: size)
        for (offset, length) in lengths.enumerated() where length > 0 {
            let length = Int(length)
            let code = nextCode[length]
            nextCode[length] += 1
            // Codes are stored most significant bit first; the stream is read LSB first.
            var reversed = 0
            for bit in 0..<length where code & (1 << bit) != 0 {
                reversed |= 1 << (length - 1 - bit)
            }
            let entry = UInt16(offset << 4 | length)
            var index = reversed
            while index < size {
                entries[index] = entry
                index += 1 << length
            }
        }
        self.entries = entries
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

/// Why a zlib/deflate stream could not be decoded; becomes `ImageError.corruptDeflate`.
struct DeflateFailure: Error, Equatable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
