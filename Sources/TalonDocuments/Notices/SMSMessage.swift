/// An SMS text with the encoding a phone network will use for it and the number of
/// segments it takes: GSM 03.38 7-bit (160 septets, 153 per segment when split;
/// characters of the extension table take two septets) or UCS-2 (70 UTF-16 units, 67 per
/// segment), which any character outside the GSM alphabet forces (Cyrillic does).
public struct SMSMessage: Sendable, Equatable {
    /// How the phone network encodes the text.
    public enum Encoding: String, Sendable, Equatable {
        /// The GSM 03.38 7-bit alphabet.
        case gsm7 = "GSM-7"
        /// UTF-16 (any character outside the GSM alphabet).
        case ucs2 = "UCS-2"
    }

    /// The message as it is sent.
    public let text: String
    /// The encoding the text needs.
    public let encoding: Encoding
    /// Septets for GSM-7, UTF-16 code units for UCS-2.
    public let units: Int
    /// Messages the text is split into (1 when it fits one).
    public let segments: Int

    /// Measures `text`.
    public init(_ text: String) {
        self.text = text
        var septets = 0
        var fitsGSM = true
        for scalar in text.unicodeScalars {
            if Self.basic.contains(scalar) {
                septets += 1
            } else if Self.extended.contains(scalar) {
                septets += 2
            } else {
                fitsGSM = false
                break
            }
        }
        if fitsGSM {
            encoding = .gsm7
            units = septets
            segments = septets <= 160 ? 1 : (septets + 152) / 153
        } else {
            encoding = .ucs2
            units = text.utf16.count
            segments = units <= 70 ? 1 : (units + 66) / 67
        }
    }

    /// The GSM 03.38 default alphabet.
    static let basic: Set<Unicode.Scalar> = Set(
        ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà").unicodeScalars)
    /// The GSM 03.38 extension table (escape + character: two septets each).
    static let extended: Set<Unicode.Scalar> = Set("^{}\\[~]|€\u{0C}".unicodeScalars)
}
