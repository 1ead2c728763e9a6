/// A font face used by a document, with the characters drawn in it, so the painter can
/// embed a subset holding exactly those glyphs.
public struct FontResource: Sendable, Equatable {
    public var font: TrueTypeFont
    /// Every scalar drawn with this face in the whole document, sorted ascending.
    public var usedScalars: [Unicode.Scalar]
    /// For a bold face, the family's face without bold (regular for bold, italic for bold
    /// italic), which a synthetic bold (`DocumentInfo.syntheticBold`) draws instead.
    public var lighterFace: TrueTypeFont?

    public init(font: TrueTypeFont, usedScalars: [Unicode.Scalar], lighterFace: TrueTypeFont? = nil) {
        self.font = font
        self.usedScalars = usedScalars
        self.lighterFace = lighterFace
    }
}

/// An image checked and decoded in Swift, so libharu never parses untrusted bytes
/// it could abort on (see docs/libharu.md, "Images"): PNG arrives as raw pixels, JPEG as its
/// verified file bytes (libharu parses JPEG itself without aborting).
public struct ImageResource: Sendable, Equatable {
    public enum Pixels: Sendable, Equatable {
        /// 8-bit samples, row-major, no padding; `components` is 1 (gray) or 3 (RGB).
        case raw(components: Int, bytes: [UInt8])
        /// A complete, validated baseline or progressive JPEG file.
        case jpeg(bytes: [UInt8], components: Int)
    }
    public var pixelWidth: Int
    public var pixelHeight: Int
    public var pixels: Pixels

    public init(pixelWidth: Int, pixelHeight: Int, pixels: Pixels) {
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.pixels = pixels
    }
}
