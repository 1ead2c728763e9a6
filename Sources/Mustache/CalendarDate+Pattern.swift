import TalonPrimitives

/// The `date` formatter's printing of a calendar date with a pattern and a locale's month names.
extension CalendarDate {
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
