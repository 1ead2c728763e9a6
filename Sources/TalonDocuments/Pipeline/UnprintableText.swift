import Foundation
import Layout
import Mustache

/// Locates characters the fonts cannot print in the input data, so a clerk learns which
/// field to correct (`$.buyer.name: contains '中' (U+4E2D), which font DejaVu Sans cannot print`)
/// rather than only which characters are missing.
enum UnprintableText {
    /// The JSON paths of the strings in `data` holding any of the scalars, each with the
    /// scalars it holds; empty when the characters come from the template itself.
    static func locate(_ groups: [MissingGlyphs], in data: Data?) -> [(path: String, scalars: [Unicode.Scalar], font: String)] {
        guard let data, let value = try? TemplateValue(json: data) else { return [] }
        var found: [(String, [Unicode.Scalar], String)] = []
        func walk(_ value: TemplateValue, _ path: String) {
            switch value {
            case .string(let text):
                for group in groups {
                    let missing = group.scalars.filter { text.unicodeScalars.contains($0) }
                    if !missing.isEmpty { found.append((path, missing, group.font)) }
                }
            case .list(let items):
                for (index, item) in items.enumerated() { walk(item, "\(path)[\(index)]") }
            case .map(let fields):
                for key in fields.keys.sorted() { walk(fields[key] ?? .null, "\(path).\(key)") }
            default:
                break
            }
        }
        walk(value, "$")
        return found
    }
}
