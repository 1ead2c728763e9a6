extension TrueTypeFont {
    /// A minimal TrueType font holding only the glyphs for `scalars` (plus `.notdef`), for
    /// embedding in one PDF. Composite glyphs are flattened into simple ones, hinting is
    /// dropped, glyph ids are renumbered compactly (0 = `.notdef`, then the used glyphs in
    /// the order of their first character) and the font is rescaled to 1000 units per em
    /// with advances of `advance * 1000 / unitsPerEm`, truncated, so libharu's widths stay
    /// those of the original (see `UnitScale`). The cmap maps exactly `scalars`.
    ///
    /// - Parameter postScriptName: the subset's PostScript name (name ID 6), unique within
    ///   the document, e.g. "TLNAAA+DejaVuSans"; only ASCII letters, digits, '-', '+', '_'.
    /// - Throws: `FontError.missingGlyphs` when the font lacks a character,
    ///   `FontError.unsupported` when its licence forbids embedding (OS/2 fsType) or its
    ///   outlines cannot be read.
    public func subset(scalars: [Unicode.Scalar], postScriptName: String) throws(FontError) -> [UInt8] {
        try FontSubsetter(font: self, scalars: scalars, postScriptName: postScriptName).fontFile(.complete)
    }

    /// The two files a PDF writer needs for a subset of `scalars`, with the glyph ids,
    /// cmap and checks of `subset(scalars:postScriptName:)`:
    /// - `metrics`: that subset without outlines (every glyph empty): what a writer reads
    ///   for /Widths, /FontBBox, /Ascent and the character-to-glyph map, at 1000 units per em
    ///   so its widths are the original's to the unit;
    /// - `program`: the font program to embed (/FontFile2), with outlines at
    ///   `programUnitsPerEm` (16...1000) and only the tables a PDF viewer reads (cmap, glyf,
    ///   head, hhea, hmtx, loca, maxp, as PDF 32000-1 9.9 lists them: no OS/2, name, post
    ///   or hinting). Its advances are the metrics file's widths rounded to its units (a
    ///   viewer takes widths from the PDF; a PDF/A validator compares them: from 512 units on
    ///   they stay within 1/1000 em).
    /// - Parameter symbolicCodes: for a face drawn with single-byte codes, the code of each
    ///   scalar: the program is then a symbolic font whose cmap maps the codes (a (3,0)
    ///   subtable, 0xF000 + code, PDF 32000-1 9.6.6.4) instead of Unicode, with its glyphs in
    ///   the order of their codes, so that runs of codes make one cmap segment.
    public func pdfSubset(scalars: [Unicode.Scalar], postScriptName: String, programUnitsPerEm: Int = 1000,
                          symbolicCodes: [UInt32: UInt8]? = nil) throws(FontError) -> (metrics: [UInt8], program: [UInt8]) {
        guard (16...UnitScale.target).contains(programUnitsPerEm) else {
            throw .unsupported("\(programUnitsPerEm) units per em for a font program (16...1000)")
        }
        return try subset(PDFSubsetCache.Request(scalars: scalars, postScriptName: postScriptName,
                                                 programUnitsPerEm: programUnitsPerEm, symbolicCodes: symbolicCodes))
    }

    /// The metrics file of `pdfSubset(scalars:postScriptName:)` alone, for a face whose
    /// outlines are not embedded (a synthetic bold's).
    public func pdfMetrics(scalars: [Unicode.Scalar], postScriptName: String) throws(FontError) -> [UInt8] {
        try subset(PDFSubsetCache.Request(scalars: scalars, postScriptName: postScriptName,
                                          programUnitsPerEm: nil, symbolicCodes: nil)).metrics
    }

    /// The files of `request`, from the font's cache when made before.
    private func subset(_ request: PDFSubsetCache.Request) throws(FontError) -> PDFSubsetCache.Files {
        if let kept = pdfSubsets.files(for: request) { return kept }
        let files = try makeSubset(request)
        pdfSubsets.keep(files, for: request)
        return files
    }

    /// The files of `request` made anew (the program is empty for a request without
    /// `programUnitsPerEm`).
    func makeSubset(_ request: PDFSubsetCache.Request) throws(FontError) -> PDFSubsetCache.Files {
        let subsetter = try FontSubsetter(font: self, scalars: request.scalars, postScriptName: request.postScriptName)
        var files: PDFSubsetCache.Files = (try subsetter.fontFile(.metrics), [])
        if let unitsPerEm = request.programUnitsPerEm {
            let programSubsetter = try request.symbolicCodes.map { (codes) throws(FontError) in
                try FontSubsetter(font: self, scalars: request.scalars, postScriptName: request.postScriptName,
                                  symbolicCodes: codes)
            } ?? subsetter
            files.program = try programSubsetter.fontFile(.program(unitsPerEm: unitsPerEm))
        }
        return files
    }

    /// True when the licence bits in OS/2 fsType allow embedding a subset of the outlines:
    /// not "restricted licence" alone (0x0002 without the print/edit bits), not "no
    /// subsetting" (0x0100), not "bitmap embedding only" (0x0200).
    public var allowsSubsetEmbedding: Bool {
        let restricted = embeddingFlags & 0x000E == 0x0002
        return !restricted && embeddingFlags & 0x0300 == 0
    }
}

/// Builds one subset font file; see `TrueTypeFont.subset(scalars:postScriptName:)`.
struct FontSubsetter {
    let font: TrueTypeFont
    let postScriptName: String
    /// (character code, new glyph id), ascending by code: the Unicode scalar value, or
    /// 0xF000 + the single-byte code of a symbolic font.
    let mappings: [(code: UInt32, glyph: Int)]
    /// Original glyph id for each new glyph id.
    let glyphs: [Int]
    /// Whether the cmap maps single-byte codes (a (3,0) subtable) rather than Unicode.
    let symbolic: Bool

    /// - Parameter symbolicCodes: the single-byte code of each scalar, for a symbolic font.
    init(font: TrueTypeFont, scalars: [Unicode.Scalar], postScriptName: String,
         symbolicCodes: [UInt32: UInt8]? = nil) throws(FontError) {
        guard font.allowsSubsetEmbedding else {
            throw .unsupported("\(font.postScriptName): the licence (OS/2 fsType) forbids embedding")
        }
        let allowed = postScriptName.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "-+_".unicodeScalars.contains($0))
        }
        guard allowed, !postScriptName.isEmpty, postScriptName.utf8.count <= 63 else {
            throw .unsupported("invalid PostScript name '\(postScriptName)'")
        }
        self.font = font
        self.postScriptName = postScriptName
        var original: [(code: UInt32, glyph: Int)] = []
        original.reserveCapacity(scalars.count)
        var missing: [Unicode.Scalar] = []
        var previous: Unicode.Scalar?
        for scalar in scalars.sorted(by: { $0.value < $1.value }) where scalar != previous {
            previous = scalar
            if let glyph = font.glyph(for: scalar) {
                original.append((scalar.value, glyph))
            } else {
                missing.append(scalar)
            }
        }
        guard missing.isEmpty else { throw .missingGlyphs(font: font.postScriptName, characters: missing) }
        symbolic = symbolicCodes != nil
        if let symbolicCodes {
            var coded: [(code: UInt32, glyph: Int)] = []
            coded.reserveCapacity(original.count)
            for pair in original {
                guard let code = symbolicCodes[pair.code] else {
                    throw .unsupported("\(font.postScriptName): no single-byte code for U+\(String(pair.code, radix: 16, uppercase: true))")
                }
                coded.append((0xF000 + UInt32(code), pair.glyph))
            }
            original = coded.sorted { $0.code < $1.code }
        }
        // Glyphs in the order of their first character (or code), so runs of consecutive
        // characters get consecutive glyph ids: fewer cmap segments.
        var used: [Int] = [0]
        used.reserveCapacity(original.count + 1)
        var renumbered: [Int: Int] = [:]
        renumbered.reserveCapacity(original.count)
        for pair in original where renumbered[pair.glyph] == nil {
            renumbered[pair.glyph] = used.count
            used.append(pair.glyph)
        }
        glyphs = used
        mappings = original.map { ($0.code, renumbered[$0.glyph] ?? 0) }
    }

    /// What a subset file holds.
    enum Contents: Equatable {
        /// Every table, outlines at 1000 units per em: a font of its own.
        case complete
        /// Every table at 1000 units per em, every glyph empty.
        case metrics
        /// Outlines at `unitsPerEm`, without OS/2, name and post.
        case program(unitsPerEm: Int)
    }

    func fontFile(_ contents: Contents) throws(FontError) -> [UInt8] {
        guard font.unitsPerEm > 0, font.unitsPerEm <= 16384 else {
            throw .unsupported("\(font.postScriptName): \(font.unitsPerEm) units per em")
        }
        var scale = UnitScale(from: font.unitsPerEm)
        if case .program(let unitsPerEm) = contents { scale.to = unitsPerEm }
        let blank = GlyphRecordCache.Record(bytes: [], points: 0, contours: 0, bounds: (0, 0, 0, 0))
        var records = contents == .metrics
            ? [GlyphRecordCache.Record](repeating: blank, count: glyphs.count)
            : try glyphRecords(reader: try GlyphReader(font: font), scale: scale)
        // A program's .notdef stays blank: every character drawn has its glyph (checked above).
        if case .program = contents { records[0] = blank }
        var glyf = FontTableWriter(capacity: records.reduce(0) { $0 + $1.bytes.count + 1 })
        var offsets = [0]
        offsets.reserveCapacity(records.count + 1)
        var maxPoints = 0, maxContours = 0
        for record in records {
            glyf.bytes += record.bytes
            maxPoints = max(maxPoints, record.points)
            maxContours = max(maxContours, record.contours)
            glyf.pad(to: 2)
            offsets.append(glyf.bytes.count)
        }
        let shortOffsets = glyf.bytes.count <= 0x1FFFE
        var loca = FontTableWriter(capacity: offsets.count * 4)
        for offset in offsets {
            if shortOffsets { loca.u16(offset / 2) } else { loca.u32(offset) }
        }
        var hmtx = FontTableWriter(capacity: glyphs.count * 4)
        var widest = 0
        for (index, glyph) in glyphs.enumerated() {
            // At 1000 units truncated like libharu's widths, so the subset's /Widths equal the
            // original's; a program at fewer units holds that width rounded to its units, within
            // 500 / units of /Widths (PDF/A allows 1: ISO 19005-3 6.2.11.5).
            let width = UnitScale(from: font.unitsPerEm).truncated(font.advance(ofGlyph: glyph))
            let advance = scale.to == UnitScale.target ? width : UnitScale(from: UnitScale.target, to: scale.to).rounded(width)
            widest = max(widest, advance)
            hmtx.u16(advance)
            hmtx.u16(records[index].bounds.xMin)
        }
        var tables: [(tag: String, data: [UInt8])] = [
            ("cmap", cmapTable()),
            ("glyf", glyf.bytes),
            ("head", try headTable(shortOffsets: shortOffsets, scale: scale)),
            ("hhea", try hheaTable(widest: widest, scale: scale)),
            ("hmtx", hmtx.bytes),
            ("loca", loca.bytes),
            ("maxp", maxpTable(maxPoints: maxPoints, maxContours: maxContours)),
        ]
        if case .program = contents {} else {
            tables.insert(("OS/2", try os2Table(scale: scale)), at: 0)
            tables += [("name", nameTable()), ("post", try postTable(scale: scale))]
        }
        return Self.assemble(tables)
    }

    /// The `glyf` record of each glyph of the subset, from the font's cache where another
    /// subset already made it; new ones are made here and added to the cache.
    func glyphRecords(reader: GlyphReader, scale: UnitScale) throws(FontError) -> [GlyphRecordCache.Record] {
        let cache = font.glyphRecords
        var records: [GlyphRecordCache.Record] = []
        records.reserveCapacity(glyphs.count)
        var made: [(glyph: Int, record: GlyphRecordCache.Record)] = []
        var workspace = OutlineWorkspace()
        for (glyph, cached) in zip(glyphs, cache.records(for: glyphs, unitsPerEm: scale.to)) {
            if let cached {
                records.append(cached)
                continue
            }
            let record: GlyphRecordCache.Record
            if scale.isIdentity {
                let copied = try reader.glyphWithoutHinting(glyph)
                record = .init(bytes: copied.data, points: copied.points, contours: copied.contours, bounds: copied.bounds)
            } else {
                var bytes: [UInt8] = []
                let entry = try reader.appendScaled(glyph, scale, to: &bytes, workspace: &workspace)
                record = .init(bytes: bytes, points: entry.points, contours: entry.contours, bounds: entry.bounds)
            }
            records.append(record)
            made.append((glyph, record))
        }
        cache.store(made, unitsPerEm: scale.to)
        return records
    }

    /// Writes the table directory and tables, with checksums and head.checkSumAdjustment.
    static func assemble(_ tables: [(tag: String, data: [UInt8])]) -> [UInt8] {
        var power = 1, exponent = 0
        while power * 2 <= tables.count {
            power *= 2
            exponent += 1
        }
        var file = FontTableWriter(capacity: 12 + tables.count * 16 + tables.reduce(0) { $0 + $1.data.count + 3 })
        file.u32(0x0001_0000)
        file.u16(tables.count)
        file.u16(power * 16)
        file.u16(exponent)
        file.u16(tables.count * 16 - power * 16)
        var offset = 12 + tables.count * 16
        var headOffset: Int?
        for table in tables {
            file.tag(table.tag)
            file.u32(Int(FontTableWriter.checksum(table.data[...])))
            file.u32(offset)
            file.u32(table.data.count)
            if table.tag == "head" { headOffset = offset }
            offset += (table.data.count + 3) & ~3
        }
        for table in tables {
            file.bytes += table.data
            file.pad(to: 4)
        }
        if let headOffset {
            let adjustment = 0xB1B0_AFBA &- FontTableWriter.checksum(file.bytes[...])
            file.set32(Int(adjustment), at: headOffset + 8)
        }
        return file.bytes
    }
}
