import Foundation
import Testing
@testable import Warranty

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
        #expect(OrthodoxEaster.date(year: 2100) == nil)
        for year in 1900...2099 { #expect(OrthodoxEaster.date(year: year)?.weekday == .sunday) }
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
        #expect(calendar.coveredYears == 2025...2027)
        guard case .listed(let years) = calendar.holidays else { Issue.record("expected a list"); return }
        for year in 2025...2027 {
            let dates = Set(years[year, default: []].map(\.date))
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

    @Test func countingPastTheListedYearsThrows() throws {
        let peacetime = try load("ua-peacetime.json")
        #expect(throws: BusinessCalendarError.yearNotCovered(2028, calendar: "ua-peacetime")) {
            try peacetime.addingBusinessDays(3, to: date("2027-12-30"))
        }
        #expect(throws: BusinessCalendarError.countOutOfRange(-1)) {
            try peacetime.addingBusinessDays(-1, to: date("2025-01-01"))
        }
    }

    @Test func polishCalendarUsesWesternEasterAndNoTransfer() throws {
        let pl = try load("pl.json")
        #expect(pl.coveredYears == 2025...2027)
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
            {"calendar":"x","name":{"en":"X"},"weekend":["saturday","caturday"],
             "holidays":{"2025":[{"date":"2026-01-01","name":{"en":"a","uk":"б"}},{"date":"2025-02-30"}],"20x5":[]}}
            """
        do {
            _ = try BusinessCalendar.decode(json: Data(json.utf8))
            Issue.record("expected problems")
        } catch {
            #expect(error.problems.map(\.description) == [
                "$.name.uk: required",
                "$.weekend[1]: must be one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday",
                "$.holidays['2025'][0].date: not in 2025",
                "$.holidays['2025'][1].date: not a real date: day 30 does not exist in 2025-02",
                "$.holidays['2025'][1].name: required",
                "$.holidays['20x5']: key must be a year (YYYY)",
            ])
        }
    }
}
