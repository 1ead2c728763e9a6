import Foundation

/// Amounts as documents print them.
extension Money {
    /// uk: `1 234,56 грн` (no-break space U+00A0 between groups and before the unit);
    /// pl: `1 234,56 zł`; en: `UAH 1,234.56`. Negative amounts start with `-`.
    public func formatted(_ locale: DocumentLocale) -> String {
        let plain = decimalString
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? String(plain.dropFirst()) : plain
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        let whole = String(parts.first ?? "0")
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        let separator = locale == .en ? "," : "\u{00A0}"
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { grouped += separator }
            grouped.append(digit)
        }
        let sign = negative ? "-" : ""
        switch locale {
        case .uk:
            let number = fraction.isEmpty ? grouped : grouped + "," + fraction
            return sign + number + "\u{00A0}" + currency.ukrainianAbbreviation
        case .pl:
            let number = fraction.isEmpty ? grouped : grouped + "," + fraction
            return sign + number + "\u{00A0}" + (currency == .pln ? currency.symbol : currency.code)
        case .en:
            let number = fraction.isEmpty ? grouped : grouped + "." + fraction
            return currency.code + "\u{00A0}" + sign + number
        }
    }
}

extension Percentage {
    /// uk `7,5 %`, pl `7,5%`, en `7.5%`.
    public func formatted(_ locale: DocumentLocale) -> String {
        switch locale {
        case .uk: description.replacingOccurrences(of: ".", with: ",") + "\u{00A0}%"
        case .pl: description.replacingOccurrences(of: ".", with: ",") + "%"
        case .en: description + "%"
        }
    }
}

extension DecimalNumber {
    /// uk and pl `1,5`, en `1.5`.
    public func formatted(_ locale: DocumentLocale) -> String {
        locale == .en ? description : description.replacingOccurrences(of: ".", with: ",")
    }
}
