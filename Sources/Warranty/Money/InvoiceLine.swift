/// One line of a repair invoice, with every amount computed exactly.
///
/// Rules:
/// - `amount` = quantity × unit price, rounded half-up (away from zero) to the minor unit
///   once, on the exact product: 3 × 0.335 = 1.005 → 1.01.
/// - `discount` is a percentage of `amount` (rounded half-up) or a fixed amount, never
///   more than `amount`; `net` = `amount` − discount.
/// - `vat` = `net` × rate, rounded half-up per line; `gross` = `net` + `vat`.
///   Prices are net of VAT.
/// - A warranty-covered line still shows its cost; `toPay` is 0.
public struct InvoiceLine: Sendable, Hashable {
    /// Work (labour) or a part.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case work
        case part
    }

    /// A line discount.
    public enum Discount: Sendable, Hashable {
        case percent(Percentage)
        case amount(Money)
    }

    public let description: String
    public let kind: Kind
    /// Exact quantity, may be fractional (1.5 h).
    public let quantity: DecimalNumber
    /// Unit of measure as printed ("h", "pcs", "год", "шт"); nil: the document language's
    /// unit for the kind (a catalogue entry, chosen when the line is printed).
    public let unit: String?
    /// Exact unit price in major units (may be finer than the minor unit).
    public let unitPrice: DecimalNumber
    public let currency: Currency
    public let vatRate: Percentage
    public let discount: Discount?
    /// Whether the warranty pays for this line.
    public let covered: Bool

    /// quantity × unit price, rounded to the minor unit.
    public let amount: Money
    /// The discount in money (0 when none).
    public let discountAmount: Money
    public let net: Money
    public let vat: Money
    public let gross: Money
    /// What the customer pays for this line (0 when covered).
    public let toPay: Money

    public init(
        description: String, kind: Kind, quantity: DecimalNumber, unit: String?, unitPrice: DecimalNumber,
        currency: Currency, vatRate: Percentage, discount: Discount? = nil, covered: Bool = false
    ) throws(InvoiceError) {
        self.description = description
        self.kind = kind
        self.quantity = quantity
        self.unit = unit
        self.unitPrice = unitPrice
        self.currency = currency
        self.vatRate = vatRate
        self.discount = discount
        self.covered = covered
        do {
            amount = try InvoiceLine.multiply(quantity, unitPrice, currency: currency)
            switch discount {
            case nil: discountAmount = .zero(currency)
            case .percent(let rate): discountAmount = try amount.percentage(rate)
            case .amount(let money):
                guard money.currency == currency else { throw InvoiceError.money(.currencyMismatch(currency, money.currency)) }
                discountAmount = money
            }
            guard discountAmount.minorUnits.magnitude <= amount.minorUnits.magnitude else {
                throw InvoiceError.discountExceedsAmount
            }
            net = try amount.subtracting(discountAmount)
            vat = try net.percentage(vatRate)
            gross = try net.adding(vat)
        } catch let error as InvoiceError {
            throw error
        } catch let error as MoneyError {
            throw .money(error)
        } catch {
            throw .money(.overflow)
        }
        toPay = covered ? .zero(currency) : gross
    }

    /// quantity × price exactly, then rounded half-up to the currency's minor unit.
    static func multiply(_ quantity: DecimalNumber, _ price: DecimalNumber, currency: Currency) throws(MoneyError) -> Money {
        let (product, overflow) = quantity.significand.multipliedReportingOverflow(by: price.significand)
        if overflow { throw .overflow }
        let scale = quantity.scale + price.scale
        let minor: Int64
        if scale >= currency.minorDigits {
            minor = DecimalNumber.divideRoundingHalfUp(product, by: try DecimalNumber.power10(scale - currency.minorDigits))
        } else {
            minor = try DecimalNumber.scaleUp(product, by: currency.minorDigits - scale)
        }
        return Money(minorUnits: minor, currency: currency)
    }
}

/// Why an invoice could not be computed.
public enum InvoiceError: Error, Equatable, Sendable, CustomStringConvertible {
    case money(MoneyError)
    case discountExceedsAmount
    case noLines

    public var description: String {
        switch self {
        case .money(let error): error.description
        case .discountExceedsAmount: "discount is larger than the line amount"
        case .noLines: "an invoice needs at least one line"
        }
    }
}
