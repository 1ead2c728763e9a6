/// Base64 with the URL-safe alphabet (`-` and `_` for `+` and `/`) and no `=` padding
/// (RFC 4648 section 5), as the NBU payment link carries its payload.
public enum Base64URL {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Four characters per three bytes; a last group of one or two bytes gives two or three.
    public static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var group = 0
            for offset in 0..<3 { group = group << 8 | (offset < count ? Int(bytes[index + offset]) : 0) }
            for position in 0...count { output.append(alphabet[(group >> (18 - 6 * position)) & 0x3F]) }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes of an unpadded Base64URL text, or nil when it holds another character or
    /// has a length no encoding gives (a remainder of one character).
    public static func decode(_ text: String) -> [UInt8]? {
        var values: [Int] = []
        values.reserveCapacity(text.utf8.count)
        for character in text.utf8 {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            values.append(value)
        }
        guard values.count % 4 != 1 else { return nil }
        var bytes: [UInt8] = []
        var index = 0
        while index < values.count {
            let count = min(4, values.count - index)
            var group = 0
            for offset in 0..<4 { group = group << 6 | (offset < count ? values[index + offset] : 0) }
            for position in 0..<(count - 1) { bytes.append(UInt8((group >> (16 - 8 * position)) & 0xFF)) }
            index += 4
        }
        return bytes
    }
}
