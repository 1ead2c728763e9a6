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
        func text(_ pairs: [(UInt32, UInt32)], codeBytes: Int) -> String {
            String(decoding: ToUnicodeMap.cmap(pairs, codeBytes: codeBytes), as: UTF8.self)
        }
        let cmap = text((["ї", "A", "ї", "→", "B"] as [Unicode.Scalar]).map { ($0.value, $0.value) }, codeBytes: 2)
        #expect(cmap.contains("1 beginbfrange\n<0041><0042><0041>\nendbfrange"))
        #expect(cmap.contains("2 beginbfchar\n<0457><0457>\n<2192><2192>\nendbfchar"))
        #expect(cmap.contains("begincodespacerange<0000><FFFF>endcodespacerange"))
        #expect(!cmap.contains("cidrange"))
        // Every other character: no runs, at most 100 entries a block.
        let many = text((0x410..<0x4D0).filter { $0 % 2 == 0 }.map { (UInt32($0), UInt32($0)) }, codeBytes: 2)
        #expect(many.components(separatedBy: "beginbfchar").count - 1 == 1)
        let more = text((0x400..<0x800).filter { $0 % 2 == 0 }.map { (UInt32($0), UInt32($0)) }, codeBytes: 2)
        #expect(more.components(separatedBy: "beginbfchar").count - 1 == 6)
        // A single-byte code table: codes map to other characters; runs whose characters do
        // not follow each other (or cross a byte boundary) list them in an array.
        let single = text([(0x21, 0x0410), (0x22, 0x0411), (0x23, 0x0413), (0xFE, 0x04FF), (0xFF, 0x0500)],
                                       codeBytes: 1)
        #expect(single.contains("begincodespacerange<00><FF>endcodespacerange"))
        #expect(single.contains("2 beginbfrange\n<21><23>[<0410><0411><0413>]\n<FE><FF>[<04FF><0500>]\nendbfrange"))
        #expect(!single.contains("bfchar"))
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
