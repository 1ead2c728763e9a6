/// The chunks of a PNG file that matter for its pixels, read and checked: every chunk's
/// length against the bytes left and its CRC-32, IHDR first, PLTE and tRNS before the
/// image data, IDAT chunks consecutive, IEND present. Unknown ancillary chunks are
/// skipped; unknown critical chunks are an error.
struct PNGFile: Sendable {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    var header: PNGHeader
    /// RGB triples.
    var palette: [UInt8] = []
    /// tRNS: alpha per palette entry, or the one transparent gray/RGB sample value.
    var transparency: [UInt8]?
    /// The concatenated IDAT payloads (a zlib stream).
    var imageData: [UInt8] = []

    static func readUInt32(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
    }

    init(bytes: [UInt8], file: String, limits: ImageLimits) throws(ImageError) {
        guard bytes.count >= 8, Array(bytes[0..<8]) == PNGFile.signature else {
            throw .truncatedPNG(file: file, detail: "signature incomplete")
        }
        var offset = 8
        var parsedHeader: PNGHeader?
        var seenPalette = false, seenData = false, dataEnded = false
        var ended = false
        while !ended {
            let remaining = bytes.count - offset
            guard remaining >= 8 else {
                let detail = remaining == 0 ? "no IEND chunk" : "chunk header at offset \(offset) needs 8 bytes, \(remaining) remain"
                throw .truncatedPNG(file: file, detail: detail)
            }
            let length = PNGFile.readUInt32(bytes[...], at: offset)
            let typeBytes = bytes[(offset + 4)..<(offset + 8)]
            guard typeBytes.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
                throw .invalidPNG(file: file, reason: "bad chunk type at offset \(offset + 4)")
            }
            let type = String(decoding: typeBytes, as: UTF8.self)
            guard length <= Int(Int32.max) else {
                throw .invalidPNG(file: file, reason: "chunk \(type) declares \(length) bytes, above 2^31 - 1")
            }
            let dataStart = offset + 8
            let available = bytes.count - dataStart
            guard length <= available else {
                throw .truncatedPNG(file: file, detail: "chunk \(type) declares \(length) bytes, \(available) remain")
            }
            guard length + 4 <= available else {
                throw .truncatedPNG(file: file, detail: "chunk \(type) ends before its CRC")
            }
            let dataEnd = dataStart + length
            let stored = UInt32(PNGFile.readUInt32(bytes[...], at: dataEnd))
            guard stored == CRC32.checksum(bytes, (offset + 4)..<dataEnd) else {
                throw .crcMismatch(file: file, chunk: type)
            }
            let data = bytes[dataStart..<dataEnd]
            offset = dataEnd + 4

            if parsedHeader == nil && type != "IHDR" {
                throw .invalidPNG(file: file, reason: "first chunk is \(type), expected IHDR")
            }
            if seenData && type != "IDAT" { dataEnded = true }
            switch type {
            case "IHDR":
                guard parsedHeader == nil else { throw .invalidPNG(file: file, reason: "second IHDR chunk") }
                let header = try PNGHeader(data: data, file: file)
                try limits.checkPixels(width: header.width, height: header.height, file: file)
                parsedHeader = header
            case "PLTE":
                guard !seenPalette else { throw .invalidPNG(file: file, reason: "second PLTE chunk") }
                guard !seenData else { throw .invalidPNG(file: file, reason: "PLTE after IDAT") }
                guard length % 3 == 0, (3...768).contains(length) else {
                    throw .invalidPNG(file: file, reason: "PLTE of \(length) bytes is not 1 to 256 RGB entries")
                }
                seenPalette = true
                palette = Array(data)
            case "tRNS":
                guard !seenData else { throw .invalidPNG(file: file, reason: "tRNS after IDAT") }
                transparency = Array(data)
            case "IDAT":
                guard !dataEnded else { throw .invalidPNG(file: file, reason: "IDAT chunks are not consecutive") }
                seenData = true
                imageData.append(contentsOf: data)
            case "IEND":
                guard length == 0 else { throw .invalidPNG(file: file, reason: "IEND is not empty") }
                ended = true
            default:
                // Bit 5 of the first type byte clear: critical, must be understood.
                if typeBytes[typeBytes.startIndex] & 0x20 == 0 {
                    throw .invalidPNG(file: file, reason: "unknown critical chunk \(type)")
                }
            }
        }
        // `ended` implies IHDR was read (IEND cannot be the first chunk).
        guard let header = parsedHeader else { throw .invalidPNG(file: file, reason: "no IHDR chunk") }
        self.header = header
        guard seenData else { throw .invalidPNG(file: file, reason: "no IDAT chunk") }
        try checkPaletteAndTransparency(file: file)
    }

    private mutating func checkPaletteAndTransparency(file: String) throws(ImageError) {
        switch header.colorType {
        case .indexed:
            guard !palette.isEmpty else { throw .invalidPNG(file: file, reason: "indexed image without PLTE") }
            if let alpha = transparency, alpha.count > palette.count / 3 {
                throw .invalidPNG(file: file, reason: "tRNS has \(alpha.count) entries, palette has \(palette.count / 3)")
            }
        case .gray, .grayAlpha:
            guard palette.isEmpty else { throw .invalidPNG(file: file, reason: "PLTE in a grayscale image") }
        case .rgb, .rgba:
            palette = []  // only a quantisation hint for true-color images
        }
        switch header.colorType {
        case .gray:
            if let key = transparency, key.count != 2 {
                throw .invalidPNG(file: file, reason: "tRNS of \(key.count) bytes for a grayscale image, expected 2")
            }
        case .rgb:
            if let key = transparency, key.count != 6 {
                throw .invalidPNG(file: file, reason: "tRNS of \(key.count) bytes for an RGB image, expected 6")
            }
        case .grayAlpha, .rgba:
            transparency = nil  // ignored, as libpng does: these images carry full alpha
        case .indexed:
            break
        }
    }
}
