import Markup
import Testing
@testable import Layout

/// An engine keeps the paragraphs it laid out (`ParagraphCache`): a document laid out with
/// kept paragraphs must be the one a fresh engine makes, fonts and their order included.
@Suite struct ParagraphCacheTests {
    typealias F = LayoutFixtures
    static let terms = "The warranty does not cover damage from falls, liquids or repairs by others; "
        + "the service center decides within three business days and tells the customer."

    static func document(_ blocks: [Block]) -> Document { Document(setup: F.setup(justify: true), blocks: blocks) }

    @Test func keptParagraphsLayOutAsAFreshEngineDoes() throws {
        let shared = F.engine()
        let first = Self.document([.heading(level: 2, content: [.text("Terms")]), F.paragraph(Self.terms)])
        // The second document draws the kept paragraph after an italic one: the kept text ops
        // must get this document's font indexes, in the order a fresh layout gives them.
        let second = Self.document([.paragraph(content: [.italic([.text("Card 2")])], alignment: nil),
                                    F.paragraph(Self.terms), .heading(level: 2, content: [.text("Terms")])])
        _ = try shared.layout(first)
        let kept = try shared.layout(second)
        let fresh = try F.engine().layout(second)
        #expect(kept == fresh)
        #expect(kept.fonts.map(\.font.postScriptName) == ["DejaVuSans-Oblique", "DejaVuSans", "DejaVuSans-Bold"])
        #expect(kept.fonts.map(\.usedScalars) == fresh.fonts.map(\.usedScalars))
    }

    @Test func aParagraphWithMissingCharactersIsNeverKept() throws {
        let shared = F.engine()
        let unprintable = Self.document([F.paragraph("Price 中"), F.paragraph("Again 中")])
        for _ in 0..<2 {
            #expect(throws: LayoutError.missingGlyphs([MissingGlyphs(font: "DejaVu Sans", scalars: ["中"])])) {
                try shared.layout(unprintable)
            }
        }
        // Once seen in a document, a character is reported once; a later paragraph that holds
        // it is still not kept, so another document with it alone still fails.
        #expect(throws: LayoutError.missingGlyphs([MissingGlyphs(font: "DejaVu Sans", scalars: ["中"])])) {
            try shared.layout(Self.document([F.paragraph("Again 中")]))
        }
    }

    @Test func pageNumbersAreLaidOutPerDocument() throws {
        let shared = F.engine()
        let numbered = Self.document([.paragraph(content: [.text("Page "), .pageNumber, .text(" of "), .pageCount],
                                                 alignment: nil)])
        _ = try shared.layout(numbered)
        #expect(try shared.layout(numbered) == F.engine().layout(numbered))
        #expect(F.allTexts(try shared.layout(numbered)).joined().contains("Page 1 of 1"))
    }

    @Test func textThatDiffersInBytesOnlyIsKeptApart() throws {
        let shared = F.engine()
        // "é" precomposed and decomposed are equal Strings, but kept paragraphs are told apart by bytes.
        let composed = Self.document([F.paragraph("Caf\u{E9} terms")])
        let decomposed = Self.document([F.paragraph("Cafe\u{301} terms")])
        _ = try shared.layout(composed)
        #expect(try shared.layout(decomposed) == F.engine().layout(decomposed))
    }

    @Test func theCacheIsBounded() {
        let cache = ParagraphCache()
        let face = ObjectIdentifier(F.family.regular)
        func key(_ number: Int) -> ParagraphCache.Key {
            ParagraphCache.Key(content: [.text("paragraph \(number)")], size: 10, bold: false, alignment: .left, x: 0,
                               width: 100, lineHeight: 1.2, faces: [face, face, face, face])
        }
        let paragraph = ParagraphCache.Paragraph(fragments: [], scalars: [[], [], [], []],
                                                 characters: ParagraphCache.budget / 4 - 100)
        for number in 0..<10 { cache.keep(paragraph, for: key(number)) }
        #expect(cache.paragraph(for: key(0)) == nil)
        #expect(cache.paragraph(for: key(9)) != nil)
        #expect((0..<10).filter { cache.paragraph(for: key($0)) != nil }.count == 4)
    }
}
