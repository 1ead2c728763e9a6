import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The PDF/A-3b rules that apply to the files Talon writes, each checked from outside with
/// `qpdf --json` (docs/pdfa.md lists them with the clause each comes from). Returns the
/// broken rules, one line each; empty when the file passes.
public enum PDFARules {
    public static let sRGBProfile = "/usr/share/color/icc/sRGB.icc"

    public static func problems(_ path: String) throws -> [String] {
        var problems: [String] = []
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let pdf = try QPDFJSON(path: path)
        let trailer = pdf.trailer
        // 1. Header: a version up to 1.7 and a comment line of four bytes above 127.
        let lines = bytes.prefix(64).split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: false)
        if lines.count < 2 || !String(decoding: lines[0], as: UTF8.self).hasPrefix("%PDF-1.")
            || lines[1].first != UInt8(ascii: "%") || lines[1].dropFirst().prefix(4).count != 4
            || !lines[1].dropFirst().prefix(4).allSatisfy({ $0 > 127 }) {
            problems.append("1 header: %PDF-1.x and a binary comment line")
        }
        // 2. A file identifier of two 16-byte strings.
        if let ids = trailer["/ID"] as? [String], ids.count == 2, ids.allSatisfy({ $0.hasPrefix("b:") && $0.count == 34 }) {
        } else {
            problems.append("2 trailer: /ID of two 16-byte strings")
        }
        // 3. No encryption.
        if trailer["/Encrypt"] != nil { problems.append("3 trailer: no /Encrypt") }
        guard let catalog = pdf.dictionary(trailer["/Root"]), let info = pdf.dictionary(trailer["/Info"]) else {
            return problems + ["0 trailer: /Root and /Info"]
        }
        // 4. XMP metadata: an unfiltered /Metadata XML stream, well-formed, PDF/A-3B.
        let metadata = pdf.dictionary(catalog["/Metadata"])
        let xmp = pdf.streamData(catalog["/Metadata"]).map { String(decoding: $0, as: UTF8.self) } ?? ""
        if metadata?["/Type"] as? String != "/Metadata" || metadata?["/Subtype"] as? String != "/XML" || xmp.isEmpty
            || findSubsequence(Array(xmp.utf8), in: bytes) == nil {
            problems.append("4 catalog: /Metadata, an unfiltered /Type/Metadata /Subtype/XML stream")
        }
        if !XMLParser(data: Data(xmp.utf8)).parse() { problems.append("4 metadata: well-formed XML") }
        if element("pdfaid:part", in: xmp) != "3" || element("pdfaid:conformance", in: xmp) != "B" {
            problems.append("4 metadata: pdfaid:part 3, pdfaid:conformance B")
        }
        // 5. Every info entry has its XMP equivalent with the same value.
        let equivalents = [("/Title", "dc:title"), ("/Author", "dc:creator"), ("/Subject", "dc:description"),
                           ("/Keywords", "pdf:Keywords"), ("/Creator", "xmp:CreatorTool"), ("/Producer", "pdf:Producer"),
                           ("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")]
        for (key, property) in equivalents {
            guard let value = QPDFJSON.text(info[key]) else { continue }
            let expected = key.hasSuffix("Date") ? xmpDate(value) : value
            if element(property, in: xmp) != expected {
                problems.append("5 metadata: \(property) = info \(key) (\(expected ?? value))")
            }
        }
        // 6. An sRGB output intent.
        let intents = (catalog["/OutputIntents"] as? [Any]) ?? []
        let profile = try? Data(contentsOf: URL(fileURLWithPath: sRGBProfile))
        if intents.count != 1 || pdf.dictionary(intents.first)?["/S"] as? String != "/GTS_PDFA1"
            || QPDFJSON.text(pdf.dictionary(intents.first)?["/OutputConditionIdentifier"]) == nil
            || pdf.dictionary(pdf.dictionary(intents.first)?["/DestOutputProfile"])?["/N"] as? Int != 3
            || pdf.streamData(pdf.dictionary(intents.first)?["/DestOutputProfile"]) != profile {
            problems.append("6 catalog: one /GTS_PDFA1 output intent with the sRGB profile (/N 3)")
        }
        // 7. Every font embedded, with a ToUnicode map.
        for font in pdf.dictionaries where font["/Type"] as? String == "/Font" && font["/Subtype"] as? String != "/CIDFontType2" {
            let name = font["/BaseFont"] as? String ?? "?"
            let descendant = pdf.dictionary((font["/DescendantFonts"] as? [Any])?.first)
            let descriptor = pdf.dictionary((descendant ?? font)["/FontDescriptor"])
            if descriptor?["/FontFile2"] == nil && descriptor?["/FontFile"] == nil && descriptor?["/FontFile3"] == nil {
                problems.append("7 font \(name): embedded")
            }
            if font["/ToUnicode"] == nil { problems.append("7 font \(name): /ToUnicode") }
        }
        // 8. The source data as an associated file.
        let files = (catalog["/AF"] as? [Any]) ?? []
        let names = (pdf.dictionary(pdf.dictionary(catalog["/Names"])?["/EmbeddedFiles"])?["/Names"] as? [Any]) ?? []
        for item in files {
            let specification = pdf.dictionary(item) ?? [:]
            let embedded = pdf.dictionary(specification["/EF"])
            let stream = pdf.dictionary(embedded?["/F"])
            if specification["/Type"] as? String != "/Filespec" || specification["/AFRelationship"] as? String != "/Source"
                || QPDFJSON.text(specification["/F"]) == nil || QPDFJSON.text(specification["/UF"]) == nil
                || embedded?["/UF"] as? String != embedded?["/F"] as? String
                || stream?["/Type"] as? String != "/EmbeddedFile" || stream?["/Subtype"] as? String != "/application/json"
                || (stream?["/Params"] as? [String: Any])?["/Size"] as? Int != pdf.streamData(embedded?["/F"])?.count
                || !names.contains(where: { $0 as? String == item as? String }) {
                problems.append("8 associated file: /Filespec with /AFRelationship /Source, /F, /UF, /EF, MIME type, size, listed in /EmbeddedFiles")
            }
        }
        return problems
    }

    /// The attached files' data of a PDF, in /AF order.
    public static func attachments(_ path: String) throws -> [Data] {
        let pdf = try QPDFJSON(path: path)
        let catalog = pdf.dictionary(pdf.trailer["/Root"]) ?? [:]
        return ((catalog["/AF"] as? [Any]) ?? []).compactMap { pdf.streamData(pdf.dictionary(pdf.dictionary($0)?["/EF"])?["/F"]) }
    }

    /// The text of the first element `name` in `xml`, inside rdf:li when it holds one.
    static func element(_ name: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(name)>"), let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex) else {
            return nil
        }
        var inner = String(xml[open.upperBound..<close.lowerBound])
        if let li = inner.range(of: "<rdf:li"), let end = inner.range(of: ">", range: li.upperBound..<inner.endIndex),
           let liClose = inner.range(of: "</rdf:li>") {
            inner = String(inner[end.upperBound..<liClose.lowerBound])
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            inner = inner.replacingOccurrences(of: entity, with: character)
        }
        return inner
    }

    /// "D:20250723000000Z00'00'" as XMP writes it: "2025-07-23T00:00:00Z".
    static func xmpDate(_ date: String) -> String? {
        let digits = Array(date.dropFirst(2).prefix(14))
        guard date.hasPrefix("D:"), digits.count == 14, date.dropFirst(16).hasPrefix("Z") else { return nil }
        let text = String(digits)
        func part(_ start: Int, _ length: Int) -> String {
            String(text.dropFirst(start).prefix(length))
        }
        return "\(part(0, 4))-\(part(4, 2))-\(part(6, 2))T\(part(8, 2)):\(part(10, 2)):\(part(12, 2))Z"
    }

    static func findSubsequence(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
