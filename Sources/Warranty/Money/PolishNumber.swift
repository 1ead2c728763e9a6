/// Whole numbers in Polish words, as invoices write amounts ("słownie"), and the Polish
/// forms of currency names after a number.
enum PolishNumber {
    static let units = ["zero", "jeden", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć"]
    static let teens = ["dziesięć", "jedenaście", "dwanaście", "trzynaście", "czternaście", "piętnaście",
                        "szesnaście", "siedemnaście", "osiemnaście", "dziewiętnaście"]
    static let tens = ["", "", "dwadzieścia", "trzydzieści", "czterdzieści", "pięćdziesiąt", "sześćdziesiąt",
                       "siedemdziesiąt", "osiemdziesiąt", "dziewięćdziesiąt"]
    static let hundreds = ["", "sto", "dwieście", "trzysta", "czterysta", "pięćset", "sześćset", "siedemset",
                           "osiemset", "dziewięćset"]
    /// Thousand, million, …: the forms after 1, after 2–4 (not 12–14), after the rest.
    static let scales: [(one: String, few: String, many: String)] = [
        ("tysiąc", "tysiące", "tysięcy"), ("milion", "miliony", "milionów"), ("miliard", "miliardy", "miliardów"),
        ("bilion", "biliony", "bilionów"), ("biliard", "biliardy", "biliardów"), ("trylion", "tryliony", "trylionów"),
    ]

    /// The Polish plural form of a noun after `count`: 1 `one`; 2–4, 22–24 `few`; else `many`.
    static func form(_ count: UInt64, one: String, few: String, many: String) -> String {
        if count == 1 { return one }
        let last = count % 10
        let lastTwo = count % 100
        if (2...4).contains(last) && !(12...14).contains(lastTwo) { return few }
        return many
    }

    /// `1234` → "tysiąc dwieście trzydzieści cztery"; the sign is ignored.
    static func words(_ number: Int64) -> String {
        var value = number.magnitude
        guard value > 0 else { return units[0] }
        var groups: [UInt64] = []
        while value > 0 {
            groups.append(value % 1000)
            value /= 1000
        }
        var words: [String] = []
        for index in stride(from: groups.count - 1, through: 0, by: -1) {
            let group = groups[index]
            guard group > 0 else { continue }
            if index == 0 {
                words += belowThousand(group)
            } else {
                let scale = scales[index - 1]
                if group != 1 { words += belowThousand(group) }
                words.append(form(group, one: scale.one, few: scale.few, many: scale.many))
            }
        }
        return words.joined(separator: " ")
    }

    static func belowThousand(_ number: UInt64) -> [String] {
        var words: [String] = []
        let hundred = Int(number / 100)
        let rest = Int(number % 100)
        if hundred > 0 { words.append(hundreds[hundred]) }
        if rest >= 20 {
            words.append(tens[rest / 10])
            if rest % 10 > 0 { words.append(units[rest % 10]) }
        } else if rest >= 10 {
            words.append(teens[rest - 10])
        } else if rest > 0 {
            words.append(units[rest])
        }
        return words
    }

    /// The currency's name after `count` ("złote", "złotych", "euro"); the ISO code for
    /// a currency without a Polish name.
    static func currencyNoun(_ currency: Currency, count: Int64) -> String {
        let magnitude = count.magnitude
        switch currency.code {
        case "PLN": return form(magnitude, one: "złoty", few: "złote", many: "złotych")
        case "EUR": return "euro"
        case "USD": return form(magnitude, one: "dolar", few: "dolary", many: "dolarów")
        case "UAH": return form(magnitude, one: "hrywna", few: "hrywny", many: "hrywien")
        default: return currency.code
        }
    }
}
