/// The font's character-to-glyph map, from a cmap subtable of format 4 (BMP) or 12 (full
/// Unicode), kept as sorted ranges and searched by bisection.
struct CharacterMap: Sendable {
    struct Segment: Sendable {
        var first: UInt32
        var last: UInt32
        /// Format 12 and format 4 with idRangeOffset 0: glyph = delta + code (mod 65536 for format 4).
        var delta: Int
        /// Format 4 with idRangeOffset: glyphs listed one per code, starting at `glyphs[first]`.
        var glyphs: [UInt16]?
        var modulo: Bool
    }
    let segments: [Segment]

    init(file: FontBytes, offset cmap: Int) throws(FontError) {
        // Prefer a full-Unicode table (3,10 or 0,4 format 12), then the BMP table (3,1 or 0,3).
        var best: (rank: Int, offset: Int)?
        for index in 0..<(try file.u16(cmap + 2)) {
            let record = cmap + 4 + index * 8
            let platform = try file.u16(record), encoding = try file.u16(record + 2)
            let subtable = cmap + (try file.u32(record + 4))
            let format = try file.u16(subtable)
            let rank: Int
            switch (platform, encoding, format) {
            case (3, 10, 12), (0, 4, 12), (0, 6, 12): rank = 3
            case (3, 1, 4), (0, 3, 4), (0, 4, 4), (0, 1, 4), (0, 0, 4): rank = 2
            default: continue
            }
            if rank > (best?.rank ?? 0) { best = (rank, subtable) }
        }
        guard let best else { throw .unsupported("no Unicode cmap of format 4 or 12") }
        segments = best.rank == 3
            ? try Self.format12(file, best.offset) : try Self.format4(file, best.offset)
    }

    private static func format12(_ file: FontBytes, _ table: Int) throws(FontError) -> [Segment] {
        let count = try file.u32(table + 12)
        guard count <= (file.bytes.count - table) / 12 else { throw .truncated(table: "cmap") }
        var segments: [Segment] = []
        segments.reserveCapacity(count)
        for index in 0..<count {
            let group = table + 16 + index * 12
            let first = try file.u32(group), last = try file.u32(group + 4)
            let glyph = try file.u32(group + 8)
            guard first <= last else { continue }
            segments.append(Segment(first: UInt32(first), last: UInt32(last), delta: glyph - first,
                                    glyphs: nil, modulo: false))
        }
        return segments.sorted { $0.first < $1.first }
    }

    private static func format4(_ file: FontBytes, _ table: Int) throws(FontError) -> [Segment] {
        let segmentCount = try file.u16(table + 6) / 2
        let ends = table + 14, starts = ends + segmentCount * 2 + 2
        let deltas = starts + segmentCount * 2, rangeOffsets = deltas + segmentCount * 2
        var segments: [Segment] = []
        for index in 0..<segmentCount {
            let last = try file.u16(ends + index * 2), first = try file.u16(starts + index * 2)
            let delta = try file.i16(deltas + index * 2)
            let rangeOffset = try file.u16(rangeOffsets + index * 2)
            guard first <= last, first != 0xFFFF else { continue }
            var glyphs: [UInt16]?
            if rangeOffset != 0 {
                let base = rangeOffsets + index * 2 + rangeOffset
                var list = [UInt16]()
                list.reserveCapacity(last - first + 1)
                for code in 0...(last - first) {
                    let glyph = try file.u16(base + code * 2)
                    list.append(glyph == 0 ? 0 : UInt16((glyph + delta) & 0xFFFF))
                }
                glyphs = list
            }
            segments.append(Segment(first: UInt32(first), last: UInt32(last), delta: delta,
                                    glyphs: glyphs, modulo: true))
        }
        return segments.sorted { $0.first < $1.first }
    }

    func glyph(for code: UInt32) -> Int {
        var low = 0, high = segments.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let segment = segments[middle]
            if code < segment.first {
                high = middle - 1
            } else if code > segment.last {
                low = middle + 1
            } else if let glyphs = segment.glyphs {
                return Int(glyphs[Int(code - segment.first)])
            } else {
                let glyph = Int(code) + segment.delta
                return segment.modulo ? glyph & 0xFFFF : max(0, glyph)
            }
        }
        return 0
    }

    /// Every mapped (code, glyph) pair, ascending by code; for subsetting and tests.
    func mappings() -> [(code: UInt32, glyph: Int)] {
        var result: [(UInt32, Int)] = []
        for segment in segments {
            for code in segment.first...segment.last {
                let glyph = glyph(for: code)
                if glyph != 0 { result.append((code, glyph)) }
            }
        }
        return result
    }
}
