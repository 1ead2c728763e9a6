/// Strings: escapes resolved, control characters refused, the bytes checked to be UTF-8.
extension JSONReader {
    /// A string's content; the reader stands on its opening quote.
    mutating func readString() throws(JSONSyntaxError) -> String {
        let start = offset
        offset += 1
        var result = ""
        var runStart = offset
        while true {
            guard let byte = peek() else { throw failure(.unclosedString(start: start)) }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                try appendRun(from: runStart, to: &result)
                offset += 1
                if byte == UInt8(ascii: "\"") { return result }
                try appendEscape(to: &result, stringStart: start)
                runStart = offset
            } else if byte < 0x20 {
                throw failure(.controlCharacter)
            } else {
                offset += 1
            }
        }
    }

    /// Appends the bytes from `start` to the current position, which must be UTF-8.
    private func appendRun(from start: Int, to result: inout String) throws(JSONSyntaxError) {
        guard start < offset else { return }
        guard let run = String(validating: bytes[start..<offset], as: UTF8.self) else {
            throw failure(.notUTF8)
        }
        result += run
    }

    /// Reads the escape after a backslash.
    private mutating func appendEscape(to result: inout String, stringStart: Int) throws(JSONSyntaxError) {
        guard let byte = peek() else { throw failure(.unclosedString(start: stringStart)) }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): result += "\""
        case UInt8(ascii: "\\"): result += "\\"
        case UInt8(ascii: "/"): result += "/"
        case UInt8(ascii: "b"): result += "\u{08}"
        case UInt8(ascii: "f"): result += "\u{0C}"
        case UInt8(ascii: "n"): result += "\n"
        case UInt8(ascii: "r"): result += "\r"
        case UInt8(ascii: "t"): result += "\t"
        case UInt8(ascii: "u"):
            var unit = try hexUnit()
            if (0xD800...0xDBFF).contains(unit) {
                // A high surrogate must be followed by an escaped low one.
                guard peek() == UInt8(ascii: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw failure(.missingLowSurrogate)
                }
                offset += 2
                let low = try hexUnit()
                guard (0xDC00...0xDFFF).contains(low) else { throw failure(.invalidLowSurrogate) }
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(unit) else { throw failure(.loneLowSurrogate) }
            result.unicodeScalars.append(scalar)
        default:
            throw failure(.unknownEscape(byte, backslash: offset - 2))
        }
    }

    /// Four hexadecimal digits.
    private mutating func hexUnit() throws(JSONSyntaxError) -> UInt32 {
        let start = offset
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = Self.hexValue(byte) else {
                throw failure(.expectedHexDigits(start: start))
            }
            unit = unit << 4 | digit
            offset += 1
        }
        return unit
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
