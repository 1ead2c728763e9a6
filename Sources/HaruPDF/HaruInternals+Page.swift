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
        let status = bytes.withUnsafeBufferPointer { HPDF_Stream_Write(stream, $0.baseAddress, UInt32($0.count)) }
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

    /// Removes /ProcSet from the resources of `page`.
    func removeProcSet(of page: HaruPage) throws(HaruError) {
        guard let resources = HPDF_Page_GetInheritableItem(page.handle, "Resources", UInt16(HPDF_OCLASS_DICT)) else { return }
        try remove("ProcSet", .array, from: HaruDictionary(resources.assumingMemoryBound(to: HPDF_Dict_Rec.self)))
    }

    private static func attributes(of page: HaruPage) -> UnsafeMutablePointer<HPDF_PageAttr_Rec>? {
        page.handle.pointee.attr?.assumingMemoryBound(to: HPDF_PageAttr_Rec.self)
    }
}
