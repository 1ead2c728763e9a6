import Foundation
import Testing
@testable import Layout

@Suite struct FontSubsetterTests {
    static let sans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    static let text = "Гарантія їЇЁё ґ № 42 «OK» — ok"

    static func scalars(_ text: String) -> [Unicode.Scalar] {
        Set(text.unicodeScalars).sorted { $0.value < $1.value }
    }

    static func u16(_ bytes: [UInt8], _ offset: Int) -> Int { Int(bytes[offset]) << 8 | Int(bytes[offset + 1]) }
    static func u32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(u16(bytes, offset)) << 16 | UInt32(u16(bytes, offset + 2))
    }

    @Test func subsetReadsBackWithOnlyTheUsedGlyphs() throws {
        let font = try TrueTypeFont(contentsOf: Self.sans)
        let used = Self.scalars(Self.text)
        let subset = try TrueTypeFont(bytes: try font.subset(scalars: used, postScriptName: "TLNAAA+DejaVuSans"))
        #expect(subset.postScriptName == "TLNAAA+DejaVuSans")
        #expect(subset.numberOfGlyphs == used.count + 1)  // each character its own glyph, plus .notdef
        #expect(font.unitsPerEm == 2048)
        #expect(subset.unitsPerEm == 1000)
        for scalar in used {
            #expect(subset.glyph(for: scalar) != nil, "\(scalar) lost")
            #expect(subset.width(of: scalar) == font.width(of: scalar), "advance of \(scalar) changed")
        }
        #expect(subset.glyph(for: "Z") == nil)
        #expect(subset.glyph(for: "щ") == nil)
        #expect(try font.subset(scalars: used, postScriptName: "A").count < 20_000)
    }

    /// Glyph records are cached per font across subsets: a subset made after others (cache
    /// warm, partly with other glyphs) must equal the same subset made by a font instance that
    /// never subset anything.
    @Test func subsetsDoNotDependOnWhatWasSubsetBefore() throws {
        let warm = try TrueTypeFont(contentsOf: Self.sans)
        let cold = try TrueTypeFont(contentsOf: Self.sans)
        let first = Self.scalars("Гарантія № 42 — ok"), second = Self.scalars(Self.text + " Zebra щука")
        _ = try warm.subset(scalars: first, postScriptName: "A")
        let afterOthers = try warm.subset(scalars: second, postScriptName: "B")
        let fresh = try cold.subset(scalars: second, postScriptName: "B")
        #expect(afterOthers == fresh)
        #expect(try warm.subset(scalars: second, postScriptName: "B") == fresh, "a repeated subset changed")
        #expect(try TrueTypeFont(bytes: afterOthers).glyph(for: "щ") != nil)
    }

    /// Threads share one font (and its glyph cache): subsets made at the same time equal the
    /// ones made one after another.
    @Test func concurrentSubsetsOfOneFontMatchSequentialOnes() throws {
        let texts = ["Гарантія їЇЁё", "№ 42 «OK»", "Zebra щука ґ", "ABCDEFGHIJ abcdefghij", "ЖЗИЙКЛ 0123456789"]
        let expected = try texts.map { text in
            try TrueTypeFont(contentsOf: Self.sans).subset(scalars: Self.scalars(text), postScriptName: "C")
        }
        let shared = try TrueTypeFont(contentsOf: Self.sans)
        let results = ConcurrentResults(count: texts.count * 4)
        DispatchQueue.concurrentPerform(iterations: texts.count * 4) { index in
            let text = texts[index % texts.count]
            results.set(index, try? shared.subset(scalars: Self.scalars(text), postScriptName: "C"))
        }
        for index in 0..<texts.count * 4 {
            #expect(results.value(index) == expected[index % texts.count], "subset \(index) differs")
        }
    }

    @Test func compositeGlyphsBecomeSimpleWithTheSameShape() throws {
        let font = try TrueTypeFont(contentsOf: Self.sans)
        let original = try GlyphReader(font: font)
        let yi = try #require(font.glyph(for: "ї"))
        let yiRange = try original.range(ofGlyph: yi)
        let stored = FontBytes(bytes: font.bytes, table: "glyf")
        #expect(try stored.i16(yiRange.lowerBound) < 0, "ї is a composite glyph in DejaVu Sans")

        let subsetBytes = try font.subset(scalars: Self.scalars("їЇЁё"), postScriptName: "TLNAAA+Test")
        let subset = try TrueTypeFont(bytes: subsetBytes)
        let reader = try GlyphReader(font: subset)
        let file = FontBytes(bytes: FontData(subsetBytes), table: "glyf")
        for glyph in 0..<subset.numberOfGlyphs {
            let range = try reader.range(ofGlyph: glyph)
            if !range.isEmpty { #expect(try file.i16(range.lowerBound) >= 0, "glyph \(glyph) is still composite") }
        }
        // The flattened ї has the composite's bounding box (in 1000 units per em) and at
        // least three contours (stem + 2 dots).
        let flat = try reader.outline(ofGlyph: try #require(subset.glyph(for: "ї")))
        #expect(flat.contourEnds.count >= 3)
        let box = flat.bounds
        let scale = UnitScale(from: 2048)
        #expect([box.xMin, box.yMin, box.xMax, box.yMax] == [
            scale.rounded(try stored.i16(yiRange.lowerBound + 2)), scale.rounded(try stored.i16(yiRange.lowerBound + 4)),
            scale.rounded(try stored.i16(yiRange.lowerBound + 6)), scale.rounded(try stored.i16(yiRange.lowerBound + 8)),
        ])
        #expect(flat == (try original.outline(ofGlyph: yi)).scaled(scale))
    }

    @Test func checksumsAreValid() throws {
        let font = try TrueTypeFont(contentsOf: Self.sans)
        let bytes = try font.subset(scalars: Self.scalars(Self.text), postScriptName: "TLNAAB+DejaVuSans")
        #expect(bytes.count % 4 == 0)
        let count = Self.u16(bytes, 4)
        var tags: [String] = []
        for index in 0..<count {
            let record = 12 + index * 16
            let tag = String(decoding: bytes[record..<record + 4], as: UTF8.self)
            tags.append(tag)
            let offset = Int(Self.u32(bytes, record + 8)), length = Int(Self.u32(bytes, record + 12))
            var data = Array(bytes[offset..<offset + length])
            if tag == "head" { data.replaceSubrange(8..<12, with: [0, 0, 0, 0]) }
            #expect(FontTableWriter.checksum(data[...]) == Self.u32(bytes, record + 4), "checksum of \(tag)")
        }
        #expect(tags == tags.sorted())
        #expect(Set(tags) == ["OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"])
        #expect(FontTableWriter.checksum(bytes[...]) == 0xB1B0_AFBA)
        let post = try #require(try TrueTypeFont(bytes: bytes).tables["post"])
        #expect(post.count == 32)
        #expect(Self.u32(bytes, post.lowerBound) == 0x0003_0000)
    }

    @Test func refusesMissingCharactersAndBadNames() throws {
        let font = try TrueTypeFont(contentsOf: Self.sans)
        #expect(throws: FontError.missingGlyphs(font: "DejaVuSans", characters: ["中"])) {
            try font.subset(scalars: ["a", "中"], postScriptName: "TLNAAA+X")
        }
        #expect(throws: FontError.self) { try font.subset(scalars: ["a"], postScriptName: "bad name") }
    }

    @Test func refusesFontsWhoseLicenceForbidsEmbedding() throws {
        let original = try TrueTypeFont(contentsOf: Self.sans)
        let os2 = try #require(original.tables["OS/2"])
        var bytes = Array(original.bytes)
        bytes[os2.lowerBound + 8] = 0x00
        bytes[os2.lowerBound + 9] = 0x02  // restricted licence embedding
        let restricted = try TrueTypeFont(bytes: bytes)
        #expect(!restricted.allowsSubsetEmbedding)
        #expect(throws: FontError.self) { try restricted.subset(scalars: ["a"], postScriptName: "X") }
        bytes[os2.lowerBound + 9] = 0x04  // preview & print: embedding allowed
        #expect(try TrueTypeFont(bytes: bytes).allowsSubsetEmbedding)
        bytes[os2.lowerBound + 8] = 0x01  // no subsetting
        #expect(!(try TrueTypeFont(bytes: bytes)).allowsSubsetEmbedding)
    }

    @Test func emptySubsetHoldsOnlyNotdef() throws {
        let font = try TrueTypeFont(contentsOf: Self.sans)
        let subset = try TrueTypeFont(bytes: try font.subset(scalars: [], postScriptName: "TLNAAA+Empty"))
        #expect(subset.numberOfGlyphs == 1)
    }
}

@Suite struct FontSubsetterCmapTests {
    @Test func fullUnicodeTableOnlyWhenNeeded() throws {
        let font = try TrueTypeFont(contentsOf: FontSubsetterTests.sans)
        func subtables(_ bytes: [UInt8]) throws -> [[Int]] {
            let cmap = try #require(try TrueTypeFont(bytes: bytes).tables["cmap"])
            let count = FontSubsetterTests.u16(bytes, cmap.lowerBound + 2)
            return (0..<count).map { index in
                let record = cmap.lowerBound + 4 + index * 8
                return [FontSubsetterTests.u16(bytes, record), FontSubsetterTests.u16(bytes, record + 2)]
            }
        }
        let bmp = try font.subset(scalars: ["a", "ї"], postScriptName: "TLNAAA+X")
        #expect(try subtables(bmp) == [[3, 1]])
        let beyond = try #require(font.characterMap.mappings().first { $0.code > 0xFFFF })
        let scalar = try #require(Unicode.Scalar(beyond.code))
        let full = try font.subset(scalars: ["a", scalar], postScriptName: "TLNAAA+X")
        #expect(try subtables(full) == [[3, 1], [3, 10]])
        let reread = try TrueTypeFont(bytes: full)
        #expect(reread.glyph(for: scalar) != nil && reread.glyph(for: "a") != nil)
        #expect(reread.width(of: scalar) == font.width(of: scalar))
    }
}

@Suite struct FontSubsetterCatalogueFacesTests {
    /// Every shipped face subsets its whole Latin and Cyrillic repertoire into a font our
    /// reader accepts, with the same advances and only simple glyphs.
    @Test func everyShippedFaceSubsetsLatinAndCyrillic() throws {
        let catalog = try FontCatalog(contentsOf: FontCatalogTests.shipped)
        for name in catalog.familyNames {
            let family = try catalog.family(named: name)
            for face in [family.regular, family.bold, family.italic, family.boldItalic] {
                let scalars = (0x20...0x52F).compactMap(Unicode.Scalar.init).filter { face.glyph(for: $0) != nil }
                let subset = try TrueTypeFont(bytes: try face.subset(scalars: scalars, postScriptName: "TLNAAA+T"))
                let reader = try GlyphReader(font: subset)
                for scalar in scalars {
                    #expect(subset.width(of: scalar) == face.width(of: scalar), "\(face) \(scalar)")
                    let glyph = try #require(subset.glyph(for: scalar))
                    let range = try reader.range(ofGlyph: glyph)
                    if range.count >= 10 {
                        #expect(try FontBytes(bytes: subset.bytes, table: "glyf").i16(range.lowerBound) >= 0)
                    }
                }
            }
        }
    }
}

/// Results written by concurrent iterations. `@unchecked Sendable`: `values` is only
/// touched under `lock`.
private final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [[UInt8]?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: [UInt8]?) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func value(_ index: Int) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }
}
