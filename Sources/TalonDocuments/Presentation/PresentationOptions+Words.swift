import Mustache
import TalonPrimitives
import Warranty

/// Words the presenter writes into the data itself (a not-covered reason, the payment
/// purpose a QR code carries): catalogue texts like the templates' own, whose `{{name}}`
/// tags are filled from the values given here, not from the document's data.
extension PresentationOptions {
    /// The options that present a document with `catalogue`'s formats and words.
    init(catalogue: LocaleCatalogue, sms: Bool = false) {
        self.init(sms: sms)
        formats = catalogue.locale
        texts = catalogue.texts
        templates = catalogue.presenterTemplates
    }

    /// The catalogue keys the presenter reads, with what each is for; `talon check` requires
    /// them in every catalogue as it requires the keys the templates use.
    static let presenterKeys: [String: String] = [
        "reason.clause": "the not-covered reason naming one clause ({{numbers}})",
        "reason.clauses": "the not-covered reason naming several clauses ({{numbers}})",
        "reason.warranty_expired": "the not-covered reason of an ended warranty ({{date}})",
        "reason.sale_date_unknown": "the not-covered reason of an unproven date of sale",
        "payment.purpose": "the payment purpose printed and encoded in the QR code ({{number}}, {{date}}, {{rma}}, {{model}})",
        "invoice.unit_work": "the unit of an invoice line of work without its own unit",
    ].merging(ExclusionClause.standard.map { ($0.textKey, "the text of exclusion clause \($0.number)") }) { $1 }
     .merging(Notice.Event.allCases.map { ($0.subjectKey, "the subject of the \($0.rawValue) e-mail ({{rma}})") }) { $1 }

    /// The catalogue's plurals the presenter reads.
    static let presenterPlurals: [String: String] = [
        "plural.invoice_unit_part": "the unit of an invoice line of parts without its own unit, by quantity",
    ]

    /// The catalogue's text of `key` with its `{{name}}` tags filled from `values` (compiled
    /// once, with the catalogue); the key itself when the catalogue lacks it (`talon check`
    /// reports that).
    func words(_ key: String, _ values: [String: String] = [:]) -> String {
        guard let text = texts[key] else { return key }
        guard let template = templates[key] else { return text }
        let options = RenderOptions(escaper: .none, locale: formats ?? .en)
        let data = TemplateValue.map(values.mapValues { .string($0) })
        return (try? template.render(data, options: options)) ?? text
    }
}

extension Notice.Event {
    /// The catalogue key of the e-mail subject: `mail.subject_diagnosis_ready`.
    var subjectKey: String { "mail.subject_" + rawValue.replacingOccurrences(of: "-", with: "_") }
}

extension ExclusionClause {
    /// The catalogue key of the clause's words: `clause.3`.
    var textKey: String { "clause.\(number)" }
}

extension NotCoveredReason {
    /// One sentence for documents from the catalogue: en "Excluded by clauses 3, 8 of the
    /// warranty terms."; `date` prints a date the way the rest of the document does.
    func text(_ options: PresentationOptions, date: (CalendarDate) -> String) -> String {
        switch self {
        case .clauses(let clauses):
            let numbers = clauses.map { String($0.number) }.joined(separator: ", ")
            return options.words(clauses.count > 1 ? "reason.clauses" : "reason.clause", ["numbers": numbers])
        case .warrantyExpired(let end):
            return options.words("reason.warranty_expired", ["date": date(end)])
        case .saleDateUnknown:
            return options.words("reason.sale_date_unknown")
        }
    }
}
