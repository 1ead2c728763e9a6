/// Amounts written out in words, as printed on invoices: the major units in words, the
/// minor units as two digits, each followed by its noun in the right form.
///
/// - uk: `одна тисяча двісті тридцять чотири гривні 56 копійок`,
///   `один мільйон гривень 01 копійка`, `двадцять одна гривня 00 копійок`.
/// - pl: `tysiąc dwieście trzydzieści cztery złote 56/100` (the minor units as a fraction).
/// - en: `one thousand two hundred thirty-four hryvnias and fifty-six kopiykas`,
///   `one euro and one cent` (the minor units in words too).
///
/// Text is lower case (capitalise in the template if needed); negative amounts start
/// with `мінус` / `minus`. Apostrophes are the typographic U+02BC (пʼять, девʼять).
public enum AmountInWords {
    /// Grammatical gender of a Ukrainian noun, which decides один/одна, два/дві.
    public enum Gender: Sendable {
        case masculine, feminine
    }

    /// Ukrainian noun forms after 1 (one), 2–4 (few) and 5–20, 0 (many).
    public struct UkrainianNoun: Sendable {
        public let one: String
        public let few: String
        public let many: String
        public let gender: Gender

        public func form(for number: Int64) -> String {
            switch UkrainianNumber.pluralCategory(number) {
            case .one: one
            case .few: few
            case .many: many
            }
        }
    }

    /// English noun forms.
    public struct EnglishNoun: Sendable {
        public let singular: String
        public let plural: String

        public func form(for number: Int64) -> String { number == 1 ? singular : plural }
    }

    /// The nouns for a currency's major and minor units.
    public struct CurrencyNames: Sendable {
        public let ukMajor: UkrainianNoun
        public let ukMinor: UkrainianNoun
        public let enMajor: EnglishNoun
        public let enMinor: EnglishNoun
    }

    /// Names for the known currencies; nil for others.
    public static func names(for currency: Currency) -> CurrencyNames? {
        switch currency.code {
        case "UAH":
            CurrencyNames(
                ukMajor: UkrainianNoun(one: "гривня", few: "гривні", many: "гривень", gender: .feminine),
                ukMinor: UkrainianNoun(one: "копійка", few: "копійки", many: "копійок", gender: .feminine),
                enMajor: EnglishNoun(singular: "hryvnia", plural: "hryvnias"),
                enMinor: EnglishNoun(singular: "kopiyka", plural: "kopiykas"))
        case "EUR":
            CurrencyNames(
                ukMajor: UkrainianNoun(one: "євро", few: "євро", many: "євро", gender: .masculine),
                ukMinor: cent,
                enMajor: EnglishNoun(singular: "euro", plural: "euros"),
                enMinor: EnglishNoun(singular: "cent", plural: "cents"))
        case "USD":
            CurrencyNames(
                ukMajor: UkrainianNoun(one: "долар", few: "долари", many: "доларів", gender: .masculine),
                ukMinor: cent,
                enMajor: EnglishNoun(singular: "dollar", plural: "dollars"),
                enMinor: EnglishNoun(singular: "cent", plural: "cents"))
        case "PLN":
            CurrencyNames(
                ukMajor: UkrainianNoun(one: "злотий", few: "злоті", many: "злотих", gender: .masculine),
                ukMinor: UkrainianNoun(one: "грош", few: "гроші", many: "грошів", gender: .masculine),
                enMajor: EnglishNoun(singular: "zloty", plural: "zlotys"),
                enMinor: EnglishNoun(singular: "grosz", plural: "groszy"))
        default:
            nil
        }
    }

    static let cent = UkrainianNoun(one: "цент", few: "центи", many: "центів", gender: .masculine)

    /// The amount in words of each language that has it, by tag: the only code a language
    /// needs (its words, formats and calendar are data). A language without one prints
    /// every document but those that write an amount in words (the invoice).
    public static let implementations: [String: @Sendable (Money) -> String] = [
        "en": english, "uk": ukrainian, "pl": polish,
    ]

    /// The amount in words in `locale`; nil when the language has no implementation.
    /// Currencies without names fall back to the ISO code after the number in words
    /// (`one hundred CHF 00`).
    public static func words(_ money: Money, locale: DocumentLocale) -> String? {
        implementations[locale.rawValue]?(money)
    }

    /// The major units and the minor units as digits (`05`), and the scale (100).
    static func parts(_ money: Money) -> (major: Int64, minor: Int64, minorText: String, scale: UInt64) {
        let magnitude = money.minorUnits.magnitude
        let scale = UInt64(max(1, (try? DecimalNumber.power10(money.currency.minorDigits)) ?? 1))
        let minor = Int64(magnitude % scale)
        var minorText = String(minor)
        let digits = money.currency.minorDigits
        if minorText.count < digits { minorText = String(repeating: "0", count: digits - minorText.count) + minorText }
        return (Int64(magnitude / scale), minor, minorText, scale)
    }

    static func ukrainian(_ money: Money) -> String {
        let (major, minor, minorText, _) = parts(money)
        let names = names(for: money.currency)
        var parts: [String] = money.minorUnits < 0 ? ["мінус"] : []
        parts.append(UkrainianNumber.words(major, gender: names?.ukMajor.gender ?? .feminine))
        parts.append(names?.ukMajor.form(for: major) ?? money.currency.code)
        if money.currency.minorDigits > 0 {
            parts.append(minorText)
            if let noun = names?.ukMinor { parts.append(noun.form(for: minor)) }
        }
        return parts.joined(separator: " ")
    }

    /// As Polish invoices write it: "tysiąc dwieście trzydzieści cztery złote 50/100".
    static func polish(_ money: Money) -> String {
        let (major, _, minorText, scale) = parts(money)
        var parts: [String] = money.minorUnits < 0 ? ["minus"] : []
        parts.append(PolishNumber.words(major))
        parts.append(PolishNumber.currencyNoun(money.currency, count: major))
        if money.currency.minorDigits > 0 { parts.append("\(minorText)/\(scale)") }
        return parts.joined(separator: " ")
    }

    static func english(_ money: Money) -> String {
        let (major, minor, minorText, _) = parts(money)
        let names = names(for: money.currency)
        var parts: [String] = money.minorUnits < 0 ? ["minus"] : []
        parts.append(EnglishNumber.words(major))
        parts.append(names?.enMajor.form(for: major) ?? money.currency.code)
        if money.currency.minorDigits > 0 {
            if let noun = names?.enMinor {
                parts += ["and", EnglishNumber.words(minor), noun.form(for: minor)]
            } else {
                parts.append(minorText)
            }
        }
        return parts.joined(separator: " ")
    }
}

extension Money {
    /// This amount in words (see `AmountInWords`); nil for a language without them.
    public func inWords(_ locale: DocumentLocale) -> String? {
        AmountInWords.words(self, locale: locale)
    }
}
