internal import CHaru

/// Pages: the content stream, text position and graphics state of libharu 2.3.0's page
/// record (`HPDF_PageAttr_Rec`, `HPDF_GState_Rec`), and the page's resource dictionary.
extension HaruInternals {
    /// Appends `bytes` to the content stream of `page` as they are: HaruPDF's own operators
    /// (see `HaruPage+Content.swift`), which libharu's public calls would format less exactly.
    func write(_ bytes: [UInt8], toContentsOf page: HaruPage) throws(HaruError) {
        guard let stream = Self.attributes(of: page)?.pointee.stream else {
            throw .library(call: "HPDF_Page (content stream)", code: UInt(HPDF_INVALID_PAGE), detail: 0)
        }
        let status = bytes.withUnsafeBufferPointer { append($0, to: stream) }
        try document.check(status, "HPDF_Stream_Write")
    }

    /// Records a text position written by `write` as libharu's `HPDF_Page_MoveTextPos` would,
    /// so libharu's own text calls (`HPDF_Page_ShowText`) keep working.
    func setTextPosition(of page: HaruPage, x: Float, y: Float) {
        guard let attributes = Self.attributes(of: page) else { return }
        attributes.pointee.text_matrix.x = x
        attributes.pointee.text_matrix.y = y
        attributes.pointee.text_pos = HPDF_Point(x: x, y: y)
    }

    /// Makes libharu's graphics state of `page` hold `font` at `size`, as the content
    /// stream's does after a "Q" that libharu did not write.
    func setFont(of page: HaruPage, to font: HaruFont, size: Double) {
        guard let state = Self.attributes(of: page)?.pointee.gstate else { return }
        state.pointee.font = font.handle
        state.pointee.font_size = Float(size)
    }

    /// The page's name for `font` in its resources ("F1"), registering it there first as
    /// `HPDF_Page_SetFontAndSize` does; nil unless the name is plain letters and digits.
    func localFontName(of font: HaruFont, on page: HaruPage) -> [UInt8]? {
        guard let name = HPDF_Page_GetLocalFontName(page.handle, font.handle) else { return nil }
        let bytes = Array(String(cString: name).utf8)
        let plain = !bytes.isEmpty && bytes.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }
        return plain ? bytes : nil
    }

    /// Records `font` at `size` as the current font in libharu's graphics state, as
    /// `HPDF_Page_SetFontAndSize` does after writing "Tf".
    func setCurrentFont(of page: HaruPage, to font: HaruFont, size: Float) {
        guard let state = Self.attributes(of: page)?.pointee.gstate else { return }
        state.pointee.font = font.handle
        state.pointee.font_size = size
        if let attributes = font.handle.pointee.attr?.assumingMemoryBound(to: HPDF_FontAttr_Rec.self) {
            state.pointee.writing_mode = attributes.pointee.writing_mode
        }
    }

    /// Records a text object begun ("BT", `inText`) or ended ("ET") by HaruPDF's own
    /// operator, as `HPDF_Page_BeginText` and `HPDF_Page_EndText` do.
    func setTextObject(of page: HaruPage, inText: Bool) {
        guard let attributes = Self.attributes(of: page) else { return }
        attributes.pointee.text_pos = HPDF_Point(x: 0, y: 0)
        if inText {
            attributes.pointee.text_matrix = HPDF_TransMatrix(a: 1, b: 0, c: 0, d: 1, x: 0, y: 0)
            attributes.pointee.gmode = UInt16(HPDF_GMODE_TEXT_OBJECT)
        } else {
            attributes.pointee.gmode = UInt16(HPDF_GMODE_PAGE_DESCRIPTION)
        }
    }

    /// Measures single-byte `codes` shown in the current font as `HPDF_Page_ShowText` does
    /// (its `HPDF_Page_TextWidth`): each code not drawn before is marked drawn with its width
    /// from the font definition, which the font's /Widths then list. Returns the advance in
    /// points, or nil when libharu's own call must draw the text (no single-byte TrueType
    /// font, vertical writing, more codes than a libharu string holds, a NUL: the codes
    /// before a NUL are then marked, as libharu's call marks them too).
    func measure(_ codes: UnsafeBufferPointer<UInt8>, on page: HaruPage) -> Float? {
        guard codes.count <= Int(HPDF_LIMIT_MAX_STRING_LEN), let state = Self.attributes(of: page)?.pointee.gstate,
              let font = state.pointee.font, state.pointee.writing_mode == HPDF_WMODE_HORIZONTAL,
              let attributes = font.pointee.attr?.assumingMemoryBound(to: HPDF_FontAttr_Rec.self),
              attributes.pointee.type == HPDF_FONT_TRUETYPE, let used = attributes.pointee.used,
              let widths = attributes.pointee.widths else { return nil }
        var width: UInt32 = 0, spaces: UInt32 = 0
        for code in codes {
            // A NUL ends libharu's string: its own call must draw such text.
            guard code != 0 else { return nil }
            if used[Int(code)] == 0 {
                let unicode = HPDF_Encoder_ToUnicode(attributes.pointee.encoder, UInt16(code))
                used[Int(code)] = 1
                widths[Int(code)] = HPDF_TTFontDef_GetCharWidth(attributes.pointee.fontdef, unicode)
            }
            // libharu adds the signed width to an unsigned total.
            width &+= UInt32(bitPattern: Int32(widths[Int(code)]))
            // libharu's HPDF_IS_WHITE_SPACE (NUL excluded above): 0x09, 0x0A, 0x0C, 0x0D, 0x20.
            if code <= 0x20 { spaces &+= UInt32(truncatingIfNeeded: Self.whiteSpace >> UInt64(code) & 1) }
        }
        var advance: Float = 0
        advance += state.pointee.word_space * Float(spaces)
        advance += Float(width) * state.pointee.font_size / 1000
        advance += state.pointee.char_space * Float(UInt32(codes.count))
        return advance
    }

    /// The codes libharu counts as white space below 0x40, as bits.
    private static let whiteSpace: UInt64 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0C | 1 << 0x0D | 1 << 0x20

    /// Moves libharu's record of the text position past text of `advance` points shown by
    /// HaruPDF, as `HPDF_Page_ShowText` does.
    func advanceText(of page: HaruPage, by advance: Float) {
        guard let attributes = Self.attributes(of: page) else { return }
        attributes.pointee.text_pos.x += advance * attributes.pointee.text_matrix.a
        attributes.pointee.text_pos.y += advance * attributes.pointee.text_matrix.b
    }

    /// Appends `value` as libharu's operators write a real (`HPDF_FToA`: up to five
    /// decimals of a 32-bit float, no trailing zeros).
    static func appendReal(_ value: Float, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: Int(HPDF_REAL_LEN) + 1) { buffer in
            guard let start = buffer.baseAddress else { return }
            let end = HPDF_FToA(start, value, start + Int(HPDF_REAL_LEN))
            guard let end, end >= start else { return }
            for index in 0..<(end - start) { bytes.append(UInt8(bitPattern: start[index])) }
        }
    }

    /// Removes /ProcSet from the resources of `page`.
    func removeProcSet(of page: HaruPage) throws(HaruError) {
        guard let resources = HPDF_Page_GetInheritableItem(page.handle, "Resources", UInt16(HPDF_OCLASS_DICT)) else { return }
        try remove("ProcSet", .array, from: HaruDictionary(resources.assumingMemoryBound(to: HPDF_Dict_Rec.self)))
    }

    private static func attributes(of page: HaruPage) -> UnsafeMutablePointer<HPDF_PageAttr_Rec>? {
        page.handle.pointee.attr?.assumingMemoryBound(to: HPDF_PageAttr_Rec.self)
    }
}
