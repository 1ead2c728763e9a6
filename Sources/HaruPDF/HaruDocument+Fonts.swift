internal import CHaru

/// Loading TrueType subsets from memory.
extension HaruDocument {
    /// Embeds a TrueType font file held in memory and returns it in `encoding` ("UTF-8" or
    /// a single-byte encoder name).
    ///
    /// libharu 2.3.0's public API loads TrueType only from a path. This follows its
    /// `LoadTTFontFromStream` with internal functions instead, on a memory stream: no temp
    /// file, no memfd, and no `fread`/`lseek` system calls per glyph when saving; the stream is a
    /// `FontProgramSource`.
    ///
    /// - Parameter tag: the six capital letters before the font name ("TLNAAA" gives
    ///   "TLNAAA+Name"), so names are deterministic and mark a subset.
    func loadTrueType(_ bytes: [UInt8], tag: String, encoding: String) throws(HaruError) -> HaruFont {
        let call: StaticString = "HPDF_TTFontDef_Load"
        let document = handle.pointee
        // Read with memcpy instead of libharu's byte-wise memory stream copy.
        let stream = try require(FontProgramSource.stream(bytes, in: self), "HPDF_CallbackReader_New")
        // The definition owns the stream from here on, failures included.
        let definition = try require(HPDF_TTFontDef_Load(document.mmgr, stream, HPDF_TRUE), call)
        guard HPDF_Doc_FindFontDef(handle, Self.name(of: definition)) == nil else {
            HPDF_FontDef_Free(definition)
            throw .library(call: "\(call)", code: UInt(HPDF_FONT_EXISTS), detail: 0)
        }
        guard HPDF_List_Add(document.fontdef_list, UnsafeMutableRawPointer(definition)) == UInt(HPDF_OK) else {
            HPDF_FontDef_Free(definition)
            try check(UInt(HPDF_OK), "HPDF_List_Add")
            throw .library(call: "HPDF_List_Add", code: UInt(HPDF_FAILD_TO_ALLOC_MEM), detail: 0)
        }
        var tagBytes = Array(tag.utf8.prefix(6)).map { CChar(bitPattern: $0) }
        guard tagBytes.count == 6 else { throw .library(call: "HPDF_TTFontDef_SetTagName", code: 0x1039, detail: 0) }
        tagBytes.append(0)
        tagBytes.withUnsafeMutableBufferPointer { HPDF_TTFontDef_SetTagName(definition, $0.baseAddress) }
        let font = try require(HPDF_GetFont(handle, Self.name(of: definition), encoding), "HPDF_GetFont")
        return HaruFont(handle: font)
    }

    /// Gives the face of `font` a font descriptor whose /FontFile2 is `program`.
    ///
    /// libharu writes a face's descriptor when saving, and only when the face has none yet
    /// does it make one, rebuilding the font file it loaded into the /FontFile2 stream
    /// (`HPDF_TTFontDef_SaveFontData`: about a seventh of a warranty card's time). With this
    /// descriptor in place it writes the program as given, so the file libharu loads only
    /// has to carry metrics. The entries are those libharu writes, from the values it read
    /// (without its /XHeight 0, /Length2 0 and /Length3 0, and with the real /CapHeight).
    /// The stream is deflated with the document's other streams.
    ///
    /// - Parameter capHeight: the face's capital height in 1/1000 em (libharu writes 0).
    func embed(_ program: [UInt8], in font: HaruFont, capHeight: Int) throws(HaruError) {
        let call: StaticString = "HPDF_TTFontDef (descriptor)"
        guard let attributes = font.handle.pointee.attr?.assumingMemoryBound(to: HPDF_FontAttr_Rec.self),
              let definition = attributes.pointee.fontdef, definition.pointee.descriptor == nil,
              let definitionAttributes = definition.pointee.attr?.assumingMemoryBound(to: HPDF_TTFontDefAttr_Rec.self),
              program.count < Int(Int32.max)
        else { throw .library(call: "\(call)", code: UInt(HPDF_INVALID_FONTDEF_DATA), detail: 0) }
        let mmgr = handle.pointee.mmgr, xref = handle.pointee.xref, values = definition.pointee
        let descriptor = try require(HPDF_Dict_New(mmgr), "HPDF_Dict_New")
        try check(HPDF_Xref_Add(xref, UnsafeMutableRawPointer(descriptor)), "HPDF_Xref_Add")
        try check(HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor"), call)
        try check(HPDF_Dict_AddNumber(descriptor, "Ascent", Int32(values.ascent)), call)
        try check(HPDF_Dict_AddNumber(descriptor, "Descent", Int32(values.descent)), call)
        try check(HPDF_Dict_AddNumber(descriptor, "CapHeight", Int32(clamping: capHeight)), call)
        try check(HPDF_Dict_AddNumber(descriptor, "Flags", Int32(bitPattern: values.flags)), call)
        let box = try require(HPDF_Box_Array_New(mmgr, values.font_bbox), "HPDF_Box_Array_New")
        try check(HPDF_Dict_Add(descriptor, "FontBBox", UnsafeMutableRawPointer(box)), call)
        // The font dictionary's /BaseFont: the name with the subset tag.
        let baseFont = withUnsafeBytes(of: definitionAttributes.pointee.base_font) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        try check(HPDF_Dict_AddName(descriptor, "FontName", baseFont), call)
        try check(HPDF_Dict_AddNumber(descriptor, "ItalicAngle", Int32(values.italic_angle)), call)
        try check(HPDF_Dict_AddNumber(descriptor, "StemV", Int32(values.stemv)), call)
        let file = try require(HPDF_DictStream_New(mmgr, xref), "HPDF_DictStream_New")
        file.pointee.filter = UInt32(HPDF_STREAM_FILTER_FLATE_DECODE)
        try check(program.withUnsafeBufferPointer { HPDF_Stream_Write(file.pointee.stream, $0.baseAddress, UInt32($0.count)) },
                  "HPDF_Stream_Write")
        try check(HPDF_Dict_AddNumber(file, "Length1", Int32(program.count)), call)
        try check(HPDF_Dict_Add(descriptor, "FontFile2", UnsafeMutableRawPointer(file)), call)
        definition.pointee.descriptor = descriptor
        // Nothing is read from the loaded file any more: libharu need not look at each
        // drawn glyph's outline for composite parts (the metrics file has none).
        definitionAttributes.pointee.embedding = HPDF_FALSE
    }

    private static func name(of definition: HPDF_FontDef) -> String {
        withUnsafeBytes(of: definition.pointee.base_font) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
