import Foundation
import Testing
import Layout
@testable import HaruPDF

/// Content drawn in local coordinates: `DrawOp.frame` blocks relative to their top edge, and
/// barcode module grids in module units, each inside "q … Q".
@Suite struct PainterFrameTests {
    static func contents(_ pdf: [UInt8]) throws -> String {
        let expanded = try Fixtures.file(pdf).deletingLastPathComponent().appendingPathComponent("expanded.pdf")
        let result = try Fixtures.tool("qpdf", ["--qdf", "--object-streams=disable", try Fixtures.file(pdf).path, expanded.path])
        #expect(result.status == 0, "\(result.stderrText)")
        return String(decoding: try Data(contentsOf: expanded), as: UTF8.self)
    }

    /// Two equal blocks at different heights are written as equal bytes, and the text lands
    /// where the absolute coordinates put it.
    @Test func equalBlocksGiveEqualBytes() throws {
        func block(top: Double) -> [DrawOp] {
            [.frame(top: top), Fixtures.text("Coupon", x: 40, y: top - 12, size: 10),
             .line(x1: 40, y1: top - 20, x2: 200, y2: top - 20, lineWidth: 0.5, dash: [3, 2], color: .black)]
        }
        let pdf = try PDFPainter.render(Fixtures.list(pages: [block(top: 500) + block(top: 300.25)]))
        let text = try Self.contents(pdf)
        #expect(text.contains("q\n1 0 0 1 0 500 cm\n"))
        #expect(text.contains("q\n1 0 0 1 0 300.25 cm\n"))
        let blocks = text.components(separatedBy: " cm\n").dropFirst().map { $0.components(separatedBy: "Q\n")[0] }
        #expect(blocks.count == 2 && blocks[0] == blocks[1])
        #expect(blocks.first?.contains("40 -20 m") == true)
        let bbox = try Fixtures.tool("pdftotext", ["-bbox", try Fixtures.file(pdf).path, "-"]).stdoutText
        let tops = bbox.matches(of: /yMax="([\d.]+)">Coupon/).compactMap { Double($0.1) }
        // Page height 595: baselines at 488 and 288.25, descenders a little below.
        #expect(tops.count == 2 && abs(tops[0] - (595 - 488) - 2.3) < 1.5 && abs(tops[1] - (595 - 288.25) - 2.3) < 1.5,
                "\(tops)")
    }

    /// After "Q" the content stream is back to the font set before the frame; libharu must
    /// measure the text that follows with that font too, or the face's /Widths lack it
    /// (a space drawn only there would be 0 wide and words would run together).
    @Test func textAfterAFrameIsMeasuredWithTheOuterFont() throws {
        let ops: [DrawOp] = [
            Fixtures.text("Z", x: 40, y: 550, font: 0, size: 10),
            .frame(top: 500), Fixtures.text("W", x: 40, y: 490, font: 1, size: 10),
            .frame(top: 400), Fixtures.text("Warranty card", x: 40, y: 390, font: 0, size: 10),
        ]
        let pdf = try PDFPainter.render(Fixtures.list(pages: [ops], fonts: [Fixtures.regularFont, Fixtures.boldFont]))
        let (text, warnings) = try PDFInspection.text(pdf)
        #expect(warnings == "")
        #expect(text.components(separatedBy: .newlines).contains("Warranty card"), "\(text)")
    }

    /// A barcode's module grid is drawn in module units, small integers; filled rectangles
    /// are drawn one by one where they are, however regular.
    @Test func moduleGridsAreDrawnInModuleUnits() throws {
        let bars = (0..<10).map { ModuleGrid.Rectangle(x: $0 * 3, y: 0, width: 1 + $0 % 2, height: 1) }
        let grid = DrawOp.modules(ModuleGrid(origin: (36.85, 360.33), module: (0.85039, 28.35), rectangles: bars))
        let loose = (0..<10).map { DrawOp.fillRect(x: 40 + Double($0) * 7.3, y: 200, width: 1 + Double($0) / 7,
                                                   height: 5, color: .black) }
        let regular = (0..<10).map { DrawOp.fillRect(x: 40 + Double($0 * 2), y: 100, width: 1, height: 5, color: .black) }
        let pdf = try PDFPainter.render(Fixtures.list(pages: [[grid, Fixtures.text("x", y: 300)] + loose + regular]))
        let text = try Self.contents(pdf)
        #expect(text.contains("q\n0.85039 0 0 28.35 36.85 360.33 cm\n0 0 1 1 re\n3 0 2 1 re\n"))
        #expect(text.contains("27 0 2 1 re\nf\nQ\n"))
        #expect(text.contains("40 200 1 5 re\nf\n") && text.contains("105.7 200 2.29 5 re\nf\n"))
        #expect(text.contains("40 100 1 5 re\nf\n42 100 1 5 re\nf\n"))
        #expect(try PDFInspection.ink(pdf, x: 60, y: 350, size: 120) > 100)
    }

    /// A grid with a module count no symbol has, or modules of no size, is refused.
    @Test func undrawableGridsAreRefused() throws {
        let grids = [ModuleGrid(origin: (10, 10), module: (1, 1), rectangles: [.init(x: Int.max, y: 0, width: 1, height: 1)]),
                     ModuleGrid(origin: (10, 10), module: (1, 1), rectangles: [.init(x: 0, y: 0, width: 0, height: 1)]),
                     ModuleGrid(origin: (10, 10), module: (0, 1), rectangles: [.init(x: 0, y: 0, width: 1, height: 1)]),
                     ModuleGrid(origin: (.nan, 10), module: (1, 1), rectangles: [.init(x: 0, y: 0, width: 1, height: 1)])]
        for grid in grids {
            #expect(throws: HaruError.invalidNumber(page: 0, op: 1)) {
                try PDFPainter.render(Fixtures.list(pages: [[Fixtures.text("x", y: 300), .modules(grid)]]))
            }
        }
    }
}
