import Barcode
import Foundation
import HaruPDF
import Layout
import Markup

/// The stages after Mustache: markup text → Document → display list → PDF bytes.
/// Fonts are read once per pipeline and shared by every document it lays out.
struct DocumentPipeline: Sendable {
    let fonts: FontCatalog
    let engine: LayoutEngine

    /// Image paths in documents are used as they are: presenters make attachment paths
    /// absolute, and template images are relative to the working folder.
    init(fontCatalogue: URL) throws(TalonError) {
        do {
            fonts = try FontCatalog(contentsOf: fontCatalogue)
        } catch {
            throw .fonts(error)
        }
        let catalog = fonts
        engine = LayoutEngine(
            fonts: { name in try catalog.family(named: name) },
            barcodes: { spec in try EncodedBarcode(spec) },
            images: { path, _ in try ImageDecoder.load(path: path) })
    }

    /// Parses the markup a template rendered (valid UTF-8).
    func parse(_ markup: [UInt8], file: String) throws(TalonError) -> Document {
        do {
            return try MarkupParser.parse(utf8: markup, file: file)
        } catch {
            throw .markup(error)
        }
    }

    func layout(_ document: Document) throws(TalonError) -> DisplayList {
        do {
            return try engine.layout(document)
        } catch {
            throw .layout(error)
        }
    }

    func paint(_ list: DisplayList) throws(TalonError) -> [UInt8] {
        do {
            return try PDFPainter.render(list)
        } catch {
            throw .pdf(error)
        }
    }
}

extension EncodedBarcode {
    /// Encodes a barcode directive with the Barcode target's encoders.
    init(_ spec: BarcodeSpec) throws(BarcodeError) {
        switch spec.symbology {
        case .code128: self = .linear(try Code128.encode(spec.data))
        case .ean13: self = .linear(try EAN13.encode(spec.data))
        case .qr:
            let level: QRCode.ErrorCorrection = switch spec.errorCorrection {
            case .L: .low
            case .M: .medium
            case .Q: .quartile
            case .H: .high
            }
            // The NBU's payment code with the hryvnia sign: version 10-17 (resolution No. 97).
            self = .matrix(spec.emblem == .hryvnia
                ? try QRCode.encode(spec.data, errorCorrection: level, versions: NBUPayment.versions)
                : try QRCode.encode(spec.data, errorCorrection: level))
        }
    }
}
