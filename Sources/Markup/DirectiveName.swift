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

    /// The block names as UTF-8, to classify lines without making a string per line.
    private static let blockBytes: [[UInt8]] = block.map { Array($0.utf8) }

    /// `isBlock` for a name given as source bytes.
    static func isBlock(_ name: ArraySlice<UInt8>) -> Bool {
        blockBytes.contains { $0.elementsEqual(name) }
    }
}
