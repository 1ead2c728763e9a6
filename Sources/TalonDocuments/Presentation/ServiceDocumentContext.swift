import Mustache
import Warranty

/// Presents a service-center document (RMA form, diagnosis, invoice, repair record,
/// notice) as template data.
enum ServiceDocumentContext {
    static func present(_ document: ServiceDocument, locale: DocumentLocale) -> TemplateValue {
        let claim = document.claim
        return .map([
            "locale": .string(locale.rawValue),
            "kind": .string(document.kind.rawValue),
            "document_date": TemplateContext.date(document.documentDate),
            "service_center": TemplateContext.party(document.serviceCenter),
            "seller": TemplateContext.party(document.serviceCenter),
            "claim": .map([
                "rma": .string(claim.rma),
                "received": TemplateContext.date(claim.received),
                "diagnosis_due": TemplateContext.date(claim.diagnosisDue),
                "customer": TemplateContext.party(claim.customer),
                "product": TemplateContext.product(claim.product),
                "equipment_set": .string(claim.equipmentSet),
                "failure": .string(claim.failure),
            ]),
        ])
    }

    /// An RMA form with every field empty, to fill in by hand.
    static func blankRMA(locale: DocumentLocale) -> TemplateValue {
        .map(["locale": .string(locale.rawValue), "blank": .bool(true)])
    }
}
