import Foundation
internal import CHaru
import Layout

/// The objects PDF/A-3b asks for beyond what libharu writes (ISO 19005-3): XMP metadata that
/// repeats the info dictionary, an output intent with the sRGB profile, and the source data as
/// an associated file. libharu 2.3.0's own PDF/A helper writes invalid XMP and a clock-based
/// /ID, so HaruPDF builds these objects with libharu's dictionary calls instead.
extension HaruDocument {
    /// Where Debian's icc-profiles-free installs the sRGB profile.
    static let sRGBProfilePath = "/usr/share/color/icc/sRGB.icc"

    func addArchiveObjects(_ info: DocumentInfo) throws(HaruError) {
        guard let profile = FileManager.default.contents(atPath: Self.sRGBProfilePath), profile.count > 128 else {
            throw .archive("PDF/A needs the sRGB colour profile \(Self.sRGBProfilePath) "
                           + "(Debian package icc-profiles-free)")
        }
        guard let catalog = handle.pointee.catalog else { throw .library(call: "PDF/A catalog", code: 0x1033, detail: 0) }
        if let date = info.creationDate {
            try setDate(HPDF_INFO_MOD_DATE, year: date.year, month: date.month, day: date.day)
        }
        let metadata = try stream(Array(ArchiveMetadata.xmp(info).utf8), deflated: false)
        try check(HPDF_Dict_AddName(metadata, "Type", "Metadata"), "HPDF_Dict_AddName")
        try check(HPDF_Dict_AddName(metadata, "Subtype", "XML"), "HPDF_Dict_AddName")
        try check(HPDF_Dict_Add(catalog, "Metadata", UnsafeMutableRawPointer(metadata)), "HPDF_Dict_Add")

        let iccStream = try stream(Array(profile), deflated: true)
        try check(HPDF_Dict_AddNumber(iccStream, "N", 3), "HPDF_Dict_AddNumber")
        let intent = try require(HPDF_Dict_New(handle.pointee.mmgr), "HPDF_Dict_New")
        try check(HPDF_Dict_AddName(intent, "Type", "OutputIntent"), "HPDF_Dict_AddName")
        try check(HPDF_Dict_AddName(intent, "S", "GTS_PDFA1"), "HPDF_Dict_AddName")
        try check(HPDF_Dict_Add(intent, "OutputConditionIdentifier", try text("sRGB IEC61966-2.1")), "HPDF_Dict_Add")
        try check(HPDF_Dict_Add(intent, "Info", try text("sRGB IEC61966-2.1")), "HPDF_Dict_Add")
        try check(HPDF_Dict_Add(intent, "DestOutputProfile", UnsafeMutableRawPointer(iccStream)), "HPDF_Dict_Add")
        try check(HPDF_Dict_Add(catalog, "OutputIntents", try array([UnsafeMutableRawPointer(intent)])), "HPDF_Dict_Add")

        if let attachment = info.attachment {
            try attach(attachment, to: catalog, date: info.creationDate)
        }
    }

    /// The attachment as an associated file of the document (/AF, /AFRelationship /Source),
    /// also listed among the embedded files so that viewers show it.
    private func attach(_ file: AttachedFile, to catalog: HPDF_Dict,
                        date: (year: Int, month: Int, day: Int)?) throws(HaruError) {
        let mmgr = handle.pointee.mmgr
        let embedded = try stream(file.bytes, deflated: true)
        try check(HPDF_Dict_AddName(embedded, "Type", "EmbeddedFile"), "HPDF_Dict_AddName")
        try check(HPDF_Dict_AddName(embedded, "Subtype", file.mimeType), "HPDF_Dict_AddName")
        let parameters = try require(HPDF_Dict_New(mmgr), "HPDF_Dict_New")
        try check(HPDF_Dict_AddNumber(parameters, "Size", Int32(clamping: file.bytes.count)), "HPDF_Dict_AddNumber")
        if let date {
            let stamp = String(format: "D:%04d%02d%02d000000Z", date.year, date.month, date.day)
            try check(HPDF_Dict_Add(parameters, "ModDate", try text(stamp)), "HPDF_Dict_Add")
        }
        try check(HPDF_Dict_Add(embedded, "Params", UnsafeMutableRawPointer(parameters)), "HPDF_Dict_Add")

        let specification = try require(HPDF_Dict_New(mmgr), "HPDF_Dict_New")
        try check(HPDF_Xref_Add(handle.pointee.xref, UnsafeMutableRawPointer(specification)), "HPDF_Xref_Add")
        try check(HPDF_Dict_AddName(specification, "Type", "Filespec"), "HPDF_Dict_AddName")
        let asciiName = String(file.name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? Character($0) : "_" })
        try check(HPDF_Dict_Add(specification, "F", try text(asciiName)), "HPDF_Dict_Add")
        try check(HPDF_Dict_Add(specification, "UF", try text(file.name)), "HPDF_Dict_Add")
        try check(HPDF_Dict_Add(specification, "Desc", try text("The data this document was made from")), "HPDF_Dict_Add")
        try check(HPDF_Dict_AddName(specification, "AFRelationship", "Source"), "HPDF_Dict_AddName")
        let files = try require(HPDF_Dict_New(mmgr), "HPDF_Dict_New")
        try check(HPDF_Dict_Add(files, "F", UnsafeMutableRawPointer(embedded)), "HPDF_Dict_Add")
        try check(HPDF_Dict_Add(files, "UF", UnsafeMutableRawPointer(embedded)), "HPDF_Dict_Add")
        try check(HPDF_Dict_Add(specification, "EF", UnsafeMutableRawPointer(files)), "HPDF_Dict_Add")

        try check(HPDF_Dict_Add(catalog, "AF", try array([UnsafeMutableRawPointer(specification)])), "HPDF_Dict_Add")
        let tree = try require(HPDF_Dict_New(mmgr), "HPDF_Dict_New")
        try check(HPDF_Dict_Add(tree, "Names", try array([try text(asciiName), UnsafeMutableRawPointer(specification)])),
                  "HPDF_Dict_Add")
        let names = try require(HPDF_Dict_New(mmgr), "HPDF_Dict_New")
        try check(HPDF_Dict_Add(names, "EmbeddedFiles", UnsafeMutableRawPointer(tree)), "HPDF_Dict_Add")
        try check(HPDF_Dict_Add(catalog, "Names", UnsafeMutableRawPointer(names)), "HPDF_Dict_Add")
    }

    /// A new indirect stream holding `bytes`; `deflated` streams get /FlateDecode.
    private func stream(_ bytes: [UInt8], deflated: Bool) throws(HaruError) -> HPDF_Dict {
        let dictionary = try require(HPDF_DictStream_New(handle.pointee.mmgr, handle.pointee.xref), "HPDF_DictStream_New")
        if deflated { dictionary.pointee.filter = UInt32(HPDF_STREAM_FILTER_FLATE_DECODE) }
        let status = bytes.withUnsafeBufferPointer { buffer in
            HPDF_Stream_Write(dictionary.pointee.stream, buffer.baseAddress, UInt32(clamping: buffer.count))
        }
        try check(status, "HPDF_Stream_Write")
        return dictionary
    }

    /// A text string: literal when printable ASCII, else UTF-16BE with a byte order mark.
    func text(_ value: String) throws(HaruError) -> UnsafeMutableRawPointer {
        let mmgr = handle.pointee.mmgr
        if value.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) {
            return UnsafeMutableRawPointer(try require(HPDF_String_New(mmgr, value, nil), "HPDF_String_New"))
        }
        var utf16: [UInt8] = [0xFE, 0xFF]
        for unit in value.utf16 { utf16 += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let binary = utf16.withUnsafeMutableBufferPointer { buffer in
            HPDF_Binary_New(mmgr, buffer.baseAddress, UInt32(buffer.count))
        }
        return UnsafeMutableRawPointer(try require(binary, "HPDF_Binary_New"))
    }

    private func array(_ items: [UnsafeMutableRawPointer]) throws(HaruError) -> UnsafeMutableRawPointer {
        let array = try require(HPDF_Array_New(handle.pointee.mmgr), "HPDF_Array_New")
        for item in items { try check(HPDF_Array_Add(array, item), "HPDF_Array_Add") }
        return UnsafeMutableRawPointer(array)
    }
}
