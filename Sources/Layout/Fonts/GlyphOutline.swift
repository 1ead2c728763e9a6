/// One outline point in font units.
struct OutlinePoint: Equatable {
    var x: Int
    var y: Int
    var onCurve: Bool
}

/// A glyph's outline with every composite reference resolved into plain contours, so the
/// subset holds only simple glyphs (libharu 2.3.0 drops nested composites: see docs/libharu.md).
struct GlyphOutline: Equatable {
    var points: [OutlinePoint] = []
    /// Index of the last point of each contour.
    var contourEnds: [Int] = []

    var isEmpty: Bool { points.isEmpty }

    var bounds: (xMin: Int, yMin: Int, xMax: Int, yMax: Int) {
        guard let first = points.first else { return (0, 0, 0, 0) }
        var box = (xMin: first.x, yMin: first.y, xMax: first.x, yMax: first.y)
        for point in points.dropFirst() {
            box.xMin = min(box.xMin, point.x)
            box.xMax = max(box.xMax, point.x)
            box.yMin = min(box.yMin, point.y)
            box.yMax = max(box.yMax, point.y)
        }
        return box
    }

    mutating func append(_ other: GlyphOutline) {
        let base = points.count
        points += other.points
        contourEnds += other.contourEnds.map { $0 + base }
    }
}

/// Buffers reused while rescaling the glyphs of one subset, so each glyph costs no
/// allocations once the buffers have grown.
struct OutlineWorkspace {
    var outline = GlyphOutline()
    var scaled = GlyphOutline()
    var flags: [UInt8] = []
    var xs: [Int] = []
    var ys: [Int] = []
    var encoding = EncodingBuffers()

    struct EncodingBuffers {
        var flags: [UInt8] = []
        var x = FontTableWriter()
        var y = FontTableWriter()
    }
}

extension GlyphOutline {
    /// The outline as a simple `glyf` entry without instructions; empty for a blank glyph.
    func encoded() throws(FontError) -> [UInt8] {
        var bytes: [UInt8] = [], buffers = OutlineWorkspace.EncodingBuffers()
        try encode(into: &bytes, workspace: &buffers)
        return bytes
    }

    /// Appends the outline as a simple `glyf` entry without instructions (nothing for a
    /// blank glyph) to `bytes`.
    func encode(into bytes: inout [UInt8], workspace: inout OutlineWorkspace.EncodingBuffers) throws(FontError) {
        guard !points.isEmpty else { return }
        let box = bounds
        for value in [box.xMin, box.yMin, box.xMax, box.yMax]
        where value < Int(Int16.min) || value > Int(Int16.max) {
            throw .unsupported("flattened glyph coordinates exceed 16 bits")
        }
        var writer = FontTableWriter()
        swap(&writer.bytes, &bytes)
        defer { swap(&writer.bytes, &bytes) }
        writer.u16(contourEnds.count)
        writer.u16(box.xMin); writer.u16(box.yMin); writer.u16(box.xMax); writer.u16(box.yMax)
        for end in contourEnds { writer.u16(end) }
        writer.u16(0)  // no instructions: hinting is dropped
        workspace.flags.removeAll(keepingCapacity: true)
        workspace.x.bytes.removeAll(keepingCapacity: true)
        workspace.y.bytes.removeAll(keepingCapacity: true)
        var last = (x: 0, y: 0)
        for point in points {
            var flag: UInt8 = point.onCurve ? 0x01 : 0
            flag |= try Self.encode(point.x - last.x, short: 0x02, same: 0x10, into: &workspace.x)
            flag |= try Self.encode(point.y - last.y, short: 0x04, same: 0x20, into: &workspace.y)
            workspace.flags.append(flag)
            last = (point.x, point.y)
        }
        let flags = workspace.flags
        var index = 0
        while index < flags.count {
            var run = 1
            while index + run < flags.count, flags[index + run] == flags[index], run < 256 { run += 1 }
            if run > 1 {
                writer.u8(Int(flags[index] | 0x08))
                writer.u8(run - 1)
            } else {
                writer.u8(Int(flags[index]))
            }
            index += run
        }
        writer.bytes += workspace.x.bytes
        writer.bytes += workspace.y.bytes
    }

    private static func encode(_ delta: Int, short: UInt8, same: UInt8,
                               into writer: inout FontTableWriter) throws(FontError) -> UInt8 {
        if delta == 0 { return same }
        guard abs(delta) <= Int(Int16.max) else { throw .unsupported("flattened glyph coordinates exceed 16 bits") }
        if abs(delta) < 256 {
            writer.u8(abs(delta))
            return delta > 0 ? short | same : short
        }
        writer.u16(delta)
        return 0
    }
}
