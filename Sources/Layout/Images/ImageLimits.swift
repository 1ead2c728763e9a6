/// Bounds on what `ImageDecoder` accepts, so a hostile or accidental file cannot make
/// Talon allocate without limit.
///
/// `maxBytes` bounds the file itself. `maxPixels` bounds the declared dimensions, and
/// so every decompressed buffer: a PNG's inflated data is sized from its header (at most
/// 8 bytes per pixel plus one filter byte per row) and inflating past that size is an
/// error, so a small "zip bomb" cannot grow beyond what the dimensions allow.
public struct ImageLimits: Sendable, Equatable {
    /// The largest accepted file, in bytes.
    public var maxBytes: Int
    /// The largest accepted `width × height`.
    public var maxPixels: Int
    /// The most pixels a decoded PNG keeps once loaded: larger ones are averaged down by a
    /// whole factor, so a document with many big photos holds small copies (JPEG files
    /// are embedded as they are and keep their size).
    public var maxHeldPixels: Int

    public init(maxBytes: Int, maxPixels: Int, maxHeldPixels: Int = 4_000_000) {
        self.maxBytes = maxBytes
        self.maxPixels = maxPixels
        self.maxHeldPixels = maxHeldPixels
    }

    /// 20 MiB files, 40 megapixels, PNGs held at 4 megapixels at most.
    public static let `default` = ImageLimits(maxBytes: 20 * 1024 * 1024, maxPixels: 40_000_000)

    /// Throws when `width × height` is over `maxPixels` (or overflows).
    func checkPixels(width: Int, height: Int, file: String) throws(ImageError) {
        let (area, overflow) = width.multipliedReportingOverflow(by: height)
        if overflow || area > maxPixels {
            throw .tooManyPixels(file: file, width: width, height: height, limit: maxPixels)
        }
    }

    static func describeBytes(_ bytes: Int) -> String {
        let mebibyte = 1024 * 1024
        if bytes >= mebibyte && bytes % mebibyte == 0 { return "\(bytes / mebibyte) MiB" }
        return "\(bytes) bytes"
    }

    static func describePixels(_ pixels: Int) -> String {
        if pixels >= 1_000_000 && pixels % 1_000_000 == 0 { return "\(pixels / 1_000_000) megapixels" }
        return "\(pixels) pixels"
    }
}
