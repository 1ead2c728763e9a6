internal import CHaru

/// Streams whose deflating HaruPDF takes over from libharu: the filter of each dictionary
/// (`HPDF_Dict_Rec.filter`) and its stream record, found through the cross-reference table
/// (`HPDF_Xref_Rec`, `HPDF_XrefEntry_Rec`, `HPDF_Obj_Header`).
struct TakenStreams {
    /// Dictionaries switched from /FlateDecode to no filter: streams, and fonts (libharu
    /// gives a font's filter to the font file stream it creates when saving).
    var dictionaries: [HPDF_Dict] = []
    /// The object numbers of the streams libharu writes unfiltered in their place.
    var numbers: Set<Int> = []
    /// The count of objects before saving.
    var objectsBeforeSave = 0
    /// Streams whose data libharu does not copy into the file: while saving, the dictionary
    /// holds an empty stream instead of `original`.
    var swapped: [(dictionary: HPDF_Dict, number: Int, original: HPDF_Stream, empty: HPDF_Stream)] = []
    /// The data of each swapped stream (by object number), read after saving.
    var data: [Int: [UInt8]] = [:]
    /// Whether the data of every swapped stream could be read.
    var complete = true
}

extension HaruInternals {
    /// Every object of the cross-reference table libharu writes, with its number.
    private func forEachObject(from start: Int = 0, _ body: (UnsafeMutableRawPointer, HPDF_Obj_Header) -> Void) -> Int {
        guard let xref = handle.pointee.xref, let entries = xref.pointee.entries,
              let items = entries.pointee.obj else { return 0 }
        let count = Int(entries.pointee.count)
        for index in min(start, count)..<count {
            guard let entry = items[index]?.assumingMemoryBound(to: HPDF_XrefEntry_Rec.self),
                  entry.pointee.entry_typ == CChar(UInt8(ascii: "n")), let object = entry.pointee.obj else { continue }
            body(object, object.assumingMemoryBound(to: HPDF_Obj_Header.self).pointee)
        }
        return count
    }

    private static func dictionary(_ object: UnsafeMutableRawPointer, _ header: HPDF_Obj_Header) -> HPDF_Dict? {
        header.obj_class & UInt16(HPDF_OCLASS_ANY) == UInt16(HPDF_OCLASS_DICT)
            ? object.assumingMemoryBound(to: HPDF_Dict_Rec.self) : nil
    }

    /// Before saving: switches every dictionary libharu would deflate (or whose filter it
    /// passes on) to no filter, so that libharu writes the data unfiltered and
    /// `ObjectStreamPacker` deflates it with a `Deflater`.
    func takeOverFlate() -> TakenStreams {
        var taken = TakenStreams()
        taken.objectsBeforeSave = forEachObject { object, header in
            guard let dictionary = Self.dictionary(object, header),
                  dictionary.pointee.filter == UInt32(HPDF_STREAM_FILTER_FLATE_DECODE) else { return }
            dictionary.pointee.filter = UInt32(HPDF_STREAM_FILTER_NONE)
            taken.dictionaries.append(dictionary)
            guard let original = dictionary.pointee.stream else { return }
            let number = Int(header.obj_id & 0x00FF_FFFF)
            taken.numbers.insert(number)
            // Page contents and ToUnicode maps: libharu would copy the data byte by byte into
            // the file, and the packer out of it again; it reads them from the stream instead.
            if original.pointee.type == HPDF_STREAM_MEMORY, let empty = HPDF_MemStream_New(handle.pointee.mmgr, 16) {
                dictionary.pointee.stream = empty
                taken.swapped.append((dictionary, number, original, empty))
            }
        }
        return taken
    }

    /// After saving (or failing to): puts the swapped streams back, reads their data, and
    /// takes over the streams libharu created while saving.
    func finishSave(_ taken: inout TakenStreams) {
        for entry in taken.swapped {
            entry.dictionary.pointee.stream = entry.original
            HPDF_Stream_Free(entry.empty)
            if let bytes = Self.memoryStreamBytes(entry.original) {
                taken.data[entry.number] = bytes
            } else {
                taken.complete = false
            }
        }
        taken.swapped = []
        takeOverSavedStreams(&taken)
    }

    /// After saving: adds the streams libharu created while saving (font files) with the
    /// filter of a taken-over font, that is none.
    private func takeOverSavedStreams(_ taken: inout TakenStreams) {
        guard !taken.dictionaries.isEmpty else { return }
        _ = forEachObject(from: taken.objectsBeforeSave) { object, header in
            guard let dictionary = Self.dictionary(object, header), dictionary.pointee.stream != nil,
                  dictionary.pointee.filter == UInt32(HPDF_STREAM_FILTER_NONE) else { return }
            taken.dictionaries.append(dictionary)
            taken.numbers.insert(Int(header.obj_id & 0x00FF_FFFF))
        }
    }

    /// Gives the dictionaries of `taken` back to libharu's deflate.
    func restoreFlate(_ taken: TakenStreams) {
        for dictionary in taken.dictionaries { dictionary.pointee.filter = UInt32(HPDF_STREAM_FILTER_FLATE_DECODE) }
    }
}

extension HaruInternals {
    /// The saved stream copied with `memcpy` straight from the blocks of libharu's memory
    /// stream (its own read copies byte by byte); nil when the stream is not laid out as
    /// full blocks followed by one partial block.
    func memoryStreamBytes() -> [UInt8]? {
        guard let stream = handle.pointee.stream, let bytes = Self.memoryStreamBytes(stream), !bytes.isEmpty else { return nil }
        return bytes
    }

    /// The bytes of a libharu memory stream, copied with `memcpy` from its blocks; nil for
    /// another kind of stream or another layout.
    static func memoryStreamBytes(_ stream: HPDF_Stream) -> [UInt8]? {
        guard stream.pointee.type == HPDF_STREAM_MEMORY,
              let attr = stream.pointee.attr?.assumingMemoryBound(to: HPDF_MemStreamAttr_Rec.self),
              let list = attr.pointee.buf else { return nil }
        let size = Int(stream.pointee.size), blockSize = Int(attr.pointee.buf_siz), count = Int(list.pointee.count)
        if size == 0 { return [] }
        guard let blocks = list.pointee.obj, blockSize > 0, count == (size + blockSize - 1) / blockSize else { return nil }
        for index in 0..<count where blocks[index] == nil { return nil }
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var copied = 0
            for index in 0..<count {
                let length = min(blockSize, size - copied)
                if let base = buffer.baseAddress, let block = blocks[index] {
                    (base + copied).update(from: block.assumingMemoryBound(to: UInt8.self), count: length)
                }
                copied += length
            }
            initialized = copied
        }
    }
}

extension HaruInternals {
    /// Appends `bytes` to `stream` as `HPDF_Stream_Write` would, but for a memory stream with
    /// `memcpy` into its blocks: libharu copies a byte at a time (`HPDF_MemCpy`), which cost
    /// about 0.2 M instructions per warranty card (its content streams, ToUnicode map and font
    /// program). The block list, `buf_siz`, `w_ptr`, `w_pos` and `size` are kept exactly as
    /// libharu's own write leaves them; any other stream goes through `HPDF_Stream_Write`.
    func append(_ bytes: UnsafeBufferPointer<UInt8>, to stream: HPDF_Stream) -> HPDF_STATUS {
        guard stream.pointee.type == HPDF_STREAM_MEMORY,
              let attr = stream.pointee.attr?.assumingMemoryBound(to: HPDF_MemStreamAttr_Rec.self),
              let list = attr.pointee.buf, attr.pointee.buf_siz > 0, attr.pointee.w_pos <= attr.pointee.buf_siz,
              let total = UInt32(exactly: bytes.count), stream.pointee.size <= UInt32.max - total else {
            return HPDF_Stream_Write(stream, bytes.baseAddress, UInt32(clamping: bytes.count))
        }
        var offset = 0
        while offset < bytes.count {
            if attr.pointee.w_pos == attr.pointee.buf_siz || attr.pointee.w_ptr == nil {
                guard let block = HPDF_GetMem(stream.pointee.mmgr, attr.pointee.buf_siz) else {
                    return HPDF_Error_GetCode(stream.pointee.error)
                }
                let status = HPDF_List_Add(list, block)
                guard status == HPDF_OK else {
                    HPDF_FreeMem(stream.pointee.mmgr, block)
                    return status
                }
                attr.pointee.w_ptr = block.assumingMemoryBound(to: HPDF_BYTE.self)
                attr.pointee.w_pos = 0
            }
            guard let target = attr.pointee.w_ptr, let source = bytes.baseAddress else { break }
            let count = min(Int(attr.pointee.buf_siz - attr.pointee.w_pos), bytes.count - offset)
            target.update(from: source + offset, count: count)
            attr.pointee.w_ptr = target + count
            attr.pointee.w_pos += UInt32(count)
            offset += count
        }
        stream.pointee.size += total
        return HPDF_STATUS(HPDF_OK)
    }
}
