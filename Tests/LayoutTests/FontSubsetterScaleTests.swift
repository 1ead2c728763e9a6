import Testing
@testable import Layout

@Suite struct FontSubsetterScaleTests {
    static let faces = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"]

    @Test func roundingAndTruncationFollowTheirRules() {
        let scale = UnitScale(from: 2048)
        #expect(scale.truncated(1901) == 928)    // 928.2
        #expect(scale.truncated(-483) == -235)   // -235.8, toward zero like C
        #expect(scale.rounded(1120) == 547)      // 546.9
        #expect(scale.rounded(-1120) == -547)
        #expect(scale.rounded(1024) == 500)
        #expect(scale.rounded(1) == 0 && scale.rounded(2) == 1 && scale.rounded(-2) == -1)  // 0.49, 0.98
        #expect(UnitScale(from: 1000).isIdentity)
    }

    /// Every glyph of Latin and Cyrillic: the advance in the subset gives libharu the same
    /// 1/1000-em width as the original, and every outline point is the original's scaled
    /// to within half a unit (points dropped only where they repeat the one before).
    @Test(arguments: faces)
    func widthsAndOutlinesMatchTheOriginal(path: String) throws {
        let font = try TrueTypeFont(contentsOf: path)
        let scalars = (0x20...0x52F).compactMap(Unicode.Scalar.init).filter { font.glyph(for: $0) != nil }
        let subset = try TrueTypeFont(bytes: try font.subset(scalars: scalars, postScriptName: "TLNAAA+T"))
        #expect(subset.unitsPerEm == 1000)
        let original = try GlyphReader(font: font), rescaled = try GlyphReader(font: subset)
        let factor = 1000.0 / Double(font.unitsPerEm)
        for scalar in scalars {
            let old = try #require(font.glyph(for: scalar)), new = try #require(subset.glyph(for: scalar))
            #expect(subset.advance(ofGlyph: new) == font.advance(ofGlyph: old) * 1000 / font.unitsPerEm)
            #expect(subset.width(of: scalar) == font.width(of: scalar))
            let before = try original.outline(ofGlyph: old), after = try rescaled.outline(ofGlyph: new)
            #expect(after.points.count <= before.points.count)
            #expect(after.contourEnds.count <= before.contourEnds.count)
            // Each kept point is an original point scaled, in order.
            var index = 0
            for point in after.points {
                while index < before.points.count {
                    let source = before.points[index]
                    index += 1
                    if abs(Double(source.x) * factor - Double(point.x)) <= 0.5,
                       abs(Double(source.y) * factor - Double(point.y)) <= 0.5, source.onCurve == point.onCurve {
                        break
                    }
                    #expect(index < before.points.count, "\(scalar): point \(point) has no source")
                }
            }
        }
    }

    @Test func metricsLibharuReadsStayTheOriginals() throws {
        let font = try TrueTypeFont(contentsOf: Self.faces[0])
        let subset = try TrueTypeFont(bytes: try font.subset(scalars: ["a", "Ж"], postScriptName: "TLNAAA+T"))
        #expect(subset.ascender == font.ascender * 1000 / font.unitsPerEm)
        #expect(subset.descender == font.descender * 1000 / font.unitsPerEm)
        let os2 = try #require(subset.tables["OS/2"])
        #expect(os2.count == 78)
        #expect(subset.bytes[os2.lowerBound] == 0 && subset.bytes[os2.lowerBound + 1] == 0)
    }

    /// A PDF subset: the metrics file has the original's widths and no outlines; the
    /// program has the outlines at the units asked for and only the tables viewers read.
    @Test func pdfSubsetSplitsMetricsFromTheProgram() throws {
        let font = try TrueTypeFont(contentsOf: Self.faces[1])
        let scalars = Array("Гарантія № 2025 Warranty".unicodeScalars)
        let files = try font.pdfSubset(scalars: scalars, postScriptName: "TLNAAA+T", programUnitsPerEm: 256)
        let metrics = try TrueTypeFont(bytes: files.metrics)
        #expect(metrics.unitsPerEm == 1000)
        #expect(metrics.tables["glyf"]?.count == 0)
        for scalar in scalars { #expect(metrics.width(of: scalar) == font.width(of: scalar)) }

        let program = files.program
        func u16(_ at: Int) -> Int { Int(program[at]) << 8 | Int(program[at + 1]) }
        func u32(_ at: Int) -> Int { u16(at) << 16 | u16(at + 2) }
        var tables: [String: Range<Int>] = [:]
        for index in 0..<u16(4) {
            let record = 12 + index * 16
            tables[String(decoding: program[record..<record + 4], as: UTF8.self)] = u32(record + 8)..<u32(record + 8) + u32(record + 12)
        }
        #expect(tables.keys.sorted() == ["cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"])
        let head = try #require(tables["head"]), maxp = try #require(tables["maxp"])
        #expect(u16(head.lowerBound + 18) == 256)
        #expect(u16(maxp.lowerBound + 4) == metrics.numberOfGlyphs)
        #expect((tables["glyf"]?.count ?? 0) > 1000)
        // The same character-to-glyph map in both.
        #expect(program[try #require(tables["cmap"])] == files.metrics[try #require(metrics.tables["cmap"])])
        #expect(throws: FontError.self) { try font.pdfSubset(scalars: scalars, postScriptName: "T", programUnitsPerEm: 2048) }
    }

    @Test func zeroLengthSegmentsAreDroppedAfterRounding() {
        var outline = GlyphOutline()
        // (0,0) on, (1,0) on -> both land on (0,0) at 1000/2048; (1000,0) on; (2048,2048) off.
        outline.points = [OutlinePoint(x: 0, y: 0, onCurve: true), OutlinePoint(x: 1, y: 0, onCurve: true),
                          OutlinePoint(x: 1000, y: 0, onCurve: true), OutlinePoint(x: 2048, y: 2048, onCurve: false)]
        outline.contourEnds = [3]
        let scaled = outline.scaled(UnitScale(from: 2048))
        #expect(scaled.points == [OutlinePoint(x: 0, y: 0, onCurve: true), OutlinePoint(x: 488, y: 0, onCurve: true),
                                  OutlinePoint(x: 1000, y: 1000, onCurve: false)])
        #expect(scaled.contourEnds == [2])
    }
}
