import Barcode
import Markup
import Testing
@testable import Layout

@Suite struct FormsAndGraphicsTests {
    typealias F = LayoutFixtures
    static let left = 56.69
    static let right = 595.28 - 56.69

    struct Line: Equatable { var x1, y1, x2, y2: Double; var dash: [Double]; var color: RGBColor }

    func lines(_ page: DisplayPage) -> [Line] {
        page.ops.compactMap {
            if case let .line(x1, y1, x2, y2, _, dash, color) = $0 {
                return Line(x1: x1, y1: y1, x2: x2, y2: y2, dash: dash, color: color)
            }
            return nil
        }
    }

    /// The barcode's module grids.
    func grids(_ page: DisplayPage) -> [ModuleGrid] {
        page.ops.compactMap { if case let .modules(grid) = $0 { grid } else { nil } }
    }

    /// The rectangles of the page's module grids, in points.
    func fills(_ page: DisplayPage) -> [(x: Double, y: Double, width: Double, height: Double)] {
        grids(page).flatMap { grid in
            grid.rectangles.map {
                (grid.origin.x + Double($0.x) * grid.module.x, grid.origin.y + Double($0.y) * grid.module.y,
                 Double($0.width) * grid.module.x, Double($0.height) * grid.module.y)
            }
        }
    }

    @Test func linearBarcodeMergesModulesIntoBarsAndKeepsQuietZones() throws {
        let spec = BarcodeSpec(symbology: .code128, data: "SN123", moduleWidth: 1, height: 30, location: F.location)
        let list = try F.layout([.barcode(spec)])
        let bars = fills(list.pages[0])
        // modules TT F T FF TTT F T F TT: five bars.
        #expect(bars.count == 5)
        #expect(bars.map(\.width) == [2, 1, 3, 1, 2])
        #expect(abs(bars[0].x - (Self.left + 10)) < 0.001)
        #expect(bars.allSatisfy { $0.height == 30 })
        // One grid of modules 1 pt wide and as tall as the bars, one row of them.
        let grid = try #require(grids(list.pages[0]).first)
        #expect(grids(list.pages[0]).count == 1 && grid.module == (1, 30) && grid.color == .black)
        #expect(grid.rectangles.map(\.x) == [0, 3, 6, 10, 12] && grid.rectangles.allSatisfy { $0.y == 0 && $0.height == 1 })
        let text = try #require(F.texts(list.pages[0]).first)
        #expect(text.text == "SN123")
        let center = Self.left + 10 + 7
        #expect(abs(text.x + F.width("SN123", size: 9) / 2 - center) < 0.001)
        #expect(text.y < bars[0].y)
    }

    @Test func barcodeAlignmentAndWidthLimit() throws {
        var spec = BarcodeSpec(symbology: .code128, data: "x", showText: false, moduleWidth: 1, alignment: .right,
                               location: F.location)
        let list = try F.layout([.barcode(spec)])
        let bars = fills(list.pages[0])
        #expect(abs(bars[4].x + bars[4].width - (Self.right - 10)) < 0.001)
        #expect(F.texts(list.pages[0]).isEmpty)
        spec.moduleWidth = 20
        #expect(throws: LayoutError.tooWide(element: "code128 barcode", width: 680, available: Self.right - Self.left,
                                            location: F.location)) { try F.layout([.barcode(spec)]) }
    }

    @Test func matrixModulesMergeHorizontallyThenVertically() throws {
        let symbol = MatrixSymbol(size: 4, modules: [true, true, false, true,
                                                     true, true, false, true,
                                                     false, true, true, true,
                                                     true, false, false, false], quietZone: 4)
        let spec = BarcodeSpec(symbology: .qr, data: "x", moduleWidth: 2, location: F.location)
        let list = try F.engine(barcode: .matrix(symbol)).layout(Document(setup: F.setup(), blocks: [.barcode(spec)]))
        let rects = fills(list.pages[0])
        // Rows: TT.T / TT.T / .TTT / T... -> two 2-row rects, one 3-wide run, one single module.
        #expect(rects.count == 4)
        guard rects.count == 4 else { return }
        let firstTop = rects[0].y + rects[0].height
        #expect(rects[0].x == Self.left + 8 && rects[0].width == 4 && rects[0].height == 4)
        #expect(rects[1].x == Self.left + 8 + 6 && rects[1].width == 2 && rects[1].height == 4)
        #expect(abs(rects[2].y + rects[2].height - (firstTop - 4)) < 0.001)
        #expect(rects[2].x == Self.left + 8 + 2 && rects[2].width == 6 && rects[2].height == 2)
        #expect(rects[3].x == Self.left + 8 && rects[3].width == 2 && rects[3].height == 2)
        // In the grid, rows count from the bottom: the bottom row's single module is row 0.
        let grid = try #require(grids(list.pages[0]).first)
        #expect(grid.module == (2, 2) && grid.origin.x == Self.left + 8)
        #expect(grid.rectangles == [.init(x: 0, y: 2, width: 2, height: 2), .init(x: 3, y: 2, width: 1, height: 2),
                                    .init(x: 1, y: 1, width: 3, height: 1), .init(x: 0, y: 0, width: 1, height: 1)])
    }

    @Test func checkboxTickIsDrawnNotTyped() throws {
        let list = try F.layout([.checkbox(checked: true, label: [.text("Warranty")]),
                                 .checkbox(checked: false, label: [.text("Paid")])])
        let page = list.pages[0]
        let boxes = page.ops.filter { if case .strokeRect = $0 { true } else { false } }
        #expect(boxes.count == 2)
        #expect(lines(page).count == 2)
        #expect(F.allTexts(list) == ["Warranty", "Paid"])
    }

    @Test func fieldLineRunsToTheEndOrTheGivenWidthWithTheValueOnIt() throws {
        let list = try F.layout([.field(label: [.text("Name:")], value: [], style: .line, width: nil),
                                 .field(label: [.text("Serial:")], value: [.text("SN-1")], style: .line, width: 120),
                                 .field(label: [.text("Code:")], value: [], style: .box, width: 80)])
        let page = list.pages[0]
        let drawn = lines(page)
        #expect(drawn.count == 2)
        let nameEnd = Self.left + F.width("Name:") + 4
        #expect(abs(drawn[0].x1 - nameEnd) < 0.001 && abs(drawn[0].x2 - Self.right) < 0.001)
        #expect(abs(drawn[1].x2 - drawn[1].x1 - 120) < 0.001)
        let value = try #require(F.texts(page).first { $0.text == "SN-1" })
        #expect(abs(value.x - drawn[1].x1 - 2) < 0.001)
        #expect(value.y > drawn[1].y1 && value.y - drawn[1].y1 < 4)
        #expect(page.ops.contains { if case let .strokeRect(_, _, width, _, _, _) = $0 { width == 80 } else { false } })
        #expect(throws: LayoutError.self) {
            try F.layout([.field(label: [], value: [], style: .line, width: 1000)])
        }
    }

    @Test func signatureStampAndCutLine() throws {
        let list = try F.layout([.signature(caption: [.text("Seller")]), .stamp(label: [.text("М.П.")]),
                                 .cutLine(label: [.text("✂ cut here")]), .rule])
        let page = list.pages[0]
        let texts = F.texts(page)
        #expect(texts.map(\.text) == ["Seller", "М.П.", "✂ cut here"])
        let circle = try #require(page.ops.compactMap { op -> (Double, Double, [Double])? in
            if case let .circle(centerX, _, radius, _, dash, _) = op { return (centerX, radius, dash) }
            return nil
        }.first)
        #expect(abs(circle.1 - (32 * 72 / 25.4 / 2 - 0.3)) < 0.001 && !circle.2.isEmpty)
        #expect(abs(texts[1].x + F.width("М.П.", size: 8) / 2 - circle.0) < 0.001)
        let drawn = lines(page)
        let cut = drawn.filter { !$0.dash.isEmpty }
        #expect(cut.count == 2 && cut.allSatisfy { $0.color == .gray })
        #expect(abs(cut[0].x1 - Self.left) < 0.001 && abs(cut[1].x2 - Self.right) < 0.001)
        #expect(cut[0].x2 < texts[2].x && cut[1].x1 > texts[2].x + F.width("✂ cut here", size: 8))
        let solid = drawn.filter { $0.dash.isEmpty }
        #expect(solid.count == 2)
        #expect(solid.contains { abs($0.x1 - Self.left) < 0.001 && abs($0.x2 - Self.right) < 0.001 })
    }

    @Test func imagesKeepAspectRatioAndShrinkToFit() throws {
        let list = try F.layout([.image(path: "logo.png", width: 100, height: nil, location: F.location),
                                 .image(path: "logo.png", width: nil, height: nil, location: F.location),
                                 .image(path: "logo.png", width: 1000, height: 100, location: F.location)])
        #expect(list.images.count == 1)
        let sizes = list.pages[0].ops.compactMap { op -> (Double, Double)? in
            if case let .image(_, _, _, width, height) = op { return (width, height) }
            return nil
        }
        #expect(sizes.count == 3)
        #expect(sizes[0] == (100, 50))
        #expect(sizes[1] == (200, 100))
        let width = Self.right - Self.left
        #expect(abs(sizes[2].0 - width) < 0.001 && abs(sizes[2].1 - 100 * width / 1000) < 0.001)
    }

    @Test func encoderAndImageFailuresAreWrapped() throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "no such file" } }
        let engine = LayoutEngine(fonts: { _ in F.family }, barcodes: { _ in throw Broken() },
                                  images: { _, _ in throw Broken() })
        let spec = BarcodeSpec(symbology: .ean13, data: "12", location: F.location)
        #expect(throws: LayoutError.barcodeFailed(symbology: .ean13, data: "12", reason: "no such file",
                                                  location: F.location)) {
            try engine.layout(Document(blocks: [.barcode(spec)]))
        }
        #expect(throws: LayoutError.imageFailed(path: "a.png", reason: "no such file", location: F.location)) {
            try engine.layout(Document(blocks: [.image(path: "a.png", width: nil, height: nil, location: F.location)]))
        }
        let noFonts = LayoutEngine(fonts: { _ in throw Broken() }, barcodes: { _ in throw Broken() },
                                   images: { _, _ in throw Broken() })
        #expect(throws: LayoutError.fontUnavailable(family: "DejaVu Sans", reason: "no such file")) {
            try noFonts.layout(Document(blocks: []))
        }
    }
}
