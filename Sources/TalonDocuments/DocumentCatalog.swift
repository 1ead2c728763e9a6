import Foundation
import Markup
import Mustache
import Warranty

/// The built-in document kinds, their input schemas, and template checking.
public enum DocumentCatalog {
    /// Names of the built-in documents (`warranty-card`, `rma`, ...).
    public static var names: [String] { DocumentKind.allCases.map(\.rawValue) }

    /// The JSON Schema (draft 2020-12) of a document kind's input.
    public static func schema(for name: String) throws(TalonError) -> String {
        guard let kind = DocumentKind(rawValue: name) else {
            throw .unknownTemplate(name, available: names)
        }
        return kind.jsonSchema
    }
}

extension DocumentRenderer {
    /// Loads a template with all its partials and parents and returns every error found.
    public func check(_ reference: TemplateReference) -> [TalonError] {
        let errors: [TemplateError]
        switch reference {
        case .builtIn(let kind):
            errors = library.check(name: kind.rawValue)
        case .file(let url):
            guard FileManager.default.fileExists(atPath: url.path) else {
                return [.input(path: url.path, reason: "no such template file")]
            }
            let library = TemplateLibrary(directories: [
                url.deletingLastPathComponent(), resources.templates,
            ])
            errors = library.check(name: url.deletingPathExtension().lastPathComponent)
            return errors.map { .template($0) } + checkCatalogues(forTemplate: url)
        }
        return errors.map { .template($0) }
    }
}

/// How `{{name}}` values are escaped when a text template is rendered on its own.
public enum TextEscaping: String, Sendable, CaseIterable {
    /// HTML entities (`&`, `<`, `>`, quotes): for HTML e-mail bodies.
    case html
    /// Talon's markup escapes, as the built-in documents use.
    case markup
    /// Values are inserted as they are.
    case none
}

/// Renders a text template exactly, for e-mail bodies and template debugging
/// (`talon mustache`).
public enum TextTemplate {
    /// Renders `file` with the JSON `data` (none: an empty map); partials come from the
    /// `partials` folder. With `strict`, a missing value is an error instead of empty text.
    public static func render(file: URL, data: Data?, dataName: String, partials: URL?,
                              escaping: TextEscaping, strict: Bool) throws(TalonError) -> String {
        guard let source = FileManager.default.contents(atPath: file.path) else {
            throw .input(path: file.path, reason: "cannot read template")
        }
        let escaper: Escaper = switch escaping {
        case .html: .html
        case .markup: Escaper(appending: MarkupEscaper.append)
        case .none: .none
        }
        do {
            let value = try data.map { (json) throws(TemplateError) in try TemplateValue(json: json, file: dataName) } ?? .map([:])
            let template = try Template(source: String(decoding: source, as: UTF8.self), name: file.lastPathComponent)
            let library = TemplateLibrary(directories: partials.map { [$0] } ?? [])
            return try template.render(value, partials: library,
                                       options: RenderOptions(escaper: escaper, strict: strict))
        } catch {
            throw .template(error)
        }
    }
}

/// The languages documents are printed in (`en`, `uk`).
public typealias TalonLocale = DocumentLocale

extension DocumentCatalog {
    /// The document kind of a built-in name, if there is one.
    public static func kind(named name: String) -> DocumentKind? { DocumentKind(rawValue: name) }
}
