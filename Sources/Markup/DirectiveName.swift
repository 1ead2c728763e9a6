/// The names after `@` that the markup knows.
enum DirectiveName {
    /// Directives that stand on their own line and make blocks (or open and close them).
    static let block: [String] = [
        "cutline", "field", "checkbox", "signature", "stamp", "image", "barcode", "pagebreak",
        "space", "keep", "end", "columns", "column", "table", "align",
    ]
    /// Directives that appear inside text.
    static let inline: [String] = ["br", "page", "pages", "span"]

    static let all: [String] = block + inline

    static func isBlock(_ name: String) -> Bool { block.contains(name) }
}
