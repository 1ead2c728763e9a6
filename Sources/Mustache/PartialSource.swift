/// Where partials and parents (`{{>name}}`, `{{<name}}`) come from when rendering.
public protocol PartialSource: Sendable {
    /// The compiled template with that name, or nil when there is none.
    /// Throws `TemplateError` when the name is not allowed (kind `.partialOutsideDirectories`)
    /// or the template cannot be read or compiled.
    func partial(named name: String) throws(TemplateError) -> Template?
}
