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
        data.withUnsafeBufferPointer { buffer in
            var sum: UInt32 = 0
            let whole = buffer.count / 4 * 4
            var index = 0
            while index < whole {
                sum = sum &+ (UInt32(buffer[index]) << 24 | UInt32(buffer[index + 1]) << 16
                              | UInt32(buffer[index + 2]) << 8 | UInt32(buffer[index + 3]))
                index += 4
            }
            var last: UInt32 = 0
            for (position, byte) in buffer[whole...].enumerated() { last |= UInt32(byte) << UInt32(24 - position * 8) }
            return sum &+ last
        }
    }
}
