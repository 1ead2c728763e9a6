import TalonPrimitives

/// A parsed document: the page setup from the front matter and the blocks of the body.
/// The tree is closed and value-typed so it can be compared, dumped and handed across tasks.
public struct Document: Sendable, Equatable {
    public var setup: PageSetup
    public var blocks: [Block]

    public init(setup: PageSetup = PageSetup(), blocks: [Block]) {
        self.setup = setup
        self.blocks = blocks
    }
}

/// A length in PDF points (1/72 inch). Markup accepts `mm`, `cm`, `pt` and `in`.
public typealias Points = Double

public enum Orientation: String, Sendable, Equatable { case portrait, landscape }

/// The front matter of a document.
public struct PageSetup: Sendable, Equatable {
    /// Page width and height in points, portrait (orientation is applied by layout).
    public var pageWidth: Points
    public var pageHeight: Points
    public var orientation: Orientation
    public var marginTop: Points
    public var marginRight: Points
    public var marginBottom: Points
    public var marginLeft: Points
    /// Font family name from the catalogue (e.g. "DejaVu Sans") and body size in points.
    public var fontFamily: String
    public var fontSize: Points
    /// Line height as a multiple of the font size.
    public var lineHeight: Double
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: String
    /// Creation date as an ISO calendar date ("2024-02-29"), taken from the data.
    public var creationDate: String?
    /// Running header and footer; `Inline.pageNumber` / `Inline.pageCount` are filled per page.
    public var header: [Inline]
    public var footer: [Inline]
    /// Owner password and print-only permission; both optional.
    public var ownerPassword: String?
    public var userPassword: String?
    public var printOnly: Bool
    /// PDF/A-3b (front matter `pdfa: true`).
    public var pdfa: Bool
    /// Bold drawn as the regular face with a stroke instead of the bold face (front matter
    /// `bold: synthetic`): one font program less.
    public var syntheticBold: Bool
    /// Text alignment of paragraphs unless a paragraph says otherwise.
    public var justify: Bool

    public init(
        pageWidth: Points = 419.53, pageHeight: Points = 595.28, orientation: Orientation = .portrait,
        marginTop: Points = 28.35, marginRight: Points = 28.35, marginBottom: Points = 28.35,
        marginLeft: Points = 28.35, fontFamily: String = "DejaVu Sans", fontSize: Points = 9,
        lineHeight: Double = 1.25, title: String = "", author: String = "", subject: String = "",
        keywords: String = "", creationDate: String? = nil, header: [Inline] = [], footer: [Inline] = [],
        ownerPassword: String? = nil, userPassword: String? = nil, printOnly: Bool = false,
        justify: Bool = false, pdfa: Bool = false, syntheticBold: Bool = false
    ) {
        self.pageWidth = pageWidth
        self.pageHeight = pageHeight
        self.orientation = orientation
        self.marginTop = marginTop
        self.marginRight = marginRight
        self.marginBottom = marginBottom
        self.marginLeft = marginLeft
        self.fontFamily = fontFamily
        self.fontSize = fontSize
        self.lineHeight = lineHeight
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creationDate = creationDate
        self.header = header
        self.footer = footer
        self.ownerPassword = ownerPassword
        self.userPassword = userPassword
        self.printOnly = printOnly
        self.pdfa = pdfa
        self.syntheticBold = syntheticBold
        self.justify = justify
    }
}

public enum TextAlignment: String, Sendable, Equatable { case left, center, right, justify }

/// Block-level content.
public indirect enum Block: Sendable, Equatable {
    /// `#`..`###` headings.
    case heading(level: Int, content: [Inline])
    /// A paragraph; `alignment` nil means the document default.
    case paragraph(content: [Inline], alignment: TextAlignment?)
    /// Numbered (`start` is the first number) or bullet list; each item holds blocks, so lists nest.
    case list(ordered: Bool, start: Int, items: [[Block]])
    case table(Table)
    /// A thin full-width line.
    case rule
    /// A dashed full-width cut line with an optional label (e.g. scissors text).
    case cutLine(label: [Inline])
    /// A labelled fill-in field: the label, then a line (or box) filling `width` (nil: rest of the line).
    /// `value` is pre-printed text on the line, empty for a blank field.
    case field(label: [Inline], value: [Inline], style: FieldStyle, width: Points?)
    /// A checkbox, ticked or empty, with its label.
    case checkbox(checked: Bool, label: [Inline])
    /// A signature line with a caption under it.
    case signature(caption: [Inline])
    /// A stamp place: a dashed circle with a small label inside (e.g. "М.П.").
    case stamp(label: [Inline])
    /// An image file (PNG or JPEG) at the given size; a nil dimension keeps the aspect ratio.
    case image(path: String, width: Points?, height: Points?, location: SourceLocation)
    case barcode(BarcodeSpec)
    case pageBreak
    /// Blocks that must stay on one page (unless taller than a page).
    case keepTogether([Block])
    /// Blocks kept together on one page and with the last line or row of the block before
    /// them (`@keep(with: previous)`: totals that must not leave the invoice's last line).
    case keepWithPrevious([Block])
    /// Side-by-side columns; each column is a list of blocks, widths as fractions (sum 1).
    case columns(widths: [Double], columns: [[Block]])
    /// Vertical space.
    case spacer(height: Points)
}

public enum FieldStyle: String, Sendable, Equatable { case line, box }

/// Inline content of paragraphs, headings and cells.
public indirect enum Inline: Sendable, Equatable {
    case text(String)
    case bold([Inline])
    case italic([Inline])
    case underline([Inline])
    /// A forced line break.
    case lineBreak
    /// The current page number and the page count (running header/footer and body).
    case pageNumber
    case pageCount
}

public struct Table: Sendable, Equatable {
    public var columns: [TableColumn]
    /// Rows repeated at the top of every page the table spans.
    public var headerRows: [[TableCell]]
    public var rows: [[TableCell]]
    /// Draw cell borders.
    public var borders: Bool

    public init(columns: [TableColumn], headerRows: [[TableCell]], rows: [[TableCell]], borders: Bool = true) {
        self.columns = columns
        self.headerRows = headerRows
        self.rows = rows
        self.borders = borders
    }
}

public enum ColumnWidth: Sendable, Equatable {
    /// Fixed width in points.
    case fixed(Points)
    /// As wide as the content needs (up to what is available).
    case auto
    /// A share of what remains after fixed and auto columns (`2fr` is twice `1fr`).
    case fraction(Double)
}

public struct TableColumn: Sendable, Equatable {
    public var width: ColumnWidth
    public var alignment: TextAlignment

    public init(width: ColumnWidth = .auto, alignment: TextAlignment = .left) {
        self.width = width
        self.alignment = alignment
    }
}

public struct TableCell: Sendable, Equatable {
    public var content: [Inline]
    /// Number of columns this cell spans (1 = normal).
    public var span: Int

    public init(content: [Inline], span: Int = 1) {
        self.content = content
        self.span = span
    }
}

public enum Symbology: String, Sendable, Equatable, CaseIterable {
    case code128, qr, ean13
}

public enum QRErrorCorrection: String, Sendable, Equatable { case L, M, Q, H }

/// A sign drawn in the middle of a QR code. `hryvnia`: the NBU payment code's hryvnia sign
/// in a white circle, sized by the QR version as the NBU's rules require; the code is then
/// encoded at version 10-17.
public enum BarcodeEmblem: String, Sendable, Equatable, CaseIterable { case hryvnia }

public struct BarcodeSpec: Sendable, Equatable {
    public var symbology: Symbology
    public var data: String
    /// Print the human-readable text under 1D codes.
    public var showText: Bool
    /// Width of one module (narrowest bar / QR cell) in points.
    public var moduleWidth: Points
    /// Bar height for 1D codes in points.
    public var height: Points
    public var errorCorrection: QRErrorCorrection
    public var alignment: TextAlignment
    /// Only for QR codes: a sign in the middle (the NBU payment code's hryvnia).
    public var emblem: BarcodeEmblem?
    public var location: SourceLocation

    public init(
        symbology: Symbology, data: String, showText: Bool = true, moduleWidth: Points = 0.85,
        height: Points = 34, errorCorrection: QRErrorCorrection = .M, alignment: TextAlignment = .left,
        location: SourceLocation
    ) {
        self.symbology = symbology
        self.data = data
        self.showText = showText
        self.moduleWidth = moduleWidth
        self.height = height
        self.errorCorrection = errorCorrection
        self.alignment = alignment
        self.location = location
    }
}
