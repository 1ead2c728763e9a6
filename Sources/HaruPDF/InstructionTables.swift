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
        var output: [UInt8] = []
        output.reserveCapacity(12 + total * 16 + tables.reduce(0) { $0 + ($1.data.count + 3) & ~3 })
        output += font[0..<4]
        append16(UInt16(total), to: &output)
        append16(UInt16(power * 16), to: &output)
        append16(UInt16(selector), to: &output)
        append16(UInt16(total * 16 - power * 16), to: &output)
        var offset = 12 + total * 16
        for table in tables {
            output += table.tag
            append32(checksum(table.data), to: &output)
            append32(UInt32(offset), to: &output)
            append32(UInt32(table.data.count), to: &output)
            offset += (table.data.count + 3) & ~3
        }
        for table in tables {
            output += table.data
            while output.count % 4 != 0 { output.append(0) }
        }
        return output
    }

    /// The TrueType table checksum: the sum of big-endian 32-bit words, zero-padded.
    static func checksum(_ data: ArraySlice<UInt8>) -> UInt32 {
        data.withUnsafeBufferPointer { buffer in
            var sum: UInt32 = 0, index = 0
            let whole = buffer.count & ~3
            while index < whole {
                sum = sum &+ (UInt32(buffer[index]) << 24 | UInt32(buffer[index + 1]) << 16
                              | UInt32(buffer[index + 2]) << 8 | UInt32(buffer[index + 3]))
                index += 4
            }
            var last: UInt32 = 0, shift: UInt32 = 24
            while index < buffer.count {  // at most three bytes: shift ends at 0
                last |= UInt32(buffer[index]) << shift
                shift -= 8
                index += 1
            }
            return sum &+ last
        }
    }

    private static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1])
    }

    private static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }

    private static func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(value & 0xFF))
    }

    private static func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        append16(UInt16(value >> 16), to: &bytes)
        append16(UInt16(value & 0xFFFF), to: &bytes)
    }
}
