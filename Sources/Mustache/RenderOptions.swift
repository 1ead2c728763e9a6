/// How a template renders: escaping, locale, strictness about missing values and partials.
public struct RenderOptions: Sendable {
    /// How `{{name}}` escapes values.
    public var escaper: Escaper
    /// The locale formatters use.
    public var locale: TemplateLocale
    /// When true, every missing value in an interpolation is collected and rendering throws
    /// one `TemplateError` (kind `.missingValues`) listing them all with their locations.
    /// Sections and inverted sections on missing names stay quiet (they are conditions).
    public var strict: Bool
    /// When true, a partial that cannot be found renders as nothing, as the Mustache
    /// specification suggests. Off by default: a missing partial is an error.
    public var allowsMissingPartials: Bool

    public init(escaper: Escaper = .html, locale: TemplateLocale = .en, strict: Bool = false,
                allowsMissingPartials: Bool = false) {
        self.escaper = escaper
        self.locale = locale
        self.strict = strict
        self.allowsMissingPartials = allowsMissingPartials
    }
}
