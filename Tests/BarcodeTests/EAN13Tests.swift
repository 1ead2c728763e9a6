@testable import Barcode
import Testing

@Suite struct EAN13Tests {
    @Test func checkDigits() throws {
        // 400638133393, weights 3, 1, 3, ... from the right:
        // 3·(3+3+3+8+6+0) + (9+3+1+3+0+4) = 69 + 20 = 89; (10 - 9) mod 10 = 1.
        #expect(try EAN13.checkDigit(for: "400638133393") == 1)
        #expect(try EAN13.checkDigit(for: "590123412345") == 7)
        #expect(try UPCA.checkDigit(for: "03600029145") == 2)
    }

    @Test func twelveDigitsGetTheCheckDigit() throws {
        let symbol = try EAN13.encode("400638133393")
        #expect(symbol.humanReadable == "4006381333931")
        #expect(symbol.modules.count == 95)
        #expect(try EAN13.encode("4006381333931") == symbol)
    }

    @Test func wrongCheckDigitNamesTheExpectedOne() {
        #expect(throws: BarcodeError.wrongCheckDigit(symbology: .ean13, digits: "5901234123458", expected: 7, found: 8)) {
            try EAN13.encode("5901234123458")
        }
        #expect(BarcodeError.wrongCheckDigit(symbology: .ean13, digits: "5901234123458", expected: 7, found: 8)
            .description == "EAN-13 5901234123458: check digit is 8, expected 7")
    }

    @Test func wrongLengthAndLetters() {
        #expect(throws: BarcodeError.wrongLength(symbology: .ean13, expected: [12, 13], found: 5)) {
            try EAN13.encode("12345")
        }
        #expect(throws: BarcodeError.unencodable(characters: ["A"], symbology: .upcA)) {
            try UPCA.encode("0360002914A")
        }
    }

    @Test func guardsAndParity() throws {
        // 5901234123457: first digit 5 gives parity L G G L L G for digits 2-7.
        let modules = try EAN13.encode("590123412345").modules
        #expect(Array(modules[0..<3]) == [true, false, true])
        #expect(Array(modules[45..<50]) == [false, true, false, true, false])
        #expect(Array(modules[92..<95]) == [true, false, true])
        // Digit 2 is 9 in set A: 0001011.
        #expect(Array(modules[3..<10]) == [false, false, false, true, false, true, true])
        // Digit 3 is 0 in set B: 0100111.
        #expect(Array(modules[10..<17]) == [false, true, false, false, true, true, true])
    }

    @Test func upcAIsEAN13WithLeadingZero() throws {
        let upc = try UPCA.encode("036000291452")
        #expect(upc.modules == (try EAN13.encode("0036000291452")).modules)
        #expect(upc.humanReadable == "036000291452")
    }
}
