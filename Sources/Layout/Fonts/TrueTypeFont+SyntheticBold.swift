/// What a painter needs to draw bold text with a lighter face (a synthetic bold): how much
/// wider the bold face's stems are (its metrics without outlines: `pdfMetrics`).
extension TrueTypeFont {
    /// The width of the stem of "l" (its outline's horizontal extent) in em, nil when the
    /// face has no "l" or its outline cannot be read.
    public var stemWidth: Double? {
        let l: Unicode.Scalar = "l"
        guard let glyph = glyph(for: l), unitsPerEm > 0,
              let reader = try? GlyphReader(font: self),
              let outline = try? reader.outline(ofGlyph: glyph), !outline.isEmpty else { return nil }
        let box = outline.bounds
        return Double(box.xMax - box.xMin) / Double(unitsPerEm)
    }
}
