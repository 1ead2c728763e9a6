internal import CCrypto

/// SHA-256 from OpenSSL's libcrypto: content addresses of attachments and the hashes of
/// templates, data and PDFs that prove a reprint is the same document.
public enum SHA256 {
    /// The digest as 64 lowercase hex digits.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = Hasher()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    // Fetched once: OpenSSL 3 looks an algorithm named by EVP_sha256() up in its providers
    // on every EVP_DigestInit_ex. A fetched digest is immutable and safe to share; never freed.
    nonisolated(unsafe) private static let algorithm = EVP_MD_fetch(nil, "SHA256", nil)

    /// A running hash over several pieces. Not copyable: it owns libcrypto's context.
    struct Hasher: ~Copyable {
        private let context = EVP_MD_CTX_new()
        /// False when libcrypto could not start the hash (no memory); `finalizeHex` then
        /// returns an empty string, which matches no stored hash.
        private var usable: Bool

        init() {
            usable = EVP_DigestInit_ex(context, SHA256.algorithm ?? EVP_sha256(), nil) == 1
        }

        deinit { EVP_MD_CTX_free(context) }

        mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
            guard usable else { return }
            let status = bytes.withContiguousStorageIfAvailable { buffer in
                EVP_DigestUpdate(context, buffer.baseAddress, buffer.count)
            } ?? Array(bytes).withUnsafeBufferPointer { buffer in
                EVP_DigestUpdate(context, buffer.baseAddress, buffer.count)
            }
            usable = status == 1
        }

        mutating func finalizeHex() -> String {
            var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
            var length: UInt32 = 0
            guard usable, EVP_DigestFinal_ex(context, &digest, &length) == 1, length == digest.count else { return "" }
            usable = false
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
