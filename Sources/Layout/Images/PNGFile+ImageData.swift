internal import CDeflate

/// Inflating a PNG's image data (a zlib stream, RFC 1950) with libdeflate into a buffer of
/// exactly the size its header implies. libdeflate checks the deflate codes, every
/// distance against the data before it and the Adler-32; producing more or fewer bytes
/// than the header implies is an error too, so a small "zip bomb" cannot grow the buffer.
extension PNGFile {
    /// The most bytes deflate can make of one input byte: a 258-byte match coded in two bits.
    static let largestExpansion = 1032

    /// The decompressed image data: each row of each pass with its filter-type byte.
    func inflatedImageData(file: String) throws(ImageError) -> [UInt8] {
        let size = try header.decompressedSize(file: file)
        func corrupt(_ reason: String) -> ImageError { .corruptDeflate(file: file, reason: reason) }
        try Self.checkZlibHeader(imageData, file: file)
        // Refused before allocating: no stream this short can hold that much.
        let (bound, overflow) = imageData.count.multipliedReportingOverflow(by: Self.largestExpansion)
        guard overflow || size <= bound else {
            throw corrupt("\(imageData.count) bytes of zlib data cannot hold the \(size) bytes the image needs")
        }
        guard let decompressor = libdeflate_alloc_decompressor() else { throw corrupt("out of memory") }
        defer { libdeflate_free_decompressor(decompressor) }
        var result = LIBDEFLATE_BAD_DATA
        var produced = 0
        let output = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            result = imageData.withUnsafeBytes { input in
                libdeflate_zlib_decompress_ex(decompressor, input.baseAddress, input.count,
                                              buffer.baseAddress, size, nil, &produced)
            }
            count = result == LIBDEFLATE_SUCCESS ? produced : 0
        }
        switch result {
        case LIBDEFLATE_SUCCESS:
            guard produced == size else { throw corrupt("image data is \(produced) bytes, expected \(size)") }
            return output
        case LIBDEFLATE_INSUFFICIENT_SPACE:
            throw corrupt("more data than the image needs (\(size) bytes)")
        default:
            throw corrupt("invalid deflate data or Adler-32 mismatch")
        }
    }

    /// The two header bytes, checked here so that their problems are named.
    static func checkZlibHeader(_ stream: [UInt8], file: String) throws(ImageError) {
        func corrupt(_ reason: String) -> ImageError { .corruptDeflate(file: file, reason: reason) }
        guard stream.count >= 2 else { throw corrupt("zlib header missing") }
        let method = stream[0], flags = stream[1]
        guard method & 0x0F == 8 else { throw corrupt("compression method \(method & 0x0F), not deflate") }
        guard method >> 4 <= 7 else { throw corrupt("window size above 32 KiB") }
        guard (Int(method) << 8 | Int(flags)) % 31 == 0 else { throw corrupt("bad zlib header check bits") }
        guard flags & 0x20 == 0 else { throw corrupt("preset dictionary not allowed") }
    }
}
