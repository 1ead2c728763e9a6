import Barcode
import Testing

@Suite struct SymbolGeometryTests {
    @Test func barsAreRunsOfDarkModules() {
        let symbol = LinearSymbol(modules: [true, true, false, true, false, false, true, true, true],
                                  quietZone: 10, humanReadable: "")
        let bars = symbol.bars
        #expect(bars.map(\.start) == [0, 3, 6])
        #expect(bars.map(\.width) == [2, 1, 3])
        #expect(symbol.totalWidth == 29)
    }

    @Test func code128BarsMatchThePatternWidths() throws {
        // Start C is 2 1 1 2 3 2: bars of width 2, 1, 3 at modules 0, 3, 6.
        let bars = try Code128.encode("123456").bars
        #expect(bars.prefix(3).map(\.start) == [0, 3, 6])
        #expect(bars.prefix(3).map(\.width) == [2, 1, 3])
    }

    /// Paints the rectangles back onto a grid: every dark module exactly once, nothing else.
    func paint(_ symbol: MatrixSymbol) -> [Int] {
        var grid = [Int](repeating: 0, count: symbol.size * symbol.size)
        for rectangle in symbol.darkRectangles() {
            for y in rectangle.y..<(rectangle.y + rectangle.height) {
                for x in rectangle.x..<(rectangle.x + rectangle.width) { grid[y * symbol.size + x] += 1 }
            }
        }
        return grid
    }

    @Test func rectanglesCoverExactlyTheDarkModules() throws {
        for text in ["01234567", "https://example.com/warranty/UA-2024-000123", String(repeating: "Ґ", count: 300)] {
            let symbol = try QRCode.encode(text)
            #expect(paint(symbol) == symbol.modules.map { $0 ? 1 : 0 })
            let darkCount = symbol.modules.filter { $0 }.count
            let rectangles = symbol.darkRectangles()
            #expect(rectangles.count < darkCount / 2, "\(rectangles.count) rectangles for \(darkCount) modules")
        }
    }

    @Test func identicalRunsInConsecutiveRowsMerge() throws {
        let symbol = try QRCode.encode("01234567")
        let rectangles = symbol.darkRectangles()
        // Each finder's 7×7 ring: left and right sides merge into 1×5 rectangles between the
        // top and bottom 7×1 bars, and the 3×3 centre is one rectangle.
        #expect(rectangles.contains { $0 == (x: 2, y: 2, width: 3, height: 3) })
        #expect(rectangles.contains { $0 == (x: 0, y: 1, width: 1, height: 5) })
        #expect(rectangles.contains { $0 == (x: 14, y: 0, width: 7, height: 1) })
        // Sorted top to bottom, then left to right.
        let order = rectangles.map { [$0.y, $0.x] }
        #expect(order == order.sorted { $0.lexicographicallyPrecedes($1) })
    }
}
