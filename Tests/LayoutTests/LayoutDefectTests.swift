import Markup
import Testing
@testable import Layout

/// `DisplayList.layoutDefects` finds what a reader would see as broken, and nothing else.
@Suite struct LayoutDefectTests {
    typealias F = LayoutFixtures

    static func list(_ ops: [DrawOp]) throws -> DisplayList {
        var list = try F.layout([F.paragraph("x")])
        list.pages = [DisplayPage(width: 200, height: 300, ops: ops)]
        return list
    }

    static func text(_ x: Double, _ y: Double, _ text: String) -> DrawOp {
        .text(x: x, y: y, font: 0, size: 10, text: text, color: .black)
    }

    @Test func aLaidOutDocumentHasNoDefects() throws {
        let blocks: [Block] = [.heading(level: 1, content: [.text("Title")]),
                               F.paragraph(String(repeating: "word ", count: 2000), .justify),
                               .signature(caption: [.text("Seller")]), .stamp(label: [.text("М.П.")])]
        #expect(try F.layout(blocks).layoutDefects() == [])
    }

    @Test func overlappingTextIsFound() throws {
        let defects = try Self.list([Self.text(10, 100, "Hello"), Self.text(20, 103, "World")]).layoutDefects()
        #expect(defects == [LayoutDefect(page: 1, kind: .textOverlap(other: "\"World\""), subject: "\"Hello\"")])
        // Side by side, touching, and on lines 10 pt apart: no overlap.
        let width = F.width("Hello")
        #expect(try Self.list([Self.text(10, 100, "Hello"), Self.text(10 + width, 100, "World"),
                               Self.text(10, 90, "Below")]).layoutDefects() == [])
    }

    @Test func anythingOutsideThePageIsFound() throws {
        let ops: [DrawOp] = [Self.text(150, 100, "Too long for the page"),
                             .line(x1: 10, y1: -5, x2: 50, y2: -5, lineWidth: 1, dash: [], color: .black),
                             .strokeRect(x: 10, y: 250, width: 20, height: 60, lineWidth: 1, color: .black),
                             .image(index: 0, x: -20, y: 10, width: 30, height: 30),
                             .circle(centerX: 195, centerY: 150, radius: 10, lineWidth: 1, dash: [], color: .black),
                             .fillRect(x: 10, y: 10, width: 20, height: 20, color: .black),
                             .modules(ModuleGrid(origin: (10, 50), module: (2, 2), rectangles: [.init(x: 0, y: 0, width: 5, height: 5)])),
                             .modules(ModuleGrid(origin: (150, 50), module: (2, 2), rectangles: [.init(x: 30, y: 0, width: 1, height: 1)]))]
        let defects = try Self.list(ops).layoutDefects()
        #expect(defects.map(\.subject) == ["\"Too long for the page\"", "a line", "a rectangle", "an image", "a circle", "a barcode"])
        #expect(defects.allSatisfy { $0.kind == .outsidePage && $0.page == 1 })
        #expect(defects[0].description == "page 1: \"Too long for the page\" reaches outside the page")
    }
}
