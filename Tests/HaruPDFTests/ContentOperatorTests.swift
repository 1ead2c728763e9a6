import Foundation
import Testing
import Layout
import TestSupport
@testable import HaruPDF

/// The operators the painter writes itself (`HaruPage+Drawing.swift`, `HaruPage.showText`)
/// are the bytes libharu's own calls write: its real formatting (five decimals of a 32-bit
/// float, no trailing zeros), its "/F1" resource names, its dash arrays and its escapes.
@Suite struct ContentOperatorTests {
    /// The content streams of `pdf`, decompressed.
    static func content(_ pdf: [UInt8]) throws -> String {
        let file = try Fixtures.file(pdf)
        return try TestSupport.run("qpdf", ["--stream-data=uncompress", "--object-streams=disable", file.path, "-"])
            .stdoutText
    }

    @Test func stateAndTextOperatorsAreWrittenAsLibharuWritesThem() throws {
        let ops: [DrawOp] = [
            .text(x: 40, y: 500, font: 0, size: 8.5, text: "a(b)\\c", color: RGBColor(red: 1.0 / 3, green: 0.5, blue: 0.123456)),
            .text(x: 40, y: 480, font: 0, size: 600, text: "x", color: .black),
            .line(x1: 10, y1: 10, x2: 100, y2: 10, lineWidth: 0.85039, dash: [3, 2],
                  color: RGBColor(red: 0.999999, green: 0, blue: 1)),
            .line(x1: 10, y1: 20, x2: 100, y2: 20, lineWidth: 12.5, dash: [], color: .black),
        ]
        let text = try Self.content(PDFPainter.render(Fixtures.list(pages: [ops])))
        #expect(text.contains("BT\n0.33333 0.5 0.12346 rg\n/F1 8.5 Tf\n40 500 Td\n(a\\050b\\051\\134c) Tj\n"), "\(text)")
        #expect(text.contains("0 0 0 rg\n/F1 600 Tf\n0 -20 Td\n(x) Tj\nET\n"))
        #expect(text.contains("1 0 1 RG\n0.85039 w\n[3 2 ] 0 d\n10 10 m\n100 10 l\nS\n"))
        #expect(text.contains("0 0 0 RG\n12.5 w\n[] 0 d\n10 20 m\n"))
    }
}
