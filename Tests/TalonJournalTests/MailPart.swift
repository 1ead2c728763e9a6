import Foundation

/// Just enough MIME reading to check what the SMTP server received: headers, the parts
/// of a multipart message, and base64 bodies.
struct MailPart {
    var headers: [(String, String)]
    var body: String

    init(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let split = text.range(of: "\n\n")
        let head = split.map { String(text[..<$0.lowerBound]) } ?? text
        body = split.map { String(text[$0.upperBound...]) } ?? ""
        headers = head.split(separator: "\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
    }

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    var type: String { (header("Content-Type") ?? "").components(separatedBy: ";")[0] }

    /// Every leaf part, found through the boundaries.
    var decodedParts: [MailPart] {
        guard let contentType = header("Content-Type"), contentType.hasPrefix("multipart/"),
              let boundary = contentType.components(separatedBy: "boundary=\"").dropFirst().first?.components(separatedBy: "\"").first
        else { return [self] }
        return body.components(separatedBy: "--\(boundary)").dropFirst().filter { !$0.hasPrefix("--") }.flatMap { chunk in
            MailPart(Data(chunk.drop(while: { $0 == "\n" }).utf8)).decodedParts
        }
    }

    var pdfAttachment: [UInt8]? {
        decodedParts.first { $0.type == "application/pdf" }.flatMap {
            Data(base64Encoded: $0.body.filter { !$0.isWhitespace }).map(Array.init)
        }
    }
}
