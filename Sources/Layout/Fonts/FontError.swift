/// Why a font could not be read or used.
public enum FontError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The data ends inside a table or header.
    case truncated(table: String)
    /// A table the reader needs is absent.
    case missingTable(String)
    /// The font uses a feature the reader does not support (e.g. CFF outlines).
    case unsupported(String)
    /// Characters the font has no glyph for (or outside the Basic Multilingual Plane).
    case missingGlyphs(font: String, characters: [Unicode.Scalar])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "cannot read font \(path): \(reason)"
        case .truncated(let table): return "font data is truncated in table '\(table)'"
        case .missingTable(let table): return "font has no '\(table)' table"
        case .unsupported(let what): return "unsupported font: \(what)"
        case .missingGlyphs(let font, let characters):
            let list = characters.map { scalar in
                let hex = String(scalar.value, radix: 16, uppercase: true)
                return "'\(scalar)' (U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex))"
            }
            return "font \(font) has no glyph for \(list.joined(separator: ", "))"
        }
    }
}
