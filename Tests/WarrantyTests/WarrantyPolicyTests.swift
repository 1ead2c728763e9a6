import Testing
@testable import Warranty
import TalonPrimitives

@Suite struct WarrantyPolicyTests {
    func date(_ text: String) throws -> CalendarDate { try CalendarDate(iso: text) }

    @Test func endIsSaleDatePlusMonthsClamped() throws {
        let policy = WarrantyPolicy.standard
        #expect(policy.months == 36)
        #expect(try policy.validUntil(saleDate: date("2024-02-29")) == date("2027-02-28"))
        #expect(try policy.validUntil(saleDate: date("2023-01-31")) == date("2026-01-31"))
        #expect(try WarrantyPolicy(months: 3).validUntil(saleDate: date("2023-11-30")) == date("2024-02-29"))
        #expect(try WarrantyPolicy(months: 12).validUntil(saleDate: date("2024-02-29")) == date("2025-02-28"))
    }

    @Test func twoRepairsExtendOneWarranty() throws {
        let first = try RepairPeriod(received: date("2025-03-03"), returned: date("2025-03-05"))
        let second = try RepairPeriod(received: date("2026-01-30"), returned: date("2026-02-02"))
        #expect(first.days == 3)
        #expect(second.days == 4)
        let end = try WarrantyPolicy.standard.validUntil(saleDate: date("2024-02-29"), repairs: [first, second])
        #expect(try end == date("2027-02-28").addingDays(7))
        #expect(try end == date("2027-03-07"))
    }

    @Test func sameDayRepairCountsOneDay() throws {
        let repair = try RepairPeriod(received: date("2025-05-05"), returned: date("2025-05-05"))
        #expect(repair.days == 1)
        #expect(try WarrantyPolicy(months: 1).validUntil(saleDate: date("2025-01-31"), repairs: [repair]) == date("2025-03-01"))
    }

    @Test func returnedBeforeReceivedIsRejected() throws {
        #expect(throws: RepairPeriodError.returnedBeforeReceived) {
            try RepairPeriod(received: date("2025-03-05"), returned: date("2025-03-04"))
        }
    }

    @Test func overlapDetection() throws {
        let a = try RepairPeriod(received: date("2025-03-01"), returned: date("2025-03-10"))
        let b = try RepairPeriod(received: date("2025-03-10"), returned: date("2025-03-12"))
        let c = try RepairPeriod(received: date("2025-03-11"), returned: date("2025-03-12"))
        #expect(a.overlaps(b))
        #expect(!a.overlaps(c))
    }

    @Test func inWarrantyOnTheLastDayOnly() throws {
        let policy = WarrantyPolicy.standard
        let sale = try date("2024-02-29")
        #expect(try policy.isInWarranty(receivedOn: date("2027-02-28"), saleDate: sale))
        #expect(try !policy.isInWarranty(receivedOn: date("2027-03-01"), saleDate: sale))
        #expect(try !policy.isInWarranty(receivedOn: date("2024-02-28"), saleDate: sale))
        let repair = try RepairPeriod(received: date("2025-03-03"), returned: date("2025-03-05"))
        #expect(try policy.isInWarranty(receivedOn: date("2027-03-03"), saleDate: sale, repairs: [repair]))
        #expect(try !policy.isInWarranty(receivedOn: date("2027-03-04"), saleDate: sale, repairs: [repair]))
    }

    @Test func exclusionCatalogueIsNumberedOneToFourteen() {
        let clauses = ExclusionClause.standard
        #expect(clauses.map(\.number) == Array(1...14))
        #expect(clauses.filter { $0.group == .voidsWarranty }.map(\.number) == Array(1...12))
        #expect(ExclusionClause.numbered(15) == nil)
        #expect(ExclusionClause.numbered(13)?.group == .alsoNotCovered)
    }

    /// A text picks its language by tag; a language without its own text gets the English one.
    @Test func localizedTextFallsBackToEnglish() {
        let text = LocalizedText(en: "Holiday", others: ["uk": "Свято"])
        #expect(text.text(.uk) == "Свято")
        #expect(text.text(.pl) == "Holiday")
        #expect(LocalizedText(en: "Holiday", others: ["pl": "Święto"]).text(.pl) == "Święto")
    }
}
