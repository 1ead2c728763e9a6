/// Reads a deflate stream's bits, least significant first, through a 64-bit buffer.
///
/// A plain value so the hot decoding loop can keep it in a local variable (registers)
/// and store it back once per block.
struct DeflateBitReader {
    let input: UnsafeBufferPointer<UInt8>
    /// The next byte not yet in `buffer`.
    var position: Int
    /// Bits not yet consumed, in the low `count` bits. Bits above `count` are either zero
    /// or copies of the following input bits, so OR-ing those bytes in again is harmless.
    var buffer: UInt64 = 0
    var count = 0

    init(input: UnsafeBufferPointer<UInt8>, position: Int) {
        self.input = input
        self.position = position
    }

    /// Tops the buffer up to at least 56 bits, or to all remaining input.
    @inline(__always) mutating func refill() {
        if input.count - position >= 8, let base = input.baseAddress {
            // One unaligned little-endian load; the whole bytes that fit are consumed.
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            buffer |= word << UInt64(count)
            position += (63 - count) >> 3
            count |= 56
            return
        }
        while count <= 56 && position < input.count {
            buffer |= UInt64(input[position]) << UInt64(count)
            position += 1
            count += 8
        }
    }

    /// The next `width` bits (0...32) as a number.
    @inline(__always) mutating func bits(_ width: Int) throws(DeflateFailure) -> Int {
        if count < width {
            refill()
            if count < width { throw DeflateFailure("stream ends early") }
        }
        let value = Int(truncatingIfNeeded: buffer & ((1 << UInt64(width)) &- 1))
        buffer >>= UInt64(width)
        count -= width
        return value
    }

    /// Decodes one Huffman symbol with the entries of a `HuffmanTable` whose root
    /// table is indexed by `bits` bits.
    @inline(__always) mutating func symbol(_ table: UnsafeBufferPointer<UInt32>, bits: Int) throws(DeflateFailure) -> Int {
        if count < 15 { refill() }
        var entry = table[Int(truncatingIfNeeded: buffer & ((1 << UInt64(bits)) &- 1))]
        if entry & 0x80 != 0 {
            let width = UInt64(entry & 0x0F)
            let index = Int(truncatingIfNeeded: (buffer >> UInt64(bits)) & ((1 << width) &- 1))
            entry = table[Int(entry >> 8) + index]
        }
        let length = Int(entry & 0x0F)
        if length == 0 { throw DeflateFailure("invalid Huffman code") }
        if length > count { throw DeflateFailure("stream ends early") }
        buffer >>= UInt64(length)
        count -= length
        return Int(entry >> 8)
    }

    /// Skips to the next byte boundary.
    mutating func alignToByte() {
        buffer >>= UInt64(count % 8)
        count -= count % 8
    }

    /// After `alignToByte`, hands whole buffered bytes back so `position` is the next
    /// unread byte (for stored blocks, which are copied byte-wise).
    mutating func releaseBufferedBytes() {
        position -= count / 8
        buffer = 0
        count = 0
    }
}
