import Foundation
import TalonPrimitives

/// The built-in formatters. Each documents its input, arguments and output.
enum StandardFormatters {
    static let all: [TemplateFormatter] = [date, money, number, plural, upper, lower, fallback]

    /// `upper`: the text in upper case (Unicode-aware, Cyrillic included). Missing stays empty.
    static let upper = TemplateFormatter(name: "upper") { (value, _, _) throws(FormatterFailure) in
        if case .null = value { return .null }
        return .string(value.text.uppercased())
    }

    /// `lower`: the text in lower case (Unicode-aware).
    static let lower = TemplateFormatter(name: "lower") { (value, _, _) throws(FormatterFailure) in
        if case .null = value { return .null }
        return .string(value.text.lowercased())
    }

    /// `default: "x"`: the argument when the value is missing, null, empty, false or an empty
    /// list; otherwise the value.
    static let fallback = TemplateFormatter(name: "default", arity: 1...1, handlesMissing: true) { (value, arguments, _) throws(FormatterFailure) in
        switch value {
        case .null, .bool(false): return arguments[0]
        case .string(let text) where text.isEmpty: return arguments[0]
        case .list(let items) where items.isEmpty: return arguments[0]
        default: return value
        }
    }

    /// `date` / `date: "dd.MM.yyyy"`: an ISO calendar date ("2024-02-29"; a date-time's date
    /// part is used) in the locale's default form (en "February 29, 2024", uk "29.02.2024")
    /// or a pattern of `d dd M MM MMM MMMM yy yyyy`, other characters kept, `'text'` quoted.
    static let date = TemplateFormatter(name: "date", arity: 0...1) { (value, arguments, locale) throws(FormatterFailure) in
        if case .null = value { return .null }
        guard case .string(let text) = value, let day = CalendarDate.date(ofISO: text) else {
            throw FormatterFailure("date expects an ISO date like \"2024-02-29\", got \(describe(value))")
        }
        let pattern: String
        if let argument = arguments.first {
            guard case .string(let given) = argument else { throw FormatterFailure("date pattern must be a string") }
            pattern = given
        } else {
            pattern = locale.datePattern
        }
        return .string(day.formatted(pattern, locale: locale))
    }

    /// `number` / `number: 2`: the number with the locale's grouping and decimal separator
    /// (en "1,234.5", uk "1 234,5" with U+00A0), rounded half away from zero to the given
    /// count of decimals when one is given.
    static let number = TemplateFormatter(name: "number", arity: 0...1) { (value, arguments, locale) throws(FormatterFailure) in
        if case .null = value { return .null }
        guard let decimal = decimalValue(of: value) else {
            throw FormatterFailure("number expects a number, got \(describe(value))")
        }
        try checkRange(decimal, formatter: "number")
        var places: Int? = nil
        if let argument = arguments.first {
            guard case .number(.integer(let count)) = argument, (0...12).contains(count) else {
                throw FormatterFailure("number takes a count of decimals from 0 to 12")
            }
            places = Int(count)
        }
        return .string(NumberText.format(decimal, places: places, locale: locale))
    }

    /// `money` / `money: "EUR"`: `{"minor": 123456, "currency": "UAH"}` (integer minor units)
    /// or a plain number of major units; uk "1 234,56 грн", en "UAH 1,234.56", "€1,234.56".
    /// The argument names the currency when the value does not carry one.
    static let money = TemplateFormatter(name: "money", arity: 0...1) { (value, arguments, locale) throws(FormatterFailure) in
        if case .null = value { return .null }
        var code: String? = nil
        if let argument = arguments.first {
            guard case .string(let given) = argument else { throw FormatterFailure("money currency must be a string") }
            code = given
        }
        let minor: Int64
        switch value {
        case .map(let members):
            guard case .number(.integer(let units))? = members["minor"] else {
                throw FormatterFailure("money expects \"minor\" as an integer count of minor units")
            }
            minor = units
            if case .string(let given)? = members["currency"] { code = given }
        default:
            guard let major = decimalValue(of: value) else {
                throw FormatterFailure("money expects {\"minor\": …, \"currency\": …} or a number, got \(describe(value))")
            }
            try checkRange(major, formatter: "money")
            var scaled = major * 100
            var rounded = Decimal()
            NSDecimalRound(&rounded, &scaled, 0, .plain)
            guard rounded == scaled else { throw FormatterFailure("money has more than 2 decimals: \(major)") }
            guard rounded.magnitude <= Decimal(Int64.max) else { throw FormatterFailure("money amount is too large") }
            minor = NSDecimalNumber(decimal: rounded).int64Value
        }
        return .string(try MoneyText.format(minor: minor, currency: code, locale: locale))
    }

    /// `plural: "days"`: the locale's text for the number's plural category under the key,
    /// `#` replaced by the number ("14 робочих днів"); the key's `other` text when the
    /// category has none. A key the locale lacks is an error.
    static let plural = TemplateFormatter(name: "plural", arity: 1...1) { (value, arguments, locale) throws(FormatterFailure) in
        if case .null = value { return .null }
        guard case .string(let key) = arguments[0] else { throw FormatterFailure("plural takes a catalogue key") }
        guard let forms = locale.plurals[key] else {
            throw FormatterFailure("plural: the \(locale.identifier) catalogue has no plural key \"\(key)\"")
        }
        guard let decimal = decimalValue(of: value) else {
            throw FormatterFailure("plural expects a number, got \(describe(value))")
        }
        try checkRange(decimal, formatter: "plural")
        let whole = NSDecimalNumber(decimal: decimal)
        let integer = decimal == Decimal(whole.int64Value)
        let category = locale.pluralRule.category(of: whole.int64Value, integer: integer)
        guard let form = forms[category] ?? forms["other"] else {
            throw FormatterFailure("plural: \"\(key)\" has no \"\(category)\" form in \(locale.identifier)")
        }
        let number = NumberText.format(decimal, places: nil, locale: locale)
        return .string(form.replacingOccurrences(of: "#", with: number))
    }

    /// Foundation's `Decimal` holds exponents up to ±127 only: beyond that (1e300) it is
    /// NaN, which must not print as "NaN" or "0.00".
    static func checkRange(_ decimal: Decimal, formatter: String) throws(FormatterFailure) {
        if decimal.isNaN || !decimal.isFinite {
            throw FormatterFailure("\(formatter): the number is out of the range that can be printed (exponents up to ±127)")
        }
    }

    static func decimalValue(of value: TemplateValue) -> Decimal? {
        switch value {
        case .number(let number): return number.decimalValue
        case .string(let text): return TemplateNumber(text: text.trimmingCharacters(in: .whitespaces))?.decimalValue
        default: return nil
        }
    }

    static func describe(_ value: TemplateValue) -> String {
        switch value {
        case .string(let text): return "\"\(text)\""
        case .number(let number): return number.description
        case .bool(let flag): return flag ? "true" : "false"
        case .list: return "a list"
        case .map: return "a map"
        case .null: return "null"
        }
    }
}
