import Markup
import TalonPrimitives

/// Characters one font cannot draw, in order of first appearance.
public struct MissingGlyphs: Sendable, Equatable {
    /// Family name of the face, e.g. "DejaVu Sans".
    public var font: String
    public var scalars: [Unicode.Scalar]

    public init(font: String, scalars: [Unicode.Scalar]) {
        self.font = font
        self.scalars = scalars
    }
}

/// Why a document could not be laid out. Every case prints a one-line message.
public enum LayoutError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Characters the fonts lack (or above U+FFFF, which the PDF writer cannot draw),
    /// collected across the whole document and reported once.
    case missingGlyphs([MissingGlyphs])
    /// The font catalogue could not supply the family.
    case fontUnavailable(family: String, reason: String)
    /// The barcode encoder rejected the data.
    case barcodeFailed(symbology: Symbology, data: String, reason: String, location: SourceLocation)
    /// The image could not be read or decoded.
    case imageFailed(path: String, reason: String, location: SourceLocation)
    /// An element that cannot shrink is wider than the space it must fit in.
    case tooWide(element: String, width: Points, available: Points, location: SourceLocation?)
    /// Page size, margins, font size or line height leave no room for content.
    case invalidPageSetup(String)
    /// `creationDate` is not a valid "yyyy-MM-dd" date.
    case invalidCreationDate(String)
    /// A table row holds more cells (counting spans) than the table has columns.
    case tableRowTooLong(row: Int, cells: Int, columns: Int)
    /// A columns block whose widths are not usable (count mismatch, not positive).
    case invalidColumns(String)

    public var description: String {
        switch self {
        case .missingGlyphs(let groups):
            return groups.map { group in
                "font \(group.font) has no glyph for "
                    + group.scalars.map(Self.describe).joined(separator: ", ")
            }.joined(separator: "; ")
        case .fontUnavailable(let family, let reason):
            return "font family \(family) is not available: \(reason)"
        case .barcodeFailed(let symbology, let data, let reason, let location):
            return "\(location): error: cannot encode \(symbology.rawValue) barcode \"\(data)\": \(reason)"
        case .imageFailed(let path, let reason, let location):
            return "\(location): error: cannot use image \(path): \(reason)"
        case .tooWide(let element, let width, let available, let location):
            let prefix = location.map { "\($0): error: " } ?? ""
            return "\(prefix)\(element) is \(Self.points(width)) pt wide but only "
                + "\(Self.points(available)) pt are available"
        case .invalidPageSetup(let reason):
            return "invalid page setup: \(reason)"
        case .invalidCreationDate(let text):
            return "creation date \"\(text)\" is not a valid yyyy-MM-dd date"
        case .tableRowTooLong(let row, let cells, let columns):
            return "table row \(row) spans \(cells) columns but the table has \(columns)"
        case .invalidColumns(let reason):
            return "invalid columns block: \(reason)"
        }
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        var hex = String(scalar.value, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        return "'\(Character(scalar))' (U+\(hex))"
    }

    static func points(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0
            ? String(Int(tenths / 10)) : String(tenths / 10)
    }
}
