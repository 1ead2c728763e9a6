/// The kinds of symbol this target draws; used to say which encoder refused the input.
/// Printed in messages by its usual name, e.g. "GS1-128".
public enum Symbology: String, Sendable, Equatable, Hashable, CaseIterable, CustomStringConvertible {
    case code128 = "Code 128"
    case gs1_128 = "GS1-128"
    case qrCode = "QR Code"
    case ean13 = "EAN-13"
    case upcA = "UPC-A"

    public var description: String { rawValue }
}

/// Why an encoder refused its input. Every case carries what a caller needs to explain it;
/// `description` is the message shown to a user.
public enum BarcodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Characters the symbology has no code for (in order of first appearance, each once).
    case unencodable(characters: [Character], symbology: Symbology)
    /// The symbology needs at least one character.
    case emptyInput(symbology: Symbology)
    /// The text has the wrong number of digits (`expected` lists the accepted counts).
    case wrongLength(symbology: Symbology, expected: [Int], found: Int)
    /// The last digit is not the check digit computed from the others.
    case wrongCheckDigit(symbology: Symbology, digits: String, expected: Int, found: Int)
    /// A QR Code version outside 1...40 was asked for.
    case invalidVersion(Int)
    /// The text does not fit in a QR Code of the given (or the largest) version at the level.
    /// `dataBits` is what the shortest segmentation needs, `capacityBits` what the symbol holds;
    /// `byteModeCapacity` is how many bytes of plain byte mode would fit.
    case qrCodeTooLong(utf8Bytes: Int, dataBits: Int, version: Int,
                       errorCorrection: QRCode.ErrorCorrection, capacityBits: Int, byteModeCapacity: Int)

    public var description: String {
        switch self {
        case let .unencodable(characters, symbology):
            let listed = characters.map(Self.describe).joined(separator: ", ")
            let noun = characters.count == 1 ? "character" : "characters"
            return "\(symbology) cannot encode the \(noun) \(listed)"
                + (symbology == .ean13 || symbology == .upcA ? " (digits 0-9 only)" : "")
                + (symbology == .code128 || symbology == .gs1_128 ? " (ASCII 0-127 only)" : "")
        case let .emptyInput(symbology):
            return "\(symbology) needs at least one character"
        case let .wrongLength(symbology, expected, found):
            let counts = expected.map(String.init).joined(separator: " or ")
            return "\(symbology) takes \(counts) digits, got \(found)"
        case let .wrongCheckDigit(symbology, digits, expected, found):
            return "\(symbology) \(digits): check digit is \(found), expected \(expected)"
        case let .invalidVersion(version):
            return "QR Code version must be 1...40, got \(version)"
        case let .qrCodeTooLong(bytes, bits, version, level, capacity, byteCapacity):
            return "QR Code: data needs \(bytes) bytes in byte mode (\(bits) bits in the shortest mix of modes); "
                + "version \(version)-\(level) holds at most \(byteCapacity) bytes (\(capacity) data bits)"
        }
    }

    /// A character as `"Ж" (U+0416)`, so invisible and look-alike characters can be told apart.
    static func describe(_ character: Character) -> String {
        let codes = character.unicodeScalars.map { scalar -> String in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        let shown = character.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
            ? "\"\(character)\" " : ""
        return shown + "(" + codes.joined(separator: " ") + ")"
    }

    /// The distinct characters of `text` for which `accepts` is false, in order of appearance.
    static func rejected(in text: String, accepts: (Character) -> Bool) -> [Character] {
        var seen: Set<Character> = []
        var result: [Character] = []
        for character in text where !accepts(character) && seen.insert(character).inserted {
            result.append(character)
        }
        return result
    }
}
