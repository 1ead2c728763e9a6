internal import CHaru

/// Single-byte fonts drawn in a `CompactEncoding`.
///
/// The painter gives one of libharu's single-byte encoders the compact table before any
/// font uses it, so libharu measures and marks glyphs by the right characters; before
/// saving, it replaces what libharu would write for each font (/Widths for codes 32...255,
/// an inline /Encoding with every difference from WinAnsi) with /Widths for the codes
/// drawn and one shared /Encoding object per table.
extension HaruDocument {
    /// Replaces the code table of libharu's single-byte encoder `name`.
    func defineEncoding(_ name: String, as table: CompactEncoding) throws(HaruError) {
        try internals.setCodeTable(of: name, to: table.unicodes)
    }

    /// Writes the /Widths, /FirstChar, /LastChar and /Encoding of single-byte `fonts` (each
    /// with the index of its table in `tables`) as dictionary entries, and switches off
    /// libharu's own writer for them.
    func writeSingleByteDictionaries(_ fonts: [(font: HaruFont, group: Int)],
                                     tables: [CompactEncoding]) throws(HaruError) {
        let internals = internals
        var encodings: [Int: HaruDictionary] = [:]
        for (font, group) in fonts {
            guard tables.indices.contains(group), let widths = internals.drawnWidths(of: font) else { continue }
            let drawn = widths.indices.filter { widths[$0] != nil }
            guard let first = drawn.first, let last = drawn.last else { continue }
            let dictionary = HaruDictionary(font)
            try internals.add(["Widths": .array((first...last).map { .number(Int32(widths[$0] ?? 0)) })], to: dictionary)
            // Every code drawn has its width: no /MissingWidth is ever looked up.
            try internals.remove("MissingWidth", .number, from: dictionary)
            let encoding: HaruDictionary
            if let shared = encodings[group] {
                encoding = shared
            } else {
                encoding = try encodingDictionary(tables[group])
                encodings[group] = encoding
            }
            try internals.add(["FirstChar": .number(Int32(first)), "LastChar": .number(Int32(last)),
                               "Encoding": .dictionary(encoding)], to: dictionary)
            internals.keepOwnEntries(of: font)
        }
    }

    /// An indirect /Encoding: WinAnsi plus /Differences for the codes whose character is
    /// not WinAnsi's, in runs of consecutive codes ("[65 /uni0410 /uni0411 70 /uni0416]").
    private func encodingDictionary(_ table: CompactEncoding) throws(HaruError) -> HaruDictionary {
        let dictionary = try internals.dictionary(indirect: true)
        try internals.add(["BaseEncoding": .name("WinAnsiEncoding")], to: dictionary)
        var differences: [HaruValue] = []
        var previous = -2
        for code in 0..<256 {
            let unicode = table.unicodes[code]
            guard unicode != 0, unicode != Self.winAnsi[code] else { continue }
            if code != previous + 1 { differences.append(.number(Int32(code))) }
            differences.append(.name(Self.glyphName(unicode)))
            previous = code
        }
        if !differences.isEmpty { try internals.add(["Differences": .array(differences)], to: dictionary) }
        return dictionary
    }

    /// The glyph name a viewer maps back to `unicode` (Adobe Glyph List "uniXXXX" form).
    static func glyphName(_ unicode: UInt16) -> String {
        let digits = String(unicode, radix: 16, uppercase: true)
        return "uni" + String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// The Unicode value of each WinAnsiEncoding code, from libharu itself.
    static let winAnsi: [UInt16] = {
        guard let document = try? HaruDocument(), let table = try? document.encoderTable("WinAnsiEncoding") else {
            return [UInt16](repeating: 0, count: 256)
        }
        return table
    }()
}
