/// What a painter needs to draw bold text with a lighter face (a synthetic bold): how much
/// wider the bold face's stems are (its metrics without outlines: `pdfMetrics`).
extension TrueTypeFont {
    /// The width of the stem of "l" (its outline's horizontal extent) in em, nil when the
    /// face has no "l" or its outline cannot be read. Measured once (a painter asks per
    /// document).
    public var stemWidth: Double? {
        stemWidthMemo.withLock { memo in
            if let memo { return memo }
            let width = measuredStemWidth()
            memo = .some(width)
            return width
        }
    }

    private func measuredStemWidth() -> Double? {
        let l: Unicode.Scalar = "l"
        guard let glyph = glyph(for: l), unitsPerEm > 0,
              let reader = try? GlyphReader(font: self),
              let outline = try? reader.outline(ofGlyph: glyph), !outline.isEmpty else { return nil }
        let box = outline.bounds
        return Double(box.xMax - box.xMin) / Double(unitsPerEm)
    }
}
