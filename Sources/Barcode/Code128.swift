/// Code 128 (ISO/IEC 15417) with automatic choice of code sets A, B and C.
///
/// Encodes ASCII 0...127. Characters above 127 would need FNC4 (Latin-1 extension), which
/// common scanners read inconsistently, so they are refused with `BarcodeError.unencodable`.
///
/// GS1-128: with `gs1: true` the symbol starts with FNC1, and each GS character (U+001D)
/// in the text becomes an FNC1 separator after a variable-length element string,
/// e.g. `"0101234567890128" + "\u{1D}" + "21ABC123"`. Parenthesised AI syntax is not parsed.
public enum Code128 {
    /// Light modules needed on each side of the symbol.
    public static let quietZone = 10

    /// The symbol for `text`: start, data in the fewest symbol characters, check, stop.
    public static func encode(_ text: String, gs1: Bool = false) throws(BarcodeError) -> LinearSymbol {
        let values = try symbolValues(for: text, gs1: gs1)
        var modules: [Bool] = []
        modules.reserveCapacity(values.count * 11 + 13)
        for value in values { LinearSymbol.modules(fromWidths: widths[value], into: &modules) }
        LinearSymbol.modules(fromWidths: widths[widths.count - 1], into: &modules)
        // Control characters (and GS1 separators) have no printed form.
        let readable = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 32 && $0.value != 127 }))
        return LinearSymbol(modules: modules, quietZone: quietZone, humanReadable: readable)
    }

    /// Start value, data values and the check value (without the stop pattern).
    static func symbolValues(for text: String, gs1: Bool) throws(BarcodeError) -> [Int] {
        let symbology: Symbology = gs1 ? .gs1_128 : .code128
        let bad = BarcodeError.rejected(in: text) { $0.unicodeScalars.allSatisfy { $0.isASCII } }
        guard bad.isEmpty else { throw .unencodable(characters: bad, symbology: symbology) }
        // nil stands for FNC1.
        var input: [UInt8?] = gs1 ? [nil] : []
        for scalar in text.unicodeScalars {
            let byte = UInt8(truncatingIfNeeded: scalar.value)
            input.append(gs1 && byte == 0x1D ? nil : byte)
        }
        guard !input.isEmpty, input.contains(where: { $0 != nil }) || !gs1 else {
            throw .emptyInput(symbology: symbology)
        }
        var values = CodeSetPlan(input).values()
        // Weighted sum mod 103, reduced as it goes so long input cannot overflow.
        var sum = values[0]
        for (weight, value) in values.enumerated().dropFirst() { sum = (sum + weight % 103 * value) % 103 }
        values.append(sum)
        return values
    }
}
