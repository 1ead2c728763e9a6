internal import CHaru

/// Loading TrueType subsets from memory.
extension HaruDocument {
    /// Embeds a TrueType font file held in memory and returns it in `encoding` ("UTF-8" or
    /// a single-byte encoder name).
    ///
    /// libharu 2.3.0's public API loads TrueType only from a path; `HaruInternals` loads it
    /// from memory instead: no temp file, no memfd, and no `fread`/`lseek` system calls per
    /// glyph when saving.
    ///
    /// - Parameter tag: the six capital letters before the font name ("TLNAAA" gives
    ///   "TLNAAA+Name"), so names are deterministic and mark a subset.
    func loadTrueType(_ bytes: [UInt8], tag: String, encoding: String) throws(HaruError) -> HaruFont {
        let name = try internals.addTrueTypeDefinition(bytes, tag: tag)
        return HaruFont(handle: try require(HPDF_GetFont(handle, name, encoding), "HPDF_GetFont"))
    }

    /// Gives the face of `font` a font descriptor whose /FontFile2 is `program`, and returns
    /// that program as embedded, which another face's descriptor may share.
    ///
    /// libharu writes a face's descriptor when saving, and only when the face has none yet
    /// does it make one, rebuilding the font file it loaded into the /FontFile2 stream
    /// (`HPDF_TTFontDef_SaveFontData`: about a seventh of a warranty card's time). With this
    /// descriptor in place it writes the program as given, so the file libharu loads only
    /// has to carry metrics. The stream is deflated with the document's other streams.
    ///
    /// - Parameter capHeight: the face's capital height in 1/1000 em (libharu writes 0).
    func embed(_ program: FontProgram, in font: HaruFont, capHeight: Int) throws(HaruError) -> FontProgram {
        try internals.embed(program, in: font, capHeight: capHeight)
    }
}
