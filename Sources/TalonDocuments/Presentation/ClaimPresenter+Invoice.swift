import Mustache
import Warranty

/// The repair invoice: one row per line with every amount computed by `InvoiceLine`
/// (cells without the currency, which the table header names), and the totals with the
/// currency, the VAT per rate and the amount to pay in words.
extension ClaimPresenter {
    /// `vat` is false when the service center is not a VAT payer: the invoice then has no
    /// VAT column or line at all. `estimate` is true when nothing is to be paid. `payment` is
    /// the invoice's payment block (`invoice.payment`), null when there is none.
    func invoice(vatPayer: Bool? = nil, payment: TemplateValue = .null) -> TemplateValue {
        guard let invoice = claim.invoice else { return .null }
        let totals = invoice.totals
        let anyCovered = invoice.lines.contains(where: \.covered)
        let anyDiscount = invoice.lines.contains { $0.discount != nil }
        return .map([
            "number": .string(invoice.number),
            "payment": payment,
            "date": TemplateContext.date(invoice.date),
            "currency": .string(invoice.currency.code),
            "currency_label": .string(formats.currencySymbols[invoice.currency.code] ?? invoice.currency.code),
            "lines": .list(invoice.lines.enumerated().map { line($1, number: $0 + 1) }),
            "line_count": .integer(invoice.lines.count),
            "fully_covered": .bool(invoice.isFullyCovered),
            "partly_covered": .bool(anyCovered && !invoice.isFullyCovered),
            "any_covered": .bool(anyCovered),
            "any_discount": .bool(anyDiscount),
            "mixed_rates": .bool(totals.vatBreakdown.count > 1),
            "vat": .bool(vatPayer != false),
            "estimate": .bool(totals.toPay.isZero),
            "payment_due": TemplateContext.date(invoice.paymentDue),
            "supply_date": TemplateContext.date(invoice.supplyDate),
            "issued_by": TemplateContext.text(invoice.issuedBy),
            "reverse_charge": .bool(invoice.reverseCharge),
            "totals": .map([
                "net": money(totals.net),
                "vat": money(totals.vat),
                "gross": money(totals.gross),
                "covered": money(totals.covered),
                "covered_deduction": .string(smsSafe("−\u{00A0}" + text(of: totals.covered, currency: true))),
                "to_pay": money(totals.toPay),
                "discount": money(totals.discount),
                "work_net": money(try? Money.sum(invoice.lines.filter { $0.kind == .work }.map(\.net),
                                                 currency: invoice.currency)),
                "parts_net": money(try? Money.sum(invoice.lines.filter { $0.kind == .part }.map(\.net),
                                                  currency: invoice.currency)),
                "nothing_to_pay": .bool(totals.toPay.isZero),
                "vat_breakdown": .list(totals.vatBreakdown.map { group in
                    .map(["rate": .string(formats.percent(group.rate.description)), "net": money(group.net),
                          "vat": money(group.vat)])
                }),
                "to_pay_words": totals.toPay.inWords(locale).map { .string($0) } ?? .null,
                "gross_words": totals.gross.inWords(locale).map { .string($0) } ?? .null,
            ]),
        ])
    }

    /// The line's own unit, else the language's: `invoice.unit_work` for work, the form of
    /// `plural.invoice_unit_part` for the quantity for parts (en "1 pc", "2 pcs", "1.5 pcs").
    func unit(of line: InvoiceLine) -> String {
        if let unit = line.unit { return unit }
        guard line.kind == .part else { return options.words("invoice.unit_work") }
        let forms = formats.plurals["plural.invoice_unit_part"] ?? [:]
        let category = Int64(line.quantity.description).map { formats.pluralRule.category(of: $0) } ?? "other"
        return forms[category] ?? forms["other"] ?? "plural.invoice_unit_part"
    }

    func line(_ line: InvoiceLine, number: Int) -> TemplateValue {
        var discount: TemplateValue = .null
        switch line.discount {
        case .percent(let rate)?: discount = .string(formats.percent(rate.description))
        case .amount?: discount = .string(plain(line.discountAmount))
        case nil: break
        }
        return .map([
            "number": .integer(number),
            "description": .string(line.description),
            "kind": .string(line.kind.rawValue),
            "work": .bool(line.kind == .work),
            "part": .bool(line.kind == .part),
            "quantity": .string(formats.decimal(line.quantity.description)),
            "unit": .string(unit(of: line)),
            "quantity_unit": .string(formats.decimal(line.quantity.description) + "\u{00A0}" + unit(of: line)),
            "unit_price": .string(unitPrice(line)),
            "amount": .string(plain(line.amount)),
            "discount": discount,
            "discount_amount": line.discount == nil ? .null : .string(plain(line.discountAmount)),
            "net": .string(plain(line.net)),
            "vat_rate": .string(formats.percent(line.vatRate.description)),
            "vat": .string(plain(line.vat)),
            "gross": .string(plain(line.gross)),
            "to_pay": .string(plain(line.toPay)),
            "covered": .bool(line.covered),
        ])
    }

    /// The unit price as given: with the currency's minor digits (`450.00`), or every
    /// given digit when the price is finer than the minor unit (`0.335`).
    func unitPrice(_ line: InvoiceLine) -> String {
        let digits = line.currency.minorDigits
        if line.unitPrice.scale <= digits, let minor = try? line.unitPrice.rounded(toScale: digits) {
            return plain(Money(minorUnits: minor, currency: line.currency))
        }
        return formats.decimal(line.unitPrice.description)
    }
}
