import Foundation
import Layout
import TestSupport

/// Hand-built display lists and PDF inspection tools for the painter tests.
enum Fixtures {
    static let sans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    static let bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
    static let regularFont: TrueTypeFont = { (try? TrueTypeFont(contentsOf: sans)) ?? unreachableFont() }()
    static let boldFont: TrueTypeFont = { (try? TrueTypeFont(contentsOf: bold)) ?? unreachableFont() }()

    private static func unreachableFont() -> TrueTypeFont {
        // Both DejaVu files are a test prerequisite (fonts-dejavu-core); fail loudly.
        preconditionFailure("fonts-dejavu-core is not installed")
    }

    /// A list whose font resources hold exactly the scalars its text ops draw.
    static func list(pages: [[DrawOp]], fonts: [TrueTypeFont] = [regularFont], images: [ImageResource] = [],
                     info: DocumentInfo = DocumentInfo(title: "Test", creationDate: (2025, 3, 14)),
                     width: Double = 420, height: Double = 595) -> DisplayList {
        var used = Array(repeating: Set<Unicode.Scalar>(), count: fonts.count)
        for page in pages {
            for case .text(_, _, let font, _, let text, _) in page where used.indices.contains(font) {
                used[font].formUnion(text.unicodeScalars)
            }
        }
        let resources = zip(fonts, used).map { FontResource(font: $0, usedScalars: $1.sorted { $0.value < $1.value }) }
        return DisplayList(pages: pages.map { DisplayPage(width: width, height: height, ops: $0) },
                           fonts: resources, images: images, info: info)
    }

    static func text(_ value: String, x: Double = 40, y: Double = 500, font: Int = 0, size: Double = 12) -> DrawOp {
        .text(x: x, y: y, font: font, size: size, text: value, color: .black)
    }

    /// Writes the PDF to a fresh temporary file.
    static func file(_ bytes: [UInt8]) throws -> URL {
        let url = try TestSupport.temporaryDirectory().appendingPathComponent("out.pdf")
        try Data(bytes).write(to: url)
        return url
    }

    static func tool(_ name: String, _ arguments: [String]) throws -> TestSupport.ProcessResult {
        try TestSupport.run(name, arguments)
    }
}
