/// The PDF 2.0 standard security handler, revision 6 (ISO 32000-2, 7.6.4): AES-256 keys and
/// the /U, /UE, /O, /OE and /Perms entries, and AES-256 encryption of stream data (/AESV3).
///
/// Where the standard asks for random bytes (salts, the file key, the 4 bytes of /Perms, each
/// stream's IV), this handler derives them from `seed` instead, so that identical input gives
/// an identical file. The seed mixes the document's content with both passwords through
/// algorithm 2.B, so it costs an attacker as much to test a password against the seed as
/// against /U or /O.
struct StandardSecurityHandler {
    let fileKey: [UInt8]
    let seed: [UInt8]
    let user: [UInt8], userEncryptedKey: [UInt8]
    let owner: [UInt8], ownerEncryptedKey: [UInt8]
    let perms: [UInt8]
    let permissions: Int32

    /// Permissions (ISO 32000-2, table 22): printing at high resolution (bits 3 and 12) and
    /// extraction for accessibility (bit 10) only, or everything.
    static func permissions(printOnly: Bool) -> Int32 {
        let reserved: UInt32 = 0xFFFF_F000 | 0xC0
        let granted: UInt32 = printOnly ? (1 << 2) | (1 << 9) | (1 << 11) : 0xF3C
        return Int32(bitPattern: reserved | granted)
    }

    /// - Parameter content: a digest of the unencrypted document.
    init(owner ownerPassword: PDFPassword, user userPassword: PDFPassword, printOnly: Bool,
         content: [UInt8]) throws(HaruError) {
        // One algorithm 2.B hash of the owner password, with the user password's digest as
        // its extra data: testing a guess of either against the seed costs a 2.B hash.
        seed = Crypto.sha256(Array("Talon R6 seed".utf8) + content
                             + (try Self.hash(ownerPassword.bytes, salt: Array(content.prefix(8)),
                                              extra: Crypto.sha256(userPassword.bytes))))
        let salts = Self.derive(seed, "salts", [])
        fileKey = Self.derive(seed, "file key", [])
        permissions = Self.permissions(printOnly: printOnly)

        // Algorithm 8: /U and /UE.
        let userValidation = Array(salts[0..<8]), userKeySalt = Array(salts[8..<16])
        user = (try Self.hash(userPassword.bytes, salt: userValidation, extra: [])) + userValidation + userKeySalt
        let userKey = try Self.hash(userPassword.bytes, salt: userKeySalt, extra: [])
        userEncryptedKey = try Crypto.encrypt(.aes256CBC, key: userKey, fileKey[...], padding: false)

        // Algorithm 9: /O and /OE, over the 48 bytes of /U.
        let ownerValidation = Array(salts[16..<24]), ownerKeySalt = Array(salts[24..<32])
        owner = (try Self.hash(ownerPassword.bytes, salt: ownerValidation, extra: user)) + ownerValidation + ownerKeySalt
        let ownerKey = try Self.hash(ownerPassword.bytes, salt: ownerKeySalt, extra: user)
        ownerEncryptedKey = try Crypto.encrypt(.aes256CBC, key: ownerKey, fileKey[...], padding: false)

        // Algorithm 10: /Perms, the permissions sealed with the file key.
        let p = UInt32(bitPattern: permissions)
        var block = (0..<4).map { UInt8(truncatingIfNeeded: p >> ($0 * 8)) } + [0xFF, 0xFF, 0xFF, 0xFF]
        block += Array("Tadb".utf8) + Self.derive(seed, "perms", []).prefix(4)
        perms = try Crypto.encrypt(.aes256ECB, key: fileKey, block[...], padding: false)
    }

    /// Algorithm 2.B: the hash of a password with a salt (and, for the owner, the 48 bytes
    /// of /U), 32 bytes.
    static func hash(_ password: [UInt8], salt: [UInt8], extra: [UInt8]) throws(HaruError) -> [UInt8] {
        var key = Crypto.sha256(password + salt + extra)
        var round = 0
        while true {
            let block = password + key + extra
            var repeated: [UInt8] = []
            repeated.reserveCapacity(block.count * 64)
            for _ in 0..<64 { repeated += block }
            let encrypted = try Crypto.encrypt(.aes128CBC, key: Array(key[0..<16]), iv: Array(key[16..<32]),
                                               repeated[...], padding: false)
            // The first 16 bytes as a big-endian number modulo 3 (256 ≡ 1 mod 3: the byte sum).
            let selector = encrypted.prefix(16).reduce(0) { ($0 + Int($1)) % 3 }
            key = Crypto.digest(selector == 0 ? .sha256 : selector == 1 ? .sha384 : .sha512, encrypted)
            round += 1
            if round >= 64, let last = encrypted.last, Int(last) <= round - 32 { break }
        }
        return Array(key.prefix(32))
    }

    /// 32 bytes standing for random ones: SHA-256 of the seed, a label and a number.
    static func derive(_ seed: [UInt8], _ label: String, _ number: [UInt8]) -> [UInt8] {
        Crypto.sha256(seed + Array(label.utf8) + number)
    }

    /// The trailer's /ID (16 bytes).
    var identifier: [UInt8] { Array(Self.derive(seed, "id", []).prefix(16)) }

    /// The data of stream object `number` encrypted for /AESV3: a 16-byte IV, then the data
    /// in AES-256-CBC with PKCS #7 padding.
    func encryptStream(_ data: ArraySlice<UInt8>, number: Int) throws(HaruError) -> [UInt8] {
        let iv = Array(Self.derive(seed, "iv", (0..<8).map { UInt8(truncatingIfNeeded: number >> ($0 * 8)) }).prefix(16))
        return iv + (try Crypto.encrypt(.aes256CBC, key: fileKey, iv: iv, data, padding: true))
    }

    /// The encryption dictionary (its strings are never encrypted).
    var dictionary: String {
        func hex(_ bytes: [UInt8]) -> String {
            "<" + bytes.map { String($0, radix: 16, uppercase: true).leftPadded(to: 2) }.joined() + ">"
        }
        return "<</Filter/Standard/V 5/R 6/Length 256/CF<</StdCF<</AuthEvent/DocOpen/CFM/AESV3/Length 32>>>>"
            + "/StmF/StdCF/StrF/StdCF/O\(hex(owner))/U\(hex(user))/OE\(hex(ownerEncryptedKey))"
            + "/UE\(hex(userEncryptedKey))/Perms\(hex(perms))/P \(permissions)/EncryptMetadata true>>"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
