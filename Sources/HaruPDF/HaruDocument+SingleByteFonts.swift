internal import CHaru

/// Single-byte fonts drawn in a `CompactEncoding`.
///
/// The painter gives one of libharu's single-byte encoders the compact table before any
/// font uses it, so libharu measures and marks glyphs by the right characters; before
/// saving, it replaces what libharu would write for each font (/Widths for codes 32...255,
/// an inline /Encoding with every difference from WinAnsi) with /Widths for the codes
/// drawn and one shared /Encoding object per table. Uses libharu 2.3.0's internal records.
extension HaruDocument {
    /// Replaces the code table of libharu's single-byte encoder `name`.
    func defineEncoding(_ name: String, as table: CompactEncoding) throws(HaruError) {
        let encoder = try require(HPDF_GetEncoder(handle, name), "HPDF_GetEncoder")
        guard encoder.pointee.type == HPDF_ENCODER_TYPE_SINGLE_BYTE,
              let basic = encoder.pointee.attr?.assumingMemoryBound(to: HPDF_BasicEncoderAttr_Rec.self) else {
            throw .library(call: "HPDF_GetEncoder", code: UInt(HPDF_INVALID_ENCODER_TYPE), detail: 0)
        }
        withUnsafeMutableBytes(of: &basic.pointee.unicode_map) { raw in
            let map = raw.bindMemory(to: UInt16.self)
            for code in 0..<min(256, map.count) { map[code] = table.unicodes[code] }
        }
    }

    /// Writes the /Widths, /FirstChar, /LastChar and /Encoding of single-byte `fonts` (each
    /// with the index of its table in `tables`) as dictionary entries, and switches off
    /// libharu's own writer for them.
    func writeSingleByteDictionaries(_ fonts: [(font: HaruFont, group: Int)],
                                     tables: [CompactEncoding]) throws(HaruError) {
        let mmgr = handle.pointee.mmgr, xref = handle.pointee.xref
        var encodings: [Int: HPDF_Dict] = [:]
        for (font, group) in fonts {
            guard tables.indices.contains(group),
                  let attr = font.handle.pointee.attr?.assumingMemoryBound(to: HPDF_FontAttr_Rec.self),
                  attr.pointee.type == HPDF_FONT_TRUETYPE, let used = attr.pointee.used,
                  let widths = attr.pointee.widths else { continue }
            let drawn = (0..<256).filter { used[$0] != 0 }
            guard let first = drawn.first, let last = drawn.last else { continue }
            let array = try require(HPDF_Array_New(mmgr), "HPDF_Array_New")
            try check(HPDF_Dict_Add(font.handle, "Widths", UnsafeMutableRawPointer(array)), "HPDF_Dict_Add")
            for code in first...last {
                try check(HPDF_Array_AddNumber(array, used[code] != 0 ? Int32(widths[code]) : 0), "HPDF_Array_AddNumber")
            }
            // Every code drawn has its width: no /MissingWidth is ever looked up.
            if HPDF_Dict_GetItem(font.handle, "MissingWidth", UInt16(HPDF_OCLASS_NUMBER)) != nil {
                try check(HPDF_Dict_RemoveElement(font.handle, "MissingWidth"), "HPDF_Dict_RemoveElement")
            }
            try check(HPDF_Dict_AddNumber(font.handle, "FirstChar", Int32(first)), "HPDF_Dict_AddNumber")
            try check(HPDF_Dict_AddNumber(font.handle, "LastChar", Int32(last)), "HPDF_Dict_AddNumber")
            let encoding: HPDF_Dict
            if let shared = encodings[group] {
                encoding = shared
            } else {
                encoding = try encodingDictionary(tables[group], mmgr: mmgr, xref: xref)
                encodings[group] = encoding
            }
            try check(HPDF_Dict_Add(font.handle, "Encoding", UnsafeMutableRawPointer(encoding)), "HPDF_Dict_Add")
            font.handle.pointee.write_fn = nil
        }
    }

    /// An indirect /Encoding: WinAnsi plus /Differences for the codes whose character is
    /// not WinAnsi's, in runs of consecutive codes ("[65 /uni0410 /uni0411 70 /uni0416]").
    private func encodingDictionary(_ table: CompactEncoding, mmgr: HPDF_MMgr?, xref: HPDF_Xref?)
        throws(HaruError) -> HPDF_Dict {
        let dictionary = try require(HPDF_Dict_New(mmgr), "HPDF_Dict_New")
        try check(HPDF_Xref_Add(xref, UnsafeMutableRawPointer(dictionary)), "HPDF_Xref_Add")
        try check(HPDF_Dict_AddName(dictionary, "BaseEncoding", "WinAnsiEncoding"), "HPDF_Dict_AddName")
        let differences = try require(HPDF_Array_New(mmgr), "HPDF_Array_New")
        var previous = -2
        for code in 0..<256 {
            let unicode = table.unicodes[code]
            guard unicode != 0, unicode != Self.winAnsi[code] else { continue }
            if code != previous + 1 {
                try check(HPDF_Array_AddNumber(differences, Int32(code)), "HPDF_Array_AddNumber")
            }
            try check(HPDF_Array_AddName(differences, Self.glyphName(unicode)), "HPDF_Array_AddName")
            previous = code
        }
        if previous >= 0 {
            try check(HPDF_Dict_Add(dictionary, "Differences", UnsafeMutableRawPointer(differences)), "HPDF_Dict_Add")
        } else {
            HPDF_Array_Free(differences)
        }
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
