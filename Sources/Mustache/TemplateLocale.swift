import TalonPrimitives

/// The conventions formatters follow in one language: date pattern, month names, number
/// separators, how money is written, plural categories and the texts chosen by them.
/// A value: built-in documents build it from their locale catalogue
/// (`Templates/locales/<tag>.json`); `.en` and `.uk` are ready-made for code and tests.
public struct TemplateLocale: Sendable, Equatable {
    /// The language tag (`en`, `uk`, `pl`).
    public var identifier: String
    /// The `date` formatter's pattern when none is given (`dd.MM.yyyy`).
    public var datePattern: String
    /// Month names as dates print them (`MMMM`), January first; 12 of them.
    public var months: [String]
    /// Short month names (`MMM`), January first; 12 of them.
    public var shortMonths: [String]
    /// Between groups of three digits (U+00A0 for a space: a number never breaks).
    public var groupSeparator: String
    /// Between whole and fractional digits.
    public var decimalSeparator: String
    /// How money prints: `¤` is the currency's symbol, `#` the amount, a space a no-break
    /// space (`# ¤` gives "1 234,56 грн"; `¤#` gives "€1,234.56", and "UAH 1,234.56" since
    /// a symbol ending in a letter is kept apart from the amount).
    public var moneyPattern: String
    /// Currency symbols by ISO code (`UAH` → `грн`); a code not listed prints as itself.
    public var currencySymbols: [String: String]
    /// How numbers choose a plural category.
    public var pluralRule: PluralRule
    /// Texts by plural category, by key, for the `plural` formatter:
    /// `["days": ["one": "# day", "other": "# days"]]` (`#` is the number).
    public var plurals: [String: [String: String]]
    /// How a percentage prints: `#` the number with the decimal separator (`# %` with a
    /// no-break space gives "7,5 %").
    public var percentPattern: String = "#%"
    /// Weekday names as documents print them, Monday first; 7 of them.
    public var weekdays: [String] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    public init(identifier: String, datePattern: String, months: [String], shortMonths: [String],
                groupSeparator: String, decimalSeparator: String, moneyPattern: String,
                currencySymbols: [String: String], pluralRule: PluralRule, plurals: [String: [String: String]] = [:],
                percentPattern: String? = nil, weekdays: [String]? = nil) {
        self.identifier = identifier
        self.datePattern = datePattern
        self.months = months
        self.shortMonths = shortMonths
        self.groupSeparator = groupSeparator
        self.decimalSeparator = decimalSeparator
        self.moneyPattern = moneyPattern
        self.currencySymbols = currencySymbols
        self.pluralRule = pluralRule
        self.plurals = plurals
        if let percentPattern { self.percentPattern = percentPattern }
        if let weekdays { self.weekdays = weekdays }
    }

    /// English: "February 29, 2024", "1,234.5", "€1,234.56", "UAH 1,234.56".
    public static let en = TemplateLocale(
        identifier: "en", datePattern: "MMMM d, yyyy",
        months: ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December"],
        shortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        groupSeparator: ",", decimalSeparator: ".", moneyPattern: "¤#",
        currencySymbols: ["EUR": "€", "USD": "$", "GBP": "£"], pluralRule: .oneOther)

    /// Ukrainian: "29.02.2024", months in the genitive, "1 234,5", "1 234,56 грн".
    public static let uk = TemplateLocale(
        identifier: "uk", datePattern: "dd.MM.yyyy",
        months: ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
                 "жовтня", "листопада", "грудня"],
        shortMonths: ["січ.", "лют.", "бер.", "квіт.", "трав.", "черв.", "лип.", "серп.", "вер.", "жовт.",
                      "лист.", "груд."],
        groupSeparator: "\u{00A0}", decimalSeparator: ",", moneyPattern: "# ¤",
        currencySymbols: ["UAH": "грн", "EUR": "€", "USD": "$", "GBP": "£", "PLN": "zł"], pluralRule: .eastSlavic,
        percentPattern: "#\u{00A0}%", weekdays: ["понеділок", "вівторок", "середа", "четвер", "пʼятниця", "субота", "неділя"])
}

/// The CLDR plural rules of the languages Talon prints, for integers (a number with a
/// fraction is `other` in all of them).
public enum PluralRule: String, Sendable, CaseIterable {
    /// English: `one` for 1, `other` for everything else.
    case oneOther = "one-other"
    /// Ukrainian, Russian, Belarusian: 1, 21, 101 `one`; 2–4, 22–24 `few`; 0, 5–20, 25 `many`.
    case eastSlavic = "east-slavic"
    /// Polish: 1 `one`; 2–4, 22–24 (not 12–14) `few`; 0, 5–21, 25, 111 `many`.
    case polish

    /// The categories a catalogue must give for this rule.
    public var categories: [String] {
        switch self {
        case .oneOther: ["one", "other"]
        case .eastSlavic, .polish: ["one", "few", "many", "other"]
        }
    }

    /// The category of a whole number (its magnitude counts); `other` when `integer` is false.
    public func category(of number: Int64, integer: Bool = true) -> String {
        guard integer else { return "other" }
        let value = number.magnitude
        let last = value % 10
        let lastTwo = value % 100
        switch self {
        case .oneOther:
            return value == 1 ? "one" : "other"
        case .eastSlavic:
            if last == 1 && lastTwo != 11 { return "one" }
            if (2...4).contains(last) && !(12...14).contains(lastTwo) { return "few" }
            return "many"
        case .polish:
            if value == 1 { return "one" }
            if (2...4).contains(last) && !(12...14).contains(lastTwo) { return "few" }
            return "many"
        }
    }
}

extension TemplateLocale {
    /// Money as the `money` formatter prints it: integer minor units (2 minor digits) in
    /// the locale's pattern (`1 234,56 грн`, `€1,234.56`); without a currency the amount only.
    /// Throws `FormatterFailure` for a currency code that is not 3 upper-case letters.
    public func money(minor: Int64, currency: String?) throws(FormatterFailure) -> String {
        try MoneyText.format(minor: minor, currency: currency, locale: self)
    }

    /// An ISO date ("2024-02-29") as the `date` formatter prints it, with the locale's
    /// pattern or the one given; nil when the text is not a real date.
    public func date(iso: String, pattern: String? = nil) -> String? {
        CalendarDate.date(ofISO: iso).map { date($0, pattern: pattern) }
    }

    /// A calendar date as the `date` formatter prints it (the one date format of documents).
    public func date(_ date: CalendarDate, pattern: String? = nil) -> String {
        date.formatted(pattern ?? datePattern, locale: self)
    }

    /// A decimal number's text ("7.5", "1.25") with the locale's decimal separator.
    public func decimal(_ text: String) -> String {
        text.replacingOccurrences(of: ".", with: decimalSeparator)
    }

    /// A percentage's number ("7.5") in the locale's percent pattern: "7,5 %".
    public func percent(_ text: String) -> String {
        percentPattern.replacingOccurrences(of: "#", with: decimal(text))
    }

    /// The weekday's name, counted from Monday = 1; empty outside 1...7.
    public func weekday(_ number: Int) -> String {
        weekdays.indices.contains(number - 1) ? weekdays[number - 1] : ""
    }
}
