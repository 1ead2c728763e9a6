import Foundation

/// Number text with a locale's separators: en "1,234.56", uk "1 234,56" (U+00A0 groups).
enum NumberText {
    static let noBreakSpace = "\u{00A0}"

    static func groupSeparator(_ locale: TemplateLocale) -> String { locale.groupSeparator }
    static func decimalSeparator(_ locale: TemplateLocale) -> String { locale.decimalSeparator }

    /// Groups a string of ASCII digits in threes.
    static func group(_ digits: String, locale: TemplateLocale) -> String {
        let characters = Array(digits)
        guard characters.count > 3 else { return digits }
        var output = ""
        for (index, character) in characters.enumerated() {
            if index > 0, (characters.count - index) % 3 == 0 { output += groupSeparator(locale) }
            output.append(character)
        }
        return output
    }

    /// Formats a decimal; with `places`, rounds half away from zero and pads with zeros.
    static func format(_ value: Decimal, places: Int?, locale: TemplateLocale) -> String {
        var value = value
        if let places {
            var rounded = Decimal()
            NSDecimalRound(&rounded, &value, places, .plain)
            value = rounded
        }
        var text = value.description
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = String(parts.first ?? "0")
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if let places, fraction.count < places {
            fraction += String(repeating: "0", count: places - fraction.count)
        }
        var output = negative && !value.isZero ? "-" : ""
        output += group(whole, locale: locale)
        if !fraction.isEmpty { output += decimalSeparator(locale) + fraction }
        return output
    }
}

/// Money text from integer minor units (2 minor digits), in the locale's money pattern.
enum MoneyText {
    /// en: "UAH 1,234.56", "€1,234.56"; uk: "1 234,56 грн", "1 234,56 €" (U+00A0 spaces);
    /// without a currency just the amount.
    static func format(minor: Int64, currency: String?, locale: TemplateLocale) throws(FormatterFailure) -> String {
        let negative = minor < 0
        let magnitude = minor.magnitude
        let whole = String(magnitude / 100)
        let cents = magnitude % 100
        let amount = NumberText.group(whole, locale: locale) + NumberText.decimalSeparator(locale)
            + (cents < 10 ? "0" : "") + String(cents)
        let sign = negative ? "-" : ""
        guard let currency else { return sign + amount }
        let symbol: String
        if let known = locale.currencySymbols[currency] {
            symbol = known
        } else {
            guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw FormatterFailure("money currency must be a 3-letter code like \"UAH\", got \"\(currency)\"")
            }
            symbol = currency
        }
        return sign + compose(symbol: symbol, amount: amount, pattern: locale.moneyPattern)
    }

    /// Fills `¤` and `#` of the pattern; a space becomes U+00A0, and a symbol ending in a
    /// letter right before the amount ("UAH" in `¤#`) gets one too.
    static func compose(symbol: String, amount: String, pattern: String) -> String {
        var output = ""
        var previous: Character? = nil
        for character in pattern {
            switch character {
            case "¤":
                output += symbol
            case "#":
                if previous == "¤", symbol.last?.isLetter == true { output += NumberText.noBreakSpace }
                output += amount
            case " ":
                output += NumberText.noBreakSpace
            default:
                output.append(character)
            }
            previous = character
        }
        return output
    }
}
