import Foundation
import HaruPDF
import Layout

/// Painter speed and size: a warranty-card-like page (A5, regular + bold, ~60 runs of
/// English and Ukrainian text, 100 barcode bars) and a 50-page table of 2,000 rows.
func pdfBenchmark() throws {
    let folder = "/usr/share/fonts/truetype/dejavu/"
    let regular = try TrueTypeFont(contentsOf: folder + "DejaVuSans.ttf")
    let bold = try TrueTypeFont(contentsOf: folder + "DejaVuSans-Bold.ttf")

    let card = PaintingSamples.card(regular: regular, bold: bold)
    var bytes = try PDFPainter.render(card)
    if let path = ProcessInfo.processInfo.environment["TALON_PDF_SAMPLE"] {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
    let cardRuns = 500
    let cardTime = try measure(cardRuns) { bytes = try PDFPainter.render(card) }
    print(String(format: "card: %.3f ms/document (%d documents), %d bytes (%.1f KiB), %d text runs",
                 cardTime * 1000 / Double(cardRuns), cardRuns, bytes.count, Double(bytes.count) / 1024,
                 card.pages[0].ops.filter { if case .text = $0 { true } else { false } }.count))

    let subsetTime = try measure(cardRuns) {
        for resource in card.fonts {
            _ = try resource.font.pdfSubset(scalars: resource.usedScalars, postScriptName: "X", programUnitsPerEm: 240)
        }
    }
    print(String(format: "  of which subsetting both faces: %.3f ms/document", subsetTime * 1000 / Double(cardRuns)))

    // The same card with a line of 256 more characters in the regular face: more than a
    // single-byte encoding holds (224), so that face falls back to libharu's UTF-8 mode.
    var wide = card
    let extra = String(String.UnicodeScalarView((0x0100...0x024F).compactMap(Unicode.Scalar.init)
        .filter { regular.glyph(for: $0) != nil }.prefix(256)))
    wide.pages[0].ops.append(.text(x: 28, y: 30, font: 0, size: 4, text: extra, color: .black))
    wide.fonts[0].usedScalars = Array(Set(wide.fonts[0].usedScalars + extra.unicodeScalars)).sorted { $0.value < $1.value }
    let wideTime = try measure(200) { bytes = try PDFPainter.render(wide) }
    print(String(format: "card with a face in UTF-8 mode (%d more characters): %.3f ms/document, %d bytes",
                 extra.unicodeScalars.count, wideTime * 1000 / 200, bytes.count))

    var protected = card
    protected.info.ownerPassword = "owner"
    protected.info.printOnly = true
    let protectedTime = try measure(200) { bytes = try PDFPainter.render(protected) }
    print(String(format: "card, encrypted print-only: %.3f ms/document, %d bytes",
                 protectedTime * 1000 / 200, bytes.count))

    let table = PaintingSamples.table(regular: regular, bold: bold, rows: 2000, rowsPerPage: 40)
    let tableRuns = 10
    let tableTime = try measure(tableRuns) { bytes = try PDFPainter.render(table) }
    print(String(format: "table: %.1f ms/document (%d pages, 2000 rows, %d runs), %.1f KiB",
                 tableTime * 1000 / Double(tableRuns), table.pages.count, tableRuns, Double(bytes.count) / 1024))
}

private func measure(_ runs: Int, _ body: () throws -> Void) throws -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<runs { try body() }
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Display lists shaped like Talon's documents, built by hand (no layout involved).
enum PaintingSamples {
    static let lines = [
        "Гарантійний талон № 2025-000417", "Warranty card № 2025-000417",
        "Модель: IP-камера TL-C200 «Дозор»", "Model: TL-C200 IP camera",
        "Серійний номер: SN-24A-0091-77", "Дата продажу: 14.03.2025", "Гарантія діє до: 14.03.2028",
        "Продавець: ТОВ «Їжак і Ко», м. Київ", "Покупець: Олена Ґудзь", "Телефон: +380 44 123 45 67",
        "Гарантія — 36 місяців від дня продажу.", "Термін продовжується на час ремонту.",
        "Діагностика — до 3 робочих днів.", "Ремонт — до 14 робочих днів.",
        "Не є гарантійним випадком:", "1. Втрата гарантійного талона.",
        "2. Механічні пошкодження (вм’ятини, тріщини, сколи).", "3. Обрізаний роз’єм кабелю.",
        "4. Пошкоджені або відсутні пломби.", "5. Сторонні предмети всередині виробу.",
        "6. Грозові розряди та інші природні явища.", "7. Хімічні, електростатичні пошкодження.",
        "8. Живлення, що не відповідає інструкції.", "9. Неправильне перепрограмування.",
        "Транспортні витрати сплачує покупець.", "Ремонт — у сервісному центрі продавця.",
        "The warranty is 36 months from the date of sale.", "Diagnosis within 3 business days.",
        "Підпис продавця ____________", "Підпис покупця ____________", "М. П.",
    ]

    static func card(regular: TrueTypeFont, bold: TrueTypeFont) -> DisplayList {
        var ops: [DrawOp] = []
        var y = 560.0
        for index in 0..<60 {
            let line = lines[index % lines.count]
            let isHeading = index % 10 == 0
            ops.append(.text(x: 28, y: y, font: isHeading ? 1 : 0, size: isHeading ? 11 : 8, text: line, color: .black))
            y -= 8.2
        }
        var bars: [ModuleGrid.Rectangle] = []
        var column = 0
        for bar in 0..<100 {
            bars.append(ModuleGrid.Rectangle(x: column, y: 0, width: 1 + bar % 3, height: 1))
            column += 1 + bar % 3 + 1 + (bar * 7) % 3
        }
        ops.append(.modules(ModuleGrid(origin: (60, 40), module: (0.8, 28), rectangles: bars)))
        ops.append(.strokeRect(x: 20, y: 20, width: 380, height: 555, lineWidth: 0.5, color: .gray))
        ops.append(.line(x1: 20, y1: 75, x2: 400, y2: 75, lineWidth: 0.5, dash: [3, 2], color: .gray))
        return DisplayList(pages: [DisplayPage(width: 419.53, height: 595.28, ops: ops)],
                           fonts: resources([regular, bold], ops), images: [],
                           info: DocumentInfo(title: "Гарантійний талон 2025-000417", author: "Talon",
                                              creationDate: (2025, 3, 14)))
    }

    static func table(regular: TrueTypeFont, bold: TrueTypeFont, rows: Int, rowsPerPage: Int) -> DisplayList {
        var pages: [DisplayPage] = []
        var ops: [DrawOp] = []
        for row in 0..<rows {
            let slot = row % rowsPerPage
            if slot == 0 {
                if !ops.isEmpty { pages.append(DisplayPage(width: 595.28, height: 841.89, ops: ops)) }
                ops = [.text(x: 40, y: 800, font: 1, size: 12, text: "Реєстр ремонтів / Repair register", color: .black)]
            }
            let y = 770 - Double(slot) * 18
            ops.append(.text(x: 40, y: y, font: 0, size: 9, text: "\(row + 1)", color: .black))
            ops.append(.text(x: 80, y: y, font: 0, size: 9, text: "SN-24A-\(10000 + row) TL-C200", color: .black))
            ops.append(.text(x: 260, y: y, font: 0, size: 9, text: lines[row % lines.count], color: .black))
            ops.append(.line(x1: 40, y1: y - 5, x2: 555, y2: y - 5, lineWidth: 0.3, dash: [], color: .gray))
        }
        pages.append(DisplayPage(width: 595.28, height: 841.89, ops: ops))
        let all = pages.flatMap(\.ops)
        return DisplayList(pages: pages, fonts: resources([regular, bold], all), images: [],
                           info: DocumentInfo(title: "Repair register", creationDate: (2025, 3, 14)))
    }

    private static func resources(_ fonts: [TrueTypeFont], _ ops: [DrawOp]) -> [FontResource] {
        var used = Array(repeating: Set<Unicode.Scalar>(), count: fonts.count)
        for case .text(_, _, let font, _, let text, _) in ops { used[font].formUnion(text.unicodeScalars) }
        return zip(fonts, used).map { FontResource(font: $0, usedScalars: $1.sorted { $0.value < $1.value }) }
    }
}
