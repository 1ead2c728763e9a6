/// The small tables of a subset: copied from the original where their content still holds,
/// rebuilt where it depends on the glyphs kept.
extension FontSubsetter {
    func original(_ tag: String, minimumLength: Int) throws(FontError) -> [UInt8] {
        guard let range = font.tables[tag] else { throw .missingTable(tag) }
        guard range.count >= minimumLength else { throw .truncated(table: tag) }
        return Array(font.bytes[range])
    }

    /// head with the subset's units per em; the font box is truncated like libharu's
    /// /FontBBox, so that stays the original's.
    func headTable(shortOffsets: Bool, scale: UnitScale) throws(FontError) -> [UInt8] {
        var head = FontTableWriter()
        head.bytes = Array(try original("head", minimumLength: 54).prefix(54))
        head.set32(0, at: 8)  // checkSumAdjustment, computed over the whole file later
        head.set16(scale.to, at: 18)
        Self.rescale(&head, at: [36, 38, 40, 42], scale)
        head.set16(shortOffsets ? 0 : 1, at: 50)
        return head.bytes
    }

    /// hhea with ascender, descender and line gap truncated like libharu's /Ascent and
    /// /Descent, so those stay the original's.
    func hheaTable(widest: Int, scale: UnitScale) throws(FontError) -> [UInt8] {
        var hhea = FontTableWriter()
        hhea.bytes = Array(try original("hhea", minimumLength: 36).prefix(36))
        Self.rescale(&hhea, at: [4, 6, 8, 12, 14, 16, 22], scale)
        hhea.set16(widest, at: 10)
        hhea.set16(glyphs.count, at: 34)
        return hhea.bytes
    }

    /// maxp version 1.0 describing simple glyphs without instructions.
    func maxpTable(maxPoints: Int, maxContours: Int) -> [UInt8] {
        var maxp = FontTableWriter(capacity: 32)
        maxp.u32(0x0001_0000)
        maxp.u16(glyphs.count)
        maxp.u16(maxPoints)
        maxp.u16(maxContours)
        maxp.u16(0)  // maxCompositePoints
        maxp.u16(0)  // maxCompositeContours
        maxp.u16(2)  // maxZones
        for _ in 0..<8 { maxp.u16(0) }  // twilight points, storage, defs, stack, instructions, components
        return maxp.bytes
    }

    /// OS/2 version 0 (the 78 bytes libharu reads) copied with embedding allowed, the
    /// character range of the subset and its metrics in the subset's units.
    func os2Table(scale: UnitScale) throws(FontError) -> [UInt8] {
        var os2 = FontTableWriter()
        os2.bytes = Array(try original("OS/2", minimumLength: 78).prefix(78))
        os2.set16(0, at: 0)
        Self.rescale(&os2, at: [2, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 68, 70, 72], scale)
        Self.rescale(&os2, at: [74, 76], scale, signed: false)
        os2.set16(font.embeddingFlags & ~0x0302, at: 8)  // checked by allowsSubsetEmbedding
        let bmp = mappings.map(\.code).filter { $0 <= 0xFFFF }
        os2.set16(Int(bmp.first ?? 0), at: 64)
        os2.set16(Int(mappings.last.map { min($0.code, 0xFFFF) } ?? 0), at: 66)
        return os2.bytes
    }

    /// post version 3: no glyph names (viewers use the cmap).
    func postTable(scale: UnitScale) throws(FontError) -> [UInt8] {
        var post = FontTableWriter(capacity: 32)
        post.u32(0x0003_0000)
        if let range = font.tables["post"], range.count >= 16 {
            post.bytes += font.bytes[range.lowerBound + 4..<range.lowerBound + 16]
        } else {
            post.bytes += [UInt8](repeating: 0, count: 12)
        }
        post.bytes += [UInt8](repeating: 0, count: 16)
        Self.rescale(&post, at: [8, 10], scale)  // underline position and thickness
        return post.bytes
    }

    /// cmap with a (3,1) format 4 subtable, and a (3,10) format 12 one when a scalar lies
    /// beyond the Basic Multilingual Plane; for a symbolic font one (3,0) format 4 subtable.
    func cmapTable() -> [UInt8] {
        let bmp = mappings.filter { $0.code <= 0xFFFF }
        let needsFull = bmp.count < mappings.count
        var cmap = FontTableWriter()
        cmap.u16(0)
        cmap.u16(needsFull ? 2 : 1)
        let format4 = Self.format4(bmp)
        let first = 4 + (needsFull ? 16 : 8)
        cmap.u16(3); cmap.u16(symbolic ? 0 : 1); cmap.u32(first)
        if needsFull {
            cmap.u16(3); cmap.u16(10); cmap.u32(first + format4.count)
        }
        cmap.bytes += format4
        if needsFull { cmap.bytes += Self.format12(mappings) }
        return cmap.bytes
    }

    private static func format4(_ pairs: [(code: UInt32, glyph: Int)]) -> [UInt8] {
        var segments: [(first: Int, last: Int, delta: Int)] = []
        for pair in pairs {
            let code = Int(pair.code), delta = pair.glyph - code
            if let last = segments.last, last.last + 1 == code, last.delta == delta {
                segments[segments.count - 1].last = code
            } else {
                segments.append((code, code, delta))
            }
        }
        segments.append((0xFFFF, 0xFFFF, 1))
        var power = 1, exponent = 0
        while power * 2 <= segments.count {
            power *= 2
            exponent += 1
        }
        var table = FontTableWriter(capacity: 16 + segments.count * 8)
        table.u16(4)
        table.u16(16 + segments.count * 8)
        table.u16(0)  // language
        table.u16(segments.count * 2)
        table.u16(power * 2)
        table.u16(exponent)
        table.u16(segments.count * 2 - power * 2)
        for segment in segments { table.u16(segment.last) }
        table.u16(0)  // reservedPad
        for segment in segments { table.u16(segment.first) }
        for segment in segments { table.u16(segment.delta) }
        for _ in segments { table.u16(0) }  // idRangeOffset
        return table.bytes
    }

    private static func format12(_ pairs: [(code: UInt32, glyph: Int)]) -> [UInt8] {
        var groups: [(first: Int, last: Int, glyph: Int)] = []
        for pair in pairs {
            let code = Int(pair.code)
            if let last = groups.last, last.last + 1 == code, last.glyph + (code - last.first) == pair.glyph {
                groups[groups.count - 1].last = code
            } else {
                groups.append((code, code, pair.glyph))
            }
        }
        var table = FontTableWriter(capacity: 16 + groups.count * 12)
        table.u16(12)
        table.u16(0)
        table.u32(16 + groups.count * 12)
        table.u32(0)  // language
        table.u32(groups.count)
        for group in groups {
            table.u32(group.first)
            table.u32(group.last)
            table.u32(group.glyph)
        }
        return table.bytes
    }

    /// name with what libharu reads: subfamily (2) and PostScript name (6), as Windows
    /// Unicode records (libharu prefixes the subset tag to IDs 1 and 4, so those are left
    /// out rather than stored twice).
    func nameTable() -> [UInt8] {
        // libharu names the PDF font "<name ID 6>,<name ID 2>" unless ID 2 is "Regular":
        // plain upright faces say "Regular" so their name stays the PostScript name.
        let original = Self.nameRecord(2, in: font) ?? "Regular"
        let subfamily = ["Book", "Normal", "Roman", "Medium"].contains(original) ? "Regular" : original
        let names: [(id: Int, text: String)] = [(2, subfamily), (6, postScriptName)]
        var records = FontTableWriter(), strings = FontTableWriter()
        records.u16(0)
        records.u16(names.count)
        records.u16(6 + names.count * 12)
        for name in names {
            let data = name.text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            records.u16(3)
            records.u16(1)
            records.u16(0x0409)
            records.u16(name.id)
            records.u16(data.count)
            records.u16(strings.bytes.count)
            strings.bytes += data
        }
        return records.bytes + strings.bytes
    }

    /// A Windows Unicode (or Mac Roman) record of the original name table.
    static func nameRecord(_ wanted: Int, in font: TrueTypeFont) -> String? {
        guard let range = font.tables["name"] else { return nil }
        let file = FontBytes(bytes: font.bytes, table: "name"), table = range.lowerBound
        guard let count = try? file.u16(table + 2), let storage = try? file.u16(table + 4) else { return nil }
        var found: String?
        for index in 0..<count {
            let record = table + 6 + index * 12
            guard let platform = try? file.u16(record), let id = try? file.u16(record + 6),
                  let length = try? file.u16(record + 8), let offset = try? file.u16(record + 10),
                  id == wanted else { continue }
            let start = table + storage + offset
            guard start + length <= range.upperBound else { continue }
            let raw = font.bytes[start..<start + length]
            if platform == 3 {
                var units: [UInt16] = []
                var position = raw.startIndex
                while position + 1 < raw.endIndex {
                    units.append(UInt16(raw[position]) << 8 | UInt16(raw[position + 1]))
                    position += 2
                }
                return String(decoding: units, as: UTF16.self)
            } else if platform == 1, found == nil {
                found = String(decoding: raw, as: UTF8.self)
            }
        }
        return found
    }
}
