internal import CHaru

/// A correct ToUnicode CMap for fonts drawn in UTF-8 mode.
///
/// libharu 2.3.0 reuses its code-to-CID CMap (`begincidrange`) as the ToUnicode map, which
/// the PDF specification does not allow (poppler warns "Invalid 'begincidrange' operator
/// in ToUnicode CMap"). In UTF-8 mode each character is drawn as a two-byte code equal to
/// its Unicode value, so the right map lists exactly the characters used with `bfchar`.
extension HaruDocument {
    func replaceToUnicode(of font: HaruFont, scalars: [Unicode.Scalar]) throws(HaruError) {
        let call: StaticString = "HPDF_DictStream_New (ToUnicode)"
        let stream = try require(HPDF_DictStream_New(handle.pointee.mmgr, handle.pointee.xref), call)
        stream.pointee.filter = UInt32(HPDF_STREAM_FILTER_FLATE_DECODE)
        let text = Self.toUnicodeCMap(scalars.filter { $0.value <= 0xFFFF && $0.value > 0 })
        try check(HPDF_Stream_WriteStr(stream.pointee.stream, text), call)
        try check(HPDF_Dict_Add(font.handle, "ToUnicode", UnsafeMutableRawPointer(stream)), "HPDF_Dict_Add")
    }

    static func toUnicodeCMap(_ scalars: [Unicode.Scalar]) -> String {
        func hex(_ value: UInt32) -> String {
            let digits = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }
        var text = """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """
        let sorted = Set(scalars).sorted { $0.value < $1.value }
        var start = 0
        while start < sorted.count {
            let chunk = sorted[start..<min(start + 100, sorted.count)]
            text += "\(chunk.count) beginbfchar\n"
            for scalar in chunk { text += "<\(hex(scalar.value))> <\(hex(scalar.value))>\n" }
            text += "endbfchar\n"
            start += 100
        }
        text += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        return text
    }
}
