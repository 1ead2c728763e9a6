/// Reading `claim.invoice`:
/// ```json
/// {"number": "INV-2025-0042", "date": "2025-03-12", "currency": "UAH", "vat_rate": 20,
///  "lines": [{"description": "Diagnosis", "kind": "work", "quantity": 1.5, "unit": "h",
///             "unit_price": "450.00", "vat_rate": 20, "discount": {"percent": 10},
///             "covered": true}]}
/// ```
/// - `currency` defaults to the claim's; a line may repeat it, a different one is a
///   "mixed currencies" problem.
/// - `unit_price` is an exact decimal in major units (number or string, may be finer
///   than the minor unit); `unit_price_minor` an integer in minor units; give one.
/// - `vat_rate` in percent (0, 7, 7.5, 20 …) per line, defaulting to the invoice's
///   `vat_rate`, which defaults to 0.
/// - `discount`: `{"percent": 10}` or `{"amount": "50.00"}`.
/// - `covered` defaults to the claim's coverage; `true` on a claim that is not covered
///   is a problem.
/// - `unit` left out: the document language's unit for the kind, printed from its catalogue.
/// - `payment_due` (on or after `date`), `supply_date`, `issued_by` and `reverse_charge`
///   (EU: every line at 0 % VAT) are printed as given.
extension Claim {
    func readInvoice(_ cursor: JSONCursor) -> Invoice? {
        let keys = ["number", "date", "currency", "vat_rate", "lines", "payment_due", "supply_date", "issued_by",
                    "reverse_charge"]
        guard let object = cursor.object(required: false, keys: keys) else { return nil }
        let number = object["number"].line(required: true, maxLength: 60)
        let date = object["date"].date(required: true)
        var invoiceCurrency = currency
        if let code = object["currency"].choice(required: false, of: Currency.known.map(\.code)),
            let chosen = Currency.withCode(code) {
            if chosen != currency {
                object["currency"].report("mixed currencies: the claim uses \(currency.code)")
            }
            invoiceCurrency = chosen
        }
        let defaultRate = readRate(object["vat_rate"]) ?? Percentage(basisPoints: 0)
        let covered = coverage?.isCovered ?? false
        var lines: [InvoiceLine] = []
        let items = object["lines"].array(required: true, nonEmpty: true) ?? []
        if items.count > Invoice.maximumLines { object["lines"].report("more than \(Invoice.maximumLines) lines") }
        for item in items {
            if let line = readLine(item, currency: invoiceCurrency, defaultRate: defaultRate, claimCovered: covered) {
                lines.append(line)
            }
        }
        let paymentDue = object["payment_due"].date(required: false)
        if let paymentDue, let date, paymentDue < date { object["payment_due"].report("before the invoice date (\(date))") }
        let supplyDate = object["supply_date"].date(required: false)
        let issuedBy = object["issued_by"].string(required: false, maxLength: 200)
        let reverseCharge = object["reverse_charge"].bool(default: false)
        if reverseCharge, lines.contains(where: { $0.vatRate.basisPoints != 0 }) {
            object["reverse_charge"].report("every line must be at 0 % VAT under the reverse charge")
        }
        guard let number, let date, !lines.isEmpty else { return nil }
        do {
            var invoice = try Invoice(number: number, date: date, currency: invoiceCurrency, lines: lines)
            invoice.paymentDue = paymentDue
            invoice.supplyDate = supplyDate
            invoice.issuedBy = issuedBy
            invoice.reverseCharge = reverseCharge
            return invoice
        } catch {
            object["lines"].report(error.description)
            return nil
        }
    }

    func readRate(_ cursor: JSONCursor) -> Percentage? {
        guard let value = cursor.decimal(required: false) else { return nil }
        guard let rate = Percentage(percent: value) else {
            cursor.report("must be a percentage 0–100 with at most 2 decimals")
            return nil
        }
        return rate
    }

    func readLine(
        _ item: JSONCursor, currency: Currency, defaultRate: Percentage, claimCovered: Bool
    ) -> InvoiceLine? {
        let keys = ["description", "kind", "quantity", "unit", "unit_price", "unit_price_minor", "vat_rate",
                    "discount", "covered", "currency"]
        guard let line = item.object(required: true, keys: keys) else { return nil }
        let description = line["description"].string(required: true, maxLength: 500)
        let kind = line["kind"].choice(required: true, of: InvoiceLine.Kind.allCases.map(\.rawValue))
            .flatMap(InvoiceLine.Kind.init(rawValue:))
        let quantity = line["quantity"].decimal(required: true)
        if let quantity, !quantity.isPositive { line["quantity"].report(ValidationReason.mustBePositive) }
        let unit = line["unit"].string(required: false, maxLength: 20)
        let price = readUnitPrice(line, currency: currency)
        let rate = readRate(line["vat_rate"]) ?? defaultRate
        let discount = readDiscount(line["discount"], currency: currency)
        let covered = line["covered"].bool(default: claimCovered)
        if covered && !claimCovered && !line["covered"].isMissing {
            line["covered"].report(coverage == nil ? "no diagnosis: coverage unknown" : "the claim is not covered by the warranty")
        }
        if let code = line["currency"].string(required: false, maxLength: 3), code.uppercased() != currency.code {
            line["currency"].report("mixed currencies: the invoice uses \(currency.code)")
        }
        guard let description, let kind, let quantity, quantity.isPositive, let price else { return nil }
        do {
            return try InvoiceLine(
                description: description, kind: kind, quantity: quantity, unit: unit,
                unitPrice: price, currency: currency, vatRate: rate, discount: discount,
                covered: covered && claimCovered)
        } catch .discountExceedsAmount {
            line["discount"].report(InvoiceError.discountExceedsAmount.description)
        } catch {
            item.report(error.description)
        }
        return nil
    }

    func readUnitPrice(_ line: JSONCursor, currency: Currency) -> DecimalNumber? {
        switch (line["unit_price"].isMissing, line["unit_price_minor"].isMissing) {
        case (true, true):
            line["unit_price"].report(ValidationReason.required)
            return nil
        case (false, false):
            line["unit_price_minor"].report("give either unit_price or unit_price_minor, not both")
            return nil
        case (false, true):
            guard let price = line["unit_price"].decimal(required: true) else { return nil }
            if price.isNegative { line["unit_price"].report("must not be negative") ; return nil }
            return price
        case (true, false):
            guard let minor = line["unit_price_minor"].integer(required: true, in: 0...Int.max) else { return nil }
            return try? DecimalNumber(significand: Int64(minor), scale: currency.minorDigits)
        }
    }

    func readDiscount(_ cursor: JSONCursor, currency: Currency) -> InvoiceLine.Discount? {
        guard let object = cursor.object(required: false, keys: ["percent", "amount"]) else { return nil }
        switch (object["percent"].isMissing, object["amount"].isMissing) {
        case (false, true):
            return readRate(object["percent"]).map(InvoiceLine.Discount.percent)
        case (true, false):
            guard let value = object["amount"].decimal(required: true) else { return nil }
            guard !value.isNegative, value.scale <= currency.minorDigits,
                let minor = try? value.rounded(toScale: currency.minorDigits)
            else {
                object["amount"].report("must be a non-negative amount with at most \(currency.minorDigits) decimals")
                return nil
            }
            return .amount(Money(minorUnits: minor, currency: currency))
        default:
            object.report("give either percent or amount")
            return nil
        }
    }
}
