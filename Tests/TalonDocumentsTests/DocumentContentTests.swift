import Foundation
import Testing
import TestSupport
@testable import TalonDocuments
import Warranty

/// Issue 12's content defects, each read back from the printed PDF (pdftotext): the brand's
/// full terms, every accepted field printed, the invoice's requisites, the RMA intake,
/// the repair record's wording and the notices.
@Suite struct DocumentContentTests {
    static func card(_ edit: (inout [String: Any]) -> Void = { _ in }) -> Data {
        var root: [String: Any] = [
            "locale": "uk",
            "card": ["number": "ГТ-1", "coupons": 3],
            "seller": ["company": "Тест Продаж", "email": "rma@test.example", "website": "test.example"],
            "product": ["model": "IPC-T1", "serial": "SN-T1-0001", "name": "Камера купольна"],
            "sale": ["date": "2025-01-31", "receipt": "ВН-77"],
            "buyer": ["name": "Олена Тест", "company": "ФОП Тест", "address": "вул. Тестова, 2",
                      "email": "olena@test.example", "phone": "+380 67 000 00 00"],
        ]
        edit(&root)
        return (try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])) ?? Data()
    }

    @Test func cardPrintsTheBrandsFullTermsInBothLanguages() throws {
        let uk = try ServiceFixtures.text(.warrantyCard, Self.card())
        for phrase in ["крім монтажних елементів", "зберігання чи транспортування або діями третіх осіб",
                       "записуються в гарантійний талон", "Відмова від інших гарантій",
                       "вони не відшкодовуються", "в сервісному центрі продавця", "rma@test.example",
                       "від дня погодження рахунку", "прав споживача, визначених Законом України «Про захист прав споживачів»",
                       "Гарантія втрачає силу, якщо", "Гарантія не покриває", "розподільної коробки",
                       "не відповідно до його початкових характеристик", "не входять до комплекту постачання",
                       "Дійсний до (включно)".lowercased()] {
            #expect(uk.contains(phrase), "uk card lacks «\(phrase)»")
        }
        #expect(!uk.contains("розподільчої"))
        let en = try ServiceFixtures.text(.warrantyCard, Self.card(), locale: .en)
        for phrase in ["except for mounting hardware", "storage or transport, or by the actions of third parties",
                       "written in the warranty card", "Disclaimer of other warranties", "are non-refundable",
                       "handled in the service center of the seller", "send the completed RMA form by e-mail to",
                       "from the day the buyer approves the invoice", "do not affect the consumer's statutory rights",
                       "The warranty is void if", "The warranty does not cover", "No. ГТ-1"] {
            #expect(en.contains(phrase), "en card lacks «\(phrase)»")
        }
        #expect(!en.contains("№"))
    }

    @Test func cardPrintsEveryAcceptedField() throws {
        let text = try ServiceFixtures.text(.warrantyCard, Self.card())
        for value in ["Камера купольна", "ВН-77", "ФОП Тест", "вул. Тестова, 2", "olena@test.example", "test.example"] {
            #expect(text.contains(value), "card lacks \(value)")
        }
    }

    /// The sale block (date line, both signatures, stamp) follows the sale data on page 1;
    /// no coupons gives one page; coupons carry a claimed-defect field.
    @Test func cardSaleBlockAndPages() throws {
        let card = try ServiceFixtures.render(.warrantyCard, Self.card())
        let first = try ServiceFixtures.pdfText(card, page: 1)
        #expect(first.contains("Продавець (підпис, ПІБ)"))
        #expect(first.contains("Покупець: виріб перевірено"))
        #expect(first.contains("Дата продажу 31.01.2025"))
        #expect(first.contains("М.П."))
        #expect(card.pageCount == 2)
        #expect(try ServiceFixtures.pdfText(card, page: 2).contains("Заявлена несправність"))
        let none = try ServiceFixtures.render(.warrantyCard, Self.card { $0["card"] = ["number": "ГТ-1", "coupons": 0] })
        #expect(none.pageCount == 1)
    }

    @Test func cardWithoutBuyerHasALineToWriteOn() throws {
        let text = try ServiceFixtures.text(.warrantyCard, Self.card { $0["buyer"] = nil })
        #expect(text.contains("Покупець (ПІБ, телефон)"))
        #expect(!text.contains("Покупець —"))
    }

    static func invoiceClaim(center: [String: Any], covered: Bool = false, invoice extra: [String: Any] = [:],
                             vat: Any = 20, locale: String = "uk") -> Data {
        var claim = ServiceFixtures.claim()
        claim["customer"] = ["name": "Олена Тест", "tax_code": "3012345678", "address": "вул. Платника, 3"]
        claim["diagnosis"] = ServiceFixtures.diagnosis(clauses: covered ? [] : [3])
        var invoice = ServiceFixtures.invoice([ServiceFixtures.line("Ремонт", quantity: 2, price: "6000.00")], vat: vat)
        invoice.merge(extra) { $1 }
        claim["invoice"] = invoice
        let root: [String: Any] = ["locale": locale, "service_center": center, "claim": claim]
        return (try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])) ?? Data()
    }

    static var payer: [String: Any] { [
        "company": "ТОВ «Тест»", "tax_code": "43125678", "vat_id": "431256726591", "vat_payer": true,
        "iban": "UA213223130000026007233566001", "bank": "АТ «Банк»", "address": "вул. Тестова, 1",
    ] }

    @Test func invoiceCarriesTheRequisitesOfBothParties() throws {
        let data = Self.invoiceClaim(center: Self.payer, invoice: ["payment_due": "2025-03-19", "issued_by": "Ірина Бондар"])
        let text = try ServiceFixtures.text(.invoice, data)
        for value in ["Код ЄДРПОУ 43125678", "ІПН / VAT ID 431256726591", "Платник ПДВ",
                      "IBAN UA21 3223 1300 0002 6007 2335 6600 1", "АТ «Банк»", "РНОКПП 3012345678",
                      "вул. Платника, 3", "Сплатити до 19.03.2025", "Виписав(ла) Ірина Бондар", "М.П. (за наявності)",
                      "Рахунок за ремонт № INV-T-1"] {
            #expect(text.contains(value), "invoice lacks \(value): \(text)")
        }
    }

    @Test func nonVATPayerPrintsNoVATAtAll() throws {
        var center = Self.payer
        center["vat_payer"] = false
        let text = try ServiceFixtures.text(.invoice, Self.invoiceClaim(center: center, vat: 0))
        #expect(text.contains("Не є платником ПДВ"))
        #expect(!text.contains("ПДВ 0"), "\(text)")
        #expect(!text.contains("Разом з ПДВ"))
        #expect(text.contains("Разом 12 000,00 грн"), "\(text)")
        let charged = Self.invoiceClaim(center: center, vat: 20)
        #expect(throws: TalonError.self) { try ServiceFixtures.render(.invoice, charged) }
    }

    @Test func nothingToPayIsAnEstimate() throws {
        let text = try ServiceFixtures.text(.invoice, Self.invoiceClaim(center: Self.payer, covered: true))
        #expect(text.contains("Кошторис ремонту № INV-T-1"))
        #expect(!text.contains("Рахунок за ремонт"))
        let english = try ServiceFixtures.text(.invoice, Self.invoiceClaim(center: Self.payer, covered: true), locale: .en)
        #expect(english.contains("Repair estimate No. INV-T-1"))
    }

    @Test func invoiceDoesNotPromiseReadinessBeforeItExists() throws {
        let text = try ServiceFixtures.text(.invoice, Self.invoiceClaim(center: Self.payer))
        #expect(!text.contains("якщо погодити"))
        #expect(text.contains("до 14 робочих днів від дня погодження"))
    }

    @Test func amountsAndQuantitiesNeverBreak() throws {
        let context = try ServiceFixtures.context(.invoice, Self.invoiceClaim(center: Self.payer))
        #expect(context.string("invoice.totals.to_pay") == "14\u{00A0}400,00\u{00A0}грн")
        guard case .list(let lines)? = context["invoice.lines"], let line = lines.first else {
            Issue.record("no lines")
            return
        }
        #expect(line["quantity_unit"] == .string("2\u{00A0}год"))
    }

    static func rma(intake: [String: Any]?) -> Data {
        var claim = ServiceFixtures.claim()
        claim["customer"] = ["name": "Олена Тест", "address": "вул. Замовника, 9"]
        claim["intake"] = intake
        return ServiceFixtures.document(claim)
    }

    @Test func rmaRecordsTheIntake() throws {
        let data = Self.rma(intake: ["seals": "damaged", "damage": "тріщина корпусу", "warranty_card_shown": true,
                                     "receipt_shown": false, "return_method": "post", "return_address": "вул. Повернення, 5",
                                     "personal_data_consent": true, "received_by": "Ірина Бондар"])
        let text = try ServiceFixtures.text(.rma, data)
        for value in ["вул. Замовника, 9", "Пломби пошкоджені", "тріщина корпусу", "Гарантійний талон надано",
                      "вул. Повернення, 5", "Даю згоду на обробку моїх персональних даних", "Прийняв(ла): Ірина Бондар"] {
            #expect(text.contains(value), "RMA lacks \(value)")
        }
        #expect(throws: TalonError.self) {
            try ServiceFixtures.render(.rma, Self.rma(intake: ["return_method": "courier"]))
        }
    }

    static func returned(declined: Bool, method: String) -> Data {
        var claim = ServiceFixtures.claim()
        claim["diagnosis"] = ServiceFixtures.diagnosis()
        claim["invoice"] = ServiceFixtures.invoice([ServiceFixtures.line("Ремонт", price: "100.00")])
        if declined {
            claim["approval"] = ["decision": "declined", "date": "2025-03-13"]
        } else {
            claim["approval"] = ["decision": "approved", "date": "2025-03-13"]
            claim["repair"] = ["work_done": "Замінено плату", "completed": "2025-03-20"]
        }
        claim["return"] = ["date": "2025-03-24", "method": method, "tracking": "20450987654321"]
        return ServiceFixtures.document(claim)
    }

    @Test func declinedRepairIsNotAWorkRecord() throws {
        let text = try ServiceFixtures.text(.repairRecord, Self.returned(declined: true, method: "pickup"))
        #expect(text.contains("Акт повернення виробу без ремонту"))
        #expect(!text.contains("Акт виконаних робіт"))
        #expect(!text.contains("Кінець гарантії після цього ремонту"))
    }

    @Test func deviceSentByPostIsNotReceivedByTheCustomer() throws {
        let text = try ServiceFixtures.text(.repairRecord, Self.returned(declined: false, method: "post"))
        #expect(text.contains("Виріб надіслано замовникові поштою 24.03.2025 (відправлення № 20450987654321)"))
        #expect(!text.contains("Замовник отримав виріб"))
        #expect(text.contains("До сплати"))
    }

    @Test func htmlNoticeIsACompleteEmail() throws {
        let notice = try ServiceFixtures.render(.notice, Data(contentsOf: ServiceFixtures.samples.appendingPathComponent("notice.uk.json")),
                                                format: .html)
        let html = String(decoding: notice.bytes, as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"uk\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<title>RMA-2025-00042: виріб готовий до видачі</title>"))
        #expect(html.contains("<table role=\"presentation\" width=\"600\""))
        #expect(!html.contains("display:flex"), "e-mail clients ignore flex layout")
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test func ukrainianNoticesGreetNeutrallyAndFitOneSegment() throws {
        var claim = ServiceFixtures.claim()
        claim["rma"] = "RMA-2025-00042"
        let received = ServiceFixtures.document(claim, notice: ["event": "received", "channel": "sms"])
        let sms = try ServiceFixtures.render(.notice, received, format: .sms)
        #expect(sms.sms?.segments == 1, "\(String(decoding: sms.bytes, as: UTF8.self))")
        let email = try ServiceFixtures.text(.notice, ServiceFixtures.document(claim, notice: ["event": "received"]))
        #expect(email.contains("Добрий день!"))
        #expect(!email.contains("Добрий день, Олена"))
    }

    @Test func schemasDocumentTheNewFields() {
        let invoice = DocumentKind.invoice.schema.serialized(pretty: false)
        for key in ["tax_code", "vat_id", "vat_payer", "iban", "bic", "bank", "payment_due", "supply_date", "issued_by",
                    "reverse_charge", "intake", "seals", "return_method", "personal_data_consent", "received_by"] {
            #expect(invoice.contains("\"\(key)\":"), "invoice schema lacks \(key)")
        }
        #expect(DocumentKind.warrantyCard.schema.serialized(pretty: false).contains("\"tax_code\":"))
    }
}
