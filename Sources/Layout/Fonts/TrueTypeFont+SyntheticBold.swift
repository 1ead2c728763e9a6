/// What a painter needs to draw bold text with a lighter face (a synthetic bold): the bold
/// face's metrics without its outlines, and how much wider the bold face's stems are.
extension TrueTypeFont {
    /// The metrics file of `pdfSubset(scalars:postScriptName:)` alone (widths, bounding box,
    /// character-to-glyph map; every glyph empty), for a face whose outlines are not embedded.
    public func pdfMetrics(scalars: [Unicode.Scalar], postScriptName: String) throws(FontError) -> [UInt8] {
        try FontSubsetter(font: self, scalars: scalars, postScriptName: postScriptName).fontFile(.metrics)
    }

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
