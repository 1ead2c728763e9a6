internal import CHaru

/// The streams of a font drawn in UTF-8 mode: a correct ToUnicode CMap, and both streams
/// deflated.
///
/// libharu 2.3.0 reuses its code-to-CID CMap (`begincidrange`) as the ToUnicode map, which
/// the PDF specification does not allow (poppler warns "Invalid 'begincidrange' operator
/// in ToUnicode CMap"). In UTF-8 mode each character is drawn as a two-byte code equal to
/// its Unicode value, so the right map lists exactly the characters used with `bfchar`; it
/// replaces the content of libharu's stream (a new stream would leave libharu's in the file).
/// libharu gives that stream and the 128 KB /CIDToGIDMap the font's filter only while
/// saving, after HaruPDF took the filters over, so both would be written uncompressed;
/// marked for deflating here, they are deflated with the document's other streams.
extension HaruDocument {
    func replaceToUnicode(of font: HaruFont, scalars: [Unicode.Scalar]) throws(HaruError) {
        let call: StaticString = "HPDF_Type0Font (ToUnicode)"
        guard let attributes = font.handle.pointee.attr?.assumingMemoryBound(to: HPDF_FontAttr_Rec.self),
              let cmap = attributes.pointee.cmap_stream, let stream = cmap.pointee.stream,
              stream.pointee.type == HPDF_STREAM_MEMORY else {
            throw .library(call: "\(call)", code: UInt(HPDF_INVALID_FONT), detail: 0)
        }
        HPDF_MemStream_FreeData(stream)
        // What libharu wrote for its code-to-CID CMap: a ToUnicode stream needs none of it.
        let entries = [("Type", HPDF_OCLASS_NAME), ("CMapName", HPDF_OCLASS_NAME), ("CIDSystemInfo", HPDF_OCLASS_DICT),
                       ("WMode", HPDF_OCLASS_NUMBER)]
        for (key, kind) in entries where HPDF_Dict_GetItem(cmap, key, UInt16(kind)) != nil {
            try check(HPDF_Dict_RemoveElement(cmap, key), "HPDF_Dict_RemoveElement")
        }
        let text = Self.toUnicodeCMap(scalars.filter { $0.value <= 0xFFFF && $0.value > 0 })
        try check(HPDF_Stream_WriteStr(stream, text), call)
        cmap.pointee.filter = UInt32(HPDF_STREAM_FILTER_FLATE_DECODE)
        attributes.pointee.map_stream?.pointee.filter = UInt32(HPDF_STREAM_FILTER_FLATE_DECODE)
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
