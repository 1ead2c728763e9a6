import TalonPrimitives

/// A repair invoice: lines in one currency and their totals.
public struct Invoice: Sendable, Hashable {
    /// Net and VAT of all lines with one VAT rate.
    public struct VATGroup: Sendable, Hashable {
        public let rate: Percentage
        public let net: Money
        public let vat: Money
    }

    /// Totals over all lines.
    public struct Totals: Sendable, Hashable {
        public let net: Money
        public let vat: Money
        public let gross: Money
        /// Gross of warranty-covered lines (paid by the warranty).
        public let covered: Money
        /// What the customer pays: gross − covered.
        public let toPay: Money
        /// One group per VAT rate used, lowest rate first.
        public let vatBreakdown: [VATGroup]
        /// Sum of line discounts.
        public let discount: Money
    }

    /// The most lines an invoice may have: the largest document Talon prints (see README).
    public static let maximumLines = 1000

    public let number: String
    public let date: CalendarDate
    public let currency: Currency
    public let lines: [InvoiceLine]
    public let totals: Totals
    /// The day payment is due (Ukrainian "сплатити до").
    public var paymentDue: CalendarDate?
    /// The date of supply of the service, when it differs from the invoice date (EU).
    public var supplyDate: CalendarDate?
    /// Who issued the invoice ("Виписав(ла)").
    public var issuedBy: String?
    /// EU reverse charge: the customer accounts for the VAT; every line is at 0 %.
    public var reverseCharge = false

    /// Throws when lines are in another currency, there are no lines, or a sum overflows.
    public init(number: String, date: CalendarDate, currency: Currency, lines: [InvoiceLine]) throws(InvoiceError) {
        guard !lines.isEmpty else { throw .noLines }
        for line in lines where line.currency != currency {
            throw .money(.currencyMismatch(currency, line.currency))
        }
        self.number = number
        self.date = date
        self.currency = currency
        self.lines = lines
        do {
            let rates = Set(lines.map(\.vatRate)).sorted()
            let breakdown = try rates.map { rate throws(MoneyError) in
                let group = lines.filter { $0.vatRate == rate }
                return VATGroup(rate: rate,
                                net: try Money.sum(group.map(\.net), currency: currency),
                                vat: try Money.sum(group.map(\.vat), currency: currency))
            }
            let gross = try Money.sum(lines.map(\.gross), currency: currency)
            let covered = try Money.sum(lines.filter(\.covered).map(\.gross), currency: currency)
            totals = Totals(
                net: try Money.sum(lines.map(\.net), currency: currency),
                vat: try Money.sum(lines.map(\.vat), currency: currency),
                gross: gross,
                covered: covered,
                toPay: try gross.subtracting(covered),
                vatBreakdown: breakdown,
                discount: try Money.sum(lines.map(\.discountAmount), currency: currency))
        } catch {
            throw .money(error)
        }
    }

    /// Whether the warranty pays every line.
    public var isFullyCovered: Bool { lines.allSatisfy(\.covered) }
}
