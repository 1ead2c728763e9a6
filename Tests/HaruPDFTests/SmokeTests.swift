import Foundation
import Testing
import Layout
@testable import HaruPDF

@Suite struct SmokeTests {
    @Test func writesSample() throws {
        let list = Fixtures.list(pages: [[
            Fixtures.text("Warranty card № 42 — гарантійний талон «їЇЁё» ґҐ є → ✓"),
            Fixtures.text("Bold text їжак", y: 470, font: 1, size: 14),
        ]], fonts: [Fixtures.regularFont, Fixtures.boldFont])
        let bytes = try PDFPainter.render(list)
        try Data(bytes).write(to: URL(fileURLWithPath: "/tmp/talon-utf8.pdf"))
    }
}
