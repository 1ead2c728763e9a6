import Mustache
import Synchronization

/// The built-in templates with each language's fixed words bound in (`BoundTemplateLibrary`):
/// a `{{{t.…}}}` tag prints the catalogue's text without looking it up in every document.
/// Texts that use the document's values (`LocaleCatalogue.templated`) stay tags. One library
/// per language, made on first use.
final class BoundLibraries: Sendable {
    private let libraries = Mutex<[String: BoundTemplateLibrary]>([:])
    /// `textsUsed(by:in:catalogue:)`, by language and template name (bounded by them).
    private let textsUsed = Mutex<[String: [String]?]>([:])

    /// The library for the built-in catalogue `catalogue`; render it only with data that holds
    /// the catalogue's words under `t` (`LocaleCatalogue.context(for:options:)`).
    func library(_ base: TemplateLibrary, catalogue: LocaleCatalogue) -> BoundTemplateLibrary {
        if let kept = libraries.withLock({ $0[catalogue.tag] }) { return kept }
        let templated = Set(catalogue.templated.keys)
        let bound = BoundTemplateLibrary(base, binding: "t", to: catalogue.words, where: { !templated.contains($0) })
        return libraries.withLock { libraries in
            if let kept = libraries[catalogue.tag] { return kept }
            libraries[catalogue.tag] = bound
            return bound
        }
    }

    /// The catalogue's texts that use the document's values (`LocaleCatalogue.templated`) which
    /// the named template of `library` (bound to `catalogue`) may print: those a name it looks
    /// up under `t` leads to (`t.notice.x`, or a section over `t.notice` or `t`). A document
    /// needs only these filled in. Nil (all of them) when its names are not known ahead.
    func textsUsed(by name: String, in library: BoundTemplateLibrary, catalogue: LocaleCatalogue) -> [String]? {
        let key = catalogue.tag + "\n" + name
        if let kept = textsUsed.withLock({ $0[key] }) { return kept }
        var used: [String]?
        if let paths = library.namePaths(name: name) {
            let underT = paths.filter { $0.first == "t" }.map { $0.dropFirst() }
            used = catalogue.templated.keys.filter { key in
                let parts = LocaleCatalogue.path(of: key)
                return underT.contains { parts.starts(with: $0) }
            }.sorted()
        }
        textsUsed.withLock { $0[key] = used }
        return used
    }
}
