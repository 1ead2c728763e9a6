import Foundation

/// Reads PNG and JPEG files into `ImageResource`s in Swift (only the zlib data is inflated
/// by libdeflate), so that libharu (whose libpng calls `abort()` on a malformed PNG) never
/// parses unchecked bytes.
///
/// PNG: all color types (gray, RGB, indexed, gray+alpha, RGBA), bit depths 1–16, Adam7
/// interlacing, tRNS; every chunk's CRC and the zlib Adler-32 are verified. The result is
/// `.raw` 8-bit gray (1 component) or RGB (3): palettes become RGB, or gray when every
/// entry is gray; 16-bit samples are rounded to 8; alpha is composited onto white.
///
/// JPEG: the marker structure is verified from SOI to EOI (see `JPEGFile`) and the file
/// is returned as `.jpeg` for libharu to embed unchanged (bytes after EOI dropped).
public enum ImageDecoder {
    /// Reads and decodes the regular file at `path`, downsampled to `limits.maxHeldPixels`;
    /// error messages name the file by `path`.
    public static func load(path: String, limits: ImageLimits = .default) throws(ImageError) -> ImageResource {
        let bytes = try readRegularFile(path: path, limits: limits)
        return try decode(bytes: bytes, name: path, limits: limits).downsampled(toAtMost: limits.maxHeldPixels)
    }

    /// Decodes image bytes; `name` is used in error messages (a file name or path).
    public static func decode(bytes: [UInt8], name: String, limits: ImageLimits = .default) throws(ImageError) -> ImageResource {
        guard !bytes.isEmpty else { throw .empty(file: name) }
        guard bytes.count <= limits.maxBytes else {
            throw .fileTooLarge(file: name, bytes: bytes.count, limit: limits.maxBytes)
        }
        switch Format(bytes) {
        case .png:
            let png = try PNGFile(bytes: bytes, file: name, limits: limits)
            return try png.decodePixels(file: name)
        case .jpeg:
            let jpeg = try JPEGFile(bytes: bytes, file: name, limits: limits)
            return ImageResource(pixelWidth: jpeg.width, pixelHeight: jpeg.height,
                                 pixels: .jpeg(bytes: jpeg.bytes, components: jpeg.components))
        case nil:
            throw .notAnImage(file: name)
        }
    }

    /// The formats recognised by their leading bytes.
    enum Format {
        case png, jpeg

        init?(_ bytes: [UInt8]) {
            if bytes.starts(with: PNGFile.signature) {
                self = .png
            } else if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xD8, bytes.count == 2 || bytes[2] == 0xFF {
                self = .jpeg
            } else if bytes.count < 8 && PNGFile.signature.starts(with: bytes) {
                self = .png  // a PNG cut inside its signature: reported as truncated
            } else {
                return nil
            }
        }
    }
}
