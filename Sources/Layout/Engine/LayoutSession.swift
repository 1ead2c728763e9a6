import Markup

/// The mutable state of one `layout(_:)` call: faces and their metrics, the characters
/// drawn per face, missing characters, images and repeated table headers.
final class LayoutSession {
    let engine: LayoutEngine
    let setup: PageSetup
    let family: FontFamily
    /// regular, bold, italic, boldItalic — indexed by `TextStyle.face`.
    let faces: [FaceMetrics]
    let pageWidth: Points, pageHeight: Points
    let contentLeft: Points, contentWidth: Points
    /// Height available to body content (page minus margins, header and footer).
    var bodyHeight: Points
    var fontIndexOfFace = [-1, -1, -1, -1]
    var fontOrder: [Int] = []
    /// Bit set of BMP scalars drawn, per face; it grows as higher scalars are drawn (most
    /// text stays below U+0800, and zeroing the whole BMP's 8 KB per face costs more than
    /// setting the bits).
    var used: [[UInt64]] = [[], [], [], []]
    var missing: [(font: String, scalar: Unicode.Scalar)] = []
    var missingSeen = Set<UInt64>()
    /// Characters the faces lacked, counted each time one is met (seen before or not).
    var missingMet = 0
    var images: [ImageResource] = []
    var imageIndexByPath: [String: Int] = [:]
    var tableHeaders: [[Fragment]] = []
    /// Set when body text holds page-number placeholders to fill after pagination.
    var usesPlaceholders = false
    /// While a block is laid out to be kept (`BlockCache`): the faces it used, in order of
    /// first use, and the same as a bit set.
    var recording = false
    var faceLog: [Int] = []
    var recordedFaces: UInt8 = 0
    /// Room to write `BlockCache` keys in.
    let keyWriter = KeyWriter()

    init(engine: LayoutEngine, setup: PageSetup, family: FontFamily) throws(LayoutError) {
        self.engine = engine
        self.setup = setup
        self.family = family
        faces = [family.regular, family.bold, family.italic, family.boldItalic].map { engine.metricsCache.metrics(for: $0) }
        var width = setup.pageWidth, height = setup.pageHeight
        if (setup.orientation == .landscape) == (width < height) { swap(&width, &height) }
        pageWidth = width
        pageHeight = height
        contentLeft = setup.marginLeft
        contentWidth = width - setup.marginLeft - setup.marginRight
        bodyHeight = height - setup.marginTop - setup.marginBottom
        guard width.isFinite, height.isFinite, width > 0, height > 0 else {
            throw .invalidPageSetup("page size \(width) × \(height) pt")
        }
        guard setup.fontSize.isFinite, setup.fontSize >= 1, setup.fontSize <= 200 else {
            throw .invalidPageSetup("font size \(setup.fontSize) pt")
        }
        guard setup.marginLeft >= 0, setup.marginRight >= 0, setup.marginTop >= 0, setup.marginBottom >= 0,
              contentWidth >= setup.fontSize * 2, bodyHeight >= setup.fontSize * 4 else {
            throw .invalidPageSetup("margins leave \(LayoutError.points(contentWidth)) × "
                + "\(LayoutError.points(bodyHeight)) pt for content")
        }
        guard setup.lineHeight.isFinite, setup.lineHeight >= 0.5, setup.lineHeight <= 5 else {
            throw .invalidPageSetup("line height \(setup.lineHeight)")
        }
    }

    /// Records a character the face cannot draw (once per face family and character).
    func recordMissing(_ scalar: Unicode.Scalar, face: Int) {
        missingMet += 1
        let name = faces[face].font.familyName
        let key = UInt64(scalar.value) << 8 | UInt64(face)
        guard missingSeen.insert(key).inserted else { return }
        if !missing.contains(where: { $0.font == name && $0.scalar == scalar }) {
            missing.append((name, scalar))
        }
    }

    /// The font resource index of a face, assigned on first use.
    func fontIndex(face: Int) -> Int {
        if recording && recordedFaces & 1 << face == 0 {
            recordedFaces |= 1 << face
            faceLog.append(face)
        }
        if fontIndexOfFace[face] < 0 {
            fontIndexOfFace[face] = fontOrder.count
            fontOrder.append(face)
            used[face] = [UInt64](repeating: 0, count: 32)
        }
        return fontIndexOfFace[face]
    }

    /// Grows the bit set of a face in use (`fontIndex(face:)`) to hold `value` (BMP scalars
    /// only: no others are marked), at least doubling it.
    func growUsed(face: Int, toHold value: UInt32) {
        let needed = Int(min(value, 0xFFFF) >> 6) + 1, count = used[face].count
        guard needed > count else { return }
        used[face].append(contentsOf: repeatElement(0, count: max(needed, min(1024, count * 2)) - count))
    }

    /// A text op for scalars of one face; records them as used for subsetting.
    func textOp(_ scalars: ArraySlice<Unicode.Scalar>, face: Int, size: Points, x: Points, y: Points,
                color: RGBColor = .black) -> DrawOp {
        let index = fontIndex(face: face)
        var highest: UInt32 = 0
        for scalar in scalars where scalar.value > highest { highest = scalar.value }
        growUsed(face: face, toHold: highest)
        // Encoding to UTF-8 by hand is several times faster than appending scalars to a
        // String.UnicodeScalarView one by one (measured with callgrind on the card).
        // The bit set is borrowed once per op: touching `used[face][word]` per character
        // costs an exclusivity check and two uniqueness checks each time.
        let text = used[face].withUnsafeMutableBufferPointer { bits in
            String(unsafeUninitializedCapacity: scalars.count * 4) { utf8 in
                var written = 0
                for scalar in scalars {
                    let value = scalar.value
                    if value < 0x10000 {
                        bits[Int(value >> 6)] |= 1 << UInt64(value & 63)
                    }
                    written += writeUTF8(value, to: utf8, at: written)
                }
                return written
            }
        }
        return .text(x: x, y: y, font: index, size: size, text: text, color: color)
    }

    /// The font resources in order of first use, each with its sorted drawn scalars.
    func fontResources() -> [FontResource] {
        fontOrder.map { face in
            let scalars = Self.scalars(in: used[face])
            // Faces 1 and 3 are bold and bold italic; 0 and 2 the same without bold.
            let lighter = (face == 1 || face == 3) && faces[face].font != faces[face - 1].font
                ? faces[face - 1].font : nil
            return FontResource(font: faces[face].font, usedScalars: scalars, lighterFace: lighter)
        }
    }

    /// The scalars of a bit set of BMP scalars, sorted (only the set bits are walked).
    static func scalars(in bitSet: [UInt64]) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        bitSet.withUnsafeBufferPointer { words in
            for word in words.indices where words[word] != 0 {
                var bits = words[word]
                while bits != 0 {
                    let bit = bits.trailingZeroBitCount
                    bits &= bits - 1
                    if let scalar = Unicode.Scalar(UInt32(word * 64 + bit)) { scalars.append(scalar) }
                }
            }
        }
        return scalars
    }

    func missingGlyphsError() -> LayoutError? {
        guard !missing.isEmpty else { return nil }
        var groups: [MissingGlyphs] = []
        for entry in missing {
            if let index = groups.firstIndex(where: { $0.font == entry.font }) {
                groups[index].scalars.append(entry.scalar)
            } else {
                groups.append(MissingGlyphs(font: entry.font, scalars: [entry.scalar]))
            }
        }
        return .missingGlyphs(groups)
    }

    /// Line box height and baseline depth for a font size.
    func lineMetrics(size: Points) -> (height: Points, baseline: Points) {
        let metrics = faces[0]
        let height = size * setup.lineHeight
        let glyphBox = (metrics.ascent + metrics.descent) * size
        return (height, (height - glyphBox) / 2 + metrics.ascent * size)
    }
}

/// Writes the UTF-8 encoding of a Unicode scalar value at `offset` (room for 4 bytes is
/// the caller's duty); returns the number of bytes written.
@inline(__always)
func writeUTF8(_ value: UInt32, to bytes: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
    switch value {
    case ..<0x80:
        bytes[offset] = UInt8(value)
        return 1
    case ..<0x800:
        bytes[offset] = UInt8(0xC0 | value >> 6)
        bytes[offset + 1] = UInt8(0x80 | value & 0x3F)
        return 2
    case ..<0x10000:
        bytes[offset] = UInt8(0xE0 | value >> 12)
        bytes[offset + 1] = UInt8(0x80 | value >> 6 & 0x3F)
        bytes[offset + 2] = UInt8(0x80 | value & 0x3F)
        return 3
    default:
        bytes[offset] = UInt8(0xF0 | value >> 18)
        bytes[offset + 1] = UInt8(0x80 | value >> 12 & 0x3F)
        bytes[offset + 2] = UInt8(0x80 | value >> 6 & 0x3F)
        bytes[offset + 3] = UInt8(0x80 | value & 0x3F)
        return 4
    }
}
