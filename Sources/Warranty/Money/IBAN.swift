/// An International Bank Account Number (ISO 13616): country code, two check digits and the
/// national account number, checked against the country's length and by modulo 97.
public struct IBAN: Sendable, Hashable, CustomStringConvertible {
    /// Letters and digits only, upper case: `UA213223130000026007233566001`.
    public let compact: String

    /// Why a text is not an IBAN; `description` is the message shown with the JSON path.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case characters
        case unknownCountry(String)
        case length(country: String, expected: Int, found: Int)
        case checkDigits

        public var description: String {
            switch self {
            case .characters: "an IBAN is a country code, two check digits and letters or digits"
            case .unknownCountry(let code): "no IBAN country '\(code)'"
            case let .length(country, expected, found): "an IBAN of \(country) has \(expected) characters, not \(found)"
            case .checkDigits: "the IBAN's check digits do not match (a mistyped character?)"
            }
        }
    }

    /// Reads an IBAN with or without the spaces it is usually printed with.
    public init(_ text: String) throws(Problem) {
        let compact = String(text.filter { $0 != " " }.uppercased())
        let scalars = Array(compact.unicodeScalars)
        guard scalars.count >= 5, scalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) }),
            scalars[0...1].allSatisfy({ ("A"..."Z").contains($0) }), scalars[2...3].allSatisfy({ ("0"..."9").contains($0) })
        else { throw .characters }
        let country = String(compact.prefix(2))
        guard let length = Self.lengths[country] else { throw .unknownCountry(country) }
        guard scalars.count == length else { throw .length(country: country, expected: length, found: scalars.count) }
        guard Self.remainder(of: Array(scalars[4...]) + scalars[0..<4]) == 1 else { throw .checkDigits }
        self.compact = compact
    }

    public var countryCode: String { String(compact.prefix(2)) }

    /// Groups of four, as printed for people to type: `UA21 3223 1300 …`.
    public var description: String {
        var groups: [Substring] = []
        var rest = Substring(compact)
        while !rest.isEmpty {
            groups.append(rest.prefix(4))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: " ")
    }

    /// The number written with letters as 10...35, modulo 97, one digit at a time.
    static func remainder(of scalars: [Unicode.Scalar]) -> Int {
        var remainder = 0
        for scalar in scalars {
            let value = scalar.value <= 57 ? Int(scalar.value) - 48 : Int(scalar.value) - 55
            remainder = (value < 10 ? remainder * 10 + value : remainder * 100 + value) % 97
        }
        return remainder
    }

    /// Length of the IBAN by country (the IBAN registry's list).
    static let lengths: [String: Int] = [
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27,
        "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28,
        "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
        "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27,
        "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25,
        "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18,
        "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33,
        "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
        "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
    ]
}

extension IBAN {
    /// Reads an optional IBAN at `cursor`, reporting a wrong one at its JSON path.
    public static func read(_ cursor: JSONCursor) -> IBAN? {
        guard let text = cursor.string(required: false, maxLength: 60) else { return nil }
        do {
            return try IBAN(text)
        } catch {
            cursor.report(error.description)
            return nil
        }
    }
}
