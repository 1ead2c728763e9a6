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
        let bytes = InstructionTables.adding(to: bytes)
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

    private static func name(of definition: HPDF_FontDef) -> String {
        withUnsafeBytes(of: definition.pointee.base_font) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
