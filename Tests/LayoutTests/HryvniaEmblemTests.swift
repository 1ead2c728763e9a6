import Barcode
import Markup
import Testing
@testable import Layout

/// The NBU payment code's hryvnia sign: a white disc of the rules' diameter (in modules, by
/// QR version) at the symbol's centre, and the sign over it.
@Suite struct HryvniaEmblemTests {
    typealias F = LayoutFixtures

    @Test(arguments: [(10, 17), (11, 19), (12, 19), (13, 21), (14, 23), (15, 23), (16, 25), (17, 25)])
    func discDiameterFollowsTheVersion(version: Int, modules: Int) throws {
        let size = 17 + 4 * version
        let symbol = MatrixSymbol(size: size, modules: [Bool](repeating: true, count: size * size), quietZone: 4)
        var spec = BarcodeSpec(symbology: .qr, data: "x", moduleWidth: 1, location: F.location)
        spec.emblem = .hryvnia
        let list = try F.engine(barcode: .matrix(symbol)).layout(Document(setup: F.setup(), blocks: [.barcode(spec)]))
        let page = try #require(list.pages.first)
        let discs = page.ops.compactMap { op -> (x: Double, y: Double, radius: Double, line: Double)? in
            if case let .circle(x, y, radius, line, _, color) = op, color == RGBColor(red: 1, green: 1, blue: 1) {
                return (x, y, radius, line)
            }
            return nil
        }
        let disc = try #require(discs.first)
        // A circle of radius D/4 stroked D/2 wide covers a disc of diameter D.
        #expect(abs(disc.radius * 4 - Double(modules)) < 1e-9)
        #expect(abs(disc.line * 2 - Double(modules)) < 1e-9)
        // Centred on the symbol (quiet zone of 4 modules inside the left margin).
        #expect(abs(disc.x - (F.setup().marginLeft + 4 + Double(size) / 2)) < 1e-9)
        #expect(F.allTexts(list) == ["\u{20B4}"])
        // Without the option: no disc, no sign.
        spec.emblem = nil
        let plain = try F.engine(barcode: .matrix(symbol)).layout(Document(setup: F.setup(), blocks: [.barcode(spec)]))
        #expect(F.allTexts(plain).isEmpty)
    }
}
