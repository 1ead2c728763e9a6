import Barcode
import Mustache
import Warranty

/// The invoice's payment block: what the customer pays, to whom, and the QR code a banking
/// app pays from. UAH invoices get the NBU's payment code (format 003, with the hryvnia
/// sign), EUR invoices the EPC's SEPA code; other currencies print the details without a
/// code. No block at all when nothing is to be paid or the service centre gives no IBAN.
///
/// The code's dates come from the invoice (calendar days in Kyiv, never the clock): created
/// at the invoice date's start, valid until the end of `payment_due` (none: unlimited).
struct InvoicePayment {
    enum Code {
        case nbu(NBUPayment)
        case epc(EPCPayment)
    }

    let recipient: String
    let iban: IBAN
    let amount: Money
    let purpose: String
    let code: Code?

    /// The block for a service document, nil when there is none; a code that breaks its
    /// format's rules is a validation error located at the input that holds the value.
    static func make(for document: ServiceDocument, options: PresentationOptions) throws(ValidationError) -> InvoicePayment? {
        guard document.kind == .invoice, let invoice = document.claim.invoice, !invoice.totals.toPay.isZero,
            let ibanText = document.serviceCenter.payee?.iban, let iban = try? IBAN(ibanText) else { return nil }
        let center = document.serviceCenter
        let recipient = center.company ?? center.name ?? ""
        let purpose = purposeText(invoice: invoice, claim: document.claim, options: options)
        let amount = PaymentAmount(minorUnits: invoice.totals.toPay.minorUnits)
        var code: Code?
        do throws(PaymentCodeError) {
            switch invoice.currency.code {
            case "UAH":
                guard iban.countryCode == "UA" else {
                    throw fail("$.service_center.iban", "the NBU payment code of a UAH invoice needs a Ukrainian IBAN (UA…)")
                }
                guard let taxCode = center.taxCode else {
                    throw fail("$.service_center.tax_code", "required for the NBU payment code of a UAH invoice (ЄДРПОУ or РНОКПП)")
                }
                var nbu = NBUPayment(recipient: recipient, iban: iban.compact, amount: amount, recipientCode: taxCode,
                                     purpose: purpose)
                if invoice.number.utf8.count <= 35, invoice.number.allSatisfy(\.isASCII) { nbu.reference = invoice.number }
                nbu.createdAt = .init(year: invoice.date.year, month: invoice.date.month, day: invoice.date.day)
                nbu.validUntil = invoice.paymentDue.map {
                    .init(year: $0.year, month: $0.month, day: $0.day, hour: 23, minute: 59, second: 59)
                }
                _ = try nbu.link()
                code = .nbu(nbu)
            case "EUR":
                var epc = EPCPayment(bic: center.payee?.bic, name: recipient, iban: iban.compact, amount: amount)
                epc.text = purpose
                _ = try epc.payload()
                code = .epc(epc)
            default:
                code = nil
            }
        } catch {
            throw ValidationError(problems: [problem(error)])
        }
        return InvoicePayment(recipient: recipient, iban: iban, amount: invoice.totals.toPay, purpose: purpose, code: code)
    }

    /// The purpose printed and encoded: invoice, claim and device, in the document's language
    /// (the catalogue's `payment.purpose`), the invoice date in the language's date format.
    static func purposeText(invoice: Invoice, claim: Claim, options: PresentationOptions) -> String {
        let date = options.formats?.date(invoice.date) ?? invoice.date.isoString
        return options.words("payment.purpose", ["number": invoice.number, "date": date, "rma": claim.rma,
                                                 "model": claim.product.model])
    }

    /// The problem located at the input that holds the refused field (a field named by a
    /// JSON path is already located).
    static func problem(_ error: PaymentCodeError) -> ValidationProblem {
        guard case .field(let name, let reason) = error else {
            return ValidationProblem(path: "$.claim.invoice", reason: error.description)
        }
        let path = switch name {
        case _ where name.hasPrefix("$"): name
        case "recipient", "name": "$.service_center.company"
        case "iban": "$.service_center.iban"
        case "bic": "$.service_center.bic"
        case "recipient_code": "$.service_center.tax_code"
        case "amount": "$.claim.invoice.lines"
        default: "$.claim.invoice.number"
        }
        return ValidationProblem(path: path, reason: "\(reason) (in the invoice's payment QR code)")
    }

    private static func fail(_ path: String, _ reason: String) -> PaymentCodeError { .field(path, reason: reason) }

    /// The text the QR code holds.
    var codeText: String? {
        switch code {
        case .nbu(let nbu): try? nbu.link()
        case .epc(let epc): try? epc.payload()
        case nil: nil
        }
    }
}

extension ClaimPresenter {
    /// `invoice.payment`: recipient, tax code, IBAN (in groups of four), bank, BIC, amount,
    /// purpose, due date, and `qr` with `nbu` / `epc` telling which code it is.
    func payment(_ payment: InvoicePayment?, serviceCenter: Party) -> TemplateValue {
        guard let payment else { return .null }
        var nbu = false, epc = false
        switch payment.code {
        case .nbu?: nbu = true
        case .epc?: epc = true
        case nil: break
        }
        return .map([
            "recipient": .string(payment.recipient),
            "tax_code": TemplateContext.text(serviceCenter.taxCode),
            "iban": .string(payment.iban.description),
            "bank": TemplateContext.text(serviceCenter.payee?.bank),
            "bic": TemplateContext.text(serviceCenter.payee?.bic),
            "amount": money(payment.amount),
            "purpose": .string(payment.purpose),
            "due": TemplateContext.date(claim.invoice?.paymentDue),
            "qr": TemplateContext.text(payment.codeText),
            "nbu": .bool(nbu),
            "epc": .bool(epc),
        ])
    }
}
