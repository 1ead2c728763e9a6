import Foundation
import Mustache
import Warranty

/// The locale catalogues, read on first use and kept for the renderer's lifetime: the
/// built-in one of each language (`<templates>/locales/<tag>.json`) and, for a template
/// file, the built-in one extended by `locales/<tag>.json` beside the file when there is one.
///
/// `@unchecked Sendable`: `cache` is only read or written while `lock` is held.
final class LocaleCatalogues: @unchecked Sendable {
    let templates: URL
    private let lock = NSLock()
    private var cache: [String: LocaleCatalogue] = [:]
    private var knownTags: [DocumentLocale]?

    init(templates: URL) {
        self.templates = templates
    }

    /// The built-in catalogue of the language.
    func builtIn(_ locale: DocumentLocale) throws(TalonError) -> LocaleCatalogue {
        try cached(key: locale.rawValue) { () throws(TalonError) in
            let file = Self.file(in: templates, tag: locale.rawValue)
            guard FileManager.default.fileExists(atPath: file.path) else {
                // A template set from before catalogues (one folder per language) is refused
                // here rather than printed with words missing.
                throw .resources("no locale catalogue \(file.path) for \(locale.rawValue); a template set needs "
                                 + "locales/<tag>.json beside its templates (see Templates/README.md)")
            }
            return try LocaleCatalogue(file: file, tag: locale.rawValue)
        }
    }

    /// The languages the templates have: the tags of `<templates>/locales/*.json`, sorted.
    var known: [DocumentLocale] {
        lock.lock()
        defer { lock.unlock() }
        if let knownTags { return knownTags }
        let tags = Self.tags(in: templates)
        knownTags = tags
        return tags
    }

    static func tags(in templates: URL) -> [DocumentLocale] {
        let folder = templates.appendingPathComponent("locales", isDirectory: true)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }
            .compactMap { DocumentLocale(rawValue: String($0.dropLast(".json".count))) }
            .sorted { $0.rawValue < $1.rawValue }
    }

    /// The catalogue a template file in `folder` uses.
    func forTemplate(in folder: URL, locale: DocumentLocale) throws(TalonError) -> LocaleCatalogue {
        let base = try builtIn(locale)
        let file = Self.file(in: folder, tag: locale.rawValue)
        guard folder.standardizedFileURL != templates.standardizedFileURL,
              FileManager.default.fileExists(atPath: file.path) else { return base }
        return try cached(key: file.path) { () throws(TalonError) in
            try LocaleCatalogue(file: file, tag: locale.rawValue, over: base)
        }
    }

    static func file(in folder: URL, tag: String) -> URL {
        folder.appendingPathComponent("locales", isDirectory: true).appendingPathComponent("\(tag).json")
    }

    private func cached(key: String, _ load: () throws(TalonError) -> LocaleCatalogue) throws(TalonError) -> LocaleCatalogue {
        lock.lock()
        let found = cache[key]
        lock.unlock()
        if let found { return found }
        let catalogue = try load()
        lock.lock()
        cache[key] = catalogue
        lock.unlock()
        return catalogue
    }
}
