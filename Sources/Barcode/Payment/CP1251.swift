/// Windows-1251, the single-byte Cyrillic code page the NBU payment code allows beside UTF-8.
/// Bytes below 0x80 are ASCII; 0xC0...0xFF are А...я (U+0410...U+044F); the 64 bytes between
/// are listed in `upperHalf`, taken from the code page's published table.
public enum CP1251 {
    /// Code points of bytes 0x80...0xBF; 0 marks 0x98, which the code page leaves unassigned.
    static let upperHalf: [UInt32] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x0000, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    ]

    /// Byte for each code point of the upper half.
    static let byteForScalar: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        for (offset, scalar) in upperHalf.enumerated() where scalar != 0 { table[scalar] = UInt8(0x80 + offset) }
        return table
    }()

    /// The byte of one scalar, or nil when the code page has none.
    public static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0..<0x80: UInt8(scalar.value)
        case 0x0410...0x044F: UInt8(scalar.value - 0x0410 + 0xC0)
        default: byteForScalar[scalar.value]
        }
    }

    /// The bytes of `text`, or nil when a character has no byte in the code page.
    public static func encode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            guard let byte = byte(for: scalar) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }

    /// The text of code-page bytes (0x98 becomes U+FFFD).
    public static func decode(_ bytes: [UInt8]) -> String {
        var text = String.UnicodeScalarView()
        for byte in bytes {
            let value: UInt32 = switch byte {
            case 0..<0x80: UInt32(byte)
            case 0xC0...: UInt32(byte) - 0xC0 + 0x0410
            default: upperHalf[Int(byte) - 0x80]
            }
            text.append(Unicode.Scalar(value == 0 ? 0xFFFD : value) ?? "\u{FFFD}")
        }
        return String(text)
    }
}
