import Foundation
import Testing
@testable import TalonDocuments
import Warranty

/// One notice template per event; as SMS it is short enough for one (en) or two (uk, pl) segments.
@Suite struct ServiceDocumentsNoticeTests {
    /// A claim that has reached every stage a notice can report.
    static func fullClaim(covered: Bool) -> [String: Any] {
        var claim = ServiceFixtures.claim()
        claim["customer"] = ["name": "Олена Тест", "email": "olena@example.com", "phone": "+380 67 555 01 23"]
        claim["diagnosis"] = ServiceFixtures.diagnosis(clauses: covered ? [] : [4, 8])
        claim["invoice"] = ServiceFixtures.invoice([
            ServiceFixtures.line("Діагностика", quantity: "0.5", price: "450.00"),
            ServiceFixtures.line("Плата ІЧ-підсвічування IR-B48", quantity: 1, price: "1280.00", kind: "part"),
        ])
        claim["approval"] = ["decision": "approved", "date": "2025-03-13", "by": "Олена Тест"]
        claim["repair"] = ["work_done": "Замінено плату", "completed": "2025-03-20"]
        return claim
    }

    static let events = ["received", "diagnosis-ready", "invoice", "ready-for-pickup"]

    @Test(arguments: events, [true, false])
    func smsFitsItsSegmentBudget(event: String, covered: Bool) throws {
        for locale in ["en", "uk", "pl"] {
            var claim = Self.fullClaim(covered: covered)
            if var diagnosis = claim["diagnosis"] as? [String: Any], !covered {
                diagnosis["estimated_cost"] = "1234.50"
                claim["diagnosis"] = diagnosis
            }
            let data = ServiceFixtures.document(claim, locale: locale, notice: ["event": event, "channel": "sms"])
            let document = try ServiceFixtures.render(.notice, data, format: .sms)
            let sms = try #require(document.sms)
            #expect(sms.text.contains("RMA-T-001"), "\(sms.text)")
            #expect(!sms.text.contains("\n") && !sms.text.contains("  "))
            if locale == "en" {
                #expect(sms.encoding == .gsm7, "\(sms.text)")
                #expect(sms.segments == 1, "\(sms.units): \(sms.text)")
            } else {
                #expect(sms.segments <= 2, "\(sms.units): \(sms.text)")
            }
            // The SMS is the short text, not the e-mail flattened.
            #expect(!sms.text.contains("Dear") && !sms.text.contains("Добрий день") && !sms.text.contains("Dzień dobry")
                    && !sms.text.contains("calendar"))
            // Every language tells the estimate when there is one (en, uk and pl agree).
            if event == "diagnosis-ready", !covered {
                #expect(sms.text.contains(locale == "en" ? "1,234.50" : "1 234,50"), "\(locale): \(sms.text)")
            }
        }
    }

    @Test func smsCarriesTheComputedDates() throws {
        let data = ServiceFixtures.document(ServiceFixtures.claim(), locale: "en",
                                            notice: ["event": "received", "channel": "sms"])
        let sms = try #require(try ServiceFixtures.render(.notice, data, format: .sms).sms)
        #expect(sms.text == "RMA-T-001: we received your IPC-T1 on 7 Mar. Diagnosis by 12 Mar. Tel. +380 44 000 00 00")
    }

    @Test(arguments: events)
    func emailTextAndHTMLTellTheEvent(event: String) throws {
        let data = ServiceFixtures.document(Self.fullClaim(covered: true), locale: "en",
                                            notice: ["event": event, "channel": "email"])
        let text = String(decoding: try ServiceFixtures.render(.notice, data, format: .text).bytes, as: UTF8.self)
        let html = String(decoding: try ServiceFixtures.render(.notice, data, format: .html).bytes, as: UTF8.self)
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("Dear Олена Тест"))
        switch event {
        case "received": #expect(flat.contains("you will receive the conclusion and the estimated repair time by March 12, 2025"), "\(flat)")
        case "diagnosis-ready": #expect(flat.contains("the repair is covered by the warranty"), "\(flat)")
        case "invoice": #expect(flat.contains("to pay UAH 0.00"), "\(flat)")
        default: #expect(flat.contains("was completed on March 20, 2025"), "\(flat)")
        }
        #expect(html.contains("<strong>") || html.contains("<h2>"), "\(html)")
        #expect(try ServiceFixtures.render(.notice, data).pageCount == 1)
    }

    @Test func smsFlagReachesOnlySMSRendering() throws {
        let data = ServiceFixtures.document(ServiceFixtures.claim(), notice: ["event": "received"])
        #expect(try ServiceFixtures.context(.notice, data).bool("sms") == false)
        #expect(try ServiceFixtures.context(.notice, data, sms: true).bool("sms") == true)
        // In an SMS, money has plain spaces (U+00A0 is not GSM-7).
        var claim = Self.fullClaim(covered: false)
        claim["invoice"] = ServiceFixtures.invoice([ServiceFixtures.line("Робота", price: "1000.00")])
        let invoice = ServiceFixtures.document(claim, notice: ["event": "invoice"])
        #expect(try ServiceFixtures.context(.notice, invoice, sms: true).string("invoice.totals.to_pay") == "1 200,00 грн")
        #expect(try ServiceFixtures.context(.notice, invoice).string("invoice.totals.to_pay") == "1\u{00A0}200,00\u{00A0}грн")
    }
}
