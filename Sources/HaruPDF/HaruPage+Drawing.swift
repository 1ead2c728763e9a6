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

    func rectangle(x: Double, y: Double, width: Double, height: Double) throws(HaruError) {
        try document.check(HPDF_Page_Rectangle(handle, Float(x), Float(y), Float(width), Float(height)),
                           "HPDF_Page_Rectangle")
    }

    func fill() throws(HaruError) { try document.check(HPDF_Page_Fill(handle), "HPDF_Page_Fill") }

    func stroke() throws(HaruError) { try document.check(HPDF_Page_Stroke(handle), "HPDF_Page_Stroke") }

    func moveTo(x: Double, y: Double) throws(HaruError) {
        try document.check(HPDF_Page_MoveTo(handle, Float(x), Float(y)), "HPDF_Page_MoveTo")
    }

    func lineTo(x: Double, y: Double) throws(HaruError) {
        try document.check(HPDF_Page_LineTo(handle, Float(x), Float(y)), "HPDF_Page_LineTo")
    }

    func circle(x: Double, y: Double, radius: Double) throws(HaruError) {
        try document.check(HPDF_Page_Circle(handle, Float(x), Float(y), Float(radius)), "HPDF_Page_Circle")
    }

    func beginText() throws(HaruError) { try document.check(HPDF_Page_BeginText(handle), "HPDF_Page_BeginText") }

    func endText() throws(HaruError) { try document.check(HPDF_Page_EndText(handle), "HPDF_Page_EndText") }

    func setFont(_ font: HaruFont, size: Double) throws(HaruError) {
        try document.check(HPDF_Page_SetFontAndSize(handle, font.handle, Float(size)), "HPDF_Page_SetFontAndSize")
    }

    /// Shows already encoded text (single-byte codes or UTF-8, without NUL) at (x, y).
    func showText(_ encoded: [UInt8], x: Double, y: Double) throws(HaruError) {
        var terminated = encoded
        terminated.append(0)
        let status = terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { HPDF_Page_TextOut(handle, Float(x), Float(y), $0.baseAddress) }
        }
        try document.check(status, "HPDF_Page_TextOut")
    }

    func drawImage(_ image: HaruImage, x: Double, y: Double, width: Double, height: Double) throws(HaruError) {
        try document.check(HPDF_Page_DrawImage(handle, image.handle, Float(x), Float(y), Float(width), Float(height)),
                           "HPDF_Page_DrawImage")
    }
}
