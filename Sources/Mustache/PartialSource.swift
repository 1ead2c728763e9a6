/// Where partials and parents (`{{>name}}`, `{{<name}}`) come from when rendering.
public protocol PartialSource: Sendable {
    /// The compiled template with that name, or nil when there is none.
    /// Throws `TemplateError` when the name is not allowed (kind `.partialOutsideDirectories`)
    /// or the template cannot be read or compiled.
    func partial(named name: String) throws(TemplateError) -> Template?
}

/// Partials held in memory, by name (for tests and for callers that build templates in code).
public struct PartialTemplates: PartialSource {
    public let templates: [String: Template]

    public init(_ templates: [String: Template]) {
        self.templates = templates
    }

    /// Compiles every source; the name of each is also its file name in error locations.
    public init(sources: [String: String], formatters: FormatterSet = .standard) throws(TemplateError) {
        var templates: [String: Template] = [:]
        for (name, source) in sources {
            templates[name] = try Template(source: source, name: name, formatters: formatters)
        }
        self.templates = templates
    }

    public func partial(named name: String) throws(TemplateError) -> Template? { templates[name] }
}
