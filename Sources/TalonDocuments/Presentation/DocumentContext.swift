import Mustache
import Warranty

/// Presents a validated document as the data its template sees.
enum DocumentContext {
    /// Throws when the invoice's payment code cannot hold the data (located by JSON path).
    static func present(_ document: WarrantyDocument, locale: DocumentLocale,
                        options: PresentationOptions = PresentationOptions()) throws(ValidationError) -> TemplateValue {
        switch document {
        case .warrantyCard(let card):
            return card.templateContext(locale: locale, options: options)
        case .service(let service):
            let payment = try InvoicePayment.make(for: service, options: options)
            return ServiceDocumentContext.present(service, locale: locale, options: options, payment: payment)
        }
    }
}
