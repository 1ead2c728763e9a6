/// The font's character-to-glyph map, from a cmap subtable of format 4 (BMP) or 12 (full
/// Unicode), kept as sorted ranges searched by bisection, and for the BMP also as pages of
/// 256 glyphs read directly (the painter and the line breaker look up every character).
struct CharacterMap: Sendable {
    struct Segment: Sendable {
        var first: UInt32
        var last: UInt32
        /// Format 12 and format 4 with idRangeOffset 0: glyph = delta + code (mod 65536 for format 4).
        var delta: Int
        /// Format 4 with idRangeOffset: glyphs listed one per code in `Listing.glyphs`, from
        /// this offset on; -1 for none.
        var listed: Int
        var modulo: Bool
    }
    /// Segments and the glyphs listed for them, as read from the subtable.
    private struct Listing {
        var segments: [Segment] = []
        var glyphs: [UInt16] = []
    }
    let segments: [Segment]
    private let listed: [UInt16]
    /// Per 256 BMP codes, where its page starts in `pageGlyphs`, or -1 when none is mapped.
    private let pageStarts: [Int32]
    private let pageGlyphs: [UInt16]

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
        let listing = best.rank == 3
            ? Listing(segments: try Self.format12(file, best.offset)) : try Self.format4(file, best.offset)
        segments = listing.segments
        listed = listing.glyphs
        // Each page with a mapped code gets its glyphs as the bisection finds them: straight
        // from their segment when segments do not overlap (the one containing a code is the
        // one the bisection finds), else code by code.
        var pageStarts = [Int32](repeating: -1, count: 256), pageGlyphs: [UInt16] = []
        for segment in segments where segment.first < 0x10000 {
            for page in Int(segment.first >> 8)...Int(min(segment.last, 0xFFFF) >> 8) where pageStarts[page] < 0 {
                pageStarts[page] = Int32(pageGlyphs.count)
                pageGlyphs.append(contentsOf: repeatElement(0, count: 256))
            }
        }
        let disjoint = zip(segments, segments.dropFirst()).allSatisfy { $0.last < $1.first }
        for segment in segments where segment.first < 0x10000 {
            for code in segment.first...min(segment.last, 0xFFFF) {
                let glyph = disjoint
                    ? Self.glyph(of: segment, at: code, listing.glyphs) : Self.bisect(code, segments, listing.glyphs)
                // A glyph number beyond 16 bits is no glyph, as `TrueTypeFont.glyph(for:)` reads it.
                pageGlyphs[Int(pageStarts[Int(code >> 8)]) + Int(code & 0xFF)] = glyph <= 0xFFFF ? UInt16(glyph) : 0
            }
        }
        self.pageStarts = pageStarts
        self.pageGlyphs = pageGlyphs
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
                                    listed: -1, modulo: false))
        }
        return segments.sorted { $0.first < $1.first }
    }

    private static func format4(_ file: FontBytes, _ table: Int) throws(FontError) -> Listing {
        let segmentCount = try file.u16(table + 6) / 2
        let ends = table + 14, starts = ends + segmentCount * 2 + 2
        let deltas = starts + segmentCount * 2, rangeOffsets = deltas + segmentCount * 2
        var listing = Listing()
        for index in 0..<segmentCount {
            let last = try file.u16(ends + index * 2), first = try file.u16(starts + index * 2)
            let delta = try file.i16(deltas + index * 2)
            let rangeOffset = try file.u16(rangeOffsets + index * 2)
            guard first <= last, first != 0xFFFF else { continue }
            var listed = -1
            if rangeOffset != 0 {
                let base = rangeOffsets + index * 2 + rangeOffset
                listed = listing.glyphs.count
                listing.glyphs.reserveCapacity(listed + last - first + 1)
                for code in 0...(last - first) {
                    let glyph = try file.u16(base + code * 2)
                    listing.glyphs.append(glyph == 0 ? 0 : UInt16((glyph + delta) & 0xFFFF))
                }
            }
            listing.segments.append(Segment(first: UInt32(first), last: UInt32(last), delta: delta,
                                            listed: listed, modulo: true))
        }
        listing.segments.sort { $0.first < $1.first }
        return listing
    }

    func glyph(for code: UInt32) -> Int {
        if code < 0x10000 {
            let start = pageStarts[Int(code >> 8)]
            return start < 0 ? 0 : Int(pageGlyphs[Int(start) + Int(code & 0xFF)])
        }
        return Self.bisect(code, segments, listed)
    }

    /// The glyph of `code` in sorted segments, found by bisection.
    private static func bisect(_ code: UInt32, _ segments: [Segment], _ listed: [UInt16]) -> Int {
        var low = 0, high = segments.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let segment = segments[middle]
            if code < segment.first {
                high = middle - 1
            } else if code > segment.last {
                low = middle + 1
            } else {
                return glyph(of: segment, at: code, listed)
            }
        }
        return 0
    }

    /// The glyph a segment gives a code it covers.
    func glyph(of segment: Segment, at code: UInt32) -> Int { Self.glyph(of: segment, at: code, listed) }

    private static func glyph(of segment: Segment, at code: UInt32, _ listed: [UInt16]) -> Int {
        if segment.listed >= 0 { return Int(listed[segment.listed + Int(code - segment.first)]) }
        let glyph = Int(code) + segment.delta
        return segment.modulo ? glyph & 0xFFFF : max(0, glyph)
    }

    /// Every mapped (code, glyph) pair, ascending by code; for subsetting and tests.
    func mappings() -> [(code: UInt32, glyph: Int)] {
        var result: [(UInt32, Int)] = []
        for segment in segments {
            for code in segment.first...segment.last {
                let glyph = Self.bisect(code, segments, listed)
                if glyph != 0 { result.append((code, glyph)) }
            }
        }
        return result
    }
}
