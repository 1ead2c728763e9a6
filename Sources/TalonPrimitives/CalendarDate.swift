/// A date on a document: year, month and day, without time of day or time zone.
///
/// Values are always valid Gregorian dates (proleptic). Create them with the throwing
/// initialiser or by parsing an ISO 8601 calendar date (`"2024-02-29"`).
public struct CalendarDate: Sendable, Hashable, Comparable {
    /// The year, 1...9999 for parsed dates (arithmetic may leave that range).
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, 1...28/29/30/31.
    public let day: Int

    /// Creates a date, throwing if the month or day does not exist (e.g. 2023-02-29).
    public init(year: Int, month: Int, day: Int) throws(CalendarDateError) {
        guard (1...12).contains(month) else { throw .monthOutOfRange(month) }
        let last = CalendarDate.daysInMonth(year: year, month: month)
        guard (1...last).contains(day) else {
            throw .dayOutOfRange(year: year, month: month, day: day)
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Unchecked initialiser for values already known to be valid (the package's own arithmetic).
    package init(valid year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month (28...31); 0 for a month outside 1...12.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// Why a calendar date could not be made or parsed.
public enum CalendarDateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not of the form `YYYY-MM-DD`.
    case notISODate(String)
    /// The month is outside 1...12.
    case monthOutOfRange(Int)
    /// The day does not exist in that month (e.g. 2023-02-29).
    case dayOutOfRange(year: Int, month: Int, day: Int)

    public var description: String {
        switch self {
        case .notISODate(let text): "not a date (expected YYYY-MM-DD): \"\(text)\""
        case .monthOutOfRange(let month): "month \(month) is not 1...12"
        case .dayOutOfRange(let year, let month, let day):
            "day \(day) does not exist in \(year)-\(month < 10 ? "0" : "")\(month)"
        }
    }
}
