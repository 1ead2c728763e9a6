internal import CHaru

/// The one place HaruPDF touches libharu beyond its public API (`hpdf.h`): its private
/// records (`HPDF_Doc_Rec`, `HPDF_Dict_Rec`, the cross-reference table, streams, font and
/// encoder attributes, the page's graphics state) and its internal functions (dictionary,
/// array and stream objects, TrueType font definitions). Every such access is written in
/// the `HaruInternals*.swift` files; the rest of HaruPDF uses this type and the public API.
///
/// The records are laid out as libharu 2.3.0 lays them out, so a document is only created
/// with that version (`requireSupported(_:)`). docs/libharu.md lists each internal used,
/// why, and what breaks if libharu changes.
struct HaruInternals {
    /// The libharu version whose records this type reads and writes.
    static let supportedVersion = "2.3.0"

    /// Throws unless `version` is `supportedVersion`: another libharu may lay out its records
    /// differently, and reading them would be undefined behaviour rather than an error.
    static func requireSupported(_ version: String) throws(HaruError) {
        guard version == supportedVersion else {
            throw .unsupportedLibrary(found: version, supported: supportedVersion)
        }
    }

    let document: HaruDocument

    var handle: HPDF_Doc { document.handle }
    private var mmgr: HPDF_MMgr? { handle.pointee.mmgr }

    /// The document's catalog (root) dictionary.
    func catalog() throws(HaruError) -> HaruDictionary {
        guard let catalog = handle.pointee.catalog else { throw .library(call: "catalog", code: 0x1033, detail: 0) }
        return HaruDictionary(catalog)
    }

    /// The document's info dictionary, once libharu made it (the first `HPDF_SetInfoAttr`).
    var info: HaruDictionary? { handle.pointee.info.map(HaruDictionary.init) }
}

/// A libharu dictionary (a font, a page, the catalog or one HaruPDF made), not owning.
struct HaruDictionary {
    let handle: HPDF_Dict

    init(_ handle: HPDF_Dict) { self.handle = handle }
    init(_ font: HaruFont) { handle = font.handle }
}

@available(*, unavailable)
extension HaruDictionary: Sendable {}

/// A value HaruPDF puts into a libharu dictionary or array.
enum HaruValue {
    case name(String)
    case number(Int32)
    /// A text string: literal when printable ASCII, else UTF-16BE with a byte order mark.
    case text(String)
    case array([HaruValue])
    /// A dictionary or stream: by reference when indirect, else inline.
    case dictionary(HaruDictionary)
}

/// The kinds of value `HaruInternals.remove(_:_:from:)` looks for.
enum HaruValueKind {
    case name, number, string, array, dictionary

    fileprivate var objectClass: UInt16 {
        switch self {
        case .name: UInt16(HPDF_OCLASS_NAME)
        case .number: UInt16(HPDF_OCLASS_NUMBER)
        case .string: UInt16(HPDF_OCLASS_STRING)
        case .array: UInt16(HPDF_OCLASS_ARRAY)
        case .dictionary: UInt16(HPDF_OCLASS_DICT)
        }
    }
}

/// Objects: libharu's internal dictionary, array and stream functions (hpdf_objects.h,
/// hpdf_streams.h), which its public API uses to build a document but does not export.
extension HaruInternals {
    /// A new empty dictionary; `indirect` ones get an object number (in creation order).
    func dictionary(indirect: Bool) throws(HaruError) -> HaruDictionary {
        let dictionary = try document.require(HPDF_Dict_New(mmgr), "HPDF_Dict_New")
        if indirect {
            try document.check(HPDF_Xref_Add(handle.pointee.xref, UnsafeMutableRawPointer(dictionary)), "HPDF_Xref_Add")
        }
        return HaruDictionary(dictionary)
    }

    /// A new indirect stream holding `bytes`; `deflated` streams get /FlateDecode.
    func stream(_ bytes: [UInt8], deflated: Bool) throws(HaruError) -> HaruDictionary {
        let dictionary = try document.require(HPDF_DictStream_New(mmgr, handle.pointee.xref), "HPDF_DictStream_New")
        if deflated { dictionary.pointee.filter = UInt32(HPDF_STREAM_FILTER_FLATE_DECODE) }
        guard let stream = dictionary.pointee.stream else {
            throw .library(call: "HPDF_DictStream_New", code: UInt(HPDF_INVALID_STREAM), detail: 0)
        }
        let status = bytes.withUnsafeBufferPointer { append($0, to: stream) }
        try document.check(status, "HPDF_Stream_Write")
        return HaruDictionary(dictionary)
    }

    /// Adds `entries` to `dictionary` in order (libharu writes them in that order).
    func add(_ entries: KeyValuePairs<String, HaruValue>, to dictionary: HaruDictionary) throws(HaruError) {
        for (key, value) in entries {
            switch value {
            case .name(let name): try document.check(HPDF_Dict_AddName(dictionary.handle, key, name), "HPDF_Dict_AddName")
            case .number(let number):
                try document.check(HPDF_Dict_AddNumber(dictionary.handle, key, number), "HPDF_Dict_AddNumber")
            default: try document.check(HPDF_Dict_Add(dictionary.handle, key, try object(value)), "HPDF_Dict_Add")
            }
        }
    }

    /// Removes `key` from `dictionary` when it holds a value of `kind`.
    func remove(_ key: String, _ kind: HaruValueKind, from dictionary: HaruDictionary) throws(HaruError) {
        guard HPDF_Dict_GetItem(dictionary.handle, key, kind.objectClass) != nil else { return }
        try document.check(HPDF_Dict_RemoveElement(dictionary.handle, key), "HPDF_Dict_RemoveElement")
    }

    /// A libharu object for `value`; the dictionary or array it is added to frees it.
    private func object(_ value: HaruValue) throws(HaruError) -> UnsafeMutableRawPointer {
        switch value {
        case .name(let name): return UnsafeMutableRawPointer(try document.require(HPDF_Name_New(mmgr, name), "HPDF_Name_New"))
        case .number(let number):
            return UnsafeMutableRawPointer(try document.require(HPDF_Number_New(mmgr, number), "HPDF_Number_New"))
        case .text(let text): return try self.text(text)
        case .array(let items):
            let array = try document.require(HPDF_Array_New(mmgr), "HPDF_Array_New")
            for item in items { try append(item, to: array) }
            return UnsafeMutableRawPointer(array)
        case .dictionary(let dictionary): return UnsafeMutableRawPointer(dictionary.handle)
        }
    }

    private func append(_ item: HaruValue, to array: HPDF_Array) throws(HaruError) {
        switch item {
        case .name(let name): try document.check(HPDF_Array_AddName(array, name), "HPDF_Array_AddName")
        case .number(let number): try document.check(HPDF_Array_AddNumber(array, number), "HPDF_Array_AddNumber")
        default: try document.check(HPDF_Array_Add(array, try object(item)), "HPDF_Array_Add")
        }
    }

    private func text(_ value: String) throws(HaruError) -> UnsafeMutableRawPointer {
        if value.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) {
            return UnsafeMutableRawPointer(try document.require(HPDF_String_New(mmgr, value, nil), "HPDF_String_New"))
        }
        var utf16: [UInt8] = [0xFE, 0xFF]
        for unit in value.utf16 { utf16 += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let binary = utf16.withUnsafeMutableBufferPointer { buffer in
            HPDF_Binary_New(mmgr, buffer.baseAddress, UInt32(buffer.count))
        }
        return UnsafeMutableRawPointer(try document.require(binary, "HPDF_Binary_New"))
    }
}
