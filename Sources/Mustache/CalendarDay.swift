/// A calendar date without time zone, as the `date` formatter reads and prints it.
struct CalendarDay: Sendable, Equatable {
    let year: Int
    let month: Int
    let day: Int

    /// Reads "yyyy-MM-dd" (or the date part of "yyyy-MM-ddT..."); nil when it is not a real date.
    init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 || (bytes.count > 10 && bytes[10] == UInt8(ascii: "T")),
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard bytes[index] >= 0x30, bytes[index] <= 0x39 else { return nil }
                value = value * 10 + Int(bytes[index] - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), day >= 1, day <= CalendarDay.length(ofMonth: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Prints the date with a pattern: runs of `d`, `M`, `y` are fields, `'text'` is literal
    /// (`''` is a quote), every other character is copied.
    func formatted(_ pattern: String, locale: TemplateLocale) -> String {
        let characters = Array(pattern)
        var output = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "'" {
                index += 1
                if index < characters.count, characters[index] == "'" { output.append("'"); index += 1; continue }
                while index < characters.count, characters[index] != "'" {
                    output.append(characters[index])
                    index += 1
                }
                index += 1
                continue
            }
            guard character == "d" || character == "M" || character == "y" else {
                output.append(character)
                index += 1
                continue
            }
            var run = 0
            while index < characters.count, characters[index] == character { run += 1; index += 1 }
            switch (character, run) {
            case ("d", 1): output += String(day)
            case ("d", _): output += padded(day, 2)
            case ("M", 1): output += String(month)
            case ("M", 2): output += padded(month, 2)
            case ("M", 3):
                output += locale.shortMonths[month - 1]
            case ("M", _):
                output += locale.months[month - 1]
            case ("y", 2): output += padded(year % 100, 2)
            default: output += padded(year, 4)
            }
        }
        return output
    }

    private func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
