@testable import Barcode
import Testing

@Suite struct PaymentEncodingTests {
    @Test func base64URLOfEveryRemainder() {
        // RFC 4648 section 10's vectors, in the URL alphabet without padding.
        let vectors = ["": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE", "foobar": "Zm9vYmFy"]
        for (plain, encoded) in vectors {
            #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
            #expect(Base64URL.decode(encoded) == Array(plain.utf8))
        }
        #expect(Base64URL.encode([0xFB, 0xFF, 0xBF]) == "-_-_")
        #expect(Base64URL.decode("Zm9v=") == nil)
        #expect(Base64URL.decode("Zm9vY") == nil)
        #expect(Base64URL.decode("+/") == nil)
    }

    @Test func cp1251RoundTripsEveryAssignedByte() {
        let bytes = (0x20...0xFF).map(UInt8.init).filter { $0 != 0x98 }
        let text = CP1251.decode(bytes)
        #expect(CP1251.encode(text) == bytes)
        #expect(CP1251.encode("Ґґ Єє Іі Її №") == [0xA5, 0xB4, 0x20, 0xAA, 0xBA, 0x20, 0xB2, 0xB3, 0x20, 0xAF, 0xBF, 0x20, 0xB9])
        #expect(CP1251.encode("Київ") == [0xCA, 0xE8, 0xBF, 0xE2])
        #expect(CP1251.encode("€") == [0x88])
        #expect(CP1251.encode("ä") == nil)
    }
}
