import Foundation
internal import CCrypt

/// Staff passwords, hashed with yescrypt by the system's libcrypt (`$y$` hashes, salted
/// from the system's random source): nothing here is home-made.
public enum PasswordHash {
    /// A new hash of `password`, or nil if libcrypt cannot make one.
    public static func make(_ password: String) -> String? {
        var salt = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        guard crypt_gensalt_rn("$y$", 0, nil, 0, &salt, Int32(salt.count)) != nil else { return nil }
        return hash(password, setting: salt)
    }

    /// Whether `password` matches `stored` (compared in constant time).
    public static func verify(_ password: String, against stored: String) -> Bool {
        guard let computed = hash(password, setting: Array(stored.utf8CString)) else { return false }
        return Crypto.equal(Array(computed.utf8), Array(stored.utf8))
    }

    private static func hash(_ password: String, setting: [CChar]) -> String? {
        var data = crypt_data()
        let result = withUnsafeMutableBytes(of: &data) { buffer -> String? in
            guard let pointer = crypt_rn(password, setting, buffer.baseAddress, Int32(buffer.count)) else { return nil }
            return String(cString: pointer)
        }
        // A failed hash starts with "*" (libcrypt's marker for an invalid setting).
        guard let result, !result.hasPrefix("*") else { return nil }
        return result
    }

    /// A password to print once: 16 random characters from an unambiguous alphabet.
    public static func generatePassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String(Crypto.randomBytes(16).map { alphabet[Int($0) % alphabet.count] })
    }
}
