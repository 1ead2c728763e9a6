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

    /// The block names as scalars, to classify lines without making a string per line.
    private static let blockScalars: [[Unicode.Scalar]] = block.map { Array($0.unicodeScalars) }

    /// `isBlock` for a name given as source scalars.
    static func isBlock(_ name: ArraySlice<Unicode.Scalar>) -> Bool {
        blockScalars.contains { $0.elementsEqual(name) }
    }
}
