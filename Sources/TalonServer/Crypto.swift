import Foundation
internal import CCrypt

/// Keyed hashes and random secrets from Nettle; nothing here is home-made cryptography.
enum Crypto {
    /// HMAC-SHA256 of `message` under `key`.
    static func hmac(key: [UInt8], _ message: String) -> [UInt8] {
        var context = hmac_sha256_ctx()
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_SIZE))
        nettle_hmac_sha256_set_key(&context, key.count, key)
        let bytes = Array(message.utf8)
        nettle_hmac_sha256_update(&context, bytes.count, bytes)
        nettle_hmac_sha256_digest(&context, digest.count, &digest)
        return digest
    }

    /// SHA-256 of `bytes`.
    static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var context = sha256_ctx()
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_SIZE))
        nettle_sha256_init(&context)
        nettle_sha256_update(&context, bytes.count, bytes)
        nettle_sha256_digest(&context, digest.count, &digest)
        return digest
    }

    /// Whether two byte strings are equal, in time that does not depend on where they differ.
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return nettle_memeql_sec(a, b, a.count) != 0
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
