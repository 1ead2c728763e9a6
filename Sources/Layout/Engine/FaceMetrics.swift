import Foundation

/// Widths of every BMP character of one face in 1/1000 em, in a flat array indexed by
/// scalar value (no dictionary look-ups or cmap searches in the line breaker's loop).
final class FaceMetrics: Sendable {
    let font: TrueTypeFont
    /// Advance in 1/1000 em; -1 when the face has no glyph.
    let widths: [Int16]
    /// Ascender and descender as fractions of the font size (descent positive).
    let ascent: Double
    let descent: Double
    /// The widest of "0"..."9", for page-number placeholders.
    let widestDigit: Int

    init(font: TrueTypeFont) {
        // Walk the cmap's segments instead of searching it 65,536 times.
        var widths = [Int16](repeating: -1, count: 0x10000)
        let unitsPerEm = font.unitsPerEm
        for segment in font.characterMap.segments where segment.first < 0x10000 {
            let last = min(segment.last, 0xFFFF)
            for code in segment.first...last {
                let glyph = font.characterMap.glyph(of: segment, at: code)
                guard glyph != 0, glyph < font.numberOfGlyphs, (0xD800...0xDFFF).contains(code) == false else {
                    continue
                }
                widths[Int(code)] = Int16(clamping: font.advance(ofGlyph: glyph) * 1000 / unitsPerEm)
            }
        }
        self.font = font
        self.widths = widths
        ascent = Double(font.ascender) / Double(unitsPerEm)
        descent = Double(-font.descender) / Double(unitsPerEm)
        var widest = 0
        for digit in 0x30...0x39 { widest = max(widest, Int(widths[digit])) }
        widestDigit = widest
    }

    /// True when the face can draw the scalar (BMP only: libharu cannot draw others).
    func has(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x10000 && widths[Int(scalar.value)] >= 0
    }
}

/// Metrics shared by every layout an engine runs, built once per face.
/// `@unchecked Sendable`: the dictionary is only touched while holding `lock`, and the
/// `FaceMetrics` values it hands out are immutable.
final class FaceMetricsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [ObjectIdentifier: FaceMetrics] = [:]

    func metrics(for font: TrueTypeFont) -> FaceMetrics {
        let key = ObjectIdentifier(font)
        lock.lock()
        if let cached = entries[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        // Built outside the lock; the entry keeps the font alive, so the key stays unique.
        let built = FaceMetrics(font: font)
        lock.lock()
        defer { lock.unlock() }
        if let cached = entries[key] { return cached }
        entries[key] = built
        return built
    }
}
