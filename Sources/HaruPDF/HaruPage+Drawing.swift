internal import CHaru
import Layout

/// Drawing on a page; each call is checked and throws `HaruError` on failure.
extension HaruPage {
    func setFillColor(_ color: RGBColor) throws(HaruError) {
        try document.check(HPDF_Page_SetRGBFill(handle, Float(color.red), Float(color.green), Float(color.blue)),
                           "HPDF_Page_SetRGBFill")
    }

    func setStrokeColor(_ color: RGBColor) throws(HaruError) {
        try document.check(HPDF_Page_SetRGBStroke(handle, Float(color.red), Float(color.green), Float(color.blue)),
                           "HPDF_Page_SetRGBStroke")
    }

    func setLineWidth(_ width: Double) throws(HaruError) {
        try document.check(HPDF_Page_SetLineWidth(handle, Float(width)), "HPDF_Page_SetLineWidth")
    }

    /// Sets the dash pattern in whole points (libharu takes integers); empty means solid.
    func setDash(_ pattern: [Double]) throws(HaruError) {
        let units: [UInt16] = pattern.map { value in
            guard value.isFinite else { return 1 }
            return UInt16(min(max(value.rounded(), 1), Double(UInt16.max)))
        }
        let status = units.withUnsafeBufferPointer { buffer in
            HPDF_Page_SetDash(handle, units.isEmpty ? nil : buffer.baseAddress, UInt32(units.count), 0)
        }
        try document.check(status, "HPDF_Page_SetDash")
    }

    func beginText() throws(HaruError) { try document.check(HPDF_Page_BeginText(handle), "HPDF_Page_BeginText") }

    func endText() throws(HaruError) { try document.check(HPDF_Page_EndText(handle), "HPDF_Page_EndText") }

    func setFont(_ font: HaruFont, size: Double) throws(HaruError) {
        try document.check(HPDF_Page_SetFontAndSize(handle, font.handle, Float(size)), "HPDF_Page_SetFontAndSize")
    }

    func drawImage(_ image: HaruImage, x: Double, y: Double, width: Double, height: Double) throws(HaruError) {
        try document.check(HPDF_Page_DrawImage(handle, image.handle, Float(x), Float(y), Float(width), Float(height)),
                           "HPDF_Page_DrawImage")
    }
}
