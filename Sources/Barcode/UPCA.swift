/// UPC-A: 11 data digits and a check digit; drawn as the EAN-13 symbol with a leading 0.
public enum UPCA {
    /// Light modules needed on each side.
    public static let quietZone = 9

    /// The symbol for 11 digits (the check digit is appended) or 12 digits (validated).
    /// The human-readable text is the 12 UPC-A digits.
    public static func encode(_ digits: String) throws(BarcodeError) -> LinearSymbol {
        let full = try EAN13.completed(digits, symbology: .upcA, dataLength: 11)
        return LinearSymbol(modules: EAN13.modules(for: [0] + full), quietZone: quietZone,
                            humanReadable: String(full.map { Character(String($0)) }))
    }

    /// The check digit for 11 digits.
    public static func checkDigit(for digits: String) throws(BarcodeError) -> Int {
        EAN13.checkDigit(for: try EAN13.values(of: digits, symbology: .upcA))
    }
}
