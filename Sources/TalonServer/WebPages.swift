import Foundation
import Mustache
import TalonDocuments
import Warranty

/// The HTML pages: Mustache templates in `Templates/web/`, every value HTML-escaped, with
/// the page texts of each language from `strings.<locale>.json`.
struct WebPages: Sendable {
    let library: TemplateLibrary
    let strings: [DocumentLocale: TemplateValue]
    let stylesheet: [UInt8]
    /// The languages the pages are translated into, one `strings.<tag>.json` each, sorted
    /// (documents may have more).
    let languages: [DocumentLocale]

    init(folder: URL) throws(TalonError) {
        library = TemplateLibrary(directories: [folder], formatters: .standard)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        languages = files.compactMap { file -> DocumentLocale? in
            guard file.hasPrefix("strings."), file.hasSuffix(".json") else { return nil }
            return DocumentLocale(rawValue: String(file.dropFirst("strings.".count).dropLast(".json".count)))
        }.sorted { $0.rawValue < $1.rawValue }
        guard languages.contains(.en) else { throw .resources("cannot read \(folder.path)/strings.en.json") }
        var strings: [DocumentLocale: TemplateValue] = [:]
        for locale in languages {
            let file = folder.appendingPathComponent("strings.\(locale.rawValue).json")
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw .resources("cannot read \(file.path)")
            }
            do {
                strings[locale] = try TemplateValue(json: data, file: file.path)
            } catch {
                throw .template(error)
            }
        }
        self.strings = strings
        guard let css = FileManager.default.contents(atPath: folder.appendingPathComponent("style.css").path) else {
            throw .resources("cannot read \(folder.path)/style.css")
        }
        stylesheet = Array(css)
    }

    /// A page's text in a language (the key itself when a translation is missing).
    func text(_ key: String, _ locale: DocumentLocale) -> String {
        strings[locale]?[key]?.text ?? key
    }

    /// Renders `name` with `data`, adding the language, its texts and the language switch
    /// (a link to the same `path` in the next language, named by its own `language_name`).
    func page(_ name: String, _ data: [String: TemplateValue], locale: DocumentLocale, path: String,
              status: Int = 200) -> HTTPResponse {
        var data = data
        let other = languages.firstIndex(of: locale).map { languages[($0 + 1) % languages.count] } ?? .en
        data["lang"] = .string(locale.rawValue)
        data["t"] = strings[locale] ?? .map([:])
        data["switch"] = .map([
            "code": .string(other.rawValue), "label": .string(text("language_name", other)),
            "href": .string("\(path)?lang=\(other.rawValue)"),
        ])
        do {
            let html = try library.render(name: name, data: .map(data), options: RenderOptions(escaper: .html))
            return .html(html, status: status)
        } catch {
            return .text("500 page template \(name) failed\n", status: 500)
        }
    }

    /// A page with a heading and a sentence (errors, limits).
    func message(_ heading: String, _ text: String, locale: DocumentLocale, status: Int, back: String? = nil) -> HTTPResponse {
        var data: [String: TemplateValue] = [
            "heading": .string(self.text(heading, locale)), "text": .string(self.text(text, locale)),
        ]
        if let back { data["back"] = .string(back) }
        return page("message", data, locale: locale, path: "/", status: status)
    }
}

extension WebPages {
    /// The page language of `request`: `?lang=` first, then the best of the pages'
    /// languages in Accept-Language, else English.
    func locale(of request: HTTPRequest) -> DocumentLocale {
        if let asked = request.query["lang"].flatMap(DocumentLocale.init(rawValue:)), languages.contains(asked) { return asked }
        var best: (locale: DocumentLocale, quality: Double)?
        for item in (request.header("accept-language") ?? "").split(separator: ",") {
            let parts = item.split(separator: ";")
            let tag = parts.first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            let language = tag.split(separator: "-").first.map(String.init) ?? tag
            guard let locale = DocumentLocale(rawValue: language), languages.contains(locale) else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=")
                if pair.count == 2, pair[0] == "q", let value = Double(pair[1]) { quality = value }
            }
            if best == nil || quality > best?.quality ?? 0 { best = (locale, quality) }
        }
        return best?.locale ?? .en
    }
}
