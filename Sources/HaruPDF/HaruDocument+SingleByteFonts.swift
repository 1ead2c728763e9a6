/// Single-byte fonts drawn in a `CompactEncoding`.
///
/// The painter gives one of libharu's single-byte encoders the compact table before any
/// font uses it, so libharu measures and marks glyphs by the right characters. Each such
/// face is embedded as a symbolic TrueType font whose program maps the codes themselves
/// (a (3,0) cmap: `TrueTypeFont.pdfSubset(symbolicCodes:)`), so its dictionary needs no
/// /Encoding (PDF 32000-1 9.6.6.4; ISO 19005-3 6.2.11.6 forbids one), and the text is read
/// through its ToUnicode map. Before saving, what libharu would write for each font
/// (/Widths for codes 32...255, an inline /Encoding with every difference from WinAnsi) is
/// replaced by /Widths for the codes drawn.
extension HaruDocument {
    /// Replaces the code table of libharu's single-byte encoder `name`.
    func defineEncoding(_ name: String, as table: CompactEncoding) throws(HaruError) {
        try internals.setCodeTable(of: name, to: table.unicodes)
    }

    /// Writes the /Widths, /FirstChar and /LastChar of single-byte `fonts` (each with the
    /// index of its table in `tables`) as dictionary entries, marks their faces symbolic, and
    /// switches off libharu's own writer for them.
    func writeSingleByteDictionaries(_ fonts: [(font: HaruFont, group: Int)],
                                     tables: [CompactEncoding]) throws(HaruError) {
        let internals = internals
        for (font, group) in fonts {
            guard tables.indices.contains(group), let widths = internals.drawnWidths(of: font) else { continue }
            let drawn = widths.indices.filter { widths[$0] != nil }
            guard let first = drawn.first, let last = drawn.last else { continue }
            let dictionary = HaruDictionary(font)
            try internals.addWidths((first...last).map { Int32(widths[$0] ?? 0) }, to: font)
            // Every code drawn has its width: no /MissingWidth is ever looked up.
            try internals.remove("MissingWidth", .number, from: dictionary)
            try internals.add(["FirstChar": .number(Int32(first)), "LastChar": .number(Int32(last))], to: dictionary)
            try internals.markSymbolic(font)
            internals.keepOwnEntries(of: font)
        }
    }
}
