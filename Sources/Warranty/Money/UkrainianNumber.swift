/// Cardinal numbers in Ukrainian words, with gender agreement for 1 and 2 and the
/// plural forms of тисяча / мільйон / мільярд.
enum UkrainianNumber {
    enum PluralCategory {
        case one, few, many
    }

    /// 1, 21, 101 → one; 2–4, 22–24 → few; 0, 5–20, 11–14, 25–30 → many.
    static func pluralCategory(_ number: Int64) -> PluralCategory {
        let lastTwo = number.magnitude % 100
        let last = number.magnitude % 10
        if (11...14).contains(lastTwo) { return .many }
        if last == 1 { return .one }
        if (2...4).contains(last) { return .few }
        return .many
    }

    static let units = ["", "один", "два", "три", "чотири", "пʼять", "шість", "сім", "вісім", "девʼять"]
    static let teens = ["десять", "одинадцять", "дванадцять", "тринадцять", "чотирнадцять", "пʼятнадцять",
                        "шістнадцять", "сімнадцять", "вісімнадцять", "девʼятнадцять"]
    static let tens = ["", "", "двадцять", "тридцять", "сорок", "пʼятдесят", "шістдесят", "сімдесят",
                       "вісімдесят", "дев'яносто"]
    static let hundreds = ["", "сто", "двісті", "триста", "чотириста", "пʼятсот", "шістсот", "сімсот",
                           "вісімсот", "девʼятсот"]

    /// Scale words from thousands upwards: (one, few, many, gender).
    static let scales: [AmountInWords.UkrainianNoun] = [
        .init(one: "тисяча", few: "тисячі", many: "тисяч", gender: .feminine),
        .init(one: "мільйон", few: "мільйони", many: "мільйонів", gender: .masculine),
        .init(one: "мільярд", few: "мільярди", many: "мільярдів", gender: .masculine),
        .init(one: "трильйон", few: "трильйони", many: "трильйонів", gender: .masculine),
        .init(one: "квадрильйон", few: "квадрильйони", many: "квадрильйонів", gender: .masculine),
        .init(one: "квінтильйон", few: "квінтильйони", many: "квінтильйонів", gender: .masculine),
    ]

    /// Words for a non-negative number; `gender` is that of the counted noun.
    static func words(_ number: Int64, gender: AmountInWords.Gender) -> String {
        if number == 0 { return "нуль" }
        let groups = thousandGroups(number)
        var parts: [String] = []
        for index in stride(from: groups.count - 1, through: 0, by: -1) where groups[index] > 0 {
            let group = groups[index]
            if index == 0 {
                parts.append(contentsOf: groupWords(group, gender: gender))
            } else {
                let scale = scales[index - 1]
                parts.append(contentsOf: groupWords(group, gender: scale.gender))
                parts.append(scale.form(for: Int64(group)))
            }
        }
        return parts.joined(separator: " ")
    }

    /// Words for 1...999.
    static func groupWords(_ group: Int, gender: AmountInWords.Gender) -> [String] {
        var parts: [String] = []
        if group >= 100 { parts.append(hundreds[group / 100]) }
        let rest = group % 100
        if (10...19).contains(rest) {
            parts.append(teens[rest - 10])
            return parts
        }
        if rest >= 20 { parts.append(tens[rest / 10]) }
        let unit = rest % 10
        if unit > 0 {
            switch (unit, gender) {
            case (1, .feminine): parts.append("одна")
            case (2, .feminine): parts.append("дві")
            default: parts.append(units[unit])
            }
        }
        return parts
    }
}

/// Cardinal numbers in English words: `one thousand two hundred thirty-four`.
enum EnglishNumber {
    static let small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                        "eighteen", "nineteen"]
    static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    static let scales = ["thousand", "million", "billion", "trillion", "quadrillion", "quintillion"]

    static func words(_ number: Int64) -> String {
        if number == 0 { return "zero" }
        let groups = thousandGroups(number)
        var parts: [String] = []
        for index in stride(from: groups.count - 1, through: 0, by: -1) where groups[index] > 0 {
            parts.append(groupWords(groups[index]))
            if index > 0 { parts.append(scales[index - 1]) }
        }
        return parts.joined(separator: " ")
    }

    static func groupWords(_ group: Int) -> String {
        var parts: [String] = []
        if group >= 100 { parts.append("\(small[group / 100]) hundred") }
        let rest = group % 100
        if rest >= 20 {
            parts.append(rest % 10 == 0 ? tens[rest / 10] : "\(tens[rest / 10])-\(small[rest % 10])")
        } else if rest > 0 {
            parts.append(small[rest])
        }
        return parts.joined(separator: " ")
    }
}

/// The magnitude of a number in groups of three digits, least significant first
/// (1 234 567 → [567, 234, 1]).
func thousandGroups(_ number: Int64) -> [Int] {
    var value = number.magnitude
    var groups: [Int] = []
    while value > 0 {
        groups.append(Int(value % 1000))
        value /= 1000
    }
    return groups
}
