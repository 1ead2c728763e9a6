import Testing
@testable import HaruPDF

/// The ToUnicode maps kept per compact code table are the ones made afresh, and only the last
/// tables are kept.
@Suite struct SingleByteToUnicodeTests {
    static func table(_ text: String) -> CompactEncoding? {
        CompactEncoding(Set(text.unicodeScalars.map(\.value)))
    }

    @Test func aKeptMapIsTheFreshOne() throws {
        let maps = SingleByteToUnicode(capacity: 2)
        let tables = try ["Гарантія ok", "Łódź — 5", "abc"].map { try #require(Self.table($0)) }
        for table in tables + tables.reversed() {
            let fresh = ToUnicodeMap.cmap(table.unicodes.enumerated().map { (code: UInt32($0.offset), unicode: UInt32($0.element)) },
                                          codeBytes: 1)
            #expect(maps.cmap(for: table) == fresh)
            #expect(maps.cmap(for: table) == fresh)
            #expect(maps.count <= 2)
        }
    }
}
