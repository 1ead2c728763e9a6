import Foundation
import Barcode
import HaruPDF
import Layout
import Markup
import Mustache
import Warranty

/// Everything that can go wrong while turning data and a template into a document.
/// Each stage's own error is kept whole so callers can match on it.
public enum TalonError: Error, Sendable, CustomStringConvertible {
    /// The data failed validation: every problem with its JSON path.
    case validation(ValidationError)
    /// The template (or one of its partials) has an error, or strict rendering found gaps.
    case template(TemplateError)
    /// The markup the template produced is malformed.
    case markup(MarkupError)
    /// Layout failed: missing glyphs, a bad barcode or image, an element that cannot fit.
    case layout(LayoutError)
    /// The text cannot be encoded in the barcode asked for.
    case barcode(BarcodeError)
    /// Text in the data that the document's fonts cannot print, by JSON path.
    case unprintable([(path: String, scalars: [Unicode.Scalar], font: String)])
    /// libharu failed while painting.
    case pdf(HaruError)
    /// The font catalogue is unusable.
    case fonts(FontCatalogError)
    /// A template name that is not built in.
    case unknownTemplate(String, available: [String])
    /// An input file could not be read, or is not the format it should be.
    case input(path: String, reason: String)
    /// A request that the chosen document does not support.
    case unsupported(String)
    /// Templates or fonts could not be found.
    case resources(String)
    /// The output file could not be written.
    case output(path: String, reason: String)

    /// The message for the user: `file:line:col: error: …`, or `path: error: …`, or
    /// one `$.path: reason` line per validation problem.
    public var description: String {
        switch self {
        case .validation(let error): error.description
        case .template(let error): error.description
        case .markup(let error): error.description
        case .layout(let error): "error: \(error)"
        case .barcode(let error): "error: \(error)"
        case .unprintable(let fields):
            fields.map { field in
                "\(field.path): font \(field.font) cannot print "
                    + field.scalars.map { "'\($0)' (U+\(String(format: "%04X", $0.value)))" }.joined(separator: ", ")
            }.joined(separator: "\n")
        case .pdf(let error): "error: PDF: \(error)"
        case .fonts(let error): "error: fonts: \(error)"
        case .unknownTemplate(let name, let available):
            "error: unknown template '\(name)'; built-in templates: \(available.joined(separator: ", "))"
        case .input(let path, let reason): "\(path): error: \(reason)"
        case .unsupported(let what): "error: \(what)"
        case .resources(let what): "error: \(what)"
        case .output(let path, let reason): "\(path): error: cannot write: \(reason)"
        }
    }
}
