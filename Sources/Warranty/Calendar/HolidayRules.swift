import TalonPrimitives

/// The public holidays of a calendar for every year from `firstYear` on: rules that give a
/// date in each year, plus one-off days (a holiday declared once).
public struct HolidayRules: Sendable, Hashable {
    /// A holiday that recurs: on a fixed month and day, or a number of days from Easter.
    public struct Rule: Sendable, Hashable {
        public enum Day: Sendable, Hashable {
            /// The same month and day every year (29 February only in leap years).
            case fixed(month: Int, day: Int)
            /// Orthodox Easter plus `offset` days (Trinity: 49).
            case orthodoxEaster(offset: Int)
            /// Western Easter plus `offset` days (Easter Monday: 1, Corpus Christi: 60).
            case westernEaster(offset: Int)
        }

        public let day: Day
        public let name: LocalizedText
        /// The first and last years the rule applies in (nil: no bound).
        public let from: Int?
        public let until: Int?

        public init(day: Day, name: LocalizedText, from: Int? = nil, until: Int? = nil) {
            self.day = day
            self.name = name
            self.from = from
            self.until = until
        }

        /// The rule's date in `year`, or nil when it does not apply that year.
        public func date(in year: Int) -> CalendarDate? {
            if let from, year < from { return nil }
            if let until, year > until { return nil }
            switch day {
            case .fixed(let month, let day): return try? CalendarDate(year: year, month: month, day: day)
            case .orthodoxEaster(let offset): return OrthodoxEaster.date(year: year)?.addingDays(offset)
            case .westernEaster(let offset): return WesternEaster.date(year: year)?.addingDays(offset)
            }
        }
    }

    /// The first year the rules are known to describe.
    public let firstYear: Int
    public let rules: [Rule]
    /// Holidays of one year only.
    public let oneOff: [BusinessCalendar.Holiday]

    public init(firstYear: Int, rules: [Rule], oneOff: [BusinessCalendar.Holiday] = []) {
        self.firstYear = firstYear
        self.rules = rules
        self.oneOff = oneOff
    }

    /// The holidays of `year` in date order (none before `firstYear`).
    public func holidays(in year: Int) -> [BusinessCalendar.Holiday] {
        guard year >= firstYear else { return [] }
        let recurring = rules.compactMap { rule in rule.date(in: year).map { BusinessCalendar.Holiday(date: $0, name: rule.name) } }
        return (recurring + oneOff.filter { $0.date.year == year }).sorted { $0.date < $1.date }
    }
}
