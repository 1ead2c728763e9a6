import Foundation
import Mustache
import Warranty

/// How a document is being presented: things the template needs that are not in the data.
struct PresentationOptions: Sendable {
    /// The document is rendered as one short SMS (`--format sms`): templates print the
    /// short text.
    var sms = false
    /// What became of each attached file (see `AttachmentFiles`).
    var attachmentFiles = AttachmentFiles()
    /// The language's formats (from its catalogue): amounts and dates the presenter writes
    /// out print exactly as the template formatters print them. Nil: the ready-made ones.
    var formats: TemplateLocale?
    /// The catalogue's plain texts by key, for the words the presenter writes itself.
    var texts: [String: String] = [:]
    /// Those of its texts that use values, compiled by the catalogue.
    var templates: [String: Template] = [:]
}

/// Presents a service-centre document (RMA form, diagnosis, invoice, repair record,
/// notice) as template data.
///
/// Every date and amount comes from the domain values (`Claim`, `Invoice`, the policy and
/// the business calendar); the presenter only shapes them:
/// - dates are ISO strings (`2025-03-07`) printed with the `date` formatter;
/// - amounts are finished strings in the locale's money format, the `money` formatter's (`1 234,56 грн`,
///   `UAH 1,234.56`); table cells use the same digits without the currency
///   (`*_plain`), words come from `Money.inWords(locale)`;
/// - flags are booleans so templates can branch (`{{#diagnosis.late}}`);
/// - absent values are null so sections skip them.
///
/// Top-level keys: `locale`, `kind`, `blank`, `sms`, `document_date`, `service_center`
/// (also as `seller`, for the shared layout), `calendar {id, name}`, `policy {months,
/// diagnosis_business_days, repair_business_days}`, `claim` (rma, received, diagnosis_due,
/// customer, product, sale, equipment_set, failure, attachments, image_rows,
/// previous_repairs), `warranty` (end_before, end_after, extension_days, …), `coverage`
/// (covered, clauses, expired, reasons, …), `diagnosis`, `invoice`, `approval`, `repair`,
/// `return`, `dates` (every stage's date) and `notice` — each null until the claim has
/// reached that stage.
enum ServiceDocumentContext {
    static func present(_ document: ServiceDocument, locale: DocumentLocale,
                        options: PresentationOptions = PresentationOptions(),
                        payment: InvoicePayment? = nil) -> TemplateValue {
        let claim = document.claim
        let presenter = ClaimPresenter(claim: claim, locale: locale, options: options)
        var members: [String: TemplateValue] = [
            "locale": .string(locale.rawValue),
            "kind": .string(document.kind.rawValue),
            "blank": .bool(false),
            "sms": .bool(options.sms),
            "document_date": TemplateContext.date(document.documentDate),
            "service_center": TemplateContext.party(document.serviceCenter),
            "seller": TemplateContext.party(document.serviceCenter),
            "calendar": .map([
                "id": .string(claim.calendar.identifier),
                "name": .string(claim.calendar.displayName.text(locale)),
            ]),
            "policy": .map([
                "months": .integer(claim.policy.months),
                "diagnosis_business_days": .integer(Claim.diagnosisBusinessDays),
                "repair_business_days": .integer(Claim.standardRepairBusinessDays),
            ]),
            "claim": presenter.claimContext(),
            "warranty": presenter.warranty(),
            "coverage": presenter.coverage(),
            "diagnosis": presenter.diagnosis(),
            "invoice": presenter.invoice(vatPayer: document.serviceCenter.payee?.vatPayer,
                                         payment: presenter.payment(payment, serviceCenter: document.serviceCenter)),
            "approval": presenter.approval(),
            "repair": presenter.repair(),
            "return": presenter.returnInfo(),
            "dates": presenter.dates(),
        ]
        members["notice"] = document.notice.map { presenter.notice($0, date: document.documentDate) } ?? .null
        return .map(members)
    }

    /// An RMA form with every field empty, to fill in by hand: `blank` is true and no
    /// claim is given, so the template prints labels and empty fields; the service centre,
    /// when given, fills the letterhead and the return e-mail.
    static func blankRMA(locale: DocumentLocale, serviceCenter: Party? = nil) -> TemplateValue {
        .map([
            "service_center": TemplateContext.party(serviceCenter),
            "seller": TemplateContext.party(serviceCenter),
            "locale": .string(locale.rawValue),
            "kind": .string(DocumentKind.rma.rawValue),
            "blank": .bool(true),
            "sms": .bool(false),
            "policy": .map([
                "months": .integer(WarrantyPolicy.defaultMonths),
                "diagnosis_business_days": .integer(Claim.diagnosisBusinessDays),
                "repair_business_days": .integer(Claim.standardRepairBusinessDays),
            ]),
        ])
    }
}
