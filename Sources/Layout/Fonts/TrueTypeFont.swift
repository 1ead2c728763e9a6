import Foundation
import Synchronization

/// A TrueType font read by our own parser: the metrics layout needs (advance widths,
/// vertical metrics, character map) and the raw tables the subsetter copies from.
/// Immutable after loading, so one instance is shared by every document and task.
public final class TrueTypeFont: Sendable, Equatable, CustomStringConvertible {
    /// The whole font file (mapped when read from a file).
    public let bytes: FontData
    /// Offset and length of each table, by tag.
    public let tables: [String: Range<Int>]
    public let postScriptName: String
    public let familyName: String
    public let unitsPerEm: Int
    /// Typographic ascender and descender (descender negative), in font units (hhea).
    public let ascender: Int
    public let descender: Int
    public let lineGap: Int
    /// Height of capital letters in font units (OS/2 v2+, else 70 % of the ascender).
    public let capHeight: Int
    public let numberOfGlyphs: Int
    /// OS/2 fsType: embedding permissions.
    public let embeddingFlags: Int
    let advances: [UInt16]
    let characterMap: CharacterMap
    /// Subset-ready glyph records, filled as documents use glyphs (see GlyphRecordCache).
    let glyphRecords: GlyphRecordCache
    /// The last subsets made for PDFs (see PDFSubsetCache).
    let pdfSubsets = PDFSubsetCache()
    /// `stemWidth` once measured (nil inside: the face has none).
    let stemWidthMemo = Mutex<Double??>(nil)

    /// Reads a font from its bytes.
    public convenience init(bytes: [UInt8]) throws(FontError) {
        try self.init(data: FontData(bytes))
    }

    /// Reads a font from a mapped file or a copy of its bytes.
    public init(data bytes: FontData) throws(FontError) {
        self.bytes = bytes
        let file = FontBytes(bytes: bytes, table: "header")
        let version = try file.u32(0)
        guard version == 0x0001_0000 || version == 0x7472_7565 else {
            throw .unsupported(version == 0x4F54_544F ? "CFF (OpenType) outlines" : "not a TrueType file")
        }
        var tables: [String: Range<Int>] = [:]
        for index in 0..<(try file.u16(4)) {
            let record = 12 + index * 16
            let offset = try file.u32(record + 8), length = try file.u32(record + 12)
            let tag = try file.tag(record)
            guard offset + length <= bytes.count else { throw .truncated(table: tag) }
            tables[tag] = offset..<offset + length
        }
        func table(_ tag: String) throws(FontError) -> Int {
            guard let range = tables[tag] else { throw .missingTable(tag) }
            return range.lowerBound
        }
        self.tables = tables
        for required in ["glyf", "loca"] where tables[required] == nil { throw .missingTable(required) }

        let head = try table("head"), headBytes = file.with(table: "head")
        unitsPerEm = try headBytes.u16(head + 18)
        guard (16...16384).contains(unitsPerEm) else { throw .unsupported("unitsPerEm \(unitsPerEm)") }

        let hhea = try table("hhea"), hheaBytes = file.with(table: "hhea")
        ascender = try hheaBytes.i16(hhea + 4)
        descender = try hheaBytes.i16(hhea + 6)
        lineGap = try hheaBytes.i16(hhea + 8)
        let metricCount = try hheaBytes.u16(hhea + 34)

        numberOfGlyphs = try file.with(table: "maxp").u16(try table("maxp") + 4)
        guard metricCount >= 1, metricCount <= numberOfGlyphs else {
            throw .unsupported("hhea has \(metricCount) metrics for \(numberOfGlyphs) glyphs")
        }
        let hmtx = try table("hmtx"), hmtxBytes = file.with(table: "hmtx")
        var advances = [UInt16](repeating: 0, count: numberOfGlyphs)
        for glyph in 0..<metricCount {
            advances[glyph] = UInt16(try hmtxBytes.u16(hmtx + glyph * 4))
        }
        for glyph in metricCount..<numberOfGlyphs { advances[glyph] = advances[metricCount - 1] }
        self.advances = advances

        if let os2 = tables["OS/2"]?.lowerBound {
            let os2Bytes = file.with(table: "OS/2")
            embeddingFlags = try os2Bytes.u16(os2 + 8)
            let os2Version = try os2Bytes.u16(os2)
            capHeight = os2Version >= 2 ? try os2Bytes.i16(os2 + 88) : ascender * 7 / 10
        } else {
            embeddingFlags = 0
            capHeight = ascender * 7 / 10
        }
        let names = try FontNames(file: file.with(table: "name"), offset: try table("name"))
        postScriptName = names.postScriptName
        familyName = names.familyName
        characterMap = try CharacterMap(file: file.with(table: "cmap"), offset: try table("cmap"))
        glyphRecords = GlyphRecordCache(glyphCount: numberOfGlyphs)
    }

    /// Reads a font file, mapped into memory: only the tables read now and the glyphs
    /// subset later are ever loaded from disk.
    public convenience init(contentsOf path: String) throws(FontError) {
        try self.init(data: FontData(mapping: path))
    }

    /// The glyph for a character, or nil when the font has none (glyph 0, .notdef).
    public func glyph(for scalar: Unicode.Scalar) -> Int? {
        let glyph = characterMap.glyph(for: scalar.value)
        return glyph == 0 || glyph >= numberOfGlyphs ? nil : glyph
    }

    /// Advance width of a glyph in font units.
    public func advance(ofGlyph glyph: Int) -> Int {
        glyph >= 0 && glyph < advances.count ? Int(advances[glyph]) : 0
    }

    /// Advance of a character in 1/1000 em, truncated exactly as libharu computes it,
    /// so our line breaking and libharu's drawing agree to the unit. 0 when absent.
    public func width(of scalar: Unicode.Scalar) -> Int {
        guard let glyph = glyph(for: scalar) else { return 0 }
        return advance(ofGlyph: glyph) * 1000 / unitsPerEm
    }

    /// Width of a string in points at a font size.
    public func width(of text: some StringProtocol, size: Double) -> Double {
        var total = 0
        for scalar in text.unicodeScalars { total += width(of: scalar) }
        return Double(total) * size / 1000
    }

    /// The characters of `text` that the font cannot draw, in order of first appearance.
    public func missingScalars(in text: some StringProtocol) -> [Unicode.Scalar] {
        var seen = Set<Unicode.Scalar>(), missing: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars where glyph(for: scalar) == nil && !seen.contains(scalar) {
            seen.insert(scalar)
            missing.append(scalar)
        }
        return missing
    }

    public var description: String { postScriptName }

    public static func == (lhs: TrueTypeFont, rhs: TrueTypeFont) -> Bool {
        lhs === rhs || lhs.bytes == rhs.bytes
    }
}
