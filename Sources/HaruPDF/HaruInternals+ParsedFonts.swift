internal import CHaru
import Synchronization
import TalonPrimitives

/// libharu's parse of the TrueType metrics files loaded in this process, so a file that
/// repeats from document to document (the same faces with the same characters, card after
/// card) is parsed once.
///
/// `HPDF_TTFontDef_Load` reads the file through the stream two bytes at a time and builds a
/// font definition: two records (`HPDF_FontDef_Rec`, `HPDF_TTFontDefAttr_Rec`) and the
/// arrays they point to, all allocated with the document's memory manager and freed with
/// the document. What the parse produces depends only on the file, so the records and
/// arrays are kept here as bytes, right after the parse (before the document marks glyphs
/// drawn or gives the definition a descriptor), and another document gets a copy made with
/// its own memory manager, over its own stream of the same file, at the read position the
/// parse left: the state a parse of its own would have left (`HaruInternals.copyDefinition`).
///
/// Bounded: the last `capacity` files; found by a hash of the whole file (`ByteRun`) and
/// confirmed by comparing it.
final class ParsedFonts: Sendable {
    static let shared = ParsedFonts(capacity: 16)

    /// One parsed file.
    struct Entry: Sendable {
        let file: [UInt8]
        let key: Int
        /// The bytes of `HPDF_FontDef_Rec` and of `HPDF_TTFontDefAttr_Rec` (their pointers
        /// are replaced in each copy).
        let definition: [UInt8]
        let attributes: [UInt8]
        /// Each array of the definition (`HaruInternals.definitionArrays`), in order; nil
        /// where the parse made none.
        let arrays: [[UInt8]?]
        /// Where the parse left the stream.
        let position: Int
    }

    private let capacity: Int
    /// Oldest first.
    private let entries = Mutex<[Entry]>([])

    init(capacity: Int) {
        self.capacity = capacity
    }

    static func key(_ file: [UInt8]) -> Int { file.withUnsafeBytes(ByteRun.fingerprint) }

    func lookUp(_ file: [UInt8], key: Int) -> Entry? {
        entries.withLock { entries in
            entries.last { entry in
                entry.key == key && entry.file.withUnsafeBytes { kept in
                    file.withUnsafeBytes { ByteRun.equal(kept, $0) }
                }
            }
        }
    }

    func store(_ entry: Entry) {
        entries.withLock { entries in
            guard !entries.contains(where: { $0.key == entry.key && $0.file == entry.file }) else { return }
            if entries.count >= capacity { entries.removeFirst(entries.count - capacity + 1) }
            entries.append(entry)
        }
    }

    /// How many files are kept.
    var count: Int { entries.withLock { $0.count } }
}

extension HaruInternals {
    /// A definition's arrays as `HPDF_TTFontDef_Load` allocates them: where the record holds
    /// the pointer, and the size in bytes. The sizes are those of libharu 2.3.0's
    /// `hpdf_fontdef_tt.c` (see docs/libharu.md).
    private static func definitionArrays(of record: HPDF_TTFontDefAttr_Rec) -> [(field: Int?, size: Int)] {
        typealias Record = HPDF_TTFontDefAttr_Rec
        func offset(_ path: PartialKeyPath<Record>) -> Int? { MemoryLayout<Record>.offset(of: path) }
        let glyphs = Int(record.num_glyphs)
        return [
            (offset(\.offset_tbl.table), Int(record.offset_tbl.num_tables) * MemoryLayout<HPDF_TTFTable>.size),
            (offset(\.cmap.end_count), Int(record.cmap.seg_count_x2)),
            (offset(\.cmap.start_count), Int(record.cmap.seg_count_x2)),
            (offset(\.cmap.id_delta), Int(record.cmap.seg_count_x2)),
            (offset(\.cmap.id_range_offset), Int(record.cmap.seg_count_x2)),
            (offset(\.cmap.glyph_id_array), Int(record.cmap.glyph_id_array_count) * 2),
            (offset(\.h_metric), glyphs * MemoryLayout<HPDF_TTF_LongHorMetric>.size),
            (offset(\.glyph_tbl.offsets), (glyphs + 1) * 4),
            (offset(\.glyph_tbl.flgs), glyphs),
            (offset(\.name_tbl.name_records), Int(record.name_tbl.count) * MemoryLayout<HPDF_TTF_NameRecord>.size),
        ]
    }

    /// The parse of `file` just loaded as `definition`, as bytes; nil when it holds what a
    /// copy could not reproduce (a character set, an unexpected layout).
    func parsedEntry(of definition: HPDF_FontDef, file: [UInt8], key: Int) -> ParsedFonts.Entry? {
        guard definition.pointee.type == HPDF_FONTDEF_TYPE_TRUETYPE, definition.pointee.descriptor == nil,
              definition.pointee.data == nil,
              let attributes = definition.pointee.attr?.assumingMemoryBound(to: HPDF_TTFontDefAttr_Rec.self),
              attributes.pointee.char_set == nil, let stream = attributes.pointee.stream,
              let position = FontSource.position(of: stream) else { return nil }
        var arrays: [[UInt8]?] = []
        for array in Self.definitionArrays(of: attributes.pointee) {
            guard let field = array.field else { return nil }
            let raw = UnsafeRawPointer(attributes).load(fromByteOffset: field, as: UnsafeRawPointer?.self)
            arrays.append(raw.map { Array(UnsafeRawBufferPointer(start: $0, count: array.size)) })
        }
        return ParsedFonts.Entry(
            file: file, key: key,
            definition: Array(UnsafeRawBufferPointer(start: definition, count: MemoryLayout<HPDF_FontDef_Rec>.size)),
            attributes: Array(UnsafeRawBufferPointer(start: attributes, count: MemoryLayout<HPDF_TTFontDefAttr_Rec>.size)),
            arrays: arrays, position: position)
    }

    /// A definition of this document equal to the one `entry` was taken from: the records
    /// and arrays copied into memory of the document's manager, its pointers to this
    /// document's manager, error record and a new stream over `entry.file`.
    func copyDefinition(_ entry: ParsedFonts.Entry) throws(HaruError) -> HPDF_FontDef {
        let call: StaticString = "HPDF_TTFontDef (copy)"
        let mmgr = handle.pointee.mmgr
        guard entry.definition.count == MemoryLayout<HPDF_FontDef_Rec>.size,
              entry.attributes.count == MemoryLayout<HPDF_TTFontDefAttr_Rec>.size else {
            throw .library(call: "\(call)", code: UInt(HPDF_INVALID_FONTDEF_DATA), detail: 0)
        }
        let record = entry.attributes.withUnsafeBytes { $0.loadUnaligned(as: HPDF_TTFontDefAttr_Rec.self) }
        let fields = Self.definitionArrays(of: record).compactMap(\.field)
        guard fields.count == entry.arrays.count else {
            throw .library(call: "\(call)", code: UInt(HPDF_INVALID_FONTDEF_DATA), detail: 0)
        }
        let definitionMemory = try document.require(HPDF_GetMem(mmgr, UInt32(entry.definition.count)), "HPDF_GetMem")
        guard let attributesMemory = HPDF_GetMem(mmgr, UInt32(entry.attributes.count)) else {
            HPDF_FreeMem(mmgr, definitionMemory)
            try document.check(UInt(HPDF_OK), "HPDF_GetMem")
            throw .library(call: "HPDF_GetMem", code: UInt(HPDF_FAILD_TO_ALLOC_MEM), detail: 0)
        }
        entry.definition.withUnsafeBytes {
            UnsafeMutableRawBufferPointer(start: definitionMemory, count: $0.count).copyMemory(from: $0)
        }
        entry.attributes.withUnsafeBytes {
            UnsafeMutableRawBufferPointer(start: attributesMemory, count: $0.count).copyMemory(from: $0)
        }
        let definition = definitionMemory.assumingMemoryBound(to: HPDF_FontDef_Rec.self)
        let attributes = attributesMemory.assumingMemoryBound(to: HPDF_TTFontDefAttr_Rec.self)
        // No pointer of the kept records survives: each array is set once it is copied, so
        // HPDF_FontDef_Free frees exactly what was made if a later step fails.
        for field in fields {
            attributesMemory.storeBytes(of: nil, toByteOffset: field, as: UnsafeMutableRawPointer?.self)
        }
        attributes.pointee.char_set = nil
        attributes.pointee.stream = nil
        definition.pointee.mmgr = mmgr
        definition.pointee.error = mmgr?.pointee.error
        definition.pointee.descriptor = nil
        definition.pointee.data = nil
        definition.pointee.attr = attributesMemory
        for (field, bytes) in zip(fields, entry.arrays) {
            guard let bytes else { continue }
            guard let memory = HPDF_GetMem(mmgr, UInt32(max(bytes.count, 1))) else {
                HPDF_FontDef_Free(definition)
                try document.check(UInt(HPDF_OK), "HPDF_GetMem")
                throw .library(call: "HPDF_GetMem", code: UInt(HPDF_FAILD_TO_ALLOC_MEM), detail: 0)
            }
            bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(start: memory, count: $0.count).copyMemory(from: $0) }
            attributesMemory.storeBytes(of: memory, toByteOffset: field, as: UnsafeMutableRawPointer?.self)
        }
        guard let stream = FontSource.stream(entry.file, in: document, mmgr: mmgr, position: entry.position) else {
            HPDF_FontDef_Free(definition)
            try document.check(UInt(HPDF_OK), "HPDF_CallbackReader_New")
            throw .library(call: "HPDF_CallbackReader_New", code: UInt(HPDF_FAILD_TO_ALLOC_MEM), detail: 0)
        }
        attributes.pointee.stream = stream
        return definition
    }
}
