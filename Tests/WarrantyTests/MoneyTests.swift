import Testing
@testable import Warranty
import TalonPrimitives

@Suite struct MoneyTests {
    func dec(_ text: String) throws -> DecimalNumber { try DecimalNumber(parsing: text) }
    func uah(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .uah) }

    @Test func decimalsParseExactly() throws {
        #expect(try dec("1.5") == DecimalNumber(significand: 15, scale: 1))
        #expect(try dec("0.335") == DecimalNumber(significand: 335, scale: 3))
        #expect(try dec("1.500") == dec("1.5"))
        #expect(try dec("1e-07") == DecimalNumber(significand: 1, scale: 7))
        #expect(try dec("2.5E3") == DecimalNumber(2500))
        #expect(try dec("-0.05").description == "-0.05")
        #expect(try dec(".5").description == "0.5")
        for bad in ["", "-", "1.2.3", "1,5", "abc", "1e", "0x10", "١٢"] {
            #expect(throws: DecimalNumberError.self, "\(bad)") { try DecimalNumber(parsing: bad) }
        }
        #expect(throws: DecimalNumberError.self) { try DecimalNumber(parsing: "0.0000000001") }
        #expect(throws: DecimalNumberError.self) { try DecimalNumber(parsing: "99999999999999999999") }
    }

    @Test func roundingIsHalfAwayFromZero() throws {
        #expect(try dec("1.005").rounded(toScale: 2) == 101)
        #expect(try dec("1.0049").rounded(toScale: 2) == 100)
        #expect(try dec("-1.005").rounded(toScale: 2) == -101)
        #expect(try dec("2.5").rounded(toScale: 0) == 3)
        #expect(try dec("7").rounded(toScale: 2) == 700)
    }

    @Test func checkedArithmeticThrowsOnOverflow() {
        let big = uah(Int64.max)
        #expect(throws: MoneyError.overflow) { try big.adding(uah(1)) }
        #expect(throws: MoneyError.overflow) { try uah(Int64.min).subtracting(uah(1)) }
        #expect(throws: MoneyError.overflow) { try big.multiplied(by: DecimalNumber(2)) }
        #expect(throws: MoneyError.overflow) { try big.percentage(Percentage(basisPoints: 2000)) }
        #expect(throws: MoneyError.currencyMismatch(.uah, .eur)) {
            try uah(1).adding(Money(minorUnits: 1, currency: .eur))
        }
    }

    @Test func parsesMoneyText() throws {
        #expect(try Money(parsing: "1234.56", currency: .uah) == uah(123_456))
        #expect(try Money(parsing: "12.5", currency: .uah).decimalString == "12.50")
        #expect(try Money(parsing: "7", currency: .eur).description == "7.00 EUR")
        #expect(throws: MoneyParseError.tooManyDecimals(allowed: 2)) { try Money(parsing: "1.001", currency: .uah) }
        #expect(uah(-5).decimalString == "-0.05")
    }

    @Test func currencies() {
        #expect(Currency.withCode("pln") == .pln)
        #expect(Currency.withCode("GBP") == nil)
        #expect(Currency.known.map(\.code) == ["UAH", "EUR", "USD", "PLN"])
        #expect(Currency.uah.minorDigits == 2)
    }

    @Test func percentages() throws {
        #expect(Percentage(percent: try dec("7.5"))?.basisPoints == 750)
        #expect(Percentage(percent: try dec("20"))?.description == "20")
        #expect(Percentage(percent: try dec("7.5"))?.description == "7.5")
        #expect(Percentage(percent: try dec("0.125")) == nil)
        #expect(Percentage(percent: try dec("101")) == nil)
        #expect(try uah(1_000).percentage(Percentage(basisPoints: 750)) == uah(75))
    }
}

@Suite struct InvoiceTests {
    func dec(_ text: String) throws -> DecimalNumber { try DecimalNumber(parsing: text) }
    func line(_ qty: String, _ price: String, vat: Int = 0, discount: InvoiceLine.Discount? = nil,
              covered: Bool = false, currency: Currency = .uah) throws -> InvoiceLine {
        try InvoiceLine(description: "x", kind: .work, quantity: dec(qty), unit: "h", unitPrice: dec(price),
                        currency: currency, vatRate: Percentage(basisPoints: vat), discount: discount, covered: covered)
    }

    @Test func halfKopiykaRoundsUpOnceOnTheExactProduct() throws {
        // 3 × 0.335 = 1.005 → 1.01 (not 3 × 0.34 = 1.02, not 1.00).
        #expect(try line("3", "0.335").amount.minorUnits == 101)
        // 0.335 h × 3.00 = 1.005 → 1.01
        #expect(try line("0.335", "3.00").amount.minorUnits == 101)
        #expect(try line("1.5", "450").amount.minorUnits == 67_500)
        #expect(try line("3", "0.3349").amount.minorUnits == 100)
    }

    @Test func vatAndDiscountPerLine() throws {
        let l = try line("2", "100.05", vat: 2000, discount: .percent(Percentage(basisPoints: 1000)))
        #expect(l.amount.minorUnits == 20_010)
        #expect(l.discountAmount.minorUnits == 2_001)
        #expect(l.net.minorUnits == 18_009)
        #expect(l.vat.minorUnits == 3_602)   // 3601.8 → 3602
        #expect(l.gross.minorUnits == 21_611)
        #expect(l.toPay == l.gross)
        let fixed = try line("1", "10", discount: .amount(Money(minorUnits: 250, currency: .uah)))
        #expect(fixed.net.minorUnits == 750)
        #expect(throws: InvoiceError.discountExceedsAmount) {
            try line("1", "1", discount: .amount(Money(minorUnits: 101, currency: .uah)))
        }
    }

    @Test func mixedVATRatesAreBrokenDown() throws {
        let invoice = try Invoice(number: "INV-1", date: CalendarDate(iso: "2025-03-14"), currency: .uah, lines: [
            line("1.5", "400", vat: 2000),
            line("1", "1000", vat: 700),
            line("2", "99.99", vat: 2000),
            line("1", "50", vat: 0),
            line("1", "10", vat: 750),
        ])
        #expect(invoice.totals.vatBreakdown.map(\.rate.basisPoints) == [0, 700, 750, 2000])
        #expect(invoice.totals.vatBreakdown.map(\.net.minorUnits) == [5_000, 100_000, 1_000, 79_998])
        #expect(invoice.totals.vatBreakdown.map(\.vat.minorUnits) == [0, 7_000, 75, 12_000 + 4_000])
        #expect(invoice.totals.net.minorUnits == 185_998)
        #expect(invoice.totals.vat.minorUnits == 23_075)
        #expect(invoice.totals.gross.minorUnits == 209_073)
        #expect(invoice.totals.toPay == invoice.totals.gross)
        #expect(!invoice.isFullyCovered)
    }

    @Test func fullyCoveredInvoiceShowsCostAndZeroToPay() throws {
        let invoice = try Invoice(number: "INV-2", date: CalendarDate(iso: "2025-03-14"), currency: .uah, lines: [
            line("1", "850", vat: 2000, covered: true),
            line("0.5", "600", vat: 2000, covered: true),
        ])
        #expect(invoice.isFullyCovered)
        #expect(invoice.totals.gross.minorUnits == 138_000)
        #expect(invoice.totals.covered == invoice.totals.gross)
        #expect(invoice.totals.toPay.isZero)
        #expect(invoice.lines.allSatisfy { $0.toPay.isZero && !$0.gross.isZero })
    }

    @Test func mixedCurrenciesAndEmptyInvoicesAreErrors() throws {
        let date = try CalendarDate(iso: "2025-03-14")
        #expect(throws: InvoiceError.money(.currencyMismatch(.uah, .eur))) {
            try Invoice(number: "X", date: date, currency: .uah, lines: [line("1", "1"), line("1", "1", currency: .eur)])
        }
        #expect(throws: InvoiceError.noLines) { try Invoice(number: "X", date: date, currency: .uah, lines: []) }
        #expect(throws: InvoiceError.money(.overflow)) { try line("99999999999", "99999999999") }
        #expect(throws: InvoiceError.money(.overflow)) {
            try Invoice(number: "X", date: date, currency: .uah, lines: [line("1", "90000000000000000"), line("1", "90000000000000000")])
        }
    }
}
