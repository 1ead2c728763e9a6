/// Makes arbitrary text safe to insert into markup: the result parses back to exactly the
/// same text wherever text is allowed (paragraph, table cell, directive argument), so customer
/// data can never add structure.
public enum MarkupEscaper {
    /// Backslash before every ASCII punctuation character, `@br()` for each line feed, carriage
    /// returns dropped. Blanks at the very start or end of a line, cell or bare argument are still
    /// trimmed by the parser; inside a quoted argument they are kept.
    public static func escape(_ text: String) -> String {
        // Works on UTF-8 bytes: every byte that needs care is ASCII, and bytes of
        // multi-byte characters are never ASCII, so they are copied as they are.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if byte < 0x80, Unicode.Scalar(byte).isASCIIPunctuation {
                result.append(UInt8(ascii: "\\"))
                result.append(byte)
            } else if byte == UInt8(ascii: "\n") {
                result.append(contentsOf: "@br()".utf8)
            } else if byte != UInt8(ascii: "\r") {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
