import Foundation
import Testing
@testable import Warranty
import TalonPrimitives

@Suite struct ServiceDocumentTests {
    /// A minimal valid claim at intake; tests add stages.
    static var intake: [String: Any] { [
        "rma": "RMA-1", "received": "2025-03-07",
        "customer": ["name": "Олена Їжакевич", "email": "olena@example.com"],
        "product": ["model": "IPC", "serial": "SN1"],
        "sale": ["date": "2024-02-29"],
        "equipment_set": "camera", "failure": "no video",
    ] }
    static var diagnosis: [String: Any] { ["date": "2025-03-11", "findings": "bad board"] }
    static var invoice: [String: Any] { [
        "number": "INV-1", "date": "2025-03-12", "vat_rate": 20,
        "lines": [["description": "Board", "kind": "part", "quantity": 1, "unit_price": "100.00"]],
    ] }

    func json(_ claim: [String: Any], extra: [String: Any] = [:]) throws -> Data {
        var root: [String: Any] = ["service_center": ["company": "SC"], "claim": claim]
        root.merge(extra) { $1 }
        return try JSONSerialization.data(withJSONObject: root)
    }

    func claim(_ stages: [String: Any]) -> [String: Any] {
        ServiceDocumentTests.intake.merging(stages) { $1 }
    }

    func problems(_ kind: DocumentKind, _ claim: [String: Any], extra: [String: Any] = [:]) throws -> [String] {
        do {
            _ = try ServiceDocument.decode(kind: kind, json: json(claim, extra: extra))
            return []
        } catch let error as ValidationError {
            return error.problems.map(\.description)
        }
    }

    func decode(_ kind: DocumentKind, _ claim: [String: Any], extra: [String: Any] = [:]) throws -> ServiceDocument {
        try ServiceDocument.decode(kind: kind, json: json(claim, extra: extra))
    }

    @Test func rmaComputesDiagnosisDueAndDefaults() throws {
        let document = try decode(.rma, ServiceDocumentTests.intake)
        #expect(document.claim.state == .received)
        #expect(document.claim.diagnosisDue == (try CalendarDate(iso: "2025-03-12")))
        #expect(document.documentDate == document.claim.received)
        #expect(document.locale == .en)
        #expect(document.claim.isInWarranty == true)
        #expect(document.claim.coverage == nil)
        #expect(document.claim.currency == .uah)
    }

    @Test func everyRMAProblemIsReportedAtOnce() throws {
        let found = try problems(.rma, [
            "received": "07.03.2025", "customer": ["email": "olena(at)example.com", "phone": "call me"],
            "product": ["model": "IPC"], "attachments": [["path": "x"]], "sale": [:], "extra": 1,
        ])
        #expect(found == [
            "$.claim.extra: unknown key",
            "$.claim.rma: required",
            "$.claim.received: not a date (expected YYYY-MM-DD)",
            "$.claim.customer.name: required",
            "$.claim.customer.phone: not a telephone number",
            "$.claim.customer.email: not an e-mail address",
            "$.claim.product.serial: required",
            "$.claim.sale: give date or card_number (or leave sale out)",
            "$.claim.equipment_set: required",
            "$.claim.failure: required",
            "$.claim.attachments[0].name: required",
        ])
    }

    @Test func unknownClauseNumberIsAProblem() throws {
        var d = ServiceDocumentTests.diagnosis
        d["clauses"] = [3, 15, 3]
        let found = try problems(.diagnosis, claim(["diagnosis": d]))
        #expect(found == [
            "$.claim.diagnosis.clauses[1]: unknown exclusion clause 15 (known: 1–14)",
            "$.claim.diagnosis.clauses[2]: clause 3 cited twice",
        ])
    }

    @Test func citedClauseMakesTheRepairNotCovered() throws {
        var d = ServiceDocumentTests.diagnosis
        d["clauses"] = [3]
        let document = try decode(.diagnosis, claim(["diagnosis": d]))
        #expect(document.claim.coverage == .notCovered([.clauses([ExclusionClause.numbered(3)].compactMap { $0 })]))
        #expect(document.claim.state == .diagnosed)
        #expect(document.claim.estimatedRepairBusinessDays == 14)
        #expect(document.claim.repairDue == nil)
    }

    @Test func expiredWarrantyAndUnknownSaleDate() throws {
        var late = ServiceDocumentTests.intake
        late["received"] = "2027-03-01"
        var d = ServiceDocumentTests.diagnosis
        d["date"] = "2027-03-02"
        let expired = try decode(.diagnosis, late.merging(["diagnosis": d]) { $1 })
        #expect(expired.claim.coverage == .notCovered([.warrantyExpired(validUntil: try CalendarDate(iso: "2027-02-28"))]))
        var noSale = claim(["diagnosis": ServiceDocumentTests.diagnosis])
        noSale["sale"] = ["card_number": "WC-1"]
        #expect(try decode(.diagnosis, noSale).claim.coverage == .notCovered([.saleDateUnknown]))
    }

    @Test func lateDiagnosisIsFlagged() throws {
        var d = ServiceDocumentTests.diagnosis
        d["date"] = "2025-03-13"
        #expect(try decode(.diagnosis, claim(["diagnosis": d])).claim.diagnosis?.isLate == true)
        #expect(try decode(.diagnosis, claim(["diagnosis": ServiceDocumentTests.diagnosis])).claim.diagnosis?.isLate == false)
    }

    @Test func documentsCheckTheStateTheyNeed() throws {
        #expect(try problems(.diagnosis, ServiceDocumentTests.intake) == ["$.claim.diagnosis: required for a diagnosis document"])
        #expect(try problems(.invoice, ServiceDocumentTests.intake) == [
            "$.claim.diagnosis: required for an invoice", "$.claim.invoice: required for an invoice document",
        ])
        #expect(try problems(.invoice, claim(["invoice": ServiceDocumentTests.invoice])) == [
            "$.claim.invoice: an invoice needs a diagnosis ($.claim.diagnosis)",
        ])
        #expect(try problems(.repairRecord, claim(["diagnosis": ServiceDocumentTests.diagnosis])) == [
            "$.claim.repair: required for a repair record (or a declined approval)",
            "$.claim.return: required for a repair record",
        ])
        #expect(try problems(.notice, ServiceDocumentTests.intake, extra: ["notice": ["event": "invoice"]]) == [
            "$.claim.invoice: required for an invoice notice",
        ])
        #expect(try problems(.rma, ServiceDocumentTests.intake, extra: ["notice": ["event": "received"]]) == [
            "$.notice: unknown key",
        ])
    }

    @Test func stagesMustFollowInOrder() throws {
        let found = try problems(.repairRecord, claim([
            "diagnosis": ServiceDocumentTests.diagnosis,
            "invoice": ServiceDocumentTests.invoice.merging(["date": "2025-03-10"]) { $1 },
            "approval": ["decision": "declined", "date": "2025-03-13"],
            "repair": ["work_done": "x", "completed": "2025-03-14"],
            "return": ["date": "2025-03-12", "method": "drone"],
        ]))
        #expect(found == [
            "$.claim.invoice.date: before the diagnosis (2025-03-11)",
            "$.claim.repair: the invoice was declined",
            "$.claim.return.method: must be one of: pickup, courier, post",
        ])
    }

    @Test func fullCoveredRepairExtendsTheWarranty() throws {
        let document = try decode(.repairRecord, claim([
            "previous_repairs": [["received": "2024-09-02", "returned": "2024-09-10"]],
            "diagnosis": ServiceDocumentTests.diagnosis,
            "invoice": ServiceDocumentTests.invoice,
            "approval": ["decision": "approved", "date": "2025-03-13"],
            "repair": ["work_done": "replaced board", "completed": "2025-04-03",
                       "parts_replaced": [["name": "Board", "quantity": 2]]],
            "return": ["date": "2025-04-04", "method": "pickup"],
        ]))
        let claim = document.claim
        #expect(claim.state == .returned)
        #expect(claim.coverage == .covered)
        #expect(claim.invoice?.isFullyCovered == true)
        #expect(claim.invoice?.totals.toPay.isZero == true)
        #expect(claim.invoice?.totals.gross.minorUnits == 12_000)
        #expect(claim.warrantyEndBefore == (try CalendarDate(iso: "2027-03-09")))
        #expect(claim.extensionDays == 29)   // 7 March … 4 April
        #expect(claim.warrantyEndAfter == (try CalendarDate(iso: "2027-04-07")))
        #expect(claim.repairDue == (try CalendarDate(iso: "2025-04-02")))
        #expect(claim.isRepairLate)
        #expect(claim.repair?.partsReplaced.first?.quantity == 2)
        #expect(document.documentDate == (try CalendarDate(iso: "2025-04-04")))
    }

    @Test func declinedClaimReturnsWithoutRepair() throws {
        let document = try decode(.repairRecord, claim([
            "diagnosis": ServiceDocumentTests.diagnosis.merging(["clauses": [8]]) { $1 },
            "invoice": ServiceDocumentTests.invoice,
            "approval": ["decision": "declined", "date": "2025-03-13"],
            "return": ["date": "2025-03-14", "method": "courier"],
        ]))
        #expect(document.claim.state == .returned)
        #expect(document.claim.extensionDays == 0)
        #expect(document.claim.repairDue == nil)
    }

    @Test func previousRepairsMustNotOverlapOrFollowThisClaim() throws {
        let found = try problems(.rma, claim(["previous_repairs": [
            ["received": "2024-09-02", "returned": "2024-09-10"],
            ["received": "2024-09-10", "returned": "2024-09-12"],
            ["received": "2024-10-05", "returned": "2024-10-01"],
            ["received": "2025-03-01", "returned": "2025-03-07"],
        ]]))
        #expect(found == [
            "$.claim.previous_repairs[1]: overlaps the repair 2024-09-02…2024-09-10",
            "$.claim.previous_repairs[2].returned: before received (2024-10-05)",
            "$.claim.previous_repairs[3].returned: must be before this claim was received (2025-03-07)",
        ])
    }

    @Test func invoiceLineProblemsHavePaths() throws {
        let found = try problems(.invoice, claim([
            "diagnosis": ServiceDocumentTests.diagnosis.merging(["clauses": [2]]) { $1 },
            "invoice": ["number": "I", "date": "2025-03-12", "currency": "EUR", "lines": [
                ["description": "a", "kind": "work", "quantity": 1, "unit_price": "1"],
                ["description": "b", "kind": "labour", "quantity": 0, "unit_price": "-1"],
                ["description": "c", "kind": "part", "quantity": "1.5", "unit_price": 1, "unit_price_minor": 100],
                ["description": "d", "kind": "part", "quantity": 1, "unit_price": 1, "vat_rate": 120, "covered": true],
                ["description": "e", "kind": "part", "quantity": "x", "currency": "USD", "discount": ["percent": 5, "amount": 1]],
                ["description": "f", "kind": "part", "quantity": 1, "unit_price": "1", "discount": ["amount": "2"]],
            ]],
        ]))
        #expect(found == [
            "$.claim.invoice.currency: mixed currencies: the claim uses UAH",
            "$.claim.invoice.lines[1].kind: must be one of: work, part",
            "$.claim.invoice.lines[1].quantity: must be positive",
            "$.claim.invoice.lines[1].unit_price: must not be negative",
            "$.claim.invoice.lines[2].unit_price_minor: give either unit_price or unit_price_minor, not both",
            "$.claim.invoice.lines[3].vat_rate: must be a percentage 0–100 with at most 2 decimals",
            "$.claim.invoice.lines[3].covered: the claim is not covered by the warranty",
            "$.claim.invoice.lines[4].quantity: not a decimal number: \"x\"",
            "$.claim.invoice.lines[4].unit_price: required",
            "$.claim.invoice.lines[4].discount: give either percent or amount",
            "$.claim.invoice.lines[4].currency: mixed currencies: the invoice uses EUR",
            "$.claim.invoice.lines[5].discount: discount is larger than the line amount",
        ])
    }

    @Test func unitPriceInMinorUnitsAndUnitDefaults() throws {
        let document = try decode(.invoice, claim([
            "diagnosis": ServiceDocumentTests.diagnosis,
            "invoice": ["number": "I", "date": "2025-03-12", "lines": [
                ["description": "a", "kind": "work", "quantity": 1.5, "unit_price_minor": 45_050],
            ]],
        ]), extra: ["locale": "uk"])
        let line = try #require(document.claim.invoice?.lines.first)
        #expect(line.amount.minorUnits == 67_575)
        #expect(line.unit == nil, "the language's unit comes from its catalogue when printed")
        #expect(line.vatRate.basisPoints == 0)
        #expect(line.covered)
    }

    @Test func calendarIsChosenByName() throws {
        let peacetime = try BusinessCalendar.decode(json: Data(contentsOf: BusinessCalendarTests.calendars.appendingPathComponent("ua-peacetime.json")))
        let calendars = [BusinessCalendar.ukraineMartialLaw, peacetime]
        let data = try json(ServiceDocumentTests.intake, extra: ["calendar": "ua-peacetime"])
        let document = try ServiceDocument.decode(kind: .rma, json: data, calendars: calendars)
        #expect(document.claim.diagnosisDue == (try CalendarDate(iso: "2025-03-13")))
        #expect(document.claim.calendar.identifier == "ua-peacetime")
        #expect(try problems(.rma, ServiceDocumentTests.intake, extra: ["calendar": "mars"]) == [
            "$.calendar: unknown calendar (known: ua)",
        ])
    }

    /// A language's default calendar is data: the calendar whose `default_for` names the
    /// document's language (pl.json for pl), unless the data names one.
    @Test func theCalendarNamingTheLanguageIsItsDefault() throws {
        let polish = try BusinessCalendar.decode(json: Data(contentsOf: BusinessCalendarTests.calendars.appendingPathComponent("pl.json")))
        #expect(polish.defaultFor == ["pl"])
        let calendars = [BusinessCalendar.ukraineMartialLaw, polish]
        let pl = try ServiceDocument.decode(kind: .rma, json: json(ServiceDocumentTests.intake, extra: ["locale": "pl"]), calendars: calendars)
        #expect(pl.claim.calendar.identifier == "pl")
        let uk = try ServiceDocument.decode(kind: .rma, json: json(ServiceDocumentTests.intake, extra: ["locale": "uk"]), calendars: calendars)
        #expect(uk.claim.calendar.identifier == "ua")
        let named = try ServiceDocument.decode(kind: .rma, json: json(ServiceDocumentTests.intake, extra: ["locale": "pl", "calendar": "ua"]),
                                               calendars: calendars)
        #expect(named.claim.calendar.identifier == "ua")
    }

    /// Rule-based calendars know every later year (the listed years used to end in 2027);
    /// before a calendar's first year counting is still a located problem.
    @Test func dueDatesBeyondTheOldListsWorkAndBeforeTheFirstYearAreProblems() throws {
        let peacetime = try BusinessCalendar.decode(json: Data(contentsOf: BusinessCalendarTests.calendars.appendingPathComponent("ua-peacetime.json")))
        var late = ServiceDocumentTests.intake
        late["received"] = "2027-12-01"
        late["sale"] = ["date": "2025-12-01"]
        late["diagnosis"] = ["date": "2027-12-02", "findings": "x"]
        late["invoice"] = ServiceDocumentTests.invoice.merging(["date": "2027-12-20"]) { $1 }
        late["approval"] = ["decision": "approved", "date": "2027-12-21"]
        let document = try ServiceDocument.decode(kind: .invoice, json: json(late, extra: ["calendar": "ua-peacetime"]),
                                                  calendars: [peacetime])
        #expect(document.claim.received == (try CalendarDate(iso: "2027-12-01")))
        var early = ServiceDocumentTests.intake
        early["received"] = "2023-12-28"
        early["sale"] = ["date": "2023-12-01"]
        do {
            _ = try ServiceDocument.decode(kind: .rma, json: json(early, extra: ["calendar": "ua-peacetime"]), calendars: [peacetime])
            Issue.record("expected a problem")
        } catch let error as ValidationError {
            #expect(error.problems.map(\.description) == ["$.claim.received: calendar ua-peacetime does not know the holidays of 2023"])
        }
    }

    @Test func deeplyNestedInputIsAProblemNotACrash() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        do {
            _ = try ServiceDocument.decode(kind: .rma, json: Data(deep.utf8))
            Issue.record("expected a problem")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.path == "$")
        }
    }

    @Test func noticeChannelAndRecipient() throws {
        let sms = try decode(.notice, ServiceDocumentTests.intake, extra: ["notice": ["event": "received", "channel": "sms", "to": "+380 67 555 01 23"]])
        #expect(sms.notice == Notice(event: .received, channel: .sms, recipient: "+380 67 555 01 23"))
        let email = try decode(.notice, ServiceDocumentTests.intake, extra: ["notice": ["event": "received"]])
        #expect(email.notice?.recipient == "olena@example.com")
        #expect(email.notice?.channel == .email)
        #expect(try problems(.notice, ServiceDocumentTests.intake, extra: ["notice": ["event": "received", "channel": "sms"]]) == [
            "$.notice.to: required (the customer has no telephone)",
        ])
        #expect(try problems(.notice, ServiceDocumentTests.intake, extra: ["notice": ["event": "party"]]) == [
            "$.notice.event: must be one of: received, diagnosis-ready, invoice, ready-for-pickup",
        ])
    }

    @Test func warrantyCardKindIsNotAServiceDocument() throws {
        #expect(try problems(.warrantyCard, ServiceDocumentTests.intake).first?.hasPrefix("$: warranty-card") == true)
    }

    @Test func overflowingInvoiceIsAProblemNotATrap() throws {
        let found = try problems(.invoice, claim([
            "diagnosis": ServiceDocumentTests.diagnosis,
            "invoice": ["number": "I", "date": "2025-03-12", "lines": [
                ["description": "a", "kind": "work", "quantity": "900000000", "unit_price": "900000000000"],
                ["description": "b", "kind": "work", "quantity": "1", "unit_price_minor": 9_000_000_000_000_000_000],
                ["description": "c", "kind": "work", "quantity": "1", "unit_price_minor": 9_000_000_000_000_000_000],
            ]],
        ]))
        #expect(found == [
            "$.claim.invoice.lines[0]: amount too large (arithmetic overflow)",
            "$.claim.invoice.lines: amount too large (arithmetic overflow)",
        ])
    }
}
