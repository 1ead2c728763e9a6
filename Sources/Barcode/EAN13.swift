/// EAN-13 (ISO/IEC 15420): 12 data digits and a mod-10 check digit.
public enum EAN13 {
    /// Light modules needed on each side (the standard asks 11 left and 7 right; both sides get 11).
    public static let quietZone = 11

    /// The symbol for 12 digits (the check digit is appended) or 13 digits (the check digit is
    /// validated). The human-readable text is all 13 digits.
    public static func encode(_ digits: String) throws(BarcodeError) -> LinearSymbol {
        let full = try completed(digits, symbology: .ean13, dataLength: 12)
        return LinearSymbol(modules: modules(for: full), quietZone: quietZone,
                            humanReadable: String(full.map { Character(String($0)) }))
    }

    /// The check digit for 12 digits (or any count: weights 3, 1, 3, ... from the right).
    public static func checkDigit(for digits: String) throws(BarcodeError) -> Int {
        try checkDigit(for: values(of: digits, symbology: .ean13))
    }

    /// Weights alternate 3, 1, 3, ... starting at the digit nearest the check digit.
    static func checkDigit(for values: [Int]) -> Int {
        var sum = 0
        for (offset, value) in values.reversed().enumerated() {
            sum += value * (offset % 2 == 0 ? 3 : 1)
        }
        return (10 - sum % 10) % 10
    }

    static func values(of digits: String, symbology: Symbology) throws(BarcodeError) -> [Int] {
        let bad = BarcodeError.rejected(in: digits) { $0.isASCII && $0.isWholeNumber }
        guard bad.isEmpty else { throw .unencodable(characters: bad, symbology: symbology) }
        return digits.unicodeScalars.map { Int($0.value) - 48 }
    }

    /// `dataLength` digits get a check digit appended; `dataLength + 1` digits are checked.
    static func completed(_ digits: String, symbology: Symbology, dataLength: Int) throws(BarcodeError) -> [Int] {
        let values = try values(of: digits, symbology: symbology)
        switch values.count {
        case dataLength:
            return values + [checkDigit(for: values)]
        case dataLength + 1:
            let expected = checkDigit(for: Array(values.dropLast()))
            let found = values[dataLength]
            guard expected == found else {
                throw .wrongCheckDigit(symbology: symbology, digits: digits, expected: expected, found: found)
            }
            return values
        default:
            throw .wrongLength(symbology: symbology, expected: [dataLength, dataLength + 1], found: values.count)
        }
    }

    /// Left-hand set A (odd parity) patterns; set C is their complement, set B set C reversed.
    static let setA: [[Bool]] = [
        "0001101", "0011001", "0010011", "0111101", "0100011",
        "0110001", "0101111", "0111011", "0110111", "0001011",
    ].map { $0.map { $0 == "1" } }

    /// Which of digits 2...7 use set B, by the leading digit (bit 5 = digit 2).
    static let parity: [UInt8] = [
        0b000000, 0b001011, 0b001101, 0b001110, 0b010011,
        0b011001, 0b011100, 0b010101, 0b010110, 0b011010,
    ]

    /// 95 modules: guard, six left digits, centre guard, six right digits, guard.
    static func modules(for digits: [Int]) -> [Bool] {
        var modules: [Bool] = [true, false, true]
        let pattern = parity[digits[0]]
        for position in 1...6 {
            let usesB = pattern & (1 << (6 - position)) != 0
            let a = setA[digits[position]]
            modules += usesB ? a.map { !$0 }.reversed() : a
        }
        modules += [false, true, false, true, false]
        for position in 7...12 {
            modules += setA[digits[position]].map { !$0 }
        }
        modules += [true, false, true]
        return modules
    }
}
