import Foundation
import TalonPrimitives

/// Readers for leaf values. Each returns `nil` when absent (reporting `required` if the
/// value is required) or when invalid (reporting why).
extension JSONCursor {
    /// A string, trimmed of surrounding white space; blank counts as absent.
    public func string(required: Bool, maxLength: Int = 2000) -> String? {
        guard let value, value != .null else {
            if required { report(ValidationReason.required) }
            return nil
        }
        guard case .string(let raw) = value else {
            report("must be a string, not \(value.typeName)")
            return nil
        }
        // Foundation's search is slow: look for a carriage return byte first (most strings have none).
        let crlf = raw.utf8.contains(0x0D) && raw.contains("\r\n")
        let text = JSONCursor.trimmed(crlf ? raw.replacingOccurrences(of: "\r\n", with: "\n") : raw)
        if text.isEmpty {
            if required { report(ValidationReason.required) }
            return nil
        }
        if let problem = JSONCursor.unprintableProblem(text) {
            report(problem)
            return nil
        }
        // A string has no more characters than UTF-8 bytes: count them only when it may matter.
        if text.utf8.count > maxLength, text.count > maxLength {
            report("longer than \(maxLength) characters")
            return nil
        }
        return text
    }

    /// A string on one line (a document number): a line break is refused, since the number
    /// is also carried by one-line fields such as a payment code's reference.
    public func line(required: Bool, maxLength: Int) -> String? {
        guard let text = string(required: required, maxLength: maxLength) else { return nil }
        guard !text.contains("\n") else {
            report("must be one line, without line breaks")
            return nil
        }
        return text
    }

    /// Text printed as a Code 128 barcode: printable ASCII only (Code 128 has no Cyrillic),
    /// at most `maxLength` characters so the bars fit their place on the form.
    public func barcodeText(required: Bool, maxLength: Int) -> String? {
        guard let text = string(required: required, maxLength: maxLength) else { return nil }
        guard text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
            report("must be printable ASCII (Latin letters, digits, punctuation): it is printed as a Code 128 barcode")
            return nil
        }
        return text
    }

    /// The most Unicode scalars one character (grapheme) may have: a letter with a few
    /// accents, an emoji sequence. Thousands of combining marks on one letter are refused.
    static let maximumScalarsPerCharacter = 16

    /// Why the text cannot go into a document, or nil: control characters other than tab
    /// and line feed (ESC, BEL, NUL, C1), bidirectional overrides and isolates (U+202E), and
    /// over-long characters would reach terminals, SMS gateways or the fonts unprintable.
    static func unprintableProblem(_ text: String) -> String? {
        // Printable ASCII, tab and line feed only (most values): nothing to report, and each
        // of them is a character of its own.
        var plain = text
        if plain.withUTF8({ bytes in bytes.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 || $0 == 0x0A } }) {
            return nil
        }
        // Scalars that are not `startsCluster` (combining marks, joiners, other scripts):
        // only when there are enough of them can one character hold too many scalars.
        var others = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if !startsCluster(value) { others += 1 }
            if (value < 0x20 && value != 0x09 && value != 0x0A) || (0x7F...0x9F).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                || value == 0x200E || value == 0x200F || value == 0x061C {
                let hex = String(value, radix: 16, uppercase: true)
                return "must not contain the control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)"
            }
        }
        if others >= maximumScalarsPerCharacter, text.contains(where: { $0.unicodeScalars.count > maximumScalarsPerCharacter }) {
            return "a character has more than \(maximumScalarsPerCharacter) combining marks"
        }
        return nil
    }

    /// True for the scalars of Latin and Cyrillic text and its common punctuation: each of
    /// them begins a character of its own (grapheme cluster break property Other, not an
    /// emoji; or a line feed or tab, which stand alone). A character therefore holds at most
    /// one of them, and its other scalars are of other kinds.
    @inline(__always)
    static func startsCluster(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x20...0x7E: true
        case 0xA9, 0xAE: false // emoji (Extended_Pictographic) that a joiner may continue
        case 0xA0...0x2FF: true // Latin-1 and Latin Extended, spacing modifier letters
        case 0x370...0x482, 0x48A...0x52F: true // Greek and Cyrillic letters, without the combining marks
        case 0x2010...0x2027, 0x2030...0x203B, 0x20A0...0x20C0, 0x2116: true // dashes, quotes, currency signs, №
        default: false
        }
    }

    /// `text` without leading and trailing white space (Unicode-aware, no Foundation).
    static func trimmed(_ text: String) -> String {
        // Most values have nothing to trim: look at the end characters before scanning.
        if let first = text.first, let last = text.last, !first.isWhitespace, !last.isWhitespace {
            return text
        }
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }

    /// The dates a document may hold: every date computed from them (a warranty of 240
    /// months, its extensions, business days) stays within what the calendars and the
    /// printed forms handle.
    public static let dateRange = CalendarDate(valid: 1990, 1, 1)...CalendarDate(valid: 2099, 12, 31)

    /// A calendar date written `YYYY-MM-DD`, within `dateRange`.
    public func date(required: Bool) -> CalendarDate? {
        guard let text = string(required: required) else { return nil }
        do {
            let date = try CalendarDate(iso: text)
            guard JSONCursor.dateRange.contains(date) else {
                report("must be between \(JSONCursor.dateRange.lowerBound) and \(JSONCursor.dateRange.upperBound)")
                return nil
            }
            return date
        } catch .notISODate {
            report(ValidationReason.notADate)
        } catch {
            report("not a real date: \(error.description)")
        }
        return nil
    }

    /// An e-mail address (one `@`, a non-empty local part, a dotted domain, no spaces).
    public func email(required: Bool) -> String? {
        guard let text = string(required: required, maxLength: 254) else { return nil }
        if let valid = Self.asciiEmailIsValid(text) {
            if !valid { report(ValidationReason.notAnEmail) }
            return valid ? text : nil
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        let valid = parts.count == 2 && !parts[0].isEmpty && !text.contains(where: \.isWhitespace)
            && parts[1].split(separator: ".", omittingEmptySubsequences: false).count >= 2
            && !parts[1].split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty)
        if !valid {
            report(ValidationReason.notAnEmail)
            return nil
        }
        return text
    }

    /// The e-mail rules on UTF-8 bytes for ASCII text (there characters are bytes, and a
    /// carriage return is white space either way); nil for other text.
    static func asciiEmailIsValid(_ text: String) -> Bool? {
        var ats = 0, atIndex = -1, previous: UInt8 = 0, dots = 0, emptyLabel = false
        for (index, byte) in text.utf8.enumerated() {
            guard byte < 0x80 else { return nil }
            switch byte {
            case 0x09...0x0D, 0x20: return false
            case UInt8(ascii: "@"):
                ats += 1
                atIndex = index
            case UInt8(ascii: "."):
                if ats == 1 {
                    dots += 1
                    if previous == UInt8(ascii: "@") || previous == UInt8(ascii: ".") { emptyLabel = true }
                }
            default: break
            }
            previous = byte
        }
        // After the single `@`: at least two labels, none empty (not ending in a dot either).
        return ats == 1 && atIndex > 0 && dots >= 1 && !emptyLabel && previous != UInt8(ascii: ".")
    }

    /// A telephone number: digits with optional leading `+`, spaces, dashes, parentheses;
    /// 5 to 15 digits.
    public func phone(required: Bool) -> String? {
        guard let text = string(required: required, maxLength: 40) else { return nil }
        // Only single ASCII characters are allowed, so the check can run on UTF-8 bytes: a byte
        // outside the set means a character outside it, and inside it bytes are characters.
        var allowed = true, digits = 0, laterPlus = false
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "+"): if index > 0 { laterPlus = true }
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"): break
            default: allowed = false
            }
        }
        if !allowed || !(5...15).contains(digits) || laterPlus {
            report("not a telephone number")
            return nil
        }
        return text
    }

    /// A whole number in `range`.
    public func integer(required: Bool, in range: ClosedRange<Int>) -> Int? {
        guard let value, value != .null else {
            if required { report(ValidationReason.required) }
            return nil
        }
        guard case .number(let text) = value, let number = Int(text) else {
            report("must be a whole number")
            return nil
        }
        guard range.contains(number) else {
            if range.lowerBound == 1 && number < 1 {
                report(ValidationReason.mustBePositive)
            } else {
                report("must be between \(range.lowerBound) and \(range.upperBound)")
            }
            return nil
        }
        return number
    }

    /// A boolean; `defaultValue` when absent.
    public func bool(default defaultValue: Bool) -> Bool {
        switch value {
        case nil, .null?: return defaultValue
        case .bool(let flag)?: return flag
        case let other?:
            report("must be true or false, not \(other.typeName)")
            return defaultValue
        }
    }

    /// One of the listed strings.
    public func choice(required: Bool, of choices: [String]) -> String? {
        guard let text = string(required: required) else { return nil }
        guard choices.contains(text) else {
            report("must be one of: \(choices.joined(separator: ", "))")
            return nil
        }
        return text
    }

    /// An exact decimal written as a JSON number or a string (`1.5`, `"0.335"`).
    public func decimal(required: Bool) -> DecimalNumber? {
        guard let value, value != .null else {
            if required { report(ValidationReason.required) }
            return nil
        }
        let text: String
        switch value {
        case .number(let digits): text = digits
        case .string(let digits): text = JSONCursor.trimmed(digits)
        default:
            report("must be a decimal number, not \(value.typeName)")
            return nil
        }
        do {
            return try DecimalNumber(parsing: text)
        } catch {
            report(error.description)
            return nil
        }
    }
}
