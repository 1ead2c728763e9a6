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

@Suite struct NotCoveredReasonTests {
    @Test func reasonsReadAsSentences() throws {
        let clauses = [3, 8].compactMap(ExclusionClause.numbered)
        #expect(NotCoveredReason.clauses(clauses).text(.en, date: { $0.formatted(.en) }) == "Excluded by clauses 3, 8 of the warranty terms.")
        #expect(NotCoveredReason.clauses(Array(clauses.prefix(1))).text(.uk, date: { $0.formatted(.uk) }) == "Виключено пунктом 3 умов гарантії.")
        let end = try CalendarDate(iso: "2027-02-28")
        #expect(NotCoveredReason.warrantyExpired(validUntil: end).text(.uk, date: { $0.formatted(.uk) }) == "Гарантійний строк закінчився 28.02.2027.")
        #expect(NotCoveredReason.saleDateUnknown.text(.en, date: { $0.formatted(.en) }).hasPrefix("The date of sale is not proven"))
    }
}
