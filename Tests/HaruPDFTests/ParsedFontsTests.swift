import CHaru
import Testing
import Layout
@testable import HaruPDF

/// A font definition copied from an earlier parse (`ParsedFonts`) is the definition a parse of
/// its own would have made: the same records (pointers aside), arrays and read position.
@Suite struct ParsedFontsTests {
    static let metrics: [UInt8] = {
        let scalars = Array("Гарантійний талон № 17, Warranty «ok» — ї".unicodeScalars)
        return (try? Fixtures.regularFont.pdfMetrics(scalars: AscendingValues.of(scalars), postScriptName: "DejaVuSans")) ?? []
    }()

    @Test func aCopyIsTheDefinitionAParseMakes() throws {
        #expect(!Self.metrics.isEmpty)
        let cache = ParsedFonts(capacity: 4)
        let parsedDocument = try HaruDocument(), copiedDocument = try HaruDocument()
        let parsedName = try parsedDocument.internals.addTrueTypeDefinition(Self.metrics, tag: "TLNAAB", parsed: cache)
        #expect(cache.count == 1)
        let copiedName = try copiedDocument.internals.addTrueTypeDefinition(Self.metrics, tag: "TLNAAB", parsed: cache)
        #expect(cache.count == 1)
        // The name libharu finds the definition by; the tagged one is the attributes' (compared below).
        #expect(parsedName == copiedName && parsedName == "DejaVuSans")
        let parsed = try #require(HPDF_Doc_FindFontDef(parsedDocument.handle, parsedName))
        let copied = try #require(HPDF_Doc_FindFontDef(copiedDocument.handle, copiedName))
        #expect(parsed != copied)
        #expect(copied.pointee.mmgr == copiedDocument.handle.pointee.mmgr)
        let key = ParsedFonts.key(Self.metrics)
        let fromParse = try #require(parsedDocument.internals.parsedEntry(of: parsed, file: Self.metrics, key: key))
        let fromCopy = try #require(copiedDocument.internals.parsedEntry(of: copied, file: Self.metrics, key: key))
        #expect(fromParse.arrays == fromCopy.arrays)
        // A format 4 cmap: every array made but perhaps the glyph id array (none when no
        // segment uses one).
        #expect(fromParse.arrays.enumerated().allSatisfy { $0.offset == 5 || $0.element != nil })
        #expect(fromParse.position == fromCopy.position && fromParse.position > 0)
        #expect(Self.withoutPointers(parsed) == Self.withoutPointers(copied))
        // Both measure and mark glyphs alike.
        for scalar in "Гарт№«W".unicodeScalars {
            #expect(HPDF_TTFontDef_GetCharWidth(parsed, UInt16(scalar.value))
                    == HPDF_TTFontDef_GetCharWidth(copied, UInt16(scalar.value)))
        }
        #expect(try #require(parsedDocument.internals.parsedEntry(of: parsed, file: Self.metrics, key: key)).arrays
                == copiedDocument.internals.parsedEntry(of: copied, file: Self.metrics, key: key)?.arrays)
    }

    @Test func theLastFilesAreKept() throws {
        let cache = ParsedFonts(capacity: 2)
        let files = try ["abc", "abcd", "abcde"].map { text in
            try Fixtures.regularFont.pdfMetrics(scalars: Array(text.unicodeScalars), postScriptName: "DejaVuSans")
        }
        for (index, file) in files.enumerated() {
            _ = try HaruDocument().internals.addTrueTypeDefinition(file, tag: "TLNAAA", parsed: cache)
            #expect(cache.count == min(index + 1, 2))
        }
        #expect(cache.lookUp(files[0], key: ParsedFonts.key(files[0])) == nil)
        #expect(cache.lookUp(files[2], key: ParsedFonts.key(files[2]))?.file == files[2])
    }

    /// The bytes of a definition's two records (as in memory) with every pointer cleared.
    static func withoutPointers(_ definition: HPDF_FontDef) -> [UInt8] {
        guard let attributes = definition.pointee.attr else { return [] }
        var record = Array(UnsafeRawBufferPointer(start: definition, count: MemoryLayout<HPDF_FontDef_Rec>.size))
        clear(&record, [\HPDF_FontDef_Rec.mmgr, \.error, \.attr])
        var attributeBytes = Array(UnsafeRawBufferPointer(start: attributes, count: MemoryLayout<HPDF_TTFontDefAttr_Rec>.size))
        clear(&attributeBytes, [\HPDF_TTFontDefAttr_Rec.offset_tbl.table, \.cmap.end_count, \.cmap.start_count,
                                \.cmap.id_delta, \.cmap.id_range_offset, \.cmap.glyph_id_array, \.h_metric,
                                \.glyph_tbl.offsets, \.glyph_tbl.flgs, \.name_tbl.name_records, \.stream])
        return record + attributeBytes
    }

    /// Zeroes the pointer at each of `fields` in the bytes of a record.
    static func clear<Record>(_ bytes: inout [UInt8], _ fields: [PartialKeyPath<Record>]) {
        for field in fields {
            guard let offset = MemoryLayout<Record>.offset(of: field) else {
                Issue.record("no stored field \(field)")
                continue
            }
            for index in offset..<(offset + MemoryLayout<UnsafeRawPointer?>.size) { bytes[index] = 0 }
        }
    }
}
