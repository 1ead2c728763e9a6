import Foundation
import Testing
import Layout
@testable import HaruPDF

@Suite struct SmokeTests {
    @Test func writesSample() throws {
        let list = Fixtures.list(pages: [[
            Fixtures.text("Warranty card № 42 — гарантійний талон «їЇЁё» ґҐ є"),
            Fixtures.text("Bold text їжак", y: 470, font: 1, size: 14),
            .fillRect(x: 40, y: 400, width: 2, height: 30, color: .black),
            .strokeRect(x: 30, y: 380, width: 200, height: 60, lineWidth: 0.5, color: .gray),
            .line(x1: 30, y1: 370, x2: 300, y2: 370, lineWidth: 1, dash: [3, 2], color: .black),
            .circle(centerX: 300, centerY: 300, radius: 30, lineWidth: 1, dash: [], color: .black),
        ]], fonts: [Fixtures.regularFont, Fixtures.boldFont])
        let bytes = try PDFPainter.render(list)
        try Data(bytes).write(to: URL(fileURLWithPath: "/tmp/talon-smoke.pdf"))
        var utf = list
        utf.pages[0].ops.append(Fixtures.text("中", y: 200))
        utf.fonts[0].usedScalars.append("中")
        _ = utf
    }
}
