import TalonPrimitives

/// Which days a service centre works: weekdays minus weekend days and public holidays.
///
/// A calendar either says "no public holidays apply" (Ukraine under martial law since
/// February 2022: Labour Code art. 73 holidays are working days) or gives rules for the
/// holidays of every year from a first year on (fixed dates, days counted from Orthodox or
/// Western Easter) plus one-off days. With `transfersWeekendHolidays` (Ukrainian peacetime
/// rule, Labour Code art. 67) a holiday on a weekend day makes the next working day a day
/// off; under martial law nothing is transferred. Counting before the first year (or after
/// `lastComputedYear`, which no valid document reaches) throws instead of guessing.
public struct BusinessCalendar: Sendable, Hashable {
    /// Which public holidays apply.
    public enum Holidays: Sendable, Hashable {
        /// No public holidays are days off (every weekday is a working day).
        case none
        /// Each year's holidays from the rules; years before their first are unknown.
        case rules(HolidayRules)
    }

    /// A public holiday on a given date.
    public struct Holiday: Sendable, Hashable {
        public let date: CalendarDate
        public let name: LocalizedText

        public init(date: CalendarDate, name: LocalizedText) {
            self.date = date
            self.name = name
        }
    }

    /// The last year whose days off are worked out: document dates end in 2099 and the
    /// longest warranty (240 months) and business-day counts stay well before it.
    public static let lastComputedYear = 2200

    /// Short identifier, e.g. `ua`, `ua-peacetime`.
    public let identifier: String
    /// What documents print to say which calendar they used.
    public let displayName: LocalizedText
    /// Days that are never working days.
    public let weekend: Set<Weekday>
    public let holidays: Holidays
    /// Whether a holiday on a weekend day moves the day off to the next working day.
    public let transfersWeekendHolidays: Bool
    /// Every non-weekend day off: holidays plus transferred days.
    public let daysOff: Set<CalendarDate>
    /// The document languages (tags) whose documents use this calendar when their data
    /// names none (`pl.json`: `"default_for": ["pl"]`, a Polish service centre).
    public var defaultFor: Set<String> = []

    public init(
        identifier: String, displayName: LocalizedText, weekend: Set<Weekday> = [.saturday, .sunday],
        holidays: Holidays, transfersWeekendHolidays: Bool = false
    ) {
        self.identifier = identifier
        self.displayName = displayName
        self.weekend = weekend
        self.holidays = holidays
        self.transfersWeekendHolidays = transfersWeekendHolidays
        self.daysOff = BusinessCalendar.computeDaysOff(holidays, weekend: weekend, transfer: transfersWeekendHolidays)
    }

    /// Ukraine under martial law: weekends only (the default for Ukrainian documents).
    public static let ukraineMartialLaw = BusinessCalendar(
        identifier: "ua",
        displayName: LocalizedText(
            en: "Ukraine, martial law: no public holidays (Labour Code art. 73 suspended)",
            others: ["uk": "Україна, воєнний стан: святкові дні не застосовуються (дію ст. 73 КЗпП зупинено)",
                     "pl": "Ukraina, stan wojenny: dni świąteczne nie obowiązują (art. 73 kodeksu pracy zawieszony)"]),
        holidays: .none)

    /// The years whose holidays are known (nil = every year, because none apply).
    public var coveredYears: ClosedRange<Int>? {
        guard case .rules(let rules) = holidays else { return nil }
        return rules.firstYear...max(rules.firstYear, Self.lastComputedYear)
    }

    /// Whether `date` is a working day. Throws when the calendar does not cover its year.
    public func isBusinessDay(_ date: CalendarDate) throws(BusinessCalendarError) -> Bool {
        if weekend.contains(date.weekday) { return false }
        if let years = coveredYears, !years.contains(date.year) {
            throw .yearNotCovered(date.year, calendar: identifier)
        }
        return !daysOff.contains(date)
    }

    /// The date `count` working days after `date`; the start day itself is not counted
    /// (received Friday + 3 → Wednesday, or Thursday when Monday is a day off).
    /// `count` must be 0...3660.
    public func addingBusinessDays(_ count: Int, to date: CalendarDate) throws(BusinessCalendarError) -> CalendarDate {
        guard (0...3660).contains(count) else { throw .countOutOfRange(count) }
        var current = date
        var remaining = count
        while remaining > 0 {
            current = current.addingDays(1)
            if try isBusinessDay(current) { remaining -= 1 }
        }
        return current
    }

    /// Working days strictly after `start` up to and including `end` (0 when end ≤ start).
    public func businessDays(after start: CalendarDate, through end: CalendarDate) throws(BusinessCalendarError) -> Int {
        guard start < end, start.days(to: end) <= 36_600 else { return 0 }
        var count = 0
        var current = start
        while current < end {
            current = current.addingDays(1)
            if try isBusinessDay(current) { count += 1 }
        }
        return count
    }

    static func computeDaysOff(_ holidays: Holidays, weekend: Set<Weekday>, transfer: Bool) -> Set<CalendarDate> {
        guard case .rules(let rules) = holidays, rules.firstYear <= lastComputedYear else { return [] }
        let all = (rules.firstYear...lastComputedYear).flatMap { rules.holidays(in: $0).map(\.date) }.sorted()
        var off = Set(all)
        guard transfer, weekend.count < 7 else { return off }
        for date in all where weekend.contains(date.weekday) {
            var next = date.addingDays(1)
            while weekend.contains(next.weekday) || off.contains(next) {
                next = next.addingDays(1)
            }
            off.insert(next)
        }
        return off
    }
}

/// Why business days could not be counted.
public enum BusinessCalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The calendar lists holidays but not for this year.
    case yearNotCovered(Int, calendar: String)
    /// A negative or absurd number of business days.
    case countOutOfRange(Int)

    public var description: String {
        switch self {
        case .yearNotCovered(let year, let calendar): "calendar \(calendar) does not know the holidays of \(year)"
        case .countOutOfRange(let count): "business day count \(count) out of range 0...3660"
        }
    }
}
