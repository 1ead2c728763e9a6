import Testing
import Foundation
import TalonPrimitives

@Suite struct CalendarDateTests {
    func date(_ text: String) throws -> CalendarDate { try CalendarDate(iso: text) }

    @Test func parsesAndPrintsISO() throws {
        let d = try date("2024-02-29")
        #expect(d.year == 2024 && d.month == 2 && d.day == 29)
        #expect(d.isoString == "2024-02-29")
        #expect(try date("0001-01-01").isoString == "0001-01-01")
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-01-00", "2100-02-29"])
    func rejectsImpossibleDates(_ text: String) {
        #expect(throws: CalendarDateError.self) { try CalendarDate(iso: text) }
        #expect(CalendarDate(text) == nil)
    }

    @Test(arguments: ["2024-2-29", "24-02-29", "2024/02/29", "2024-02-29T00:00", " 2024-02-29", "", "abcd-ef-gh", "0000-01-01", "+024-01-01", "2024-+1-01"])
    func rejectsMalformedText(_ text: String) {
        #expect(throws: CalendarDateError.notISODate(text)) { try CalendarDate(iso: text) }
    }

    @Test func dateOfADateTime() throws {
        #expect(CalendarDate.date(ofISO: "2024-02-29") == (try date("2024-02-29")))
        #expect(CalendarDate.date(ofISO: "2024-02-29T23:59:59+02:00") == (try date("2024-02-29")))
        for text in ["2023-02-29T00:00", "2024-02-29 10:00", "2024-02-2", "0000-01-01", "2024-+1-01"] {
            #expect(CalendarDate.date(ofISO: text) == nil, "\(text)")
        }
    }

    @Test func leapYears() {
        #expect(CalendarDate.isLeapYear(2024))
        #expect(CalendarDate.isLeapYear(2000))
        #expect(!CalendarDate.isLeapYear(1900))
        #expect(!CalendarDate.isLeapYear(2023))
        #expect(throws: Never.self) { try CalendarDate(iso: "2000-02-29") }
    }

    @Test func addsMonthsClampedToMonthEnd() throws {
        #expect(try date("2024-02-29").addingMonths(36) == date("2027-02-28"))
        #expect(try date("2024-02-29").addingMonths(48) == date("2028-02-29"))
        #expect(try date("2023-01-31").addingMonths(36) == date("2026-01-31"))
        #expect(try date("2023-01-31").addingMonths(1) == date("2023-02-28"))
        #expect(try date("2023-11-30").addingMonths(3) == date("2024-02-29"))
        #expect(try date("2023-08-31").addingMonths(1) == date("2023-09-30"))
        #expect(try date("2023-12-15").addingMonths(1) == date("2024-01-15"))
        #expect(try date("2024-01-15").addingMonths(-1) == date("2023-12-15"))
        #expect(try date("2024-03-31").addingMonths(-1) == date("2024-02-29"))
    }

    @Test func addsDaysAcrossMonthsAndYears() throws {
        #expect(try date("2024-02-28").addingDays(1) == date("2024-02-29"))
        #expect(try date("2024-02-29").addingDays(1) == date("2024-03-01"))
        #expect(try date("2023-12-31").addingDays(1) == date("2024-01-01"))
        #expect(try date("2024-01-01").addingDays(-1) == date("2023-12-31"))
        #expect(try date("2024-01-01").addingDays(366) == date("2025-01-01"))
        #expect(try date("1970-01-01").dayNumber == 0)
        #expect(try date("2000-03-01").dayNumber == 11_017)
        #expect(try date("2024-01-01").addingDays(Int.max) > date("9999-12-31"))
    }

    @Test func dayNumbersRoundTrip() throws {
        var d = try date("1899-12-25")
        for _ in 0..<100_000 {
            let next = d.addingDays(1)
            #expect(next.dayNumber == d.dayNumber + 1)
            #expect(next > d)
            #expect(CalendarDate(dayNumber: next.dayNumber) == next)
            d = next
        }
    }

    @Test func daysBetween() throws {
        #expect(try date("2025-03-03").days(to: date("2025-03-05")) == 2)
        #expect(try date("2025-03-05").days(to: date("2025-03-03")) == -2)
        #expect(try date("2024-01-01").days(to: date("2025-01-01")) == 366)
    }

    @Test func weekdays() throws {
        #expect(try date("1970-01-01").weekday == .thursday)
        #expect(try date("2025-03-07").weekday == .friday)
        #expect(try date("2024-02-29").weekday == .thursday)
        #expect(try date("2025-04-20").weekday == .sunday)
        #expect(try date("1969-12-29").weekday == .monday)
        #expect(Weekday(name: "Saturday") == .saturday)
    }

    @Test func codableAsISOString() throws {
        let d = try date("2023-11-30")
        let data = try JSONEncoder().encode([d])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2023-11-30\"]")
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [d])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data("[\"2023-02-29\"]".utf8))
        }
    }
}
