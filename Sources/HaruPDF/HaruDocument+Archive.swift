import Foundation
internal import CHaru
import Layout

/// The objects PDF/A-3b asks for beyond what libharu writes (ISO 19005-3): XMP metadata that
/// repeats the info dictionary, an output intent with the sRGB profile, and the source data as
/// an associated file. libharu 2.3.0's own PDF/A helper writes invalid XMP and a clock-based
/// /ID, so HaruPDF builds these objects with libharu's dictionary calls (`HaruInternals`) instead.
extension HaruDocument {
    /// Where Debian's icc-profiles-free installs the sRGB profile.
    static let sRGBProfilePath = "/usr/share/color/icc/sRGB.icc"

    func addArchiveObjects(_ info: DocumentInfo) throws(HaruError) {
        guard let profile = FileManager.default.contents(atPath: Self.sRGBProfilePath), profile.count > 128 else {
            throw .archive("PDF/A needs the sRGB colour profile \(Self.sRGBProfilePath) "
                           + "(Debian package icc-profiles-free)")
        }
        let internals = internals
        let catalog = try internals.catalog()
        if let date = info.creationDate {
            try setDate(HPDF_INFO_MOD_DATE, year: date.year, month: date.month, day: date.day)
        }
        let metadata = try internals.stream(Array(ArchiveMetadata.xmp(info).utf8), deflated: false)
        try internals.add(["Type": .name("Metadata"), "Subtype": .name("XML")], to: metadata)
        try internals.add(["Metadata": .dictionary(metadata)], to: catalog)

        let iccStream = try internals.stream(Array(profile), deflated: true)
        try internals.add(["N": .number(3)], to: iccStream)
        let intent = try internals.dictionary(indirect: false)
        try internals.add(["Type": .name("OutputIntent"), "S": .name("GTS_PDFA1"),
                           "OutputConditionIdentifier": .text("sRGB IEC61966-2.1"), "Info": .text("sRGB IEC61966-2.1"),
                           "DestOutputProfile": .dictionary(iccStream)], to: intent)
        try internals.add(["OutputIntents": .array([.dictionary(intent)])], to: catalog)

        if let attachment = info.attachment {
            try attach(attachment, to: catalog, date: info.creationDate)
        }
    }

    /// The attachment as an associated file of the document (/AF, /AFRelationship /Source),
    /// also listed among the embedded files so that viewers show it.
    private func attach(_ file: AttachedFile, to catalog: HaruDictionary,
                        date: (year: Int, month: Int, day: Int)?) throws(HaruError) {
        let internals = internals
        let embedded = try internals.stream(file.bytes, deflated: true)
        try internals.add(["Type": .name("EmbeddedFile"), "Subtype": .name(file.mimeType)], to: embedded)
        let parameters = try internals.dictionary(indirect: false)
        try internals.add(["Size": .number(Int32(clamping: file.bytes.count))], to: parameters)
        if let date {
            let stamp = String(format: "D:%04d%02d%02d000000Z", date.year, date.month, date.day)
            try internals.add(["ModDate": .text(stamp)], to: parameters)
        }
        try internals.add(["Params": .dictionary(parameters)], to: embedded)

        let specification = try internals.dictionary(indirect: true)
        let asciiName = String(file.name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? Character($0) : "_" })
        let files = try internals.dictionary(indirect: false)
        try internals.add(["F": .dictionary(embedded), "UF": .dictionary(embedded)], to: files)
        try internals.add(["Type": .name("Filespec"), "F": .text(asciiName), "UF": .text(file.name),
                           "Desc": .text("The data this document was made from"), "AFRelationship": .name("Source"),
                           "EF": .dictionary(files)], to: specification)

        try internals.add(["AF": .array([.dictionary(specification)])], to: catalog)
        let tree = try internals.dictionary(indirect: false)
        try internals.add(["Names": .array([.text(asciiName), .dictionary(specification)])], to: tree)
        let names = try internals.dictionary(indirect: false)
        try internals.add(["EmbeddedFiles": .dictionary(tree)], to: names)
        try internals.add(["Names": .dictionary(names)], to: catalog)
    }
}
