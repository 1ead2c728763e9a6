/// Makes arbitrary text safe to insert into markup: the result parses back to exactly the
/// same text wherever text is allowed (paragraph, table cell, directive argument), so customer
/// data can never add structure.
public enum MarkupEscaper {
    /// Backslash before every ASCII punctuation character, `@br()` for each line feed, carriage
    /// returns dropped. Blanks at the very start or end of a line, cell or bare argument are still
    /// trimmed by the parser; inside a quoted argument they are kept.
    public static func escape(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        append(text, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// Appends the escaped UTF-8 of `text` to `output` (the same rules as `escape(_:)`).
    public static func append(_ text: String, to output: inout [UInt8]) {
        // Works on UTF-8 bytes: every byte that needs care is ASCII, and bytes of
        // multi-byte characters are never ASCII, so runs between them are copied whole.
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x80, needsCare(byte) else { continue }
                if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                runStart = index + 1
                if byte == UInt8(ascii: "\n") {
                    output.append(contentsOf: "@br()".utf8)
                } else if byte != UInt8(ascii: "\r") {
                    output.append(UInt8(ascii: "\\"))
                    output.append(byte)
                }
            }
            if runStart < bytes.count {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            }
        }
    }

    /// ASCII punctuation, line feed and carriage return.
    @inline(__always)
    private static func needsCare(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E, 0x0A, 0x0D: return true
        default: return false
        }
    }
}
