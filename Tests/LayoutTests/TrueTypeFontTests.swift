import Foundation
import Testing
@testable import Layout

@Suite struct TrueTypeFontTests {
    static let sans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

    @Test func readsDejaVuSansMetrics() throws {
        let font = try TrueTypeFont(contentsOf: Self.sans)
        #expect(font.postScriptName == "DejaVuSans")
        #expect(font.familyName == "DejaVu Sans")
        #expect(font.unitsPerEm == 2048)
        #expect(font.ascender > 0 && font.descender < 0)
        // DejaVu Sans: space advances 651 units, "A" 1401 units (1/1000 em: 317 and 684).
        #expect(font.width(of: " " as Unicode.Scalar) == 317)
        #expect(font.width(of: "A" as Unicode.Scalar) == 684)
        #expect(font.glyph(for: "ї") != nil)
        #expect(font.glyph(for: "\u{10FFFF}") == nil)
    }

    /// A font file is mapped, not read: the mapping holds the same bytes as a copy read
    /// whole, and a font made from either subsets to the same file.
    @Test func mappedFileEqualsItsCopy() throws {
        let mapped = try TrueTypeFont(contentsOf: Self.sans)
        let copy = try TrueTypeFont(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: Self.sans))))
        #expect(mapped.bytes.count == 759_720)
        #expect(mapped == copy && mapped.tables == copy.tables)
        #expect(try mapped.subset(scalars: ["ї", "A"], postScriptName: "X") == copy.subset(scalars: ["ї", "A"], postScriptName: "X"))
        #expect(try FontData(mapping: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf") != mapped.bytes)
    }

    /// Glyphs of BMP characters come from pages of 256 codes built from the cmap's segments:
    /// every code the segments map has the glyph they give (`mappings()` searches the
    /// segments), every other code none; codes beyond the BMP are searched.
    @Test func characterPagesAgreeWithTheSegments() throws {
        for name in ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif-Italic.ttf"] {
            let map = try TrueTypeFont(contentsOf: "/usr/share/fonts/truetype/dejavu/" + name).characterMap
            var expected = [Int](repeating: 0, count: 0x10000)
            for (code, glyph) in map.mappings() where code < 0x10000 { expected[Int(code)] = glyph }
            let differing = (0..<0x10000).filter { map.glyph(for: UInt32($0)) != expected[$0] }
            #expect(differing.isEmpty, "\(name): \(differing.prefix(5))")
            let beyond = map.mappings().filter { $0.code > 0xFFFF }
            #expect(beyond.allSatisfy { map.glyph(for: $0.code) == $0.glyph })
            #expect(name != "DejaVuSans.ttf" || !beyond.isEmpty)
        }
    }

    @Test func reportsMissingCharacters() throws {
        let font = try TrueTypeFont(contentsOf: Self.sans)
        #expect(font.missingScalars(in: "ok 中 ok 中 \u{E000}") == ["中", "\u{E000}"])
    }

    @Test func rejectsTruncatedAndForeignData() {
        #expect(throws: FontError.truncated(table: "header")) { try TrueTypeFont(bytes: [0, 1, 0, 0, 0]) }
        #expect(throws: FontError.unsupported("not a TrueType file")) {
            try TrueTypeFont(bytes: Array("%PDF-1.4 not a font".utf8))
        }
        #expect(throws: FontError.unreadable(path: "/nonexistent.ttf", reason: "no such file or not readable")) {
            try TrueTypeFont(contentsOf: "/nonexistent.ttf")
        }
        // A folder is refused by name rather than read; a mapped font equals its copy.
        #expect(throws: FontError.unreadable(path: "/usr/share/fonts", reason: "not a regular file")) {
            try TrueTypeFont(contentsOf: "/usr/share/fonts")
        }
    }
}
