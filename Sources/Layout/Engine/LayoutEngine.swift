import Barcode
import Markup
import TalonPrimitives

/// A barcode encoded into modules by an encoder outside Layout.
public enum EncodedBarcode: Sendable, Equatable {
    case linear(LinearSymbol)
    case matrix(MatrixSymbol)
}

/// Turns a `Document` into a `DisplayList`: measures text with the fonts' own metrics,
/// breaks lines, paginates and positions every drawing operation. Pure Swift; painting
/// happens elsewhere. One engine may lay out many documents concurrently; it keeps the blocks it
/// laid out (`BlockCache`) and the per-face width tables it builds (keep one engine per process).
///
/// Defaults (body size `s` = `PageSetup.fontSize`, line box = `s × lineHeight`):
/// - headings bold at 1.6 s, 1.3 s, 1.12 s (levels 1–3; deeper: s), 0.6 × size above,
///   0.35 × size below, kept with the next block; paragraphs 0.5 s apart.
/// - lists indent by max(marker + 0.45 s, 1.5 s); markers "1." or "•" / "–" by level.
/// - tables: cell padding 4 pt × 2.5 pt, borders 0.5 pt, header rows bold.
/// - running header/footer at 0.85 s inside the margins, 0.6 s from the body, 3 lines at most.
/// - pagination: no paragraph line or list item alone at a page's head or foot; headings
///   stay with what follows; a table row taller than a page splits into quarter-page pieces.
/// - cut-line and stamp labels at 0.8 s, gray; cut line dashed 4/3 pt, gray; signature
///   captions at max(7 pt, 0.8 s), dark gray (0.2), flowing under the line like a paragraph.
/// - stamp: dashed gray circle of 32 mm (smaller if the column is narrower).
/// - signature line: max(14 s, 45 % of the column) wide, 2 lines of room above.
/// - checkbox: 0.8 s square; the tick is two drawn strokes.
/// - barcode text: max(6, 0.9 s) centered under the bars.
/// - body `pageNumber`/`pageCount` reserve three widest digits and are filled in after
///   pagination; the header and footer are laid out per page with the real numbers.
/// - columns: 1.2 s gap; a block no taller than a page moves whole, a taller one is cut
///   into page-high slices with each column flowing on.
public struct LayoutEngine: Sendable {
    let fonts: @Sendable (String) throws -> FontFamily
    let barcodes: @Sendable (BarcodeSpec) throws -> EncodedBarcode
    let images: @Sendable (String, SourceLocation) throws -> ImageResource
    let metricsCache = FaceMetricsCache()
    let blocks = BlockCache()

    /// - Parameters:
    ///   - fonts: the faces of a family, by family name (`PageSetup.fontFamily`).
    ///   - barcodes: encodes a barcode spec into modules.
    ///   - images: reads and decodes an image file referenced at a source location.
    public init(fonts: @escaping @Sendable (String) throws -> FontFamily,
                barcodes: @escaping @Sendable (BarcodeSpec) throws -> EncodedBarcode,
                images: @escaping @Sendable (String, SourceLocation) throws -> ImageResource) {
        self.fonts = fonts
        self.barcodes = barcodes
        self.images = images
    }

    /// Lays out a document into pages of positioned drawing operations.
    public func layout(_ document: Document) throws(LayoutError) -> DisplayList {
        let setup = document.setup
        let family: FontFamily
        do {
            family = try fonts(setup.fontFamily)
        } catch {
            throw .fontUnavailable(family: setup.fontFamily, reason: "\(error)")
        }
        let info = try Self.documentInfo(setup)
        let session = try LayoutSession(engine: self, setup: setup, family: family)
        let running = session.reserveRunningText()
        let context = BlockContext(x: session.contentLeft, width: session.contentWidth, listLevel: 0)
        let fragments = try session.fragments(for: document.blocks, in: context)
        var pages = session.paginate(fragments, bodyTop: running.bodyTop)
        session.fillPageCount(&pages)
        session.drawRunningText(on: &pages)
        if let error = session.missingGlyphsError() { throw error }
        return DisplayList(
            pages: pages.map { DisplayPage(width: session.pageWidth, height: session.pageHeight, ops: $0) },
            fonts: session.fontResources(), images: session.images, info: info)
    }

    static func documentInfo(_ setup: PageSetup) throws(LayoutError) -> DocumentInfo {
        var info = DocumentInfo(title: setup.title, author: setup.author, subject: setup.subject,
                                keywords: setup.keywords, ownerPassword: setup.ownerPassword,
                                userPassword: setup.userPassword, printOnly: setup.printOnly, pdfa: setup.pdfa,
                                syntheticBold: setup.syntheticBold)
        if let text = setup.creationDate {
            guard let date = try? CalendarDate(iso: text) else { throw .invalidCreationDate(text) }
            info.creationDate = (date.year, date.month, date.day)
        }
        return info
    }
}

/// Where blocks go: the left edge and width of the current column or list item.
struct BlockContext {
    var x: Points
    var width: Points
    var listLevel: Int
}
