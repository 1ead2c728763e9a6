import Foundation
internal import CCrypto

/// Keyed hashes and random secrets from OpenSSL's libcrypto; nothing here is home-made
/// cryptography.
enum Crypto {
    /// HMAC-SHA256 of `message` under `key`.
    static func hmac(key: [UInt8], _ message: String) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        var length: UInt32 = 0
        let bytes = Array(message.utf8)
        // A key longer than Int32 cannot reach here (keys are 32 random bytes); an empty
        // digest then matches nothing.
        guard let keyLength = Int32(exactly: key.count),
              HMAC(EVP_sha256(), key, keyLength, bytes, bytes.count, &digest, &length) != nil,
              length == digest.count else { return [] }
        return digest
    }

    /// Whether two byte strings are equal, in time that does not depend on where they differ.
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count, !a.isEmpty else { return a.isEmpty && b.isEmpty }
        return CRYPTO_memcmp(a, b, a.count) == 0
    }

    /// `count` bytes from the system's random source.
    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func unhex(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}

/// A signed, time-limited token: `<seconds>.<hmac>` binding a purpose (and optionally a
/// session) to the moment it was issued. Anti-robot tokens on the public form, CSRF tokens
/// on staff forms.
struct SignedToken {
    let key: [UInt8]
    let purpose: String

    func issue(at now: Date, binding: String = "") -> String {
        let seconds = Int64(now.timeIntervalSince1970)
        return "\(seconds).\(Crypto.hex(Crypto.hmac(key: key, "\(purpose)|\(binding)|\(seconds)")))"
    }

    /// Whether `token` was issued by this server for this purpose within `maxAge` seconds.
    func verify(_ token: String, at now: Date, maxAge: Int64, binding: String = "") -> Bool {
        let parts = token.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, let seconds = Int64(parts[0]), let mac = Crypto.unhex(String(parts[1])) else {
            return false
        }
        let age = Int64(now.timeIntervalSince1970).subtractingReportingOverflow(seconds)
        guard !age.overflow, age.partialValue >= 0, age.partialValue <= maxAge else { return false }
        return Crypto.equal(mac, Crypto.hmac(key: key, "\(purpose)|\(binding)|\(seconds)"))
    }
}
