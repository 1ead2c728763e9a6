import Foundation
import Testing
import Layout
@testable import HaruPDF

@Suite struct PainterNamingTests {
    @Test func subsetTagsFollowTheFaceIndex() throws {
        #expect(try PagePainter.subsetTag(0) == "TLNAAA")
        #expect(try PagePainter.subsetTag(1) == "TLNAAB")
        #expect(try PagePainter.subsetTag(27) == "TLNABB")
        #expect(try PagePainter.subsetTag(17_575) == "TLNZZZ")
        #expect(throws: HaruError.self) { try PagePainter.subsetTag(17_576) }
    }

    @Test func toUnicodeMapListsEachCharacterOnce() {
        let cmap = HaruDocument.toUnicodeCMap(["ї", "A", "ї", "→"])
        #expect(cmap.contains("3 beginbfchar\n<0041> <0041>\n<0457> <0457>\n<2192> <2192>\nendbfchar"))
        #expect(!cmap.contains("cidrange"))
        let many = HaruDocument.toUnicodeCMap((0x410..<0x4D0).compactMap(Unicode.Scalar.init))
        #expect(many.components(separatedBy: "beginbfchar").count - 1 == 2)  // at most 100 entries a block
    }

    @Test func documentsPaintedConcurrentlyAreIdentical() async throws {
        let list = PainterOutputTests.card()
        let expected = try PDFPainter.render(list)
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<6 { group.addTask { try PDFPainter.render(list) } }
            return try await group.reduce(into: [[UInt8]]()) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == expected })
    }
}
