import Testing
@testable import Warranty

@Suite struct FormattingTests {
    @Test func dates() throws {
        let date = try CalendarDate(iso: "2024-02-09")
        #expect(date.formatted(.uk) == "09.02.2024")
        #expect(date.formatted(.en) == "9 Feb 2024")
        #expect(date.longFormatted(.uk) == "9 лютого 2024 р.")
        #expect(date.longFormatted(.en) == "9 February 2024")
        #expect(date.weekday.name(.en) == "Friday")
        #expect(date.weekday.name(.uk) == "пʼятниця")
    }

    @Test func money() {
        let nbsp = "\u{00A0}"
        #expect(Money(minorUnits: 123_456_789, currency: .uah).formatted(.uk) == "1\(nbsp)234\(nbsp)567,89\(nbsp)грн")
        #expect(Money(minorUnits: 123_456_789, currency: .usd).formatted(.en) == "USD\(nbsp)1,234,567.89")
        #expect(Money(minorUnits: 5, currency: .eur).formatted(.en) == "EUR\(nbsp)0.05")
        #expect(Money(minorUnits: -100_000, currency: .pln).formatted(.uk) == "-1\(nbsp)000,00\(nbsp)зл")
        #expect(Money(minorUnits: 99_900, currency: .uah).formatted(.uk) == "999,00\(nbsp)грн")
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
        #expect(NotCoveredReason.clauses(clauses).text(.en) == "Excluded by clauses 3, 8 of the warranty terms.")
        #expect(NotCoveredReason.clauses(Array(clauses.prefix(1))).text(.uk) == "Виключено пунктом 3 умов гарантії.")
        let end = try CalendarDate(iso: "2027-02-28")
        #expect(NotCoveredReason.warrantyExpired(validUntil: end).text(.uk) == "Гарантійний строк закінчився 28.02.2027.")
        #expect(NotCoveredReason.saleDateUnknown.text(.en).hasPrefix("The date of sale is not proven"))
    }
}
