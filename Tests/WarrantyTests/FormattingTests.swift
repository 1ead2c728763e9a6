import Testing
@testable import Warranty

@Suite struct FormattingTests {
    @Test func dates() throws {
        let date = try CalendarDate(iso: "2024-02-09")
        #expect(date.formatted(.uk) == "09.02.2024")
        #expect(date.formatted(.en) == "9 Feb 2024")
        #expect(date.weekday.name(.en) == "Friday")
        #expect(date.weekday.name(.uk) == "пʼятниця")
    }

    @Test func percentagesAndQuantities() throws {
        #expect(Percentage(basisPoints: 750).formatted(.uk) == "7,5\u{00A0}%")
        #expect(Percentage(basisPoints: 2000).formatted(.en) == "20%")
        #expect(try DecimalNumber(parsing: "1.5").formatted(.uk) == "1,5")
    }
}
