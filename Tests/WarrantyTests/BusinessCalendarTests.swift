import Foundation
import Testing
@testable import Warranty
import TalonPrimitives

@Suite struct BusinessCalendarTests {
    static let calendars = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates/calendars")

    func date(_ text: String) throws -> CalendarDate { try CalendarDate(iso: text) }
    func load(_ name: String) throws -> BusinessCalendar {
        try BusinessCalendar.decode(json: Data(contentsOf: BusinessCalendarTests.calendars.appendingPathComponent(name)))
    }

    @Test func orthodoxEasterAndTrinity() throws {
        #expect(try OrthodoxEaster.date(year: 2025) == date("2025-04-20"))
        #expect(try OrthodoxEaster.date(year: 2026) == date("2026-04-12"))
        #expect(try OrthodoxEaster.date(year: 2027) == date("2027-05-02"))
        #expect(try OrthodoxEaster.date(year: 2024) == date("2024-05-05"))
        #expect(try OrthodoxEaster.trinity(year: 2025) == date("2025-06-08"))
        // From 2100 the Julian calendar is 14 days behind (dates from python-dateutil's easter()).
        #expect(try OrthodoxEaster.date(year: 2100) == date("2100-05-02"))
        #expect(try OrthodoxEaster.date(year: 2150) == date("2150-04-19"))
        #expect(OrthodoxEaster.date(year: 1582) == nil)
        for year in 1900...2200 { #expect(OrthodoxEaster.date(year: year)?.weekday == .sunday) }
    }

    @Test func westernEaster() throws {
        // Reference dates from python-dateutil's easter(year, EASTER_WESTERN).
        for (year, text) in [(2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"), (2038, "2038-04-25"),
                             (2100, "2100-03-28"), (2285, "2285-03-22")] {
            #expect(try WesternEaster.date(year: year) == date(text), "\(year)")
        }
        for year in 1900...2200 { #expect(WesternEaster.date(year: year)?.weekday == .sunday) }
    }

    @Test func martialLawFileHasNoHolidays() throws {
        let ua = try load("ua.json")
        #expect(ua == BusinessCalendar.ukraineMartialLaw)
        #expect(ua.displayName.en == "Ukraine, martial law: no public holidays (Labour Code art. 73 suspended)")
        #expect(ua.coveredYears == nil)
        // 8 March 2027 is a Monday: a working day under martial law.
        #expect(try ua.isBusinessDay(date("2027-03-08")))
        #expect(try !ua.isBusinessDay(date("2027-03-07")))
        #expect(try ua.isBusinessDay(date("2031-12-25")))
    }

    @Test func peacetimeFileListsArticle73HolidaysWithOrthodoxDates() throws {
        let calendar = try load("ua-peacetime.json")
        #expect(calendar.coveredYears == 2024...BusinessCalendar.lastComputedYear)
        guard case .rules(let rules) = calendar.holidays else { Issue.record("expected rules"); return }
        for year in [2025, 2026, 2027, 2028, 2064, 2119] {
            let dates = Set(rules.holidays(in: year).map(\.date))
            #expect(dates.count == 11)
            #expect(try dates.contains(OrthodoxEaster.date(year: year) ?? date("1900-01-01")))
            #expect(try dates.contains(OrthodoxEaster.trinity(year: year) ?? date("1900-01-01")))
            for monthDay in ["01-01", "03-08", "05-01", "05-08", "06-28", "07-15", "08-24", "10-01", "12-25"] {
                #expect(try dates.contains(date("\(year)-\(monthDay)")), "\(year)-\(monthDay)")
            }
            #expect(try !dates.contains(date("\(year)-01-07")))
        }
    }

    @Test func weekendHolidaysMoveToTheNextWorkingDayInPeacetime() throws {
        let calendar = try load("ua-peacetime.json")
        // 2025: 8 Mar Sat → Mon 10 Mar; Easter 20 Apr → Mon 21 Apr; 28 Jun Sat → Mon 30 Jun.
        for off in ["2025-03-10", "2025-04-21", "2025-06-09", "2025-06-30", "2025-08-25"] {
            #expect(try !calendar.isBusinessDay(date(off)), "\(off)")
        }
        #expect(try calendar.isBusinessDay(date("2025-03-11")))
        #expect(try !calendar.isBusinessDay(date("2025-05-08")))
    }

    @Test func receiptOnAFridayBeforeAHoliday() throws {
        let peacetime = try load("ua-peacetime.json")
        // Friday 7 March 2025; Sat 8 March is a holiday, so Monday 10 March is off.
        let friday = try date("2025-03-07")
        #expect(friday.weekday == .friday)
        #expect(try peacetime.addingBusinessDays(3, to: friday) == date("2025-03-13"))
        #expect(try BusinessCalendar.ukraineMartialLaw.addingBusinessDays(3, to: friday) == date("2025-03-12"))
        // Friday 27 June 2025 before Constitution Day (Sat) → Mon 30 June off.
        #expect(try peacetime.addingBusinessDays(3, to: date("2025-06-27")) == date("2025-07-03"))
        // Thursday 30 April 2026 before 1 May (Fri).
        #expect(try peacetime.addingBusinessDays(3, to: date("2026-04-30")) == date("2026-05-06"))
    }

    @Test func receiptOnAWeekendCountsFromMonday() throws {
        let ua = BusinessCalendar.ukraineMartialLaw
        #expect(try ua.addingBusinessDays(3, to: date("2025-03-08")) == date("2025-03-12"))
        #expect(try ua.addingBusinessDays(0, to: date("2025-03-08")) == date("2025-03-08"))
        #expect(try ua.addingBusinessDays(14, to: date("2025-03-07")) == date("2025-03-27"))
        #expect(try ua.businessDays(after: date("2025-03-07"), through: date("2025-03-12")) == 3)
    }

    @Test func countingBeforeTheFirstYearThrowsAndAfterItWorks() throws {
        let peacetime = try load("ua-peacetime.json")
        #expect(throws: BusinessCalendarError.yearNotCovered(2023, calendar: "ua-peacetime")) {
            try peacetime.addingBusinessDays(3, to: date("2023-12-27"))
        }
        // Once the end of the listed years: 2027-12-30 Thu + 3 → Mon 3 Jan 2028 (1 Jan is a Saturday,
        // so New Year moves to Monday 3 January: the 3rd business day is Wednesday 5 January).
        #expect(try peacetime.addingBusinessDays(3, to: date("2027-12-30")) == date("2028-01-05"))
        // A due date far in the future: Christmas 2119 is a Monday.
        #expect(try !peacetime.isBusinessDay(date("2119-12-25")))
        #expect(throws: BusinessCalendarError.countOutOfRange(-1)) {
            try peacetime.addingBusinessDays(-1, to: date("2025-01-01"))
        }
    }

    @Test func polishCalendarUsesWesternEasterAndNoTransfer() throws {
        let pl = try load("pl.json")
        #expect(pl.coveredYears == 2025...BusinessCalendar.lastComputedYear)
        #expect(!pl.transfersWeekendHolidays)
        for off in ["2025-04-21", "2025-06-19", "2025-12-24", "2026-04-06", "2027-03-29", "2027-05-27"] {
            #expect(try !pl.isBusinessDay(date(off)), "\(off)")
        }
        // 15 August 2026 is a Saturday: no fixed replacement day, Monday 17 August works.
        #expect(try pl.isBusinessDay(date("2026-08-17")))
        // Received Tuesday 23 Dec 2025: 24, 25, 26 off → 29, 30, 31.
        #expect(try pl.addingBusinessDays(3, to: date("2025-12-23")) == date("2025-12-31"))
    }

    @Test func calendarFileProblemsAreAllReported() {
        let json = """
            {"calendar":"x","name":{"uk":"Х","DE":"X"},"weekend":["saturday","caturday"],
             "holidays":{"from":2025,"rules":[{"date":"02-30","name":{"en":"a","uk":"б"}},{"easter":"julian"},
                                              {"date":"01-01","easter":"western","name":{"en":"a","uk":"б"}}],
                         "dates":[{"date":"2024-01-02","name":{"en":"a","uk":"б"}}]}}
            """
        do {
            _ = try BusinessCalendar.decode(json: Data(json.utf8))
            Issue.record("expected problems")
        } catch {
            #expect(error.problems.map(\.description) == [
                "$.name.DE: unknown key",
                "$.name.en: required",
                "$.weekend[1]: must be one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday",
                "$.holidays.rules[0].date: not a day of the year (expected MM-DD)",
                "$.holidays.rules[1].name: required",
                "$.holidays.rules[1].easter: must be one of: orthodox, western",
                "$.holidays.rules[2].date: give either \"date\" or \"easter\"",
                "$.holidays.dates[0].date: before the calendar's first year 2025",
            ])
        }
    }

    /// A calendar's name is one field of texts by language tag: a language the code has
    /// never heard of adds its own, and a language without one gets the English name.
    @Test func aCalendarNameTakesAnyLanguageTag() throws {
        let json = #"{"calendar": "x", "name": {"en": "Weekends", "de": "Wochenenden"}, "holidays": "none"}"#
        let calendar = try BusinessCalendar.decode(json: Data(json.utf8))
        #expect(calendar.displayName.text(try #require(DocumentLocale(rawValue: "de"))) == "Wochenenden")
        #expect(calendar.displayName.text(.uk) == "Weekends")
    }
}
