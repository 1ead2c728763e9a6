import Mustache
import Warranty

/// Presents a validated document as the data its template sees.
enum DocumentContext {
    static func present(_ document: WarrantyDocument, locale: DocumentLocale,
                        options: PresentationOptions = PresentationOptions()) -> TemplateValue {
        switch document {
        case .warrantyCard(let card): card.templateContext(locale: locale)
        case .service(let service): ServiceDocumentContext.present(service, locale: locale, options: options)
        }
    }
}
