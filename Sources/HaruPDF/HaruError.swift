import Layout

/// Why a PDF could not be produced.
public enum HaruError: Error, Equatable, CustomStringConvertible {
    /// libharu reported an error: the call, its error code (`HPDF_STATUS`, e.g. 0x1054) and
    /// the detail number libharu gives with it.
    case library(call: String, code: UInt, detail: UInt)
    /// A font resource could not be subset or embedded.
    case font(index: Int, FontError)
    /// Text uses characters the face cannot draw or libharu cannot encode (above U+FFFF).
    case unencodableText(font: String, characters: [Unicode.Scalar])
    /// A draw operation names a font or image the display list does not hold.
    case missingResource(page: Int, op: Int, what: String)
    /// A page size, coordinate, size or color that is not a finite number (libharu would
    /// write it into the file unchecked). `op` is nil for the page itself.
    case invalidNumber(page: Int, op: Int?)
    /// An image's pixel data does not match its declared size or kind.
    case invalidImage(index: Int, reason: String)
    /// Protection (passwords, print-only) requested without an owner password, or with
    /// the same owner and user password.
    case invalidProtection(String)
    /// libcrypto failed while encrypting.
    case crypto(String)
    /// PDF/A could not be produced (a missing colour profile).
    case archive(String)
    /// The libharu installed is not the version whose internal records HaruPDF uses.
    case unsupportedLibrary(found: String, supported: String)

    public var description: String {
        switch self {
        case .library(let call, let code, let detail):
            let hex = String(code, radix: 16, uppercase: true)
            return "libharu error 0x\(hex) in \(call): \(Self.meaning(of: code)) (detail \(detail))"
        case .font(let index, let error): return "font \(index): \(error)"
        case .unencodableText(let font, let characters):
            return FontError.missingGlyphs(font: font, characters: characters).description
        case .missingResource(let page, let op, let what):
            return "page \(page + 1), operation \(op + 1): no \(what) in the display list"
        case .invalidNumber(let page, let op):
            return "page \(page + 1)\(op.map { ", operation \($0 + 1)" } ?? ""): a number is not finite"
        case .invalidImage(let index, let reason): return "image \(index): \(reason)"
        case .invalidProtection(let reason): return "invalid protection: \(reason)"
        case .crypto(let reason): return "encryption failed: \(reason)"
        case .archive(let reason): return "PDF/A: \(reason)"
        case .unsupportedLibrary(let found, let supported):
            return "libharu \(found) is installed, but Talon works only with libharu \(supported) "
                + "(it relies on that version's internal records; see docs/libharu.md)"
        }
    }

    /// Short meanings of the libharu codes Talon can run into (hpdf_error.h).
    static func meaning(of code: UInt) -> String {
        switch code {
        case 0x1011: "invalid password"
        case 0x1015: "out of memory"
        case 0x1016: "file I/O error"
        case 0x1017: "cannot open file"
        case 0x1019: "font already exists"
        case 0x101E: "invalid bits per component"
        case 0x1020: "invalid color space"
        case 0x1021: "invalid compression mode"
        case 0x1022: "invalid date"
        case 0x1025: "invalid document (an earlier error was not reset)"
        case 0x1026: "invalid document state"
        case 0x102B: "unknown encoding name"
        case 0x102C: "invalid encryption key length"
        case 0x102F: "invalid font name"
        case 0x1030: "invalid image"
        case 0x1031: "invalid JPEG data"
        case 0x1039: "invalid parameter"
        case 0x104E: "font not found on page"
        case 0x1050: "invalid font size"
        case 0x1051: "operator not allowed in the current graphics mode"
        case 0x1054: "invalid page size"
        case 0x1056: "value out of range"
        case 0x1057: "real number out of range"
        case 0x105B: "string too long"
        case 0x105D: "TrueType font cannot be embedded (licence)"
        case 0x105E: "invalid TrueType cmap"
        case 0x105F: "invalid TrueType format"
        case 0x1060: "TrueType font is missing a table"
        case 0x1063: "unsupported JPEG format"
        case 0x1066: "zlib error"
        case 0x1075: "invalid font"
        default: "see hpdf_error.h"
        }
    }
}
