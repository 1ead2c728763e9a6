import Foundation
import Mustache
import Warranty

/// `talon check` for the locale catalogues: every key the templates (and the presenter) use is in every
/// catalogue, every catalogue has the same keys, no key is left unused, and every plural
/// has the forms its language needs.
extension DocumentRenderer {
    /// Checks the built-in templates against every catalogue in `<templates>/locales/`.
    public func checkCatalogues() -> [TalonError] {
        let files = Self.templateFiles(in: resources.templates, skipping: ["web", "locales", "calendars"])
        return checkCatalogues(templateFiles: files, extra: nil, reportUnused: true)
    }

    /// Checks a template file: every key it (and the templates beside it) use is in every
    /// language's catalogue, extended by its own `locales/<tag>.json` where there is one.
    func checkCatalogues(forTemplate url: URL) -> [TalonError] {
        let folder = url.deletingLastPathComponent()
        let files = Self.templateFiles(in: folder, skipping: ["locales"])
        return checkCatalogues(templateFiles: files, extra: folder, reportUnused: false)
    }

    private func checkCatalogues(templateFiles: [URL], extra: URL?, reportUnused: Bool) -> [TalonError] {
        var errors: [TalonError] = []
        var catalogues: [LocaleCatalogue] = []
        for locale in locales {
            do throws(TalonError) {
                if let extra {
                    catalogues.append(try self.catalogues.forTemplate(in: extra, locale: locale))
                } else {
                    catalogues.append(try self.catalogues.builtIn(locale))
                }
            } catch {
                errors.append(error)
            }
        }
        // Key → first place it is used, and whether as a plural.
        var uses: [String: (place: String, plural: Bool)] = [:]
        for file in templateFiles {
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for (key, plural) in Self.keys(in: String(line)) where uses[key] == nil {
                    uses[key] = ("\(file.path):\(index + 1)", plural)
                }
            }
        }
        // The words the presenter writes itself are used like the templates' own.
        for (key, purpose) in PresentationOptions.presenterKeys where uses[key] == nil {
            uses[key] = ("talon (\(purpose))", false)
        }
        for (key, purpose) in PresentationOptions.presenterPlurals where uses[key] == nil {
            uses[key] = ("talon (\(purpose))", true)
        }
        let allOrigins = catalogues.map(\.origins)
        for (catalogue, origins) in zip(catalogues, allOrigins) {
            let name = catalogue.files.last ?? catalogue.tag
            for (key, use) in uses.sorted(by: { $0.key < $1.key }) {
                if use.plural ? catalogue.plurals[key] == nil : catalogue.texts[key] == nil {
                    let what = catalogue.texts[key] != nil || catalogue.plurals[key] != nil
                        ? "is a \(use.plural ? "text" : "plural") in \(name), used as a \(use.plural ? "plural" : "text")"
                        : "is missing in \(name)"
                    errors.append(.input(path: use.place, reason: "key \"\(key)\" \(what)"))
                }
            }
            for (other, otherOrigins) in zip(catalogues, allOrigins) where other.tag != catalogue.tag {
                for key in Set(other.texts.keys).union(other.plurals.keys).sorted()
                where catalogue.texts[key] == nil && catalogue.plurals[key] == nil {
                    let origin = otherOrigins[key].map { "\($0.file):\($0.line)" } ?? other.tag
                    errors.append(.input(path: origin, reason: "key \"\(key)\" is missing in \(name)"))
                }
            }
            for (key, forms) in catalogue.plurals.sorted(by: { $0.key < $1.key }) {
                let lacking = catalogue.locale.pluralRule.categories.filter { forms[$0] == nil }
                if !lacking.isEmpty {
                    let origin = origins[key].map { "\($0.file):\($0.line)" } ?? name
                    errors.append(.input(path: origin, reason: "plural \"\(key)\" lacks \(lacking.joined(separator: ", ")) "
                                         + "(\(catalogue.tag) needs \(catalogue.locale.pluralRule.categories.joined(separator: ", ")))"))
                }
            }
            if reportUnused {
                for key in Set(catalogue.texts.keys).union(catalogue.plurals.keys).sorted() where uses[key] == nil {
                    let origin = origins[key].map { "\($0.file):\($0.line)" } ?? name
                    errors.append(.input(path: origin, reason: "key \"\(key)\" is not used by any template"))
                }
            }
        }
        // A key missing in one catalogue is reported once per catalogue that has it: keep one.
        var seen = Set<String>()
        return errors.filter { seen.insert($0.description).inserted }
    }

    /// `t.some.key` in a tag and `plural: "key"`, with whether the key is a plural.
    static func keys(in line: String) -> [(String, Bool)] {
        var found: [(String, Bool)] = []
        var rest = line[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: "{}#^/&! "))
            if tag.hasPrefix("t.") {
                let key = tag.dropFirst(2).prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }
                found.append((String(key), false))
            }
            if let plural = tag.range(of: "plural:") {
                let argument = tag[plural.upperBound...].drop { $0 == " " }
                if argument.first == "\"" {
                    found.append((String(argument.dropFirst().prefix { $0 != "\"" }), true))
                }
            }
            rest = rest[close.upperBound...]
        }
        return found
    }

    static func templateFiles(in folder: URL, skipping: Set<String>) -> [URL] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [URL] = []
        while let relative = walker.nextObject() as? String {
            if let top = relative.split(separator: "/").first, skipping.contains(String(top)) { continue }
            if relative.hasSuffix(".mustache") { files.append(folder.appendingPathComponent(relative)) }
        }
        return files.sorted { $0.path < $1.path }
    }
}
