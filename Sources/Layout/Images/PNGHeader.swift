/// The IHDR chunk of a PNG: dimensions and sample format.
struct PNGHeader: Equatable, Sendable {
    enum ColorType: UInt8, Sendable {
        case gray = 0, rgb = 2, indexed = 3, grayAlpha = 4, rgba = 6

        /// Samples per pixel in the file.
        var channels: Int {
            switch self {
            case .gray, .indexed: return 1
            case .grayAlpha: return 2
            case .rgb: return 3
            case .rgba: return 4
            }
        }

        /// Bit depths the PNG specification allows for this color type.
        var allowedDepths: [Int] {
            switch self {
            case .gray: return [1, 2, 4, 8, 16]
            case .indexed: return [1, 2, 4, 8]
            case .rgb, .grayAlpha, .rgba: return [8, 16]
            }
        }
    }

    var width: Int
    var height: Int
    var bitDepth: Int
    var colorType: ColorType
    var interlaced: Bool

    /// Parses and checks the 13 bytes of IHDR data.
    init(data: ArraySlice<UInt8>, file: String) throws(ImageError) {
        guard data.count == 13 else {
            throw .invalidPNG(file: file, reason: "IHDR is \(data.count) bytes, expected 13")
        }
        let start = data.startIndex
        width = PNGFile.readUInt32(data, at: start)
        height = PNGFile.readUInt32(data, at: start + 4)
        guard width > 0, height > 0 else {
            throw .invalidPNG(file: file, reason: "image is \(width) × \(height) pixels")
        }
        guard width <= Int(Int32.max), height <= Int(Int32.max) else {
            throw .invalidPNG(file: file, reason: "dimension above 2^31 - 1")
        }
        bitDepth = Int(data[start + 8])
        guard let colorType = ColorType(rawValue: data[start + 9]) else {
            throw .invalidPNG(file: file, reason: "unknown color type \(data[start + 9])")
        }
        self.colorType = colorType
        guard colorType.allowedDepths.contains(bitDepth) else {
            throw .invalidPNG(file: file, reason: "bit depth \(bitDepth) is not allowed for color type \(colorType.rawValue)")
        }
        guard data[start + 10] == 0 else {
            throw .invalidPNG(file: file, reason: "unknown compression method \(data[start + 10])")
        }
        guard data[start + 11] == 0 else {
            throw .invalidPNG(file: file, reason: "unknown filter method \(data[start + 11])")
        }
        guard data[start + 12] <= 1 else {
            throw .invalidPNG(file: file, reason: "unknown interlace method \(data[start + 12])")
        }
        interlaced = data[start + 12] == 1
    }

    /// Bytes per complete pixel for filtering (at least 1).
    var filterStride: Int { max(1, colorType.channels * bitDepth / 8) }

    /// Bytes in one row of `width` pixels, without the filter-type byte.
    func rowBytes(width: Int) -> Int {
        (width * colorType.channels * bitDepth + 7) / 8
    }

    /// The sub-images stored one after another in the image data: the whole image, or
    /// the seven Adam7 passes (empty passes omitted).
    var passes: [Pass] {
        guard interlaced else { return [Pass(x: 0, y: 0, dx: 1, dy: 1, width: width, height: height)] }
        let adam7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
        return adam7.compactMap { x, y, dx, dy in
            let passWidth = (width - x + dx - 1) / dx, passHeight = (height - y + dy - 1) / dy
            guard passWidth > 0, passHeight > 0 else { return nil }
            return Pass(x: x, y: y, dx: dx, dy: dy, width: passWidth, height: passHeight)
        }
    }

    /// The exact size of the decompressed image data: each row of each pass plus its
    /// filter-type byte. Dimensions are bounded by `ImageLimits` before this is called,
    /// but the arithmetic is checked anyway.
    func decompressedSize(file: String) throws(ImageError) -> Int {
        var total = 0
        for pass in passes {
            let (bits, o1) = pass.width.multipliedReportingOverflow(by: colorType.channels * bitDepth)
            let (rows, o2) = ((bits + 7) / 8 + 1).multipliedReportingOverflow(by: pass.height)
            let (sum, o3) = total.addingReportingOverflow(rows)
            guard !o1, !o2, !o3 else { throw .invalidPNG(file: file, reason: "image data size overflows") }
            total = sum
        }
        return total
    }

    /// One sub-image of the image data: pixels at `(x + i·dx, y + j·dy)`.
    struct Pass: Equatable, Sendable {
        var x: Int, y: Int, dx: Int, dy: Int
        var width: Int, height: Int
    }
}
