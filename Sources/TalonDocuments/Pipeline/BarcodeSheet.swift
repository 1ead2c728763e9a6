import Barcode
import Layout
import Markup
import TalonPrimitives

/// One barcode on a page cut to fit it, for label printing and scanner checks
/// (`talon barcode`).
public enum BarcodeSheet {
    /// Symbology names accepted by `render`.
    public static let symbologies = Markup.Symbology.allCases.map(\.rawValue)
    /// Error-correction levels for QR codes.
    public static let errorCorrectionLevels = ["L", "M", "Q", "H"]

    /// A PDF with the barcode of `text`, `moduleMillimetres` per module, on a page
    /// that leaves 5 mm around the symbol and its quiet zones.
    public static func render(symbology name: String, text: String, errorCorrection: String = "M",
                              moduleMillimetres: Double, renderer: DocumentRenderer) throws(TalonError) -> [UInt8] {
        guard let symbology = Markup.Symbology(rawValue: name) else {
            throw .unsupported("unknown symbology '\(name)'; expected \(symbologies.joined(separator: ", "))")
        }
        guard let level = QRErrorCorrection(rawValue: errorCorrection) else {
            throw .unsupported("unknown error-correction level '\(errorCorrection)'; expected L, M, Q or H")
        }
        guard moduleMillimetres.isFinite, (0.1...10).contains(moduleMillimetres) else {
            throw .unsupported("module size must be between 0.1 and 10 mm")
        }
        let millimetre = 72 / 25.4, module = moduleMillimetres * millimetre, margin = 5 * millimetre
        let location = SourceLocation(file: "<command line>", line: 1, column: 1)
        var spec = BarcodeSpec(symbology: symbology, data: text, showText: symbology != .qr,
                               moduleWidth: module, errorCorrection: level, alignment: .center,
                               location: location)
        let encoded: EncodedBarcode
        do {
            encoded = try EncodedBarcode(spec)
        } catch {
            throw .barcode(error)
        }
        let width: Points, height: Points
        switch encoded {
        case .linear(let symbol):
            width = Double(symbol.totalWidth) * module
            spec.height = max(15 * millimetre, width * 0.15)
            height = spec.height + 12
        case .matrix(let symbol):
            width = Double(symbol.totalSize) * module
            height = width
        }
        // Layout turns a page to the orientation asked for, so a wide 1D symbol needs landscape.
        let setup = PageSetup(pageWidth: width + 2 * margin, pageHeight: height + 2 * margin,
                              orientation: width > height ? .landscape : .portrait,
                              marginTop: margin, marginRight: margin, marginBottom: margin, marginLeft: margin,
                              fontSize: 8, title: text, subject: "\(name) barcode")
        let document = Document(setup: setup, blocks: [.barcode(spec)])
        let list = try renderer.pipeline.layout(document)
        return try renderer.pipeline.paint(list)
    }
}
