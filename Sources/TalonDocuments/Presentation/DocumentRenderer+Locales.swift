import Warranty

/// A language is data: known when the templates have its catalogue; the only code it may
/// add is its amount in words, which only the invoice needs.
extension DocumentRenderer {
    /// The languages the templates have (`<templates>/locales/<tag>.json`), sorted.
    public var locales: [DocumentLocale] { catalogues.known }

    /// The languages of the templates `ResourceLocator.discover` finds (`--templates`
    /// given or not); empty when it finds none.
    public static func locales(templates: String?) -> [DocumentLocale] {
        guard let resources = try? ResourceLocator.discover(templates: templates) else { return [] }
        return LocaleCatalogues.tags(in: resources.templates)
    }

    /// `en, pl, uk`.
    public var localeList: String { locales.map(\.rawValue).joined(separator: ", ") }

    /// Refuses a language without a catalogue — located at `$.locale` when the data named it
    /// — and an invoice in a language without an amount in words.
    func check(_ locale: DocumentLocale, for request: RenderRequest) throws(TalonError) {
        guard locales.contains(locale) else {
            let reason = "must be one of: \(localeList) (the languages with a catalogue in \(catalogues.templates.path)/locales)"
            guard request.locale == nil else { throw .unsupported("no catalogue for --locale '\(locale)'; \(reason)") }
            throw .validation(ValidationError(problems: [ValidationProblem(path: "$.locale", reason: reason)]))
        }
        let kind: DocumentKind? = switch request.template {
        case .builtIn(let kind): kind
        case .file: request.kind
        }
        if kind == .invoice, !request.blank, AmountInWords.implementations[locale.rawValue] == nil {
            throw .unsupported("the invoice prints its amount in words, and language '\(locale)' has none: "
                               + "add it to AmountInWords.implementations (Sources/Warranty/Money/AmountInWords.swift)")
        }
    }
}
