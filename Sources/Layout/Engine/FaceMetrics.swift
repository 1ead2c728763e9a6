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
        var widths = [Int16](repeating: -1, count: 0x10000)
        for value in 0..<0x10000 {
            guard let scalar = Unicode.Scalar(UInt32(value)), font.glyph(for: scalar) != nil else { continue }
            widths[value] = Int16(clamping: font.width(of: scalar))
        }
        self.font = font
        self.widths = widths
        let unitsPerEm = Double(font.unitsPerEm)
        ascent = Double(font.ascender) / unitsPerEm
        descent = Double(-font.descender) / unitsPerEm
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
