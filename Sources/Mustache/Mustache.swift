// Mustache: Talon's template engine. It knows nothing about warranties.
//
// Pipeline (one file each): `TemplateScanner` (bytes -> tokens, follows set-delimiter tags,
// records positions) -> `TemplateParser+Lines` (standalone lines, indentation) ->
// `TemplateParser` (+Tags: names, formatter calls) -> `TemplateNode` tree ->
// `Template+Render` (`Renderer`: context stack, partial indentation, block arguments).
//
// Conventions chosen here (the specification leaves them open):
// - Falsey values: null, false, "", 0 and []; an empty map is truthy.
// - Interpolating a list prints its items joined by ", "; a map prints nothing.
// - `{{.name}}` looks only in the current context (spec 1.4 "leading dot").
// - Dynamic names (optional module): `{{>*path}}` / `{{<*path}}…{{/*path}}` take the
//   partial name from the data; a missing name is an error like a missing partial.
// - A missing partial or parent is an error (`RenderOptions.allowsMissingPartials` restores
//   the specification's "render nothing").
// - Strict mode reports missing values of `{{value}}` tags (not of sections, which are
//   conditions), except when a formatter such as `default` handles missing values.
// - Block indentation (inheritance): a standalone `{{$block}}` takes the indentation of the
//   line after it; an argument's own indentation is removed where it is written, and the
//   block's indentation is added where it is expanded. `{{$b}}{{/b}}` with nothing else
//   on a line prints like a value, so that line is kept.
// - Formatters: `{{ value | name: "arg", 2 | other }}`; arguments are quoted strings
//   (escapes \" \\ \n \t) or numbers. Built-ins are documented in `StandardFormatters`:
//   date (en "February 29, 2024", uk "29.02.2024", patterns d dd M MM MMM MMMM yy yyyy),
//   money (uk "1 234,56 грн", en "UAH 1,234.56", "€1,234.56"; U+00A0 as the space),
//   number, upper, lower, default.
// - Limits, so hostile templates cannot crash or hang: sections nest at most 100 deep,
//   partials 200 deep and 1,000,000 partial expansions per render, JSON 256 deep.
