import Mustache
import Testing

/// Compiles `source` (and `partials`) and renders it; HTML escaping unless told otherwise.
func render(_ source: String, _ data: TemplateValue = [:], partials: [String: String] = [:],
            options: RenderOptions = RenderOptions()) throws(TemplateError) -> String {
    let template = try Template(source: source, name: "test.mustache")
    let library = TemplateLibrary(templates: partials)
    return try template.render(data, partials: library, options: options)
}

/// The error a closure throws, as a `TemplateError` (nil when it throws none). Closures
/// throw `any Error` unless annotated, so this casts; `typedThrows` in TemplateErrorTests
/// checks at compile time that the API throws `TemplateError` only.
func templateError(_ body: () throws -> Any) -> TemplateError? {
    do {
        _ = try body()
        return nil
    } catch let error as TemplateError {
        return error
    } catch {
        return nil
    }
}
