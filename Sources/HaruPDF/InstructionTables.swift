/// Adds tiny 'cvt ', 'fpgm' and 'prep' tables to a TrueType file before libharu loads it.
///
/// libharu 2.3.0 rebuilds every embedded TrueType font from 13 tables in a fixed order
/// (… "name", "post", "prep") into a memory stream of 4,096-byte blocks, then seeks to each
/// table's offset to sum its checksum. A table the font lacks counts as empty at the current
/// end of that stream, and seeking exactly to the end of a full block fails
/// (`HPDF_MemStream_SeekFunc` finds no block there): `HPDF_SaveToStream` stops with 0x1033
/// (HPDF_INVALID_OBJECT) whenever the rebuilt font is a multiple of 4,096 bytes long, which
/// depends only on the glyphs drawn. Talon's subsets carry no hinting, so "prep" (last in
/// that order) and "cvt "/"fpgm" (after "cmap") were always missing. With each present and
/// non-empty, no checksum seek lands at the end of the stream.
///
/// The programs are a no-op (push 0, pop) and the control value table two zeros; the glyphs
/// carry no instructions, so rendering does not change.
enum InstructionTables {
    /// Tag and contents of each table added when missing.
    static let placeholders: [(tag: [UInt8], data: [UInt8])] = [
        (Array("cvt ".utf8), [0, 0, 0, 0]),
        (Array("fpgm".utf8), [0xB0, 0x00, 0x21]),  // PUSHB[0] 0, POP
        (Array("prep".utf8), [0xB0, 0x00, 0x21]),
    ]

    /// `font` with the missing placeholder tables added (table records sorted by tag, every
    /// table 4-byte aligned, checksums set), or `font` unchanged when it already has them all
    /// or its table directory cannot be read (libharu then reports what is wrong).
    static func adding(to font: [UInt8]) -> [UInt8] {
        guard font.count >= 12 else { return font }
        let count = Int(uint16(font, 4))
        guard count > 0, 12 + count * 16 <= font.count else { return font }
        var tables: [(tag: [UInt8], data: ArraySlice<UInt8>)] = []
        for index in 0..<count {
            let record = 12 + index * 16
            let offset = Int(uint32(font, record + 8)), length = Int(uint32(font, record + 12))
            guard offset <= font.count, length <= font.count - offset else { return font }
            tables.append((Array(font[record..<record + 4]), font[offset..<offset + length]))
        }
        let missing = placeholders.filter { placeholder in !tables.contains { $0.tag == placeholder.tag } }
        guard !missing.isEmpty else { return font }
        tables += missing.map { ($0.tag, $0.data[...]) }
        tables.sort { $0.tag.lexicographicallyPrecedes($1.tag) }

        let total = tables.count
        var power = 1, selector = 0
        while power * 2 <= total { power *= 2; selector += 1 }
        var output = Array(font[0..<4])
        append16(UInt16(total), to: &output)
        append16(UInt16(power * 16), to: &output)
        append16(UInt16(selector), to: &output)
        append16(UInt16(total * 16 - power * 16), to: &output)
        var offset = 12 + total * 16
        var bodies: [UInt8] = []
        for table in tables {
            output += table.tag
            append32(checksum(table.data), to: &output)
            append32(UInt32(offset), to: &output)
            append32(UInt32(table.data.count), to: &output)
            bodies += table.data
            let padding = (4 - table.data.count % 4) % 4
            bodies += [UInt8](repeating: 0, count: padding)
            offset += table.data.count + padding
        }
        return output + bodies
    }

    /// The TrueType table checksum: the sum of big-endian 32-bit words, zero-padded.
    static func checksum(_ data: ArraySlice<UInt8>) -> UInt32 {
        var sum: UInt32 = 0, word: UInt32 = 0, index = 0
        for byte in data {
            word = word << 8 | UInt32(byte)
            index += 1
            if index == 4 { sum = sum &+ word; word = 0; index = 0 }
        }
        if index > 0 { sum = sum &+ (word << (8 * UInt32(4 - index))) }
        return sum
    }

    private static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1])
    }

    private static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }

    private static func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]
    }

    private static func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
