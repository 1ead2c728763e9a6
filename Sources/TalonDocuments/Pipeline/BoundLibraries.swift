import Mustache
import Synchronization

/// The built-in templates with each language's fixed words bound in (`BoundTemplateLibrary`):
/// a `{{{t.…}}}` tag prints the catalogue's text without looking it up in every document.
/// Texts that use the document's values (`LocaleCatalogue.templated`) stay tags. One library
/// per language, made on first use.
final class BoundLibraries: Sendable {
    private let libraries = Mutex<[String: BoundTemplateLibrary]>([:])

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
}
