import Layout

/// The XMP packet of a PDF/A-3b document: the PDF/A identification and the same title,
/// author, subject, keywords, creator tool and dates as the info dictionary (ISO 19005-3
/// 6.6.3 asks every info entry to have its XMP equivalent).
enum ArchiveMetadata {
    static func xmp(_ info: DocumentInfo) -> String {
        var properties = ["<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
                          "<dc:format>application/pdf</dc:format>"]
        if !info.title.isEmpty {
            properties.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escaped(info.title))</rdf:li></rdf:Alt></dc:title>")
        }
        if !info.author.isEmpty {
            properties.append("<dc:creator><rdf:Seq><rdf:li>\(escaped(info.author))</rdf:li></rdf:Seq></dc:creator>")
        }
        if !info.subject.isEmpty {
            properties.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escaped(info.subject))</rdf:li></rdf:Alt></dc:description>")
        }
        if !info.keywords.isEmpty { properties.append("<pdf:Keywords>\(escaped(info.keywords))</pdf:Keywords>") }
        if !info.creator.isEmpty { properties.append("<xmp:CreatorTool>\(escaped(info.creator))</xmp:CreatorTool>") }
        if let date = info.creationDate {
            let stamp = "\(digits(date.year, 4))-\(digits(date.month, 2))-\(digits(date.day, 2))T00:00:00Z"
            properties += ["<xmp:CreateDate>\(stamp)</xmp:CreateDate>", "<xmp:ModifyDate>\(stamp)</xmp:ModifyDate>",
                           "<xmp:MetadataDate>\(stamp)</xmp:MetadataDate>"]
        }
        return """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" \
            xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            \(properties.joined(separator: "\n"))
            </rdf:Description>
            </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """
    }

    /// Text with XML's five special characters escaped and control characters dropped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                if scalar.value >= 0x20 || scalar == "\t" || scalar == "\n" { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    static func digits(_ value: Int, _ width: Int) -> String { String(value).leftPadded(to: width) }
}
