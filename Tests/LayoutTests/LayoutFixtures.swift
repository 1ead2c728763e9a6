import Barcode
import Foundation
import Markup
@testable import Layout
import TalonPrimitives

/// Fonts, engines and small queries over display lists shared by the layout tests.
enum LayoutFixtures {
    static let folder = "/usr/share/fonts/truetype/dejavu/"

    static let family: FontFamily = {
        func load(_ name: String) -> TrueTypeFont {
            // The DejaVu fonts are a declared system dependency of the project.
            guard let font = try? TrueTypeFont(contentsOf: folder + name) else {
                fatalError("fonts-dejavu-core is not installed: \(folder + name)")
            }
            return font
        }
        return FontFamily(name: "DejaVu Sans", regular: load("DejaVuSans.ttf"), bold: load("DejaVuSans-Bold.ttf"),
                          italic: load("DejaVuSans-Oblique.ttf"), boldItalic: load("DejaVuSans-BoldOblique.ttf"))
    }()

    /// A stand-in Code 128-like symbol: bars of widths 2,1,3,1 repeated, quiet zone 10.
    static let linearSymbol = LinearSymbol(
        modules: [true, true, false, true, false, false, true, true, true, false, true, false, true, true],
        quietZone: 10, humanReadable: "SN123")

    static func engine(barcode: EncodedBarcode = .linear(linearSymbol),
                       image: ImageResource = ImageResource(pixelWidth: 200, pixelHeight: 100,
                                                            pixels: .raw(components: 1, bytes: []))) -> LayoutEngine {
        LayoutEngine(
            fonts: { name in
                guard name == "DejaVu Sans" else { throw FontError.unreadable(path: name, reason: "unknown family") }
                return family
            },
            barcodes: { _ in barcode },
            images: { _, _ in image })
    }

    static let location = SourceLocation(file: "test.talon", line: 1, column: 1)

    /// A4 portrait with 20 mm margins, 10 pt text, line height 1.2 (12 pt lines).
    static func setup(justify: Bool = false) -> PageSetup {
        PageSetup(pageWidth: 595.28, pageHeight: 841.89, marginTop: 56.69, marginRight: 56.69, marginBottom: 56.69,
                  marginLeft: 56.69, fontSize: 10, lineHeight: 1.2, justify: justify)
    }

    static func layout(_ blocks: [Block], setup: PageSetup = setup()) throws -> DisplayList {
        try engine().layout(Document(setup: setup, blocks: blocks))
    }

    /// Width of text in the regular face, in points.
    static func width(_ text: String, size: Double = 10, bold: Bool = false) -> Double {
        (bold ? family.bold : family.regular).width(of: text, size: size)
    }

    struct TextOp: Equatable {
        var x: Double, y: Double, font: Int, size: Double, text: String
    }

    static func texts(_ page: DisplayPage) -> [TextOp] {
        page.ops.compactMap {
            if case let .text(x, y, font, size, text, _) = $0 { return TextOp(x: x, y: y, font: font, size: size, text: text) }
            return nil
        }
    }

    static func allTexts(_ list: DisplayList) -> [String] {
        list.pages.flatMap { texts($0).map(\.text) }
    }

    /// Text ops grouped by baseline (top to bottom), joined with single spaces.
    static func lines(_ page: DisplayPage) -> [String] {
        var rows: [(y: Double, parts: [(x: Double, text: String)])] = []
        for op in texts(page) {
            if let index = rows.firstIndex(where: { abs($0.y - op.y) < 0.01 }) {
                rows[index].parts.append((op.x, op.text))
            } else {
                rows.append((op.y, [(op.x, op.text)]))
            }
        }
        return rows.sorted { $0.y > $1.y }.map { row in
            var line = row.parts.sorted { $0.x < $1.x }.map(\.text).joined(separator: " ")
            while line.contains("  ") { line = line.replacingOccurrences(of: "  ", with: " ") }
            return line
        }
    }

    static func paragraph(_ text: String, _ alignment: TextAlignment? = nil) -> Block {
        .paragraph(content: [.text(text)], alignment: alignment)
    }
}
