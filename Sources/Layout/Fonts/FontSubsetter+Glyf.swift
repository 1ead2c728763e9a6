/// Reads outlines from the `glyf` and `loca` tables of a font.
struct GlyphReader {
    let file: FontBytes
    let glyf: Range<Int>
    let loca: Range<Int>
    let longOffsets: Bool
    let glyphCount: Int

    /// Composite nesting deeper than this is treated as a broken (or cyclic) font.
    static let maximumDepth = 16

    init(font: TrueTypeFont) throws(FontError) {
        file = FontBytes(bytes: font.bytes, table: "glyf")
        guard let glyf = font.tables["glyf"] else { throw .missingTable("glyf") }
        guard let loca = font.tables["loca"] else { throw .missingTable("loca") }
        guard let head = font.tables["head"] else { throw .missingTable("head") }
        self.glyf = glyf
        self.loca = loca
        longOffsets = try FontBytes(bytes: font.bytes, table: "head").i16(head.lowerBound + 50) != 0
        glyphCount = font.numberOfGlyphs
    }

    /// The byte range of a glyph's data inside the font file (empty for a blank glyph).
    func range(ofGlyph glyph: Int) throws(FontError) -> Range<Int> {
        guard glyph >= 0, glyph < glyphCount else { throw .unsupported("glyph \(glyph) out of range") }
        let locaBytes = file.with(table: "loca")
        let start: Int, end: Int
        if longOffsets {
            guard loca.lowerBound + (glyph + 2) * 4 <= loca.upperBound else { throw .truncated(table: "loca") }
            start = try locaBytes.u32(loca.lowerBound + glyph * 4)
            end = try locaBytes.u32(loca.lowerBound + glyph * 4 + 4)
        } else {
            guard loca.lowerBound + (glyph + 2) * 2 <= loca.upperBound else { throw .truncated(table: "loca") }
            start = try locaBytes.u16(loca.lowerBound + glyph * 2) * 2
            end = try locaBytes.u16(loca.lowerBound + glyph * 2 + 2) * 2
        }
        guard start <= end, glyf.lowerBound + end <= glyf.upperBound else { throw .truncated(table: "glyf") }
        return glyf.lowerBound + start..<glyf.lowerBound + end
    }

    /// A glyph's `glyf` entry for a subset: a simple glyph is copied with its instructions
    /// cut out (the fast path, no decoding); a composite one is flattened and re-encoded.
    func glyphWithoutHinting(_ glyph: Int) throws(FontError)
        -> (data: [UInt8], points: Int, contours: Int, bounds: (xMin: Int, yMin: Int, xMax: Int, yMax: Int)) {
        let range = try range(ofGlyph: glyph)
        guard range.count >= 10 else { return ([], 0, 0, (0, 0, 0, 0)) }
        let start = range.lowerBound
        let contours = try file.i16(start)
        guard contours >= 0 else {
            let outline = try outline(ofGlyph: glyph)
            return (try outline.encoded(), outline.points.count, outline.contourEnds.count, outline.bounds)
        }
        let bounds = (try file.i16(start + 2), try file.i16(start + 4), try file.i16(start + 6), try file.i16(start + 8))
        let instructionsAt = start + 10 + contours * 2
        let points = contours == 0 ? 0 : try file.u16(instructionsAt - 2) + 1
        let instructionLength = try file.u16(instructionsAt)
        let outlineAt = instructionsAt + 2 + instructionLength
        guard outlineAt <= range.upperBound else { throw .truncated(table: "glyf") }
        var data = [UInt8]()
        data.reserveCapacity(range.count - instructionLength)
        data += file.bytes[start..<instructionsAt]
        data += [0, 0]
        data += file.bytes[outlineAt..<range.upperBound]
        return (data, points, contours, bounds)
    }

    /// The outline of a glyph with composites flattened.
    func outline(ofGlyph glyph: Int, depth: Int = 0) throws(FontError) -> GlyphOutline {
        guard depth <= Self.maximumDepth else { throw .unsupported("composite glyphs nested too deeply") }
        let range = try range(ofGlyph: glyph)
        guard range.count >= 10 else { return GlyphOutline() }
        let contours = try file.i16(range.lowerBound)
        return contours >= 0
            ? try simpleOutline(at: range.lowerBound, contours: contours)
            : try compositeOutline(at: range.lowerBound + 10, depth: depth)
    }

    private func simpleOutline(at start: Int, contours: Int) throws(FontError) -> GlyphOutline {
        var workspace = OutlineWorkspace()
        try readSimple(at: start, contours: contours, into: &workspace)
        return workspace.outline
    }

    /// Decodes a simple glyph into `workspace.outline`, reusing the workspace's buffers.
    func readSimple(at start: Int, contours: Int, into workspace: inout OutlineWorkspace) throws(FontError) {
        workspace.outline.points.removeAll(keepingCapacity: true)
        workspace.outline.contourEnds.removeAll(keepingCapacity: true)
        guard contours > 0 else { return }
        var previousEnd = -1
        for index in 0..<contours {
            let end = try file.u16(start + 10 + index * 2)
            guard end > previousEnd else { throw .unsupported("contour ends out of order") }
            workspace.outline.contourEnds.append(end)
            previousEnd = end
        }
        let pointCount = previousEnd + 1
        let instructionLength = try file.u16(start + 10 + contours * 2)
        var cursor = start + 12 + contours * 2 + instructionLength
        workspace.flags.removeAll(keepingCapacity: true)
        workspace.flags.reserveCapacity(pointCount)
        while workspace.flags.count < pointCount {
            let flag = UInt8(try file.u8(cursor))
            cursor += 1
            var repeats = 1
            if flag & 0x08 != 0 {
                repeats += try file.u8(cursor)
                cursor += 1
            }
            for _ in 0..<min(repeats, pointCount - workspace.flags.count) { workspace.flags.append(flag) }
        }
        func coordinates(short: UInt8, same: UInt8, into values: inout [Int]) throws(FontError) {
            values.removeAll(keepingCapacity: true)
            values.reserveCapacity(pointCount)
            var value = 0
            for flag in workspace.flags {
                if flag & short != 0 {
                    let delta = try file.u8(cursor)
                    cursor += 1
                    value += flag & same != 0 ? delta : -delta
                } else if flag & same == 0 {
                    value += try file.i16(cursor)
                    cursor += 2
                }
                values.append(value)
            }
        }
        try coordinates(short: 0x02, same: 0x10, into: &workspace.xs)
        try coordinates(short: 0x04, same: 0x20, into: &workspace.ys)
        workspace.outline.points.reserveCapacity(pointCount)
        for index in 0..<pointCount {
            workspace.outline.points.append(OutlinePoint(x: workspace.xs[index], y: workspace.ys[index],
                                                         onCurve: workspace.flags[index] & 1 != 0))
        }
    }

    /// Appends a glyph's `glyf` entry rescaled by `scale` (hinting dropped, composites
    /// flattened) to `glyf`, reusing `workspace` across glyphs.
    func appendScaled(_ glyph: Int, _ scale: UnitScale, to glyf: inout [UInt8],
                      workspace: inout OutlineWorkspace) throws(FontError)
        -> (points: Int, contours: Int, bounds: (xMin: Int, yMin: Int, xMax: Int, yMax: Int)) {
        let range = try range(ofGlyph: glyph)
        guard range.count >= 10 else { return (0, 0, (0, 0, 0, 0)) }
        let contours = try file.i16(range.lowerBound)
        if contours >= 0 {
            try readSimple(at: range.lowerBound, contours: contours, into: &workspace)
        } else {
            workspace.outline = try outline(ofGlyph: glyph)
        }
        workspace.outline.scale(scale, into: &workspace.scaled)
        try workspace.scaled.encode(into: &glyf, workspace: &workspace.encoding)
        return (workspace.scaled.points.count, workspace.scaled.contourEnds.count, workspace.scaled.bounds)
    }

    private func compositeOutline(at start: Int, depth: Int) throws(FontError) -> GlyphOutline {
        var outline = GlyphOutline()
        var cursor = start
        while true {
            let flags = try file.u16(cursor), component = try file.u16(cursor + 2)
            cursor += 4
            let argument1: Int, argument2: Int
            let areOffsets = flags & 0x0002 != 0
            if flags & 0x0001 != 0 {
                argument1 = areOffsets ? try file.i16(cursor) : try file.u16(cursor)
                argument2 = areOffsets ? try file.i16(cursor + 2) : try file.u16(cursor + 2)
                cursor += 4
            } else {
                let first = try file.u8(cursor), second = try file.u8(cursor + 1)
                argument1 = areOffsets && first >= 128 ? first - 256 : first
                argument2 = areOffsets && second >= 128 ? second - 256 : second
                cursor += 2
            }
            var a = 1.0, b = 0.0, c = 0.0, d = 1.0
            func f2dot14(_ offset: Int) throws(FontError) -> Double { Double(try file.i16(offset)) / 16384 }
            if flags & 0x0008 != 0 {
                a = try f2dot14(cursor)
                d = a
                cursor += 2
            } else if flags & 0x0040 != 0 {
                a = try f2dot14(cursor)
                d = try f2dot14(cursor + 2)
                cursor += 4
            } else if flags & 0x0080 != 0 {
                a = try f2dot14(cursor)
                b = try f2dot14(cursor + 2)
                c = try f2dot14(cursor + 4)
                d = try f2dot14(cursor + 6)
                cursor += 8
            }
            var part = try self.outline(ofGlyph: component, depth: depth + 1)
            for index in part.points.indices {
                let x = Double(part.points[index].x), y = Double(part.points[index].y)
                part.points[index].x = Int((a * x + c * y).rounded())
                part.points[index].y = Int((b * x + d * y).rounded())
            }
            let dx: Int, dy: Int
            if areOffsets {
                dx = argument1
                dy = argument2
            } else {
                // Point matching: move the component so its point `argument2` lands on the
                // already placed point `argument1`.
                guard argument1 < outline.points.count, argument2 < part.points.count else {
                    throw .unsupported("composite glyph matches a point that does not exist")
                }
                dx = outline.points[argument1].x - part.points[argument2].x
                dy = outline.points[argument1].y - part.points[argument2].y
            }
            for index in part.points.indices {
                part.points[index].x += dx
                part.points[index].y += dy
            }
            outline.append(part)
            guard flags & 0x0020 != 0 else { break }
        }
        return outline
    }
}
