/// Decodes a zlib stream (RFC 1950) of deflate data (RFC 1951) whose decompressed size
/// is known in advance, as for PNG image data. Every bound is checked: producing more or
/// fewer bytes than expected, a distance reaching before the output start or beyond the
/// declared window, invalid codes and a bad Adler-32 are all errors, never traps.
enum Inflater {
    static let lengthBase: [Int] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
        35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra: [Int] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase: [Int] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
        257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra: [Int] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    /// The order in which code length code lengths are stored in a dynamic block header.
    static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Decompresses `stream` into exactly `expectedSize` bytes. Bytes after the Adler-32
    /// trailer are ignored.
    static func decompress(_ stream: [UInt8], expectedSize: Int) throws(DeflateFailure) -> [UInt8] {
        guard stream.count >= 2 else { throw DeflateFailure("zlib header missing") }
        let method = stream[0], flags = stream[1]
        guard method & 0x0F == 8 else { throw DeflateFailure("compression method \(method & 0x0F), not deflate") }
        guard method >> 4 <= 7 else { throw DeflateFailure("window size above 32 KiB") }
        guard (Int(method) << 8 | Int(flags)) % 31 == 0 else { throw DeflateFailure("bad zlib header check bits") }
        guard flags & 0x20 == 0 else { throw DeflateFailure("preset dictionary not allowed") }
        let window = 1 << (Int(method >> 4) + 8)

        var output = [UInt8](repeating: 0, count: expectedSize)
        try stream.withUnsafeBufferPointer { (input) throws(DeflateFailure) in
            try output.withUnsafeMutableBufferPointer { (out) throws(DeflateFailure) in
                var state = InflateState(input: input, position: 2, output: out, window: window)
                try state.run()
            }
        }
        return output
    }
}
