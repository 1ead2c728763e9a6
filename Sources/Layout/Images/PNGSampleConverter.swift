/// Turns unfiltered PNG rows of any color type and bit depth into 8-bit gray or RGB
/// output pixels, compositing transparency onto white (Talon prints on white paper).
struct PNGSampleConverter {
    let colorType: PNGHeader.ColorType
    let depth: Int
    /// 1 (gray) or 3 (RGB).
    let components: Int
    /// Indexed images: `components` output bytes per entry, composited, 256 entries.
    let palette: [UInt8]
    let paletteCount: Int
    /// tRNS for gray/RGB: the sample values (file depth) that are fully transparent.
    let key: [Int]?

    init(file: PNGFile) {
        colorType = file.header.colorType
        depth = file.header.bitDepth
        var key: [Int]?
        var palette: [UInt8] = []
        var components = 3
        switch colorType {
        case .gray, .grayAlpha:
            components = 1
        case .rgb, .rgba:
            components = 3
        case .indexed:
            let count = file.palette.count / 3
            var rgb = [UInt8](repeating: 255, count: 256 * 3)
            for entry in 0..<count {
                let alpha = entry < (file.transparency?.count ?? 0) ? Int(file.transparency?[entry] ?? 255) : 255
                for channel in 0..<3 {
                    let value = Int(file.palette[entry * 3 + channel])
                    rgb[entry * 3 + channel] = UInt8(PNGSampleConverter.composite(value, alpha: alpha, max: 255))
                }
            }
            var allGray = true
            for entry in 0..<count {
                let r = rgb[entry * 3], g = rgb[entry * 3 + 1], b = rgb[entry * 3 + 2]
                if r != g || r != b { allGray = false }
            }
            components = allGray ? 1 : 3
            palette = allGray ? (0..<256).map { (entry: Int) -> UInt8 in rgb[entry * 3] } : rgb
        }
        if let t = file.transparency, colorType == .gray || colorType == .rgb {
            key = stride(from: 0, to: t.count - 1, by: 2).map { Int(t[$0]) << 8 | Int(t[$0 + 1]) }
        }
        self.components = components
        self.palette = palette
        self.paletteCount = file.palette.count / 3
        self.key = key
    }

    /// `c` over white with opacity `alpha`, both in 0...max, rounded.
    @inline(__always) static func composite(_ c: Int, alpha: Int, max: Int) -> Int {
        (c * alpha + max * (max - alpha) + max / 2) / max
    }

    /// A sample of `depth` bits scaled to 0...255, rounded.
    @inline(__always) func scale(_ value: Int) -> UInt8 {
        switch depth {
        case 8: return UInt8(truncatingIfNeeded: value)
        case 16: return UInt8(truncatingIfNeeded: (value + 128) / 257)
        default: return UInt8(truncatingIfNeeded: value * 255 / ((1 << depth) - 1))
        }
    }

    /// Sample `index` of a row (samples counted across channels).
    @inline(__always) func sample(_ row: UnsafeMutablePointer<UInt8>, _ index: Int) -> Int {
        switch depth {
        case 8: return Int(row[index])
        case 16: return Int(row[2 * index]) << 8 | Int(row[2 * index + 1])
        default:
            let bit = index * depth
            let shift = 8 - depth - (bit & 7)
            return Int(row[bit >> 3] >> UInt8(shift)) & ((1 << depth) - 1)
        }
    }

    /// Converts `width` pixels of `row` into `output`, pixel `i` landing at pixel index
    /// `firstPixel + i * pixelStep`. Returns a palette index beyond the palette, if any.
    func convert(row: UnsafeMutablePointer<UInt8>, width: Int, into output: UnsafeMutablePointer<UInt8>,
                 firstPixel: Int, pixelStep: Int) -> Int? {
        let maxValue = (1 << depth) - 1
        var target = firstPixel * components
        let step = pixelStep * components
        switch colorType {
        case .gray:
            if depth == 8 && key == nil && pixelStep == 1 {
                output.advanced(by: target).update(from: row, count: width)
                return nil
            }
            for x in 0..<width {
                let gray = sample(row, x)
                output[target] = gray == key?[0] ? 255 : scale(gray)
                target += step
            }
        case .rgb:
            if depth == 8 && key == nil && pixelStep == 1 {
                output.advanced(by: target).update(from: row, count: width * 3)
                return nil
            }
            for x in 0..<width {
                let r = sample(row, 3 * x), g = sample(row, 3 * x + 1), b = sample(row, 3 * x + 2)
                if let key, key[0] == r, key[1] == g, key[2] == b {
                    output[target] = 255; output[target + 1] = 255; output[target + 2] = 255
                } else {
                    output[target] = scale(r); output[target + 1] = scale(g); output[target + 2] = scale(b)
                }
                target += step
            }
        case .indexed:
            for x in 0..<width {
                let index = sample(row, x)
                guard index < paletteCount else { return index }
                for channel in 0..<components { output[target + channel] = palette[index * components + channel] }
                target += step
            }
        case .grayAlpha:
            for x in 0..<width {
                let alpha = sample(row, 2 * x + 1)
                output[target] = scale(Self.composite(sample(row, 2 * x), alpha: alpha, max: maxValue))
                target += step
            }
        case .rgba:
            for x in 0..<width {
                let alpha = sample(row, 4 * x + 3)
                for channel in 0..<3 {
                    output[target + channel] = scale(Self.composite(sample(row, 4 * x + channel), alpha: alpha, max: maxValue))
                }
                target += step
            }
        }
        return nil
    }
}
