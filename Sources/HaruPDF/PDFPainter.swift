import Layout

/// Paints a display list into PDF bytes with libharu.
///
/// Each face is embedded as Talon's own subset (composite glyphs flattened) named
/// "TLNAAA+Name", "TLNAAB+Name", ... by its index in `DisplayList.fonts`. Faces whose
/// characters fit 224 codes are drawn in a single-byte encoding built for the document
/// (`CompactEncoding`), any other face in UTF-8 mode (see `TextEncoding`). Output
/// depends only on the display list: identical lists give identical bytes, encrypted
/// (AES-256, `StandardSecurityHandler`) and PDF/A-3b ones (`HaruDocument+Archive.swift`)
/// included: their identifiers and salts come from the content, never the clock.
public enum PDFPainter {
    /// The PDF for `list`.
    /// - Throws: `HaruError` when a resource is missing or invalid, text holds characters
    ///   its face lacks (or above U+FFFF), or libharu fails.
    public static func render(_ list: DisplayList) throws(HaruError) -> [UInt8] {
        var painter = try PagePainter(list: list)
        return try painter.paint()
    }
}

/// One rendering: the document, the resources loaded so far and the drawing state.
struct PagePainter {
    let list: DisplayList
    let document: HaruDocument
    let encodings: [TextEncoding]
    /// The compact code table of each group of single-byte faces.
    let tables: [CompactEncoding]
    /// The largest size each face is drawn at, in points.
    let largestSizes: [Double]
    /// The characters of each face's subset (`subsetScalars`).
    let subsetScalars: [[Unicode.Scalar]]
    /// Bold faces drawn with a lighter face's program, by index.
    let synthetic: [Int: SyntheticBold]
    /// The font program embedded for each face, by index.
    var programs: [Int: FontProgram] = [:]
    var fonts: [Int: HaruFont] = [:]
    var images: [Int: HaruImage] = [:]
    var state = DrawingState()
    var frame: Frame?
    /// Content of the current page not yet written into libharu's content stream.
    var content: [UInt8] = []
    /// The codes of the text being drawn, then its literal string (`HaruPage.showText`);
    /// kept to reuse its storage.
    var scratch: [UInt8] = []
    /// The current page's name of each face in its resources ("F1"), once set there.
    var pageFontNames: [[UInt8]?] = []

    init(list: DisplayList) throws(HaruError) {
        self.list = list
        for (index, resource) in list.fonts.enumerated() {
            let font = resource.font
            let missing = resource.usedScalars.filter { $0.value > 0xFFFF || font.glyph(for: $0) == nil }
            guard missing.isEmpty else {
                throw .unencodableText(font: font.postScriptName, characters: UnencodableCharacters(missing).scalars)
            }
            guard font.allowsSubsetEmbedding else {
                throw .font(index: index, .unsupported("\(font.postScriptName): the licence forbids embedding"))
            }
        }
        let candidates = Self.syntheticBolds(in: list)
        subsetScalars = Self.subsetScalars(of: list.fonts, synthetic: candidates)
        let plan = TextEncoding.plan(faces: subsetScalars, frequency: Self.frequency(in: list))
        synthetic = Self.sharingCodes(candidates, encodings: plan.encodings)
        encodings = plan.encodings
        tables = plan.tables
        var sizes = Self.largestSizes(in: list)
        for (bold, drawing) in synthetic { sizes[drawing.lighter] = max(sizes[drawing.lighter], sizes[bold]) }
        largestSizes = sizes
        document = try HaruDocument()
        try document.setCompressionAll()
        let info = list.info
        try document.setInfo(.title, info.title)
        try document.setInfo(.author, info.author)
        try document.setInfo(.subject, info.subject)
        try document.setInfo(.keywords, info.keywords)
        try document.setInfo(.creator, info.creator)
        if let date = info.creationDate {
            try document.setCreationDate(year: date.year, month: date.month, day: date.day)
        }
        // UTF-8 mode must be switched on before any font or page exists.
        if encodings.contains(where: { if case .utf8 = $0 { true } else { false } }) {
            try document.useUTF8()
        }
        for (group, table) in tables.enumerated() {
            try document.defineEncoding(TextEncoding.encoderNames[group], as: table)
        }
    }

    mutating func paint() throws(HaruError) -> [UInt8] {
        for (pageIndex, page) in list.pages.enumerated() {
            guard page.width.isFinite, page.height.isFinite else { throw .invalidNumber(page: pageIndex, op: nil) }
            let haruPage = try document.addPage(width: page.width, height: page.height)
            state = DrawingState()
            pageFontNames = Array(repeating: nil, count: list.fonts.count)
            content.reserveCapacity(16_384)
            for (opIndex, op) in page.ops.enumerated() {
                try draw(op, on: haruPage, at: (pageIndex, opIndex))
            }
            try endFrame(haruPage)
            try haruPage.flush(&content)
        }
        let singleByte = fonts.keys.sorted().compactMap { index -> (font: HaruFont, group: Int)? in
            guard let font = fonts[index], case .singleByte(_, let group, _) = encodings[index] else { return nil }
            return (font, group)
        }
        try document.writeSingleByteDictionaries(singleByte, tables: tables)
        try document.addToUnicode(singleByte, tables: tables)
        try document.removeProducer()
        let trailer = try Self.trailer(for: list.info)
        if list.info.pdfa { try document.addArchiveObjects(list.info) }
        return try document.packedBytes(trailer: trailer)
    }

    mutating func font(_ index: Int, at location: (page: Int, op: Int)) throws(HaruError) -> HaruFont {
        if let font = fonts[index] { return font }
        guard list.fonts.indices.contains(index) else {
            throw .missingResource(page: location.page, op: location.op, what: "font \(index)")
        }
        let resource = list.fonts[index]
        let tag = try Self.subsetTag(index)
        let scalars = subsetScalars[index]
        var shared: FontProgram?
        if let bold = synthetic[index] {
            _ = try font(bold.lighter, at: location)
            shared = programs[bold.lighter]
        }
        let files: (metrics: [UInt8], program: FontProgram)
        do throws(FontError) {
            if let shared {
                files = (try resource.font.pdfMetrics(scalars: scalars, postScriptName: subsetName(index)), shared)
            } else {
                let subset = try resource.font.pdfSubset(
                    scalars: scalars, postScriptName: subsetName(index),
                    programUnitsPerEm: Self.programUnitsPerEm(largestSize: largestSizes[index], pdfa: list.info.pdfa),
                    symbolicCodes: encodings[index].programCodes(for: scalars))
                files = (subset.metrics, .bytes(subset.program))
            }
        } catch {
            throw .font(index: index, error)
        }
        let font = try document.loadTrueType(files.metrics, tag: tag, encoding: encodings[index].encoderName)
        let capHeight = resource.font.capHeight * 1000 / max(1, resource.font.unitsPerEm)
        programs[index] = try document.embed(files.program, in: font, capHeight: capHeight)
        if case .utf8 = encodings[index] {
            try document.replaceToUnicode(of: font, scalars: scalars)
        }
        fonts[index] = font
        return font
    }

    mutating func image(_ index: Int, at location: (page: Int, op: Int)) throws(HaruError) -> HaruImage {
        if let image = images[index] { return image }
        guard list.images.indices.contains(index) else {
            throw .missingResource(page: location.page, op: location.op, what: "image \(index)")
        }
        let resource = list.images[index]
        let image: HaruImage
        switch resource.pixels {
        case .raw(let components, let bytes):
            guard components == 1 || components == 3 else {
                throw .invalidImage(index: index, reason: "\(components) components (1 or 3 expected)")
            }
            let (area, overflow) = resource.pixelWidth.multipliedReportingOverflow(by: resource.pixelHeight)
            guard resource.pixelWidth > 0, resource.pixelHeight > 0, !overflow,
                  area <= Int(UInt32.max) / 3, bytes.count == area * components else {
                throw .invalidImage(index: index, reason: "\(bytes.count) bytes for \(resource.pixelWidth)×"
                                    + "\(resource.pixelHeight) pixels of \(components) components")
            }
            image = try document.loadRawImage(bytes, width: resource.pixelWidth, height: resource.pixelHeight,
                                              gray: components == 1)
        case .jpeg(let bytes, _):
            guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else {
                throw .invalidImage(index: index, reason: "not a JPEG file")
            }
            image = try document.loadJPEG(bytes)
        }
        images[index] = image
        return image
    }

    /// The largest size each face of `list` is drawn at, in points (0 for an unused face).
    static func largestSizes(in list: DisplayList) -> [Double] {
        var largest = [Double](repeating: 0, count: list.fonts.count)
        for page in list.pages {
            for case .text(_, _, let font, let size, _, _) in page.ops where largest.indices.contains(font) {
                largest[font] = max(largest[font], size)
            }
        }
        return largest
    }

    /// The units per em of a face's embedded outlines: the fewest, in steps of 16 (64 at
    /// least, 1000 at most), whose rounding (half a unit) moves no outline point by more
    /// than 0.01 mm at the largest size the face is drawn at: 144 units for 8 pt, 240 for
    /// 12.8 pt, 1000 from 56 pt. Fewer units make smaller coordinate deltas, which deflate
    /// better: about 1.5 KB less for the warranty card's two faces than at 1000. PDF/A takes
    /// 512 at least, so that the program's advances stay within 1/1000 em of /Widths.
    static func programUnitsPerEm(largestSize: Double, pdfa: Bool = false) -> Int {
        let limit = 0.01 / 25.4 * 72  // 0.01 mm in points
        let needed = (largestSize / (2 * limit) / 16).rounded(.up) * 16
        return needed.isFinite ? Int(min(max(needed, pdfa ? 512 : 64), 1000)) : 1000
    }

    /// How often each character is drawn in `list`, so the most frequent get the codes a
    /// content stream holds in one byte.
    static func frequency(in list: DisplayList) -> CharacterCounts {
        var counts = CharacterCounts()
        for page in list.pages {
            for op in page.ops {
                guard case .text(_, _, _, _, var text, _) = op else { continue }
                text.withUTF8 { counts.count($0) }
            }
        }
        return counts
    }

    /// The libharu tag of the face at `index`: "TLN" and three letters.
    static func subsetTag(_ index: Int) throws(HaruError) -> String {
        guard index >= 0, index < 26 * 26 * 26 else {
            throw .font(index: index, .unsupported("more than 17,576 faces in one document"))
        }
        let letters = [index / 676, index / 26 % 26, index % 26].map { Character(Unicode.Scalar(UInt8(65 + $0))) }
        return "TLN" + String(letters)
    }

    /// The PostScript name inside the subset of face `index`: the original name (ASCII
    /// letters, digits and '-'), made unique with the index when an earlier face has it too
    /// (libharu would silently reuse the earlier font for an equal name).
    func subsetName(_ index: Int) -> String {
        func cleaned(_ name: String) -> String {
            // The ASCII letters, digits and '-' (PostScript names are ASCII: no decoding).
            let kept = name.utf8.lazy.filter {
                (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D
            }.prefix(40)
            return kept.isEmpty ? "Font" : String(decoding: Array(kept), as: UTF8.self)
        }
        let name = cleaned(list.fonts[index].font.postScriptName)
        let taken = list.fonts[..<index].contains { cleaned($0.font.postScriptName) == name }
        return taken ? "\(name)_\(index)" : name
    }
}

@available(*, unavailable)
extension PagePainter: Sendable {}
