internal import CCrypto

/// SHA-2 digests and AES from OpenSSL's libcrypto, for the PDF 2.0 security handler
/// (`StandardSecurityHandler`). Nothing here is written by hand but the calls.
enum Crypto {
    enum Digest { case sha256, sha384, sha512 }

    static func digest(_ kind: Digest, _ bytes: [UInt8]) -> [UInt8] {
        let count: Int32 = switch kind {
        case .sha256: SHA256_DIGEST_LENGTH
        case .sha384: SHA384_DIGEST_LENGTH
        case .sha512: SHA512_DIGEST_LENGTH
        }
        var output = [UInt8](repeating: 0, count: Int(count))
        bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                switch kind {
                case .sha256: _ = SHA256(input.baseAddress, input.count, out.baseAddress)
                case .sha384: _ = SHA384(input.baseAddress, input.count, out.baseAddress)
                case .sha512: _ = SHA512(input.baseAddress, input.count, out.baseAddress)
                }
            }
        }
        return output
    }

    static func sha256(_ bytes: [UInt8]) -> [UInt8] { digest(.sha256, bytes) }

    enum Cipher { case aes128CBC, aes256CBC, aes256ECB }

    // Fetched once: given OpenSSL 3's EVP_aes_* objects, every EVP_EncryptInit_ex looks the
    // cipher up in the providers again, which dominated algorithm 2.B's 64 and more rounds.
    // Safe to share across threads: a fetched cipher is immutable and reference-counted by
    // OpenSSL, and these are never freed.
    nonisolated(unsafe) private static let aes128CBC = EVP_CIPHER_fetch(nil, "AES-128-CBC", nil)
    nonisolated(unsafe) private static let aes256CBC = EVP_CIPHER_fetch(nil, "AES-256-CBC", nil)
    nonisolated(unsafe) private static let aes256ECB = EVP_CIPHER_fetch(nil, "AES-256-ECB", nil)

    /// `bytes` encrypted with `key` (16 bytes for AES-128, 32 for AES-256) and `iv` (16
    /// bytes, ignored by ECB); `padding` adds PKCS #7 padding, otherwise the input must be a
    /// whole number of 16-byte blocks.
    static func encrypt(_ cipher: Cipher, key: [UInt8], iv: [UInt8] = [UInt8](repeating: 0, count: 16),
                        _ bytes: ArraySlice<UInt8>, padding: Bool) throws(HaruError) -> [UInt8] {
        let keyLength = cipher == .aes128CBC ? 16 : 32
        guard key.count == keyLength, iv.count == 16, padding || bytes.count % 16 == 0 else {
            throw .crypto("AES: a key of \(key.count) bytes, an IV of \(iv.count), \(bytes.count) bytes of data")
        }
        guard let context = EVP_CIPHER_CTX_new() else { throw .crypto("EVP_CIPHER_CTX_new failed") }
        defer { EVP_CIPHER_CTX_free(context) }
        let algorithm = switch cipher {
        case .aes128CBC: Self.aes128CBC
        case .aes256CBC: Self.aes256CBC
        case .aes256ECB: Self.aes256ECB
        }
        guard let algorithm, EVP_EncryptInit_ex(context, algorithm, nil, key, iv) == 1,
              EVP_CIPHER_CTX_set_padding(context, padding ? 1 : 0) == 1 else {
            throw .crypto("EVP_EncryptInit_ex failed")
        }
        let (capacity, overflow) = bytes.count.addingReportingOverflow(16)
        guard !overflow, capacity <= Int(Int32.max) else { throw .crypto("a stream too large to encrypt") }
        var output = [UInt8](repeating: 0, count: capacity)
        var written: Int32 = 0, final: Int32 = 0
        let status = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out -> Int32 in
                guard let base = out.baseAddress,
                      EVP_EncryptUpdate(context, base, &written, input.baseAddress, Int32(input.count)) == 1 else { return 0 }
                return EVP_EncryptFinal_ex(context, base + Int(written), &final)
            }
        }
        guard status == 1 else { throw .crypto("EVP_EncryptUpdate failed") }
        output.removeSubrange(Int(written + final)...)
        return output
    }
}
