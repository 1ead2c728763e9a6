import Foundation

extension MailMessage {
    /// The message as RFC 5322 text: multipart/mixed holding multipart/alternative (text,
    /// HTML) and the PDF, bodies in base64, headers with non-ASCII text encoded-word.
    /// Deterministic: the boundaries come from the Message-ID.
    public func mime() -> [UInt8] {
        let boundary = "talon-" + String(messageID.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
            .map(Character.init).prefix(40))
        let mixed = boundary + "-mixed", alternative = boundary + "-alt"
        var lines = [
            "From: \(from)",
            "To: \(to)",
            "Subject: \(Self.encodedWord(subject))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"\(mixed)\"",
            "",
            "--\(mixed)",
            "Content-Type: multipart/alternative; boundary=\"\(alternative)\"",
            "",
        ]
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            lines += ["--\(alternative)", "Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: base64", "",
                      Self.base64(Array(body.utf8))]
        }
        lines.append("--\(alternative)--")
        if let attachment {
            let name = attachment.name.replacingOccurrences(of: "\"", with: "")
            lines += ["--\(mixed)", "Content-Type: application/pdf; name=\"\(Self.encodedWord(name))\"",
                      "Content-Disposition: attachment; \(Self.fileNameParameter(name))",
                      "Content-Transfer-Encoding: base64", "", Self.base64(attachment.bytes)]
        }
        lines += ["--\(mixed)--", ""]
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    }

    /// `filename="…"` for ASCII names, else `filename*=utf-8''…` (RFC 2231).
    static func fileNameParameter(_ name: String) -> String {
        if name.unicodeScalars.allSatisfy({ $0.isASCII && $0 != "\\" }) { return "filename=\"\(name)\"" }
        let encoded = name.utf8.map { byte -> String in
            let scalar = Unicode.Scalar(byte)
            return byte < 0x80 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._".unicodeScalars.contains(scalar))
                ? String(scalar) : String(format: "%%%02X", byte)
        }.joined()
        return "filename*=utf-8''\(encoded)"
    }

    /// ASCII text as it is; anything else as `=?utf-8?B?…?=` (RFC 2047).
    static func encodedWord(_ text: String) -> String {
        let clean = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if clean.unicodeScalars.allSatisfy({ $0.isASCII }) { return clean }
        return "=?utf-8?B?\(Data(clean.utf8).base64EncodedString())?="
    }
}
