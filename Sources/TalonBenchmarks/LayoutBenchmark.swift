import Barcode
import Foundation
import HaruPDF
import Layout
import Markup
import TalonPrimitives

/// Layout speed: an A5 warranty card (table, barcode, list, columns, cut lines, three
/// coupons) and a 2,000-row invoice table (~50 A4 pages) with peak memory.
/// The barcode encoder is a stand-in returning a fixed symbol.
func layoutBenchmark() throws {
    var startUsage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &startUsage)
    print(String(format: "peak RSS at start: %.1f MB", Double(startUsage.ru_maxrss) / 1024))
    let folder = "/usr/share/fonts/truetype/dejavu/"
    let family = FontFamily(
        name: "DejaVu Sans", regular: try TrueTypeFont(contentsOf: folder + "DejaVuSans.ttf"),
        bold: try TrueTypeFont(contentsOf: folder + "DejaVuSans-Bold.ttf"),
        italic: try TrueTypeFont(contentsOf: folder + "DejaVuSans-Oblique.ttf"),
        boldItalic: try TrueTypeFont(contentsOf: folder + "DejaVuSans-BoldOblique.ttf"))
    var modules: [Bool] = []
    for index in 0..<180 { modules.append(index % 3 != 1 && index % 7 != 0) }
    let symbol = LinearSymbol(modules: modules, quietZone: 10, humanReadable: "SN4K2X9QZ7781234567")
    let engine = LayoutEngine(fonts: { _ in family }, barcodes: { _ in .linear(symbol) },
                              images: { _, _ in ImageResource(pixelWidth: 1, pixelHeight: 1, pixels: .raw(components: 1, bytes: [0])) })

    func peakMB() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }
    print(String(format: "peak RSS after loading fonts: %.1f MB", peakMB()))
    let card = LayoutBenchmarkDocuments.card()
    let firstStart = DispatchTime.now().uptimeNanoseconds
    _ = try engine.layout(card)  // builds the width tables once
    print(String(format: "first card (builds the 4 width tables): %.3f ms",
                 Double(DispatchTime.now().uptimeNanoseconds - firstStart) / 1e6))
    print(String(format: "peak RSS after the first card: %.1f MB", peakMB()))
    let rounds = 2000
    var start = DispatchTime.now().uptimeNanoseconds
    var ops = 0
    for _ in 0..<rounds { ops += try engine.layout(card).pages.reduce(0) { $0 + $1.ops.count } }
    var elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    print(String(format: "card: %.4f ms per document (%d ops, %d rounds)", elapsed / Double(rounds), ops / rounds, rounds))

    let invoice = LayoutBenchmarkDocuments.invoice(rows: 2000)
    var before = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &before)
    // ru_maxrss cannot be reset; on Linux writing 5 to clear_refs resets VmHWM, so the
    // invoice's own peak can be read from /proc/self/status as well.
    let rssBefore = ((try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? "")
        .split(separator: "\n").first { $0.hasPrefix("VmRSS") }.map { $0.split(separator: " ").dropFirst().joined(separator: " ") } ?? "?"
    let resetPeak = (try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)) != nil
    start = DispatchTime.now().uptimeNanoseconds
    let list = try engine.layout(invoice)
    elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    let count = list.pages.reduce(0) { $0 + $1.ops.count }
    if resetPeak, let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM") || $0.hasPrefix("VmRSS") }) {
        let rss = status.split(separator: "\n").first { $0.hasPrefix("VmRSS") } ?? ""
        print("invoice: RSS before \(rssBefore), peak during \(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().joined(separator: " ")), "
            + "after \(rss.split(separator: " ", omittingEmptySubsequences: true).dropFirst().joined(separator: " "))")
    }
    print(String(format: "invoice 2000 rows: %.2f ms, %d pages, %d ops, peak RSS %.1f MB (%.1f MB before it)",
                 elapsed, list.pages.count, count, Double(usage.ru_maxrss) / 1024, Double(before.ru_maxrss) / 1024))
    // The 2,000-line invoice as a PDF: its bytes per line item are what peers are compared by.
    let pdf = try PDFPainter.render(list)
    print(String(format: "invoice 2000 rows as PDF: %d bytes (%.1f KiB), %.1f B per line item",
                 pdf.count, Double(pdf.count) / 1024, Double(pdf.count) / 2000))
}

enum LayoutBenchmarkDocuments {
    static func cell(_ text: String) -> TableCell { TableCell(content: [.text(text)]) }
    static func paragraph(_ text: String) -> Block { .paragraph(content: [.text(text)], alignment: nil) }
    static let location = SourceLocation(file: "card.talon", line: 1, column: 1)

    static func card() -> Document {
        let setup = PageSetup(fontSize: 9, title: "Warranty card 0042", creationDate: "2024-03-15",
                              footer: [.text("Warranty card 0042 · page "), .pageNumber, .text(" of "), .pageCount])
        let details = Table(
            columns: [TableColumn(width: .auto), TableColumn(width: .fraction(1))], headerRows: [],
            rows: [[cell("Model"), cell("Camera IPC-T54 4MP")], [cell("Serial number"), cell("SN4K2X9QZ7781234567")],
                   [cell("Date of sale"), cell("15.03.2024")], [cell("Valid until"), cell("15.03.2027")],
                   [cell("Seller"), cell("TOV Kamera Service, Kyiv")]])
        let spec = BarcodeSpec(symbology: .code128, data: "SN4K2X9QZ7781234567", alignment: .center, location: location)
        var blocks: [Block] = [
            .heading(level: 1, content: [.text("Warranty card № 0042")]), .table(details), .barcode(spec),
            paragraph("Warranty: 36 months from the date of purchase. The period grows by the time the equipment spends in repair."),
            .heading(level: 2, content: [.text("The product is not covered if")]),
            .list(ordered: true, start: 1, items: [
                [paragraph("the warranty card is lost;")],
                [paragraph("it was used outside the manufacturer's conditions or above the recommended load;")],
                [.paragraph(content: [.text("it has "), .bold([.text("mechanical damage")]), .text(" (dents, cracks, chips);")],
                            alignment: nil)],
                [paragraph("the cable connector was cut (allowed only 1 cm from the plug);")],
                [paragraph("seals are missing or damaged; factory characteristics were changed;")],
                [paragraph("storms or other natural phenomena, chemical or extreme heat damage.")],
            ]),
            .paragraph(content: [.text("Diagnosis takes up to 3 business days; repair up to 14\u{00A0}business days. "),
                                 .italic([.text("Transport costs are the buyer's.")])], alignment: .justify),
            .columns(widths: [0.6, 0.4], columns: [[.signature(caption: [.text("Seller")])], [.stamp(label: [.text("М.П.")])]]),
        ]
        for number in 1...3 {
            blocks.append(.cutLine(label: [.text("✂ cut here")]))
            blocks.append(.keepTogether([
                .heading(level: 3, content: [.text("Repair coupon \(number)")]),
                .field(label: [.text("Date received:")], value: [], style: .line, width: nil),
                .field(label: [.text("Failure:")], value: [], style: .line, width: nil),
                .field(label: [.text("Work done:")], value: [], style: .line, width: nil),
                .checkbox(checked: number == 1, label: [.text("Warranty repair")]),
                .signature(caption: [.text("Engineer")]),
            ]))
        }
        return Document(setup: setup, blocks: blocks)
    }

    static func invoice(rows count: Int) -> Document {
        let setup = PageSetup(pageWidth: 595.28, pageHeight: 841.89, fontSize: 9,
                              header: [.text("Repair invoice 2024-0042")],
                              footer: [.text("page "), .pageNumber, .text(" of "), .pageCount])
        let table = Table(
            columns: [TableColumn(width: .fixed(36), alignment: .right), TableColumn(width: .fraction(1)),
                      TableColumn(width: .auto, alignment: .right), TableColumn(width: .fixed(60), alignment: .right),
                      TableColumn(width: .fixed(70), alignment: .right)],
            headerRows: [[cell("No"), cell("Work or part"), cell("Qty"), cell("Price"), cell("Amount")]],
            rows: (1...count).map { number in
                [cell("\(number)"), cell("Replaced board module \(number) and tested the camera"), cell("\(number % 5 + 1)"),
                 cell("\(number % 97 + 10).00"), cell("\((number % 5 + 1) * (number % 97 + 10)).00")]
            })
        return Document(setup: setup, blocks: [.heading(level: 1, content: [.text("Invoice")]), .table(table)])
    }
}
