import Foundation
import Testing
@testable import TalonDocuments
import Warranty

/// Dates the documents print are computed from the policy and the business calendar.
@Suite struct ServiceDocumentsDatesTests {
    /// A returned, covered repair: received, diagnosed, invoiced, approved, repaired, returned.
    static func repairedClaim(sale: String, months: Int = 36, received: String, returned: String,
                              previous: [[String: Any]] = []) -> [String: Any] {
        var claim = ServiceFixtures.claim()
        claim["sale"] = ["date": sale]
        claim["product"] = ["model": "IPC-T1", "serial": "SN-T1-0001", "warranty_months": months]
        claim["received"] = received
        claim["previous_repairs"] = previous
        claim["diagnosis"] = ServiceFixtures.diagnosis(date: received)
        claim["invoice"] = ["number": "INV-T-1", "date": received, "vat_rate": 20,
                            "lines": [ServiceFixtures.line("Ремонт", price: "100.00")]]
        claim["approval"] = ["decision": "approved", "date": received]
        claim["repair"] = ["work_done": "Замінено плату", "completed": returned,
                           "parts_replaced": [["name": "Плата", "quantity": 1]]]
        claim["return"] = ["date": returned, "method": "pickup"]
        return claim
    }

    @Test func leapDaySaleEndsOnTheLastDayOfFebruaryAndExtendsByTheRepair() throws {
        // 2024-02-29 + 36 months = 2027-02-28; in repair 2027-01-04 ... 2027-01-08 = 5 days.
        let data = ServiceFixtures.document(Self.repairedClaim(sale: "2024-02-29", received: "2027-01-04",
                                                               returned: "2027-01-08"))
        let text = try ServiceFixtures.text(.repairRecord, data)
        #expect(text.contains("Кінець гарантії до цього ремонту 28.02.2027"), "\(text)")
        #expect(text.contains("Кінець гарантії після цього ремонту 05.03.2027"), "\(text)")
        #expect(text.contains("Гарантію подовжено на 5 дн."))
        #expect(text.contains("враховуючи день приймання і день повернення"))
        let english = try ServiceFixtures.text(.repairRecord, data, locale: .en)
        #expect(english.contains("extended by the 5 days the device spent in repair"), "\(english)")
        #expect(english.contains("counting the day received and the day returned"))
        #expect(english.contains("Warranty end before this repair February 28, 2027"))
        #expect(english.contains("Warranty end after this repair March 5, 2027"))
    }

    @Test func monthEndSaleClampsToAShorterMonth() throws {
        // 2023-01-31 + 13 months = 2024-02-29 (leap year), + 1 day in repair = 2024-03-01.
        let data = ServiceFixtures.document(Self.repairedClaim(sale: "2023-01-31", months: 13, received: "2024-02-01",
                                                               returned: "2024-02-01"))
        let context = try ServiceFixtures.context(.repairRecord, data)
        #expect(context.string("warranty.end_before") == "2024-02-29")
        #expect(context.string("warranty.end_after") == "2024-03-01")
        let text = try ServiceFixtures.text(.repairRecord, data)
        #expect(text.contains("Гарантію подовжено на 1 дн."))
        #expect(text.contains("до 29.02.2024"))
    }

    @Test func twoRepairsBothExtendOneWarranty() throws {
        // Base end 2027-02-28; an earlier repair of 9 days (2024-09-02..10) → 2027-03-09;
        // this repair 2025-03-07..24 = 18 days → 2027-03-27.
        let previous: [[String: Any]] = [["rma": "RMA-OLD-1", "received": "2024-09-02", "returned": "2024-09-10"]]
        let data = ServiceFixtures.document(Self.repairedClaim(sale: "2024-02-29", received: "2025-03-07",
                                                               returned: "2025-03-24", previous: previous))
        let text = try ServiceFixtures.text(.repairRecord, data)
        #expect(text.contains("RMA-OLD-1"))
        #expect(text.contains("02.09.2024 – 10.09.2024: 9 днів"), "\(text)")
        #expect(text.contains("Кінець гарантії до цього ремонту 09.03.2027"))
        #expect(text.contains("Кінець гарантії після цього ремонту 27.03.2027"))
        #expect(text.contains("Гарантію подовжено на 18 дн."))
    }

    @Test func notCoveredRepairDoesNotExtend() throws {
        var claim = Self.repairedClaim(sale: "2024-02-29", received: "2025-03-07", returned: "2025-03-24")
        claim["diagnosis"] = ServiceFixtures.diagnosis(date: "2025-03-07", clauses: [3])
        let text = try ServiceFixtures.text(.repairRecord, ServiceFixtures.document(claim), locale: .en)
        #expect(text.contains("Warranty end after this repair February 28, 2027"), "\(text)")
        #expect(text.contains("The warranty is not extended"))
    }

    @Test func fridayReceiptBeforeAHolidayUsesThePeacetimeCalendar() throws {
        // Friday 2025-03-07; 8 March is a Saturday, so peacetime moves the day off to
        // Monday 10 March: due Thursday 13 March. Under martial law: Wednesday 12 March.
        let claim = ServiceFixtures.claim()
        let peacetime = try ServiceFixtures.text(.rma, ServiceFixtures.document(claim, calendar: "ua-peacetime"))
        #expect(peacetime.contains("Діагностика до 13.03.2025"), "\(peacetime)")
        #expect(peacetime.contains("мирний час"))
        let wartime = try ServiceFixtures.text(.rma, ServiceFixtures.document(claim))
        #expect(wartime.contains("Діагностика до 12.03.2025"))
        #expect(wartime.contains("воєнний стан"))
    }

    @Test func lateDiagnosisIsShownLate() throws {
        // Due Wednesday 2025-03-12; made Friday 14th: two business days late.
        var claim = ServiceFixtures.claim()
        claim["diagnosis"] = ServiceFixtures.diagnosis(date: "2025-03-14")
        let data = ServiceFixtures.document(claim)
        let text = try ServiceFixtures.text(.diagnosis, data)
        #expect(text.contains("до 12.03.2025"))
        #expect(text.contains("14.03.2025 — З ЗАПІЗНЕННЯМ на 2 робочі дні"), "\(text)")
        let english = try ServiceFixtures.text(.diagnosis, data, locale: .en)
        #expect(english.contains("March 14, 2025 — LATE by 2 business days"), "\(english)")

        claim["diagnosis"] = ServiceFixtures.diagnosis(date: "2025-03-12")
        let onTime = try ServiceFixtures.text(.diagnosis, ServiceFixtures.document(claim), locale: .en)
        #expect(onTime.contains("(on time)") && !onTime.contains("LATE"))
    }

    @Test func diagnosisPrintsTheRepairEstimateAndTheCalendar() throws {
        var claim = ServiceFixtures.claim()
        claim["diagnosis"] = ServiceFixtures.diagnosis(date: "2025-03-11")
        let text = try ServiceFixtures.text(.diagnosis, ServiceFixtures.document(claim), locale: .en)
        // 14 business days after 11 March 2025 (martial law: weekends only) = 31 March.
        #expect(text.contains("up to 14 business days from the day the invoice is approved (standard components)"))
        #expect(text.contains("March 31, 2025 if approved on March 11, 2025"), "\(text)")
        #expect(text.contains("Ukraine, martial law: no public holidays"))

        var special = ServiceFixtures.claim()
        special["diagnosis"] = ["date": "2025-03-11", "findings": "x",
                                "repair": ["standard_components": false, "due": "2025-03-21"]]
        let technician = try ServiceFixtures.text(.diagnosis, ServiceFixtures.document(special), locale: .en)
        #expect(technician.contains("8 business days from the diagnosis (non-standard components)"), "\(technician)")
        #expect(technician.contains("Ready by March 21, 2025"))
    }

    @Test func citedClausesArePrintedWithNumberAndText() throws {
        var claim = ServiceFixtures.claim()
        claim["diagnosis"] = ServiceFixtures.diagnosis(clauses: [3, 9])
        let data = ServiceFixtures.document(claim)
        let text = try ServiceFixtures.text(.diagnosis, data)
        let english = try ServiceFixtures.text(.diagnosis, data, locale: .en)
        let renderer = try #require(ServiceFixtures.renderer)
        let ukTexts = renderer.clauseTexts(.uk), enTexts = renderer.clauseTexts(.en)
        for number in [3, 9] {
            let uk = try #require(ukTexts[number]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let en = try #require(enTexts[number]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(text.contains("Пункт \(number). \(uk)"), "\(text)")
            #expect(english.contains("Clause \(number). \(en)"), "\(english)")
        }
        #expect(text.contains("Випадок негарантійний"))
        #expect(english.contains("Not covered by the warranty"))
    }

    @Test func expiredWarrantyNamesTheEndDate() throws {
        var claim = ServiceFixtures.claim()
        claim["sale"] = ["date": "2021-01-15"]
        claim["diagnosis"] = ServiceFixtures.diagnosis()
        let english = try ServiceFixtures.text(.diagnosis, ServiceFixtures.document(claim), locale: .en)
        #expect(english.contains("The warranty expired on January 15, 2024"), "\(english)")
    }

    /// Regression: calendars load sorted by file name, so data without "calendar" used
    /// `pl.json` (Poland) instead of the default Ukrainian martial-law calendar.
    @Test func dataWithoutACalendarUsesTheDefaultUkrainianCalendar() throws {
        let context = try ServiceFixtures.context(.rma, ServiceFixtures.document(ServiceFixtures.claim()))
        #expect(context.string("calendar.id") == "ua")
        let named = try ServiceFixtures.context(.rma, ServiceFixtures.document(ServiceFixtures.claim(), calendar: "pl"))
        #expect(named.string("calendar.id") == "pl")
    }
}
