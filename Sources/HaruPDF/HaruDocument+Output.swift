internal import CHaru

/// Metadata and saving to memory.
extension HaruDocument {
    enum InfoField {
        case title, author, subject, keywords, creator

        var key: String {
            switch self {
            case .title: "Title"
            case .author: "Author"
            case .subject: "Subject"
            case .keywords: "Keywords"
            case .creator: "Creator"
            }
        }

        var type: HPDF_InfoType {
            switch self {
            case .title: HPDF_INFO_TITLE
            case .author: HPDF_INFO_AUTHOR
            case .subject: HPDF_INFO_SUBJECT
            case .keywords: HPDF_INFO_KEYWORDS
            case .creator: HPDF_INFO_CREATOR
            }
        }
    }

    /// Sets an info entry. ASCII goes through `HPDF_SetInfoAttr`; other text is stored as a
    /// UTF-16BE string with byte order mark (libharu would write its UTF-8 bytes unconverted,
    /// which readers decode as PDFDocEncoding).
    func setInfo(_ field: InfoField, _ value: String) throws(HaruError) {
        guard !value.isEmpty else { return }
        let ascii = value.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 }
        if ascii {
            try check(HPDF_SetInfoAttr(handle, field.type, value), "HPDF_SetInfoAttr")
            return
        }
        try check(HPDF_SetInfoAttr(handle, field.type, " "), "HPDF_SetInfoAttr")
        let internals = internals
        guard let info = internals.info else { throw .library(call: "HPDF_SetInfoAttr", code: 0x1033, detail: 0) }
        try internals.add([field.key: .text(value)], to: info)
    }

    /// Drops the /Producer entry libharu puts in every document ("Haru Free PDF Library
    /// 2.3.0"): the file carries only the metadata of the list.
    func removeProducer() throws(HaruError) {
        let internals = internals
        guard let info = internals.info else { return }
        try internals.remove("Producer", .string, from: info)
    }

    /// Sets the creation date (midnight UTC of a calendar day).
    func setCreationDate(year: Int, month: Int, day: Int) throws(HaruError) {
        try setDate(HPDF_INFO_CREATION_DATE, year: year, month: month, day: day)
    }

    func setDate(_ type: HPDF_InfoType, year: Int, month: Int, day: Int) throws(HaruError) {
        let date = HPDF_Date(year: Int32(clamping: year), month: Int32(clamping: month), day: Int32(clamping: day),
                             hour: 0, minutes: 0, seconds: 0, ind: CChar(UInt8(ascii: "Z")),
                             off_hour: 0, off_minutes: 0)
        try check(HPDF_SetInfoDateAttr(handle, type, date), "HPDF_SetInfoDateAttr")
    }

    /// The document as PDF bytes (no /ID: byte-identical for identical input).
    func savedBytes() throws(HaruError) -> [UInt8] {
        try check(HPDF_SaveToStream(handle), "HPDF_SaveToStream")
        return try streamBytes()
    }

    /// Reads the saved stream: reset, then one read of exactly its size (docs/libharu.md, "Saving").
    func streamBytes() throws(HaruError) -> [UInt8] {
        if let bytes = internals.memoryStreamBytes() { return bytes }
        let size = HPDF_GetStreamSize(handle)
        try check(UInt(HPDF_OK), "HPDF_GetStreamSize")
        try check(HPDF_ResetStream(handle), "HPDF_ResetStream")
        var bytes = [UInt8](repeating: 0, count: Int(size))
        var length = size
        let status = bytes.withUnsafeMutableBufferPointer { HPDF_ReadFromStream(handle, $0.baseAddress, &length) }
        if status == UInt(HPDF_STREAM_EOF), length == size {
            HPDF_ResetError(handle)  // reading up to the end reports EOF; the bytes are complete
            try check(UInt(HPDF_OK), "HPDF_ReadFromStream")
        } else {
            try check(status, "HPDF_ReadFromStream")
        }
        guard length == size else { throw .library(call: "HPDF_ReadFromStream", code: UInt(HPDF_STREAM_EOF), detail: 0) }
        return bytes
    }
}
