import Testing
@testable import TalonServer

/// The server's HMAC-SHA256 (libcrypto) against RFC 4231's test cases, and the
/// constant-time comparison its tokens and passwords go through.
@Suite struct CryptoTests {
    @Test func hmacMatchesRFC4231() {
        let cases: [(key: [UInt8], message: String, mac: String)] = [
            ([UInt8](repeating: 0x0b, count: 20), "Hi There",
             "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            (Array("Jefe".utf8), "what do ya want for nothing?",
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            ([UInt8](repeating: 0xaa, count: 131), "Test Using Larger Than Block-Size Key - Hash Key First",
             "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        ]
        for item in cases {
            #expect(Crypto.hex(Crypto.hmac(key: item.key, item.message)) == item.mac, "\(item.message)")
        }
    }

    @Test func equalComparesWholeStrings() {
        #expect(Crypto.equal([1, 2, 3], [1, 2, 3]))
        #expect(!Crypto.equal([1, 2, 3], [1, 2, 4]))
        #expect(!Crypto.equal([1, 2, 3], [1, 2]))
        #expect(Crypto.equal([], []))
        #expect(!Crypto.equal([], [0]))
    }
}
