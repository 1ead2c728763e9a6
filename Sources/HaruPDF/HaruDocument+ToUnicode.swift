internal import CHaru

/// The streams of a font drawn in UTF-8 mode: a correct ToUnicode CMap, and both streams
/// deflated.
///
/// libharu 2.3.0 reuses its code-to-CID CMap (`begincidrange`) as the ToUnicode map, which
/// the PDF specification does not allow (poppler warns "Invalid 'begincidrange' operator
/// in ToUnicode CMap"). In UTF-8 mode each character is drawn as a two-byte code equal to
/// its Unicode value, so the right map lists exactly the characters used; it
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
        let text = ToUnicodeMap.cmap(scalars.map { ($0.value, $0.value) }, codeBytes: 2)
        try check(HPDF_Stream_WriteStr(stream, text), call)
        cmap.pointee.filter = UInt32(HPDF_STREAM_FILTER_FLATE_DECODE)
        attributes.pointee.map_stream?.pointee.filter = UInt32(HPDF_STREAM_FILTER_FLATE_DECODE)
    }
}

/// Single-byte faces: one ToUnicode CMap per compact code table, shared by its fonts.
extension HaruDocument {
    func addToUnicode(_ fonts: [(font: HaruFont, group: Int)], tables: [CompactEncoding]) throws(HaruError) {
        var streams: [Int: HPDF_Dict] = [:]
        for (font, group) in fonts where tables.indices.contains(group) {
            let stream: HPDF_Dict
            if let shared = streams[group] {
                stream = shared
            } else {
                let pairs = tables[group].unicodes.enumerated().map { (UInt32($0.offset), UInt32($0.element)) }
                let text = ToUnicodeMap.cmap(pairs, codeBytes: 1)
                stream = try require(HPDF_DictStream_New(handle.pointee.mmgr, handle.pointee.xref), "HPDF_DictStream_New")
                stream.pointee.filter = UInt32(HPDF_STREAM_FILTER_FLATE_DECODE)
                try check(HPDF_Stream_WriteStr(stream.pointee.stream, text), "HPDF_Stream_WriteStr")
                streams[group] = stream
            }
            try check(HPDF_Dict_Add(font.handle, "ToUnicode", UnsafeMutableRawPointer(stream)), "HPDF_Dict_Add")
        }
    }
}
