import Markup
import Testing
@testable import Layout

/// An engine keeps the blocks it laid out (`BlockCache`): a document laid out with kept
/// blocks must be the one a fresh engine makes, fonts and their order included.
@Suite struct BlockCacheTests {
    typealias F = LayoutFixtures
    static let terms = "The warranty does not cover damage from falls, liquids or repairs by others; "
        + "the service center decides within three business days and tells the customer."

    static func document(_ blocks: [Block]) -> Document { Document(setup: F.setup(justify: true), blocks: blocks) }

    /// A coupon-like block: a cut line, columns of fields and a stamp, a list whose item uses
    /// the bold face, then the italic one, before the regular list marker.
    static let coupon: Block = .keepTogether([
        .cutLine(label: [.text("Repair coupon 1")]),
        .columns(widths: [3, 1], columns: [
            [.field(label: [.text("Defect")], value: [], style: .line, width: nil),
             .checkbox(checked: true, label: [.text("Under warranty")]),
             .signature(caption: [.text("Technician")])],
            [.stamp(label: [.text("Stamp")])],
        ]),
        .list(ordered: true, start: 1, items: [[
            .paragraph(content: [.bold([.text("Bold first line that is long enough to wrap onto a second line ")]),
                                 .lineBreak, .italic([.text("then italic")])], alignment: nil),
        ]]),
    ])

    @Test func keptBlocksLayOutAsAFreshEngineDoes() throws {
        let shared = F.engine()
        let first = Self.document([.heading(level: 2, content: [.text("Terms")]), F.paragraph(Self.terms), Self.coupon])
        // The second document draws the kept blocks after an italic paragraph: the kept text ops
        // must get this document's font indexes, in the order a fresh layout gives them.
        let second = Self.document([.paragraph(content: [.italic([.text("Card 2")])], alignment: nil), Self.coupon,
                                    F.paragraph(Self.terms), .heading(level: 2, content: [.text("Terms")])])
        for _ in 0..<3 { _ = try shared.layout(first) }
        for _ in 0..<3 {
            let kept = try shared.layout(second)
            let fresh = try F.engine().layout(second)
            #expect(kept == fresh)
            #expect(kept.fonts.map(\.font.postScriptName) == ["DejaVuSans-Oblique", "DejaVuSans", "DejaVuSans-Bold"])
            #expect(kept.fonts.map(\.usedScalars) == fresh.fonts.map(\.usedScalars))
        }
        // The list item's faces come bold, italic, then regular (its marker is drawn last).
        let list = Self.document([.list(ordered: true, start: 1, items: [[
            .paragraph(content: [.bold([.text("Bold ")]), .lineBreak, .italic([.text("italic")])], alignment: nil),
        ]])])
        for _ in 0..<3 { #expect(try shared.layout(list) == F.engine().layout(list)) }
    }

    @Test func aBlockWithMissingCharactersIsNeverKept() throws {
        let shared = F.engine()
        let unprintable = Self.document([F.paragraph("Price 中"), F.paragraph("Again 中")])
        for _ in 0..<3 {
            #expect(throws: LayoutError.missingGlyphs([MissingGlyphs(font: "DejaVu Sans", scalars: ["中"])])) {
                try shared.layout(unprintable)
            }
        }
        // Once seen in a document, a character is reported once; a later block that holds
        // it is still not kept, so another document with it alone still fails.
        #expect(throws: LayoutError.missingGlyphs([MissingGlyphs(font: "DejaVu Sans", scalars: ["中"])])) {
            try shared.layout(Self.document([F.paragraph("Again 中")]))
        }
    }

    @Test func pageNumbersAreLaidOutPerDocument() throws {
        let shared = F.engine()
        let numbered = Self.document([.paragraph(content: [.text("Page "), .pageNumber, .text(" of "), .pageCount],
                                                 alignment: nil)])
        for _ in 0..<2 { _ = try shared.layout(numbered) }
        #expect(try shared.layout(numbered) == F.engine().layout(numbered))
        #expect(F.allTexts(try shared.layout(numbered)).joined().contains("Page 1 of 1"))
    }

    @Test func textThatDiffersInBytesOnlyIsKeptApart() throws {
        let shared = F.engine()
        // "é" precomposed and decomposed are equal Strings, but kept blocks are told apart by bytes.
        let composed = Self.document([F.paragraph("Caf\u{E9} terms")])
        let decomposed = Self.document([F.paragraph("Cafe\u{301} terms")])
        for _ in 0..<2 { _ = try shared.layout(composed) }
        #expect(try shared.layout(decomposed) == F.engine().layout(decomposed))
    }

    static func key(_ block: Block, x: Double = 0) throws -> BlockCache.Key? {
        let session = try LayoutSession(engine: F.engine(), setup: F.setup(), family: F.family)
        return BlockCache.Key(block, in: BlockContext(x: x, width: 400, listLevel: 0), session: session,
                              writer: KeyWriter())
    }

    @Test func aBlockIsKeptTheSecondTimeItIsLaidOut() throws {
        let cache = BlockCache()
        let key = try #require(try Self.key(F.paragraph("Once")))
        guard case .new = cache.lookUp(key) else { Issue.record("first look-up"); return }
        guard case .seenOnce = cache.lookUp(key) else { Issue.record("second look-up"); return }
        // Another place is another key.
        guard case .new = cache.lookUp(try #require(try Self.key(F.paragraph("Once"), x: 1))) else {
            Issue.record("moved block")
            return
        }
    }

    @Test func blocksThatChangeTheSessionHaveNoKey() throws {
        let table = Table(columns: [TableColumn(width: .auto, alignment: .left)], headerRows: [],
                          rows: [[TableCell(content: [.text("cell")])]])
        #expect(try Self.key(.table(table)) == nil)
        #expect(try Self.key(.keepWithPrevious([F.paragraph("Total")])) == nil)
        #expect(try Self.key(.keepTogether([F.paragraph("a"), .image(path: "x.png", width: nil, height: nil,
                                                                      location: F.location)])) == nil)
        #expect(try Self.key(.columns(widths: [1], columns: [[.paragraph(content: [.pageCount], alignment: nil)]])) == nil)
        #expect(try Self.key(.keepTogether([F.paragraph("a")])) != nil)
    }

    /// A text beyond 15 bytes (more than a small string holds in itself) is keyed by its
    /// storage: the same string is the same key, an equal one stored apart another key, and
    /// laid out afresh it is the same; shorter texts are keyed by their bytes.
    @Test func longTextsAreKeyedByTheirStorage() throws {
        let session = try LayoutSession(engine: F.engine(), setup: F.setup(), family: F.family)
        func key(_ text: String) -> BlockCache.Key? {
            BlockCache.Key(F.paragraph(text), in: BlockContext(x: 0, width: 400, listLevel: 0), session: session,
                           writer: KeyWriter())
        }
        func apart(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }
        let long = apart(Self.terms), short = "Stamp, date"
        #expect(key(long) == key(long))
        #expect(key(long) != key(apart(long)))
        #expect(key(short) == key(apart(short)))
        let shared = F.engine()
        for _ in 0..<3 { _ = try shared.layout(Self.document([F.paragraph(long)])) }
        let other = Self.document([F.paragraph(apart(long))])
        #expect(try shared.layout(other) == F.engine().layout(other))
    }

    /// Characters far into the BMP (the euro sign, U+20AC) grow the sets of drawn characters,
    /// drawn afresh or from a kept block after a paragraph of lower ones.
    @Test func highCharactersAreCountedAsDrawn() throws {
        let shared = F.engine()
        let document = Self.document([F.paragraph("a"), F.paragraph("Price 20 € per month, paid in advance")])
        for _ in 0..<3 {
            let kept = try shared.layout(document)
            #expect(kept == (try F.engine().layout(document)))
            #expect(kept.fonts.first?.usedScalars.contains("€") == true)
        }
    }

    @Test func theCacheIsBounded() throws {
        let cache = BlockCache()
        let entry = BlockCache.Entry(fragments: [], faces: [], indexes: [], scalars: [[], [], [], []],
                                     characters: BlockCache.budget / 4 - 400)
        // Each entry takes a quarter of the budget once its key bytes (about 130) are added.
        let keys = try (0..<10).map { try #require(try Self.key(F.paragraph("paragraph \($0)"))) }
        for key in keys { cache.keep(entry, for: key) }
        func kept(_ key: BlockCache.Key) -> Bool {
            if case .kept = cache.lookUp(key) { return true }
            return false
        }
        #expect(!kept(keys[0]))
        #expect(kept(keys[9]))
        #expect(keys.filter(kept).count == 4)
    }
}
