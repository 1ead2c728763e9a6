/// Decompressing, unfiltering and converting a PNG's image data to Talon's 8-bit gray or
/// RGB samples.
extension PNGFile {
    /// The decoded image. Palettes become RGB (or gray when every entry is gray), 16-bit
    /// samples are rounded to 8 bits, and alpha (channel or tRNS) is composited onto white.
    func decodePixels(file: String) throws(ImageError) -> ImageResource {
        var data = try inflatedImageData(file: file)
        let converter = PNGSampleConverter(file: self)
        let components = converter.components
        // `ImageLimits.checkPixels` bounded width × height; the product with the component
        // count is still checked, as a caller may choose huge limits.
        let (outputSize, overflow) = (header.width * header.height).multipliedReportingOverflow(by: components)
        guard !overflow else { throw .invalidPNG(file: file, reason: "image size overflows") }
        var output = [UInt8](repeating: 0, count: outputSize)
        let passes = header.passes
        let stride = header.filterStride
        let problem: PixelProblem? = data.withUnsafeMutableBufferPointer { data in
            output.withUnsafeMutableBufferPointer { output in
                guard let base = data.baseAddress, let target = output.baseAddress else { return nil }
                var offset = 0
                for pass in passes {
                    let rowBytes = header.rowBytes(width: pass.width)
                    for row in 0..<pass.height {
                        let start = offset + row * (rowBytes + 1)
                        let filter = base[start]
                        let current = base + start + 1
                        let previous = row == 0 ? nil : current - (rowBytes + 1)
                        guard PNGFile.unfilter(filter, current, previous: previous, count: rowBytes, stride: stride) else {
                            return .filterType(filter, row: row)
                        }
                        let firstPixel = (pass.y + row * pass.dy) * header.width + pass.x
                        if let index = converter.convert(row: current, width: pass.width, into: target,
                                                          firstPixel: firstPixel, pixelStep: pass.dx) {
                            return .paletteIndex(index)
                        }
                    }
                    offset += pass.height * (rowBytes + 1)
                }
                return nil
            }
        }
        switch problem {
        case .filterType(let filter, let row)?:
            throw .invalidPNG(file: file, reason: "unknown filter type \(filter) on row \(row)")
        case .paletteIndex(let index)?:
            throw .invalidPNG(file: file, reason: "palette index \(index) beyond the \(palette.count / 3) palette entries")
        case nil:
            break
        }
        return ImageResource(pixelWidth: header.width, pixelHeight: header.height,
                             pixels: .raw(components: components, bytes: output))
    }

    private enum PixelProblem {
        case filterType(UInt8, row: Int)
        case paletteIndex(Int)
    }

    /// Reverses one row's filter in place (PNG §9); `previous` is the row above, already
    /// unfiltered, or nil for the first row of a pass. Returns false for an unknown filter.
    static func unfilter(_ filter: UInt8, _ row: UnsafeMutablePointer<UInt8>, previous: UnsafeMutablePointer<UInt8>?,
                         count: Int, stride: Int) -> Bool {
        switch filter {
        case 0:
            return true
        case 1:
            if count > stride {
                for i in stride..<count { row[i] &+= row[i - stride] }
            }
        case 2:
            guard let up = previous else { return true }
            for i in 0..<count { row[i] &+= up[i] }
        case 3:
            if let up = previous {
                for i in 0..<min(stride, count) { row[i] &+= up[i] >> 1 }
                if count > stride {
                    for i in stride..<count { row[i] &+= UInt8((Int(row[i - stride]) + Int(up[i])) >> 1) }
                }
            } else if count > stride {
                for i in stride..<count { row[i] &+= row[i - stride] >> 1 }
            }
        case 4:
            if let up = previous {
                for i in 0..<min(stride, count) { row[i] &+= up[i] }
                if count > stride {
                    for i in stride..<count {
                        row[i] &+= paeth(Int(row[i - stride]), Int(up[i]), Int(up[i - stride]))
                    }
                }
            } else if count > stride {
                // With no row above, Paeth predicts from the left neighbour, like Sub.
                for i in stride..<count { row[i] &+= row[i - stride] }
            }
        default:
            return false
        }
        return true
    }

    @inline(__always) static func paeth(_ a: Int, _ b: Int, _ c: Int) -> UInt8 {
        let p = a + b - c
        let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
        if pa <= pb && pa <= pc { return UInt8(truncatingIfNeeded: a) }
        return pb <= pc ? UInt8(truncatingIfNeeded: b) : UInt8(truncatingIfNeeded: c)
    }
}
