import Foundation
import Testing
@testable import TalonDocuments
import Warranty

/// The invoice prints amounts computed by `Invoice`: half-up rounding, VAT per rate,
/// warranty-covered lines, the amount to pay in words, and a header on every page.
@Suite struct ServiceDocumentsInvoiceTests {
    /// A claim with a diagnosis citing a clause (so nothing is covered) and `lines`.
    static func invoiceData(_ lines: [[String: Any]], vat: Any = 20, covered: Bool = false,
                            locale: String = "uk") -> Data {
        var claim = ServiceFixtures.claim()
        claim["diagnosis"] = ServiceFixtures.diagnosis(clauses: covered ? [] : [3])
        claim["invoice"] = ServiceFixtures.invoice(lines, vat: vat)
        return ServiceFixtures.document(claim, locale: locale)
    }

    @Test func halfKopiykaRoundsUpOnceOnTheExactProduct() throws {
        // 3 × 0.335 = 1.005 → 1.01; VAT 20 % of 1.01 = 0.202 → 0.20; 1 × 0.125 = 0.13.
        let data = Self.invoiceData([
            ServiceFixtures.line("Роз'єм", quantity: 3, price: "0.335", kind: "part"),
            ServiceFixtures.line("Шайба", quantity: 1, price: "0.125", kind: "part"),
        ])
        let text = try ServiceFixtures.text(.invoice, data)
        #expect(text.contains("3 шт 0,335 1,01 20 % 0,20 1,21"), "\(text)")
        #expect(text.contains("1 шт 0,125 0,13 20 % 0,03 0,16"), "\(text)")
        #expect(text.contains("До сплати 1,37 грн"), "\(text)")
        // A line without its own unit prints the unit of the language it is printed in.
        let english = try ServiceFixtures.text(.invoice, data, locale: .en)
        #expect(english.contains("3 pcs 0.335 1.01 20% 0.20 1.21"), "\(english)")
        #expect(english.contains("1 pc 0.125 0.13 20% 0.03 0.16"), "\(english)")
    }

    @Test func mixedVATRatesAreTotalledPerRate() throws {
        let data = Self.invoiceData([
            ServiceFixtures.line("Робота", quantity: 2, price: "450.00"),
            ServiceFixtures.line("Кабель", quantity: 1, price: "100.00", vat: 7, kind: "part"),
            ServiceFixtures.line("Доставка", quantity: 1, price: "50.00", vat: 0),
        ])
        let text = try ServiceFixtures.text(.invoice, data)
        #expect(text.contains("ПДВ 0 % з 50,00 грн 0,00 грн"), "\(text)")
        #expect(text.contains("ПДВ 7 % з 100,00 грн 7,00 грн"))
        #expect(text.contains("ПДВ 20 % з 900,00 грн 180,00 грн"))
        #expect(text.contains("Разом без ПДВ 1 050,00 грн"))
        #expect(text.contains("Разом з ПДВ 1 237,00 грн"))
        #expect(text.contains("До сплати 1 237,00 грн"))
        #expect(text.contains("одна тисяча двісті тридцять сім гривень 00 копійок"))
        let english = try ServiceFixtures.text(.invoice, data, locale: .en)
        #expect(english.contains("VAT 7% on UAH 100.00 UAH 7.00"), "\(english)")
    }

    @Test func fullyCoveredInvoiceShowsCostsAndNothingToPay() throws {
        let data = Self.invoiceData([
            ServiceFixtures.line("Діагностика", quantity: "0.5", price: "450.00"),
            ServiceFixtures.line("Плата", quantity: 1, price: "1280.00", kind: "part"),
        ], covered: true)
        let text = try ServiceFixtures.text(.invoice, data)
        // Each covered line keeps its cost and pays 0.
        #expect(text.contains("0,5 год 450,00 225,00 20 % 45,00 270,00 0,00"), "\(text)")
        #expect(text.contains("1 шт 1 280,00 1 280,00 20 % 256,00 1 536,00 0,00"))
        #expect(text.contains("Діагностика гарантія"))
        #expect(text.contains("Разом з ПДВ 1 806,00 грн"))
        #expect(text.contains("Покривається гарантією − 1 806,00 грн"))
        #expect(text.contains("До сплати 0,00 грн"))
        #expect(text.contains("нуль гривень 00 копійок"))
        #expect(text.contains("гарантійний випадок"))
        let context = try ServiceFixtures.context(.invoice, data)
        #expect(context.bool("invoice.fully_covered") == true)
    }

    @Test(arguments: [
        ("1.00", "одна гривня 00 копійок"),
        ("2.00", "дві гривні 00 копійок"),
        ("5.00", "пʼять гривень 00 копійок"),
        ("11.00", "одинадцять гривень 00 копійок"),
        ("21.00", "двадцять одна гривня 00 копійок"),
        ("101.00", "сто одна гривня 00 копійок"),
        ("1000000.01", "один мільйон гривень 01 копійка"),
    ])
    func ukrainianAmountInWords(price: String, words: String) throws {
        let data = Self.invoiceData([ServiceFixtures.line("Робота", price: price)], vat: 0)
        let text = try ServiceFixtures.text(.invoice, data)
        #expect(text.contains("Сума до сплати прописом: \(words)."), "\(text)")
    }

    @Test func longInvoiceRepeatsItsTableHeaderOnEveryPage() throws {
        let lines = (1...70).map { ServiceFixtures.line("Робота № \($0)", price: "10.00") }
        let data = Self.invoiceData(lines)
        let document = try ServiceFixtures.render(.invoice, data)
        #expect(document.pageCount >= 2)
        for page in 1...document.pageCount {
            let text = try ServiceFixtures.pdfText(document, page: page)
            let hasRows = text.contains("Робота №")
            if hasRows {
                #expect(text.contains("Робота або деталь К-сть Ціна Без ПДВ"), "page \(page): \(text)")
            }
        }
        let second = try ServiceFixtures.pdfText(document, page: 2)
        #expect(second.contains("Робота №") && second.contains("Робота або деталь"), "\(second)")
        #expect(!second.contains("Рахунок за ремонт №"), "the title is printed once")
        let last = try ServiceFixtures.pdfText(document, page: document.pageCount)
        #expect(last.contains("Погодження"))
        // 70 × 10.00 + 20 % VAT.
        let all = try ServiceFixtures.pdfText(document)
        #expect(all.contains("До сплати 840,00 грн"))
        #expect(all.contains("Робота № 70"))
    }

    @Test func approvalBlockHasBothChoicesAndTheRecordedAnswer() throws {
        var claim = ServiceFixtures.claim()
        claim["diagnosis"] = ServiceFixtures.diagnosis(clauses: [3])
        claim["invoice"] = ServiceFixtures.invoice([ServiceFixtures.line("Робота", price: "100.00")])
        let open = try ServiceFixtures.text(.invoice, ServiceFixtures.document(claim), locale: .en)
        #expect(open.contains("I approve the repair described above and agree to pay UAH 120.00."), "\(open)")
        #expect(open.contains("I decline the repair"))
        #expect(open.contains("Customer's signature"))
        claim["approval"] = ["decision": "declined", "date": "2025-03-13", "by": "Олена Тест"]
        let context = try ServiceFixtures.context(.invoice, ServiceFixtures.document(claim))
        #expect(context.bool("approval.declined") == true)
        let answered = try ServiceFixtures.text(.invoice, ServiceFixtures.document(claim))
        #expect(answered.contains("Олена Тест"))
        #expect(answered.contains("13.03.2025"))
    }

    @Test func discountsGetTheirColumnOnlyWhenGiven() throws {
        var line = ServiceFixtures.line("Робота", quantity: "1.25", price: "40.00")
        line["discount"] = ["percent": 10]
        let text = try ServiceFixtures.text(.invoice, Self.invoiceData([line]), locale: .en)
        #expect(text.contains("Disc."))
        #expect(text.contains("1.25 h 40.00 10% 45.00 20% 9.00 54.00"), "\(text)")
        let plain = try ServiceFixtures.text(.invoice, Self.invoiceData([ServiceFixtures.line("Робота", price: "40.00")]),
                                             locale: .en)
        #expect(!plain.contains("Disc."))
    }
}
