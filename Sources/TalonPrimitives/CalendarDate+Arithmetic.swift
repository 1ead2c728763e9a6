/// Day and month arithmetic on calendar dates.
///
/// Internally a date maps to a day number (days since 1970-01-01, the civil-from-days
/// method over 400-year eras). Offsets are clamped to ±3 650 000 days (about 10 000 years)
/// so no input can overflow.
extension CalendarDate {
    static let offsetLimit = 3_650_000

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date with the given day number (see `dayNumber`).
    public init(dayNumber: Int) {
        let clamped = min(max(dayNumber, -CalendarDate.offsetLimit * 2), CalendarDate.offsetLimit * 2)
        let shifted = clamped + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(valid: year, month, day)
    }

    /// The date `days` days later (earlier when negative).
    public func addingDays(_ days: Int) -> CalendarDate {
        let offset = min(max(days, -CalendarDate.offsetLimit), CalendarDate.offsetLimit)
        return CalendarDate(dayNumber: dayNumber + offset)
    }

    /// The date `months` months later, with the day clamped to the last day of the
    /// target month: 2024-02-29 + 36 months = 2027-02-28; 2023-11-30 + 3 = 2024-02-29.
    public func addingMonths(_ months: Int) -> CalendarDate {
        let offset = min(max(months, -120_000), 120_000)
        let index = year * 12 + (month - 1) + offset
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        let newDay = min(day, CalendarDate.daysInMonth(year: newYear, month: newMonth))
        return CalendarDate(valid: newYear, newMonth, newDay)
    }

    /// The number of days from `self` to `other` (positive when `other` is later).
    public func days(to other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (index 3 with Monday = 0).
        let index = ((dayNumber % 7) + 7 + 3) % 7
        return Weekday.allCases[index]
    }
}

/// A day of the week, Monday first (ISO 8601 numbering 1...7).
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Codable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Lower-case English name, as used in calendar files (`"saturday"`).
    public var name: String { String(describing: self) }

    /// The weekday named `name` (`"saturday"`), case-insensitive.
    public init?(name: String) {
        guard let found = Weekday.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = found
    }
}
