internal import CHaru
import Layout

/// Drawing state operators. Each writes into the page's content bytes (`content`) exactly
/// what libharu's call would write (its numbers through `HaruInternals.appendReal`) and
/// keeps libharu's page record as the call would; values libharu refuses go through the
/// call itself, after `content` is written, so it reports them. Each throws `HaruError`.
extension HaruPage {
    /// Writes `content` into the content stream and empties it, before a libharu call that
    /// writes there too.
    func flush(_ content: inout [UInt8]) throws(HaruError) {
        guard !content.isEmpty else { return }
        try write(content)
        content.removeAll(keepingCapacity: true)
    }

    func setFillColor(_ color: RGBColor, content: inout [UInt8]) throws(HaruError) {
        guard !Self.appendColor(color, "rg", to: &content) else { return }
        try flush(&content)
        try document.check(HPDF_Page_SetRGBFill(handle, Float(color.red), Float(color.green), Float(color.blue)),
                           "HPDF_Page_SetRGBFill")
    }

    func setStrokeColor(_ color: RGBColor, content: inout [UInt8]) throws(HaruError) {
        guard !Self.appendColor(color, "RG", to: &content) else { return }
        try flush(&content)
        try document.check(HPDF_Page_SetRGBStroke(handle, Float(color.red), Float(color.green), Float(color.blue)),
                           "HPDF_Page_SetRGBStroke")
    }

    func setLineWidth(_ width: Double, content: inout [UInt8]) throws(HaruError) {
        if Float(width) >= 0 {
            HaruInternals.appendReal(Float(width), to: &content)
            Self.appendASCII(" w\n", to: &content)
            return
        }
        try flush(&content)
        try document.check(HPDF_Page_SetLineWidth(handle, Float(width)), "HPDF_Page_SetLineWidth")
    }

    /// Sets the dash pattern in whole points (libharu takes integers); empty means solid.
    /// Written as `HPDF_Page_SetDash` writes it ("[3 2 ] 0 d") when libharu accepts it.
    func setDash(_ pattern: [Double], content: inout [UInt8]) throws(HaruError) {
        let units: [UInt16] = pattern.map { value in
            guard value.isFinite else { return 1 }
            return UInt16(min(max(value.rounded(), 1), Double(UInt16.max)))
        }
        if units.count == 1 || units.count % 2 == 0, units.allSatisfy({ $0 <= UInt16(HPDF_MAX_DASH_PATTERN) }) {
            content.append(UInt8(ascii: "["))
            for unit in units {
                content += String(unit).utf8
                content.append(0x20)
            }
            content += "] 0 d\n".utf8
            return
        }
        try flush(&content)
        let status = units.withUnsafeBufferPointer { buffer in
            HPDF_Page_SetDash(handle, units.isEmpty ? nil : buffer.baseAddress, UInt32(units.count), 0)
        }
        try document.check(status, "HPDF_Page_SetDash")
    }

    func beginText(content: inout [UInt8]) {
        Self.appendASCII("BT\n", to: &content)
        document.internals.setTextObject(of: self, inText: true)
    }

    func endText(content: inout [UInt8]) {
        Self.appendASCII("ET\n", to: &content)
        document.internals.setTextObject(of: self, inText: false)
    }

    /// Sets `font` at `size`; `name` is the page's name for it (`HaruInternals.localFontName`).
    func setFont(_ font: HaruFont, size: Double, name: [UInt8]?, content: inout [UInt8]) throws(HaruError) {
        let points = Float(size)
        if points > 0, points <= Float(HPDF_MAX_FONTSIZE), let name {
            content.append(UInt8(ascii: "/"))
            content.append(contentsOf: name)
            content.append(0x20)
            HaruInternals.appendReal(points, to: &content)
            Self.appendASCII(" Tf\n", to: &content)
            document.internals.setCurrentFont(of: self, to: font, size: points)
            return
        }
        try flush(&content)
        try document.check(HPDF_Page_SetFontAndSize(handle, font.handle, points), "HPDF_Page_SetFontAndSize")
    }

    func drawImage(_ image: HaruImage, x: Double, y: Double, width: Double, height: Double,
                   content: inout [UInt8]) throws(HaruError) {
        try flush(&content)
        try document.check(HPDF_Page_DrawImage(handle, image.handle, Float(x), Float(y), Float(width), Float(height)),
                           "HPDF_Page_DrawImage")
    }
}
