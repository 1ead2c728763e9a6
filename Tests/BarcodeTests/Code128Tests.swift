@testable import Barcode
import Testing
import TestSupport

/// Reads symbol values back into text the way a scanner does (start set, switches, shifts,
/// digit pairs), so tests can check that the chosen code sets really spell the input.
func decodeCode128(_ values: [Int]) -> (text: String, fnc1: Int)? {
    guard let start = values.first, (103...105).contains(start) else { return nil }
    var set = start - 103   // 0 A, 1 B, 2 C
    var text = ""
    var fnc1 = 0
    var shifted = false
    for value in values.dropFirst().dropLast() {
        let active = shifted ? 1 - set : set
        shifted = false
        switch (active, value) {
        case (_, 102): fnc1 += 1; text.append("\u{1D}")
        case (2, 0...99): text += (value < 10 ? "0" : "") + String(value)
        case (0...1, 98): shifted = true
        case (_, 99): set = 2
        case (2, 100), (0, 100): set = 1
        case (2, 101), (1, 101): set = 0
        case (0, 0...63): text.unicodeScalars.append(Unicode.Scalar(UInt8(value + 32)))
        case (0, 64...95): text.unicodeScalars.append(Unicode.Scalar(UInt8(value - 64)))
        case (1, 0...95): text.unicodeScalars.append(Unicode.Scalar(UInt8(value + 32)))
        default: return nil
        }
    }
    return (text, fnc1)
}

@Suite struct Code128Tests {
    @Test func everyPatternHasElevenModulesAndIsDistinct() {
        #expect(Code128.patterns.count == 106)
        #expect(Set(Code128.patterns).count == 106)
        for pattern in Code128.patterns {
            #expect(pattern.compactMap(\.wholeNumberValue).reduce(0, +) == 11, "\(pattern)")
        }
        #expect(Code128.stopPattern.compactMap(\.wholeNumberValue).reduce(0, +) == 13)
    }

    @Test func checkSymbolOfMixedText() throws {
        // "PJJ123C" all in set B (three digits are too few for C to pay off):
        // 104 + 1·48 (P) + 2·42 (J) + 3·42 (J) + 4·17 (1) + 5·18 (2) + 6·19 (3) + 7·35 (C) = 879;
        // 879 mod 103 = 55.
        #expect(try Code128.symbolValues(for: "PJJ123C", gs1: false) == [104, 48, 42, 42, 17, 18, 19, 35, 55])
    }

    @Test func digitsUseSetC() throws {
        // Start C, 12, 34, 56: 105 + 12 + 2·34 + 3·56 = 353; 353 mod 103 = 44.
        #expect(try Code128.symbolValues(for: "123456", gs1: false) == [105, 12, 34, 56, 44])
    }

    @Test func switchesToSetCOnlyWhenShorter() throws {
        // "AB12": A, B, 1, 2 in B is as short as switching for one digit pair: 4 data symbols.
        #expect(try Code128.symbolValues(for: "AB12", gs1: false).count == 1 + 4 + 1)
        // "A1234567": A and 1 in B, then C for 23 45 67 (6 data symbols) beats C for 123456
        // followed by a switch back for 7 (7 data symbols).
        // 104 + 33 + 2·17 + 3·99 + 4·23 + 5·45 + 6·67 = 1187; 1187 mod 103 = 54.
        #expect(try Code128.symbolValues(for: "A1234567", gs1: false) == [104, 33, 17, 99, 23, 45, 67, 54])
    }

    @Test func shiftsForOneCharacterOfTheOtherSet() throws {
        // "ab\tcd": B, then shift to A for the tab (value 9 + 64 = 73): 6 data symbols.
        // 104 + 65 + 2·66 + 3·98 + 4·73 + 5·67 + 6·68 = 1630; 1630 mod 103 = 85.
        #expect(try Code128.symbolValues(for: "ab\tcd", gs1: false) == [104, 65, 66, 98, 73, 67, 68, 85])
    }

    @Test func controlCharactersSwitchToSetA() throws {
        // Three control characters: switching to A once beats three shifts.
        let values = try Code128.symbolValues(for: "a\u{1}\u{2}\u{3}", gs1: false)
        #expect(values.count == 1 + 5 + 1)
        #expect(decodeCode128(values)?.text == "a\u{1}\u{2}\u{3}")
    }

    @Test func symbolHasQuietZoneStopAndModuleCount() throws {
        let symbol = try Code128.encode("123456")
        // start + 3 data + check = 5 × 11, stop 13.
        #expect(symbol.modules.count == 5 * 11 + 13)
        #expect(symbol.quietZone == 10)
        #expect(symbol.humanReadable == "123456")
        #expect(Array(symbol.modules.suffix(13)) == [true, true, false, false, false, true, true, true, false, true, false, true, true])
    }

    @Test func randomTextRoundTripsThroughSymbolValues() throws {
        var random = SeededGenerator(seed: 128)
        let alphabet: [[UInt8]] = [Array(48...57), Array(65...90), Array(97...122), Array(1...31), Array(32...47)]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 1...16, using: &random) {
                let group = alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
                for _ in 0..<Int.random(in: 1...5, using: &random) {
                    text.unicodeScalars.append(Unicode.Scalar(group[Int.random(in: 0..<group.count, using: &random)]))
                }
            }
            let values = try Code128.symbolValues(for: text, gs1: false)
            #expect(decodeCode128(values)?.text == text)
            var sum = values[0]
            for index in 1..<(values.count - 1) { sum += index * values[index] }
            #expect(values.last == sum % 103)
        }
    }

    @Test func gs1StartsWithFNC1AndTurnsGroupSeparatorsIntoFNC1() throws {
        let values = try Code128.symbolValues(for: "0101234567890128\u{1D}21ABC", gs1: true)
        #expect(values[0] == 105 && values[1] == 102)
        let decoded = decodeCode128(values)
        #expect(decoded?.fnc1 == 2)
        #expect(decoded?.text == "\u{1D}0101234567890128\u{1D}21ABC")
    }

    @Test func cyrillicIsRefusedNamingTheCharacters() {
        #expect(throws: BarcodeError.unencodable(characters: ["С", "Н"], symbology: .code128)) {
            try Code128.encode("СН-2024-Н1")
        }
        do {
            _ = try Code128.encode("Сервіс")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("\"С\" (U+0421)"))
            #expect(error.description.contains("Code 128 cannot encode the characters"))
        }
    }

    @Test func emptyTextIsRefused() {
        #expect(throws: BarcodeError.emptyInput(symbology: .code128)) { try Code128.encode("") }
        #expect(throws: BarcodeError.emptyInput(symbology: .gs1_128)) { try Code128.encode("", gs1: true) }
    }
}
