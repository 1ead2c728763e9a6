import Markup

/// The result of layout: every page with its positioned drawing operations, plus the
/// resources they use. Painting a display list needs no further measuring or decisions.
/// Coordinates are PDF points with the origin at the bottom-left of the page.
public struct DisplayList: Sendable, Equatable {
    public var pages: [DisplayPage]
    /// Fonts referenced by `DrawOp.text` through their index.
    public var fonts: [FontResource]
    /// Images referenced by `DrawOp.image` through their index.
    public var images: [ImageResource]
    public var info: DocumentInfo

    public init(pages: [DisplayPage], fonts: [FontResource], images: [ImageResource], info: DocumentInfo) {
        self.pages = pages
        self.fonts = fonts
        self.images = images
        self.info = info
    }
}

public struct DisplayPage: Sendable, Equatable {
    public var width: Points
    public var height: Points
    public var ops: [DrawOp]

    public init(width: Points, height: Points, ops: [DrawOp]) {
        self.width = width
        self.height = height
        self.ops = ops
    }
}

/// Metadata written into the PDF's info dictionary, and its protection.
public struct DocumentInfo: Sendable, Equatable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: String
    public var creator: String
    /// Calendar date (year, month, day) from the data; never the clock.
    public var creationDate: (year: Int, month: Int, day: Int)? {
        get { creationDateParts.map { ($0[0], $0[1], $0[2]) } }
        set { creationDateParts = newValue.map { [$0.year, $0.month, $0.day] } }
    }
    private var creationDateParts: [Int]?
    public var ownerPassword: String?
    public var userPassword: String?
    public var printOnly: Bool
    /// PDF/A-3b: XMP metadata, an sRGB output intent, a file identifier; no encryption.
    public var pdfa: Bool
    /// Bold text drawn with the family's lighter face, filled and stroked
    /// (`FontResource.lighterFace`), instead of embedding the bold face; not with PDF/A.
    public var syntheticBold: Bool
    /// A file the document carries as its source data (with PDF/A: an associated file).
    public var attachment: AttachedFile?

    public init(
        title: String = "", author: String = "", subject: String = "", keywords: String = "",
        creator: String = "Talon", creationDate: (year: Int, month: Int, day: Int)? = nil,
        ownerPassword: String? = nil, userPassword: String? = nil, printOnly: Bool = false,
        pdfa: Bool = false, attachment: AttachedFile? = nil, syntheticBold: Bool = false
    ) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.creationDateParts = creationDate.map { [$0.year, $0.month, $0.day] }
        self.ownerPassword = ownerPassword
        self.userPassword = userPassword
        self.printOnly = printOnly
        self.pdfa = pdfa
        self.syntheticBold = syntheticBold
        self.attachment = attachment
    }
}

/// A file embedded in the PDF: the data the document was made from.
public struct AttachedFile: Sendable, Equatable {
    /// The file's name, e.g. "repair-record.en.json".
    public var name: String
    /// Its MIME type, e.g. "application/json".
    public var mimeType: String
    public var bytes: [UInt8]

    public init(name: String, mimeType: String, bytes: [UInt8]) {
        self.name = name
        self.mimeType = mimeType
        self.bytes = bytes
    }
}

/// Index into `DisplayList.fonts`.
public typealias FontIndex = Int
/// Index into `DisplayList.images`.
public typealias ImageIndex = Int

public struct RGBColor: Sendable, Equatable {
    public var red: Double, green: Double, blue: Double
    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }
    public static let black = RGBColor(red: 0, green: 0, blue: 0)
    public static let gray = RGBColor(red: 0.5, green: 0.5, blue: 0.5)
}

/// One drawing operation on a page.
public enum DrawOp: Sendable, Equatable {
    /// Text starting at (x, y) on the baseline. `text` contains only scalars the font has.
    case text(x: Points, y: Points, font: FontIndex, size: Points, text: String, color: RGBColor)
    /// A filled rectangle; (x, y) is the bottom-left corner.
    case fillRect(x: Points, y: Points, width: Points, height: Points, color: RGBColor)
    /// A stroked rectangle (boxes, table borders).
    case strokeRect(x: Points, y: Points, width: Points, height: Points, lineWidth: Points, color: RGBColor)
    /// A straight line; `dash` is the on/off pattern in points, empty for solid.
    case line(x1: Points, y1: Points, x2: Points, y2: Points, lineWidth: Points, dash: [Points], color: RGBColor)
    /// A stroked circle (stamp place).
    case circle(centerX: Points, centerY: Points, radius: Points, lineWidth: Points, dash: [Points], color: RGBColor)
    /// An image scaled into the rectangle whose bottom-left corner is (x, y).
    case image(index: ImageIndex, x: Points, y: Points, width: Points, height: Points)
    /// A barcode's dark modules on their grid, as the layout made them from the symbol.
    case modules(ModuleGrid)
    /// Draws nothing: the ops after it, up to the next frame or the end of the page, are one
    /// block placed with its top edge at `top`. A painter may draw them relative to that
    /// edge, so that equal blocks at different heights (tear-off coupons) give equal bytes.
    case frame(top: Points)
}
