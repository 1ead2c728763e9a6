/// Rescaling a subset from the font's units per em to `to` (1000 unless a font program for
/// a PDF asks for fewer).
///
/// PDF text space is 1/1000 em, and libharu computes every width as
/// `advance * 1000 / unitsPerEm`. A subset at 1000 units per em with each advance stored as
/// the original's `advance * 1000 / unitsPerEm` (truncated, like libharu) gives the same
/// /Widths to the unit, while its outlines need about half the magnitude of a 2048-unit
/// font's, so more coordinate deltas fit in one byte. Outline points move by at most half a
/// unit (1/2000 em at 1000 units): invisible at any print resolution.
struct UnitScale {
    /// The units per em of a subset unless asked otherwise.
    static let target = 1000

    let from: Int
    var to = Self.target

    var isIdentity: Bool { from == to }

    /// A metric truncated toward zero, as libharu scales what it reads (`v * 1000 / upem`).
    func truncated(_ value: Int) -> Int { value * to / from }

    /// An outline coordinate, rounded to the nearest unit (halves away from zero).
    func rounded(_ value: Int) -> Int {
        let twice = 2 * value * to
        return twice >= 0 ? (twice + from) / (2 * from) : -((-twice + from) / (2 * from))
    }
}

extension GlyphOutline {
    /// The outline in `scale`'s units; an on-curve point that lands on the on-curve point
    /// before it (a zero-length segment after rounding) is dropped, and so is a contour
    /// left with fewer than two points.
    func scaled(_ scale: UnitScale) -> GlyphOutline {
        var result = GlyphOutline()
        self.scale(scale, into: &result)
        return result
    }

    /// `scaled(_:)` into a reused outline.
    func scale(_ scale: UnitScale, into result: inout GlyphOutline) {
        result.points.removeAll(keepingCapacity: true)
        result.contourEnds.removeAll(keepingCapacity: true)
        guard !scale.isIdentity else {
            result.points += points
            result.contourEnds += contourEnds
            return
        }
        result.points.reserveCapacity(points.count)
        result.contourEnds.reserveCapacity(contourEnds.count)
        var start = 0
        for end in contourEnds {
            guard start <= end, end < points.count else { break }
            let first = result.points.count
            for index in start...end {
                let point = points[index]
                let moved = OutlinePoint(x: scale.rounded(point.x), y: scale.rounded(point.y), onCurve: point.onCurve)
                if moved.onCurve, result.points.count > first, result.points[result.points.count - 1] == moved {
                    continue
                }
                result.points.append(moved)
            }
            let count = result.points.count - first
            if count > 1, result.points[first].onCurve, result.points[result.points.count - 1] == result.points[first] {
                result.points.removeLast()  // closing point equal to the first
            }
            if result.points.count - first >= 2 {
                result.contourEnds.append(result.points.count - 1)
            } else {
                result.points.removeSubrange(first...)
            }
            start = end + 1
        }
    }
}

extension FontSubsetter {
    /// Overwrites the signed 16-bit metrics at `offsets` with their scaled values.
    static func rescale(_ table: inout FontTableWriter, at offsets: [Int], _ scale: UnitScale, signed: Bool = true) {
        guard !scale.isIdentity else { return }
        for offset in offsets where offset + 1 < table.bytes.count {
            let raw = Int(table.bytes[offset]) << 8 | Int(table.bytes[offset + 1])
            let value = signed && raw >= 0x8000 ? raw - 0x10000 : raw
            table.set16(scale.truncated(value), at: offset)
        }
    }
}
