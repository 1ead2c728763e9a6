import Testing
@testable import Layout

/// A font keeps its last PDF subsets (`PDFSubsetCache`): a kept subset is the bytes a fresh
/// font makes, and what differs in any part of the request is made anew.
@Suite struct PDFSubsetCacheTests {
    static let path = LayoutFixtures.folder + "DejaVuSans.ttf"
    static let scalars = Array(Set("Warranty card 2024".unicodeScalars)).sorted { $0.value < $1.value }

    @Test func aKeptSubsetIsTheFreshOne() throws {
        let font = try TrueTypeFont(contentsOf: Self.path)
        let first = try font.pdfSubset(scalars: Self.scalars, postScriptName: "TLNAAA+DejaVuSans", programUnitsPerEm: 512)
        let again = try font.pdfSubset(scalars: Self.scalars, postScriptName: "TLNAAA+DejaVuSans", programUnitsPerEm: 512)
        let fresh = try TrueTypeFont(contentsOf: Self.path)
            .pdfSubset(scalars: Self.scalars, postScriptName: "TLNAAA+DejaVuSans", programUnitsPerEm: 512)
        #expect(again.metrics == first.metrics && again.program == first.program)
        #expect(again.metrics == fresh.metrics && again.program == fresh.program)
    }

    @Test func eachPartOfTheRequestCounts() throws {
        let font = try TrueTypeFont(contentsOf: Self.path)
        let fresh = try TrueTypeFont(contentsOf: Self.path)
        let fewer = Array(Self.scalars.dropLast())
        let requests: [(scalars: [Unicode.Scalar], name: String, units: Int, codes: [UInt32: UInt8]?)] = [
            (Self.scalars, "TLNAAA+DejaVuSans", 1000, nil), (Self.scalars, "TLNAAB+DejaVuSans", 1000, nil),
            (Self.scalars, "TLNAAA+DejaVuSans", 256, nil), (fewer, "TLNAAA+DejaVuSans", 1000, nil),
            (Self.scalars, "TLNAAA+DejaVuSans", 1000,
             Dictionary(uniqueKeysWithValues: Self.scalars.enumerated().map { ($1.value, UInt8(32 + $0)) })),
        ]
        // Asked twice of one font, in turn: each answer is what a fresh font makes for it.
        for _ in 0..<2 {
            for request in requests {
                let kept = try font.pdfSubset(scalars: request.scalars, postScriptName: request.name,
                                              programUnitsPerEm: request.units, symbolicCodes: request.codes)
                let made = try fresh.makeSubset(PDFSubsetCache.Request(scalars: request.scalars, postScriptName: request.name,
                                                                       programUnitsPerEm: request.units, symbolicCodes: request.codes))
                #expect(kept.metrics == made.metrics && kept.program == made.program)
            }
        }
    }

    @Test func atMostCapacitySubsetsAreKept() {
        let cache = PDFSubsetCache()
        func request(_ number: Int) -> PDFSubsetCache.Request {
            PDFSubsetCache.Request(scalars: ["a"], postScriptName: "TLN\(number)", programUnitsPerEm: 1000, symbolicCodes: nil)
        }
        for number in 0...PDFSubsetCache.capacity { cache.keep(([UInt8(number)], []), for: request(number)) }
        #expect(cache.files(for: request(0)) == nil)
        #expect(cache.files(for: request(PDFSubsetCache.capacity))?.metrics == [UInt8(PDFSubsetCache.capacity)])
        #expect((0...PDFSubsetCache.capacity).filter { cache.files(for: request($0)) != nil }.count == PDFSubsetCache.capacity)
    }
}
