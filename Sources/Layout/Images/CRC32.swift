/// CRC-32 as used by PNG chunks (ISO 3309, polynomial 0xEDB88320, reflected), computed
/// eight bytes at a time ("slicing by 8": eight 256-entry tables, one per byte lane).
enum CRC32 {
    static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for n in 0..<256 {
            var c = UInt32(n)
            for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            tables[n] = c
        }
        for lane in 1..<8 {
            for n in 0..<256 {
                let previous = tables[(lane - 1) * 256 + n]
                tables[lane * 256 + n] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    /// The CRC of `bytes[range]`; `range` must lie within `bytes`.
    static func checksum(_ bytes: [UInt8], _ range: Range<Int>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        tables.withUnsafeBufferPointer { t in
            bytes.withUnsafeBufferPointer { bytes in
                var index = range.lowerBound
                while range.upperBound - index >= 8 {
                    let low = crc ^ (UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
                                     | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24)
                    crc = t[7 * 256 + Int(low & 0xFF)] ^ t[6 * 256 + Int((low >> 8) & 0xFF)]
                        ^ t[5 * 256 + Int((low >> 16) & 0xFF)] ^ t[4 * 256 + Int(low >> 24)]
                        ^ t[3 * 256 + Int(bytes[index + 4])] ^ t[2 * 256 + Int(bytes[index + 5])]
                        ^ t[256 + Int(bytes[index + 6])] ^ t[Int(bytes[index + 7])]
                    index += 8
                }
                while index < range.upperBound {
                    crc = t[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
                    index += 1
                }
            }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
