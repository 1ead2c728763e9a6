import Foundation
import HaruPDF
import Layout

/// The painter alone on the warranty-card-like page of `pdfBenchmark`, a fixed number of
/// documents and nothing else: meant for instruction counts
/// (`valgrind --tool=callgrind .build/release/TalonBenchmarks paint`; divide the inclusive
/// count of `PDFPainter.render` by the documents printed).
func paintBenchmark() throws {
    let folder = "/usr/share/fonts/truetype/dejavu/"
    let regular = try TrueTypeFont(contentsOf: folder + "DejaVuSans.ttf")
    let bold = try TrueTypeFont(contentsOf: folder + "DejaVuSans-Bold.ttf")
    let card = PaintingSamples.card(regular: regular, bold: bold)
    let runs = 100
    var bytes: [UInt8] = []
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<runs { bytes = try PDFPainter.render(card) }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(String(format: "card: %d documents, %.3f ms/document, %d bytes", runs, seconds * 1000 / Double(runs),
                 bytes.count))
}
