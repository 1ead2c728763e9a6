import Foundation

/// The subset-ready `glyf` entry of each glyph of one font, kept across documents: hinting
/// dropped, composites flattened and, for a font not at 1000 units per em, rescaled (see
/// `UnitScale`). A subset then only concatenates records and writes its small tables.
///
/// One cache belongs to one `TrueTypeFont` (its `glyphRecords`), which documents on any
/// thread share. It is bounded by the font: at most one record per glyph id, and a font has
/// at most 65,535 glyphs. Records depend only on the immutable font, so any thread may fill
/// a missing one; two threads computing the same record store equal bytes.
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
    private var records: [Record?]

    init(glyphCount: Int) {
        records = [Record?](repeating: nil, count: max(0, min(glyphCount, 0x10000)))
    }

    /// The records of `glyphs` known so far, nil for the others, in the order asked.
    func records(for glyphs: [Int]) -> [Record?] {
        lock.lock()
        defer { lock.unlock() }
        return glyphs.map { records.indices.contains($0) ? records[$0] : nil }
    }

    /// Keeps newly computed records; ids outside the font are ignored.
    func store(_ new: [(glyph: Int, record: Record)]) {
        guard !new.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        for (glyph, record) in new where records.indices.contains(glyph) && records[glyph] == nil {
            records[glyph] = record
        }
    }
}
