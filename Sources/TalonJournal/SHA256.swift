internal import CNettle

/// SHA-256 from Nettle (Debian nettle-dev): content addresses of attachments and the
/// hashes of templates, data and PDFs that prove a reprint is the same document.
public enum SHA256 {
    /// The digest as 64 lowercase hex digits.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = Hasher()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    /// A running hash over several pieces.
    public struct Hasher {
        private var context = sha256_ctx()

        public init() { nettle_sha256_init(&context) }

        public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
            let contiguous = bytes.withContiguousStorageIfAvailable { buffer in
                nettle_sha256_update(&context, buffer.count, buffer.baseAddress)
            }
            if contiguous == nil {
                let array = Array(bytes)
                array.withUnsafeBufferPointer { buffer in nettle_sha256_update(&context, buffer.count, buffer.baseAddress) }
            }
        }

        public mutating func finalizeHex() -> String {
            var digest = [UInt8](repeating: 0, count: 32)
            digest.withUnsafeMutableBufferPointer { buffer in nettle_sha256_digest(&context, 32, buffer.baseAddress) }
            let digits = Array("0123456789abcdef".utf8)
            var text: [UInt8] = []
            text.reserveCapacity(64)
            for byte in digest {
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0f)])
            }
            return String(decoding: text, as: UTF8.self)
        }
    }
}
