internal import CHaru

/// Fonts: libharu 2.3.0's TrueType font definition (`HPDF_FontDef_Rec`,
/// `HPDF_TTFontDefAttr_Rec`), font attributes (`HPDF_FontAttr_Rec`) and single-byte encoder
/// (`HPDF_BasicEncoderAttr_Rec`).
extension HaruInternals {
    /// Loads a TrueType file held in memory as a font definition of the document, named
    /// "`tag`+PostScript name", and returns that name (for `HPDF_GetFont`).
    ///
    /// libharu's public API loads TrueType only from a path; this follows its
    /// `LoadTTFontFromStream` with the internal functions it calls, on a `FontSource` stream.
    ///
    /// A file parsed before in this process is copied from `parsed` rather than parsed again.
    func addTrueTypeDefinition(_ bytes: [UInt8], tag: String, parsed: ParsedFonts = .shared) throws(HaruError) -> String {
        let call: StaticString = "HPDF_TTFontDef_Load"
        let key = ParsedFonts.key(bytes)
        let definition: HPDF_FontDef
        if let entry = parsed.lookUp(bytes, key: key) {
            definition = try copyDefinition(entry)
        } else {
            let stream = try document.require(FontSource.stream(bytes, in: document, mmgr: handle.pointee.mmgr),
                                              "HPDF_CallbackReader_New")
            // The definition owns the stream from here on, failures included.
            definition = try document.require(HPDF_TTFontDef_Load(handle.pointee.mmgr, stream, HPDF_TRUE), call)
            if let entry = parsedEntry(of: definition, file: bytes, key: key) { parsed.store(entry) }
        }
        guard HPDF_Doc_FindFontDef(handle, Self.name(of: definition)) == nil else {
            HPDF_FontDef_Free(definition)
            throw .library(call: "\(call)", code: UInt(HPDF_FONT_EXISTS), detail: 0)
        }
        guard HPDF_List_Add(handle.pointee.fontdef_list, UnsafeMutableRawPointer(definition)) == UInt(HPDF_OK) else {
            HPDF_FontDef_Free(definition)
            try document.check(UInt(HPDF_OK), "HPDF_List_Add")
            throw .library(call: "HPDF_List_Add", code: UInt(HPDF_FAILD_TO_ALLOC_MEM), detail: 0)
        }
        var tagBytes = Array(tag.utf8.prefix(6)).map { CChar(bitPattern: $0) }
        guard tagBytes.count == 6 else { throw .library(call: "HPDF_TTFontDef_SetTagName", code: 0x1039, detail: 0) }
        tagBytes.append(0)
        tagBytes.withUnsafeMutableBufferPointer { HPDF_TTFontDef_SetTagName(definition, $0.baseAddress) }
        return Self.name(of: definition)
    }

    /// Gives the face of `font` a font descriptor whose /FontFile2 is `program` (a new
    /// stream, or the stream of another face), before libharu makes one of its own when
    /// saving (see `HaruDocument.embed`), and returns the /FontFile2 stream. The entries are
    /// those libharu writes, from the values it read (without its /XHeight 0, /Length2 0 and
    /// /Length3 0, and with `capHeight` for its 0).
    func embed(_ program: FontProgram, in font: HaruFont, capHeight: Int) throws(HaruError) -> FontProgram {
        let call: StaticString = "HPDF_TTFontDef (descriptor)"
        guard let attributes = font.handle.pointee.attr?.assumingMemoryBound(to: HPDF_FontAttr_Rec.self),
              let definition = attributes.pointee.fontdef, definition.pointee.descriptor == nil,
              let definitionAttributes = definition.pointee.attr?.assumingMemoryBound(to: HPDF_TTFontDefAttr_Rec.self)
        else { throw .library(call: "\(call)", code: UInt(HPDF_INVALID_FONTDEF_DATA), detail: 0) }
        let values = definition.pointee
        let descriptor = try dictionary(indirect: true)
        let box = try document.require(HPDF_Box_Array_New(handle.pointee.mmgr, values.font_bbox), "HPDF_Box_Array_New")
        // The font dictionary's /BaseFont: the name with the subset tag.
        let baseFont = withUnsafeBytes(of: definitionAttributes.pointee.base_font) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        try add(["Type": .name("FontDescriptor"), "Ascent": .number(Int32(values.ascent)),
                 "Descent": .number(Int32(values.descent)), "CapHeight": .number(Int32(clamping: capHeight)),
                 "Flags": .number(Int32(bitPattern: values.flags))], to: descriptor)
        try document.check(HPDF_Dict_Add(descriptor.handle, "FontBBox", UnsafeMutableRawPointer(box)), call)
        try add(["FontName": .name(baseFont), "ItalicAngle": .number(Int32(values.italic_angle)),
                 "StemV": .number(Int32(values.stemv))], to: descriptor)
        let file: HaruDictionary
        switch program {
        case .bytes(let bytes):
            guard bytes.count < Int(Int32.max) else {
                throw .library(call: "\(call)", code: UInt(HPDF_INVALID_FONTDEF_DATA), detail: 0)
            }
            file = try stream(bytes, deflated: true)
            try add(["Length1": .number(Int32(bytes.count))], to: file)
        case .embedded(let stream):
            file = stream
        }
        try add(["FontFile2": .dictionary(file)], to: descriptor)
        definition.pointee.descriptor = descriptor.handle
        // Nothing is read from the loaded file any more: libharu need not look at each
        // drawn glyph's outline for composite parts (the metrics file has none).
        definitionAttributes.pointee.embedding = HPDF_FALSE
        return .embedded(file)
    }

    private static func name(of definition: HPDF_FontDef) -> String {
        withUnsafeBytes(of: definition.pointee.base_font) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}

/// A TrueType font program for a font descriptor's /FontFile2.
enum FontProgram {
    /// A font file to embed as a new stream.
    case bytes([UInt8])
    /// The stream of a program already embedded for another face.
    case embedded(HaruDictionary)
}

/// Single-byte fonts: the encoder's code table, the codes drawn and their widths.
extension HaruInternals {
    /// Replaces the code table of libharu's single-byte encoder `name`.
    func setCodeTable(of encoderName: String, to unicodes: [UInt16]) throws(HaruError) {
        let encoder = try document.require(HPDF_GetEncoder(handle, encoderName), "HPDF_GetEncoder")
        guard encoder.pointee.type == HPDF_ENCODER_TYPE_SINGLE_BYTE,
              let basic = encoder.pointee.attr?.assumingMemoryBound(to: HPDF_BasicEncoderAttr_Rec.self) else {
            throw .library(call: "HPDF_GetEncoder", code: UInt(HPDF_INVALID_ENCODER_TYPE), detail: 0)
        }
        withUnsafeMutableBytes(of: &basic.pointee.unicode_map) { raw in
            let map = raw.bindMemory(to: UInt16.self)
            for code in 0..<min(256, map.count, unicodes.count) { map[code] = unicodes[code] }
        }
    }

    /// The width (1/1000 em) of each code 0...255 a single-byte TrueType `font` has drawn,
    /// nil for a code not drawn; nil for another kind of font.
    func drawnWidths(of font: HaruFont) -> [Int?]? {
        guard let attributes = font.handle.pointee.attr?.assumingMemoryBound(to: HPDF_FontAttr_Rec.self),
              attributes.pointee.type == HPDF_FONT_TRUETYPE, let used = attributes.pointee.used,
              let widths = attributes.pointee.widths else { return nil }
        return (0..<256).map { used[$0] != 0 ? Int(widths[$0]) : nil }
    }

    /// Adds /Widths to `font`'s dictionary: an array of `widths`, its list sized for all of
    /// them at once (libharu grows an array's list by 20 items, copying it byte by byte).
    func addWidths(_ widths: [Int32], to font: HaruFont) throws(HaruError) {
        let array = try document.require(HPDF_Array_New(handle.pointee.mmgr), "HPDF_Array_New")
        if let list = array.pointee.list, list.pointee.count == 0 { list.pointee.items_per_block = UInt32(max(widths.count, 1)) }
        let status = HPDF_Dict_Add(font.handle, "Widths", UnsafeMutableRawPointer(array))
        try document.check(status, "HPDF_Dict_Add")
        for width in widths { try document.check(HPDF_Array_AddNumber(array, width), "HPDF_Array_AddNumber") }
    }

    /// Sets the symbolic flag of `font`'s descriptor (made by `embed`) in place of the
    /// nonsymbolic one libharu read from the font file.
    func markSymbolic(_ font: HaruFont) throws(HaruError) {
        guard let attributes = font.handle.pointee.attr?.assumingMemoryBound(to: HPDF_FontAttr_Rec.self),
              let definition = attributes.pointee.fontdef, let descriptor = definition.pointee.descriptor else {
            throw .library(call: "HPDF_TTFontDef (descriptor)", code: UInt(HPDF_INVALID_FONTDEF_DATA), detail: 0)
        }
        let flags = definition.pointee.flags & ~UInt32(HPDF_FONT_STD_CHARSET) | UInt32(HPDF_FONT_SYMBOLIC)
        try add(["Flags": .number(Int32(bitPattern: flags))], to: HaruDictionary(descriptor))
    }

    /// Stops libharu from writing its own entries into `font`'s dictionary when saving
    /// (/Widths for codes 32...255, an inline /Encoding): HaruPDF wrote them.
    func keepOwnEntries(of font: HaruFont) {
        font.handle.pointee.write_fn = nil
    }

    /// Replaces the content of the ToUnicode stream libharu made for a UTF-8 `font` (its
    /// code-to-CID CMap) with `cmap`, drops the entries only a code-to-CID CMap has, and marks
    /// that stream and the /CIDToGIDMap for deflating (see `HaruDocument.replaceToUnicode`).
    func replaceToUnicode(of font: HaruFont, with cmap: [UInt8]) throws(HaruError) {
        let call: StaticString = "HPDF_Type0Font (ToUnicode)"
        guard let attributes = font.handle.pointee.attr?.assumingMemoryBound(to: HPDF_FontAttr_Rec.self),
              let cmapStream = attributes.pointee.cmap_stream, let stream = cmapStream.pointee.stream,
              stream.pointee.type == HPDF_STREAM_MEMORY else {
            throw .library(call: "\(call)", code: UInt(HPDF_INVALID_FONT), detail: 0)
        }
        HPDF_MemStream_FreeData(stream)
        let dictionary = HaruDictionary(cmapStream)
        for (key, kind) in [("Type", HaruValueKind.name), ("CMapName", .name), ("CIDSystemInfo", .dictionary),
                            ("WMode", .number)] {
            try remove(key, kind, from: dictionary)
        }
        let status = cmap.withUnsafeBufferPointer { append($0, to: stream) }
        try document.check(status, call)
        cmapStream.pointee.filter = UInt32(HPDF_STREAM_FILTER_FLATE_DECODE)
        attributes.pointee.map_stream?.pointee.filter = UInt32(HPDF_STREAM_FILTER_FLATE_DECODE)
    }
}
