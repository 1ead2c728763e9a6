extension SourceText {
    /// The scalars of UTF-8 text (valid, as a `String` holds it), decoded straight from its
    /// bytes, which is several times faster than iterating `unicodeScalars` generically. A
    /// leading byte order mark is dropped (editors do not show it, so columns count from after it).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        // Written straight into the array's storage (one scalar at most per byte).
        [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalars, written in
            let count = bytes.count
            var index = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
            var output = 0
            while index < count {
                let lead = UInt32(bytes[index])
                if lead < 0x80 {
                    scalars[output] = Unicode.Scalar(UInt8(lead))
                    output += 1
                    index += 1
                    continue
                }
                // Two bytes (Cyrillic, accented Latin): the common case. The value is below
                // U+0800, so always a scalar (never a surrogate): no check needed.
                if lead < 0xE0, lead >= 0xC0 {
                    guard index + 2 <= count else { break }
                    let value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    scalars[output] = unsafeBitCast(value, to: Unicode.Scalar.self)
                    output += 1
                    index += 2
                    continue
                }
                var value: UInt32
                var length: Int
                switch lead {
                case 0xE0..<0xF0: value = lead & 0x0F; length = 3
                default: value = lead & 0x07; length = 4
                }
                guard index + length <= count else { break }
                for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                scalars[output] = Unicode.Scalar(value) ?? "\u{FFFD}"
                output += 1
                index += length
            }
            written = output
        }
    }

    /// A string made of `scalars`, encoded straight into the string's storage.
    static func makeString(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        guard !scalars.isEmpty else { return "" }
        return scalars.withUnsafeBufferPointer { buffer in
            // The exact UTF-8 length first: up to 15 bytes the string is built inline with no
            // heap storage, and a longer one gets storage of its size rather than 4× the count.
            String(unsafeUninitializedCapacity: utf8Length(buffer)) { storage in
                var written = 0
                for scalar in buffer {
                    let value = scalar.value
                    switch value {
                    case 0..<0x80:
                        storage[written] = UInt8(value)
                        written += 1
                    case 0x80..<0x800:
                        storage[written] = UInt8(0xC0 | value >> 6)
                        storage[written + 1] = UInt8(0x80 | value & 0x3F)
                        written += 2
                    case 0x800..<0x10000:
                        storage[written] = UInt8(0xE0 | value >> 12)
                        storage[written + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                        storage[written + 2] = UInt8(0x80 | value & 0x3F)
                        written += 3
                    default:
                        storage[written] = UInt8(0xF0 | value >> 18)
                        storage[written + 1] = UInt8(0x80 | value >> 12 & 0x3F)
                        storage[written + 2] = UInt8(0x80 | value >> 6 & 0x3F)
                        storage[written + 3] = UInt8(0x80 | value & 0x3F)
                        written += 4
                    }
                }
                return written
            }
        }
    }
}

/// The number of UTF-8 bytes encoding `scalars`.
@inline(__always)
func utf8Length(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
    var length = 0
    for scalar in scalars {
        let value = scalar.value
        length += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
    }
    return length
}

extension Unicode.Scalar {
    /// White space, with an ASCII fast path before the Unicode property lookup.
    var isWhitespaceFast: Bool {
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return properties.isWhitespace
    }
}
