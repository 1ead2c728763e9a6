import Testing
@testable import TalonJournal

/// SHA-256 (libcrypto) against the published test vectors (FIPS 180-2, appendix B), whole
/// and fed in pieces.
@Suite struct SHA256Tests {
    static let vectors: [(input: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ]

    @Test(arguments: vectors) func publishedVector(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
        // A sequence without contiguous storage takes the copying path.
        #expect(SHA256.hex(input.utf8.lazy.map { $0 }) == digest)
    }

    @Test func aMillionAsInPieces() {
        var hasher = SHA256.Hasher()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(piece) }
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
