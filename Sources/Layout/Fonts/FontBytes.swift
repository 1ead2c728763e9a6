/// Big-endian reads from font data that report truncation instead of trapping.
struct FontBytes {
    let bytes: FontData
    let table: String

    func u8(_ offset: Int) throws(FontError) -> Int {
        guard offset >= 0, offset < bytes.count else { throw .truncated(table: table) }
        return Int(bytes[offset])
    }

    func u16(_ offset: Int) throws(FontError) -> Int {
        guard offset >= 0, offset + 2 <= bytes.count else { throw .truncated(table: table) }
        return Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
    }

    func i16(_ offset: Int) throws(FontError) -> Int {
        let value = try u16(offset)
        return value >= 0x8000 ? value - 0x10000 : value
    }

    func u32(_ offset: Int) throws(FontError) -> Int {
        guard offset >= 0, offset + 4 <= bytes.count else { throw .truncated(table: table) }
        return Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16
            | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
    }

    func tag(_ offset: Int) throws(FontError) -> String {
        guard offset >= 0, offset + 4 <= bytes.count else { throw .truncated(table: table) }
        // Four bytes copied out first: decoding them straight from the mapped file's slice
        // goes through the generic, much slower path.
        return String(decoding: [bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]], as: UTF8.self)
    }

    func with(table: String) -> FontBytes { FontBytes(bytes: bytes, table: table) }
}
