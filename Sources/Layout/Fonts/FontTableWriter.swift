/// Big-endian writer for font tables; values are written modulo their width, callers
/// range-check what could overflow.
struct FontTableWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func u8(_ value: Int) { bytes.append(UInt8(truncatingIfNeeded: value)) }

    mutating func u16(_ value: Int) {
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    mutating func u32(_ value: Int) {
        u16(value >> 16)
        u16(value)
    }

    mutating func tag(_ tag: String) {
        var ascii = Array(tag.utf8.prefix(4))
        while ascii.count < 4 { ascii.append(0x20) }
        bytes += ascii
    }

    mutating func pad(to alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    /// Overwrites a 16-bit value already written.
    mutating func set16(_ value: Int, at offset: Int) {
        bytes[offset] = UInt8(truncatingIfNeeded: value >> 8)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: value)
    }

    /// Overwrites a 32-bit value already written.
    mutating func set32(_ value: Int, at offset: Int) {
        set16(value >> 16, at: offset)
        set16(value, at: offset + 2)
    }

    /// The TrueType table checksum: the sum of big-endian 32-bit words, zero-padded.
    static func checksum(_ data: ArraySlice<UInt8>) -> UInt32 {
        var sum: UInt32 = 0
        var index = data.startIndex
        while index < data.endIndex {
            var word: UInt32 = 0
            for shift in stride(from: 24, through: 0, by: -8) {
                if index < data.endIndex { word |= UInt32(data[index]) << UInt32(shift) }
                index += 1
            }
            sum = sum &+ word
        }
        return sum
    }
}
