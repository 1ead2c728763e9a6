import Foundation

/// The subset-ready `glyf` entry of each glyph of one font, kept across documents: hinting
/// dropped, composites flattened and rescaled to a subset's units per em (see `UnitScale`).
/// A subset then only concatenates records and writes its small tables.
///
/// One cache belongs to one `TrueTypeFont` (its `glyphRecords`), which documents on any
/// thread share. It is bounded by the font: at most one record per glyph id and units per
/// em asked for (the painter asks for multiples of 16 from 64 to 1000, and 1000), and a font
/// has at most 65,535 glyphs. Records depend only on the immutable font, so any thread may
/// fill a missing one; two threads computing the same record store equal bytes.
///
/// `@unchecked Sendable`: the only mutable state, `records`, is read and written only while
/// `lock` is held, and the records handed out are values.
final class GlyphRecordCache: @unchecked Sendable {
    /// One glyph's entry for a subset's `glyf` table (unpadded; empty for a blank glyph)
    /// with what maxp, hmtx and loca need.
    struct Record: Sendable {
        var bytes: [UInt8]
        var points: Int
        var contours: Int
        var bounds: (xMin: Int, yMin: Int, xMax: Int, yMax: Int)
    }

    private let lock = NSLock()
    private let glyphCount: Int
    /// The records of each units-per-em value, by glyph id.
    private var records: [Int: [Record?]] = [:]

    init(glyphCount: Int) {
        self.glyphCount = max(0, min(glyphCount, 0x10000))
    }

    /// The records of `glyphs` at `unitsPerEm` known so far, nil for the others, in the
    /// order asked.
    func records(for glyphs: [Int], unitsPerEm: Int) -> [Record?] {
        lock.lock()
        defer { lock.unlock() }
        guard let known = records[unitsPerEm] else { return glyphs.map { _ in nil } }
        return glyphs.map { known.indices.contains($0) ? known[$0] : nil }
    }

    /// Keeps newly computed records at `unitsPerEm`; ids outside the font are ignored.
    func store(_ new: [(glyph: Int, record: Record)], unitsPerEm: Int) {
        guard !new.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        if records[unitsPerEm] == nil { records[unitsPerEm] = [Record?](repeating: nil, count: glyphCount) }
        for (glyph, record) in new where glyph >= 0 && glyph < glyphCount && records[unitsPerEm]?[glyph] == nil {
            records[unitsPerEm]?[glyph] = record  // in place: no copy of the array
        }
    }
}
