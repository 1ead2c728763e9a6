import Foundation
import TalonPrimitives

/// Any decoded input document.
public enum WarrantyDocument: Sendable, Hashable {
    case warrantyCard(WarrantyCard)
    case service(ServiceDocument)

    public var kind: DocumentKind {
        switch self {
        case .warrantyCard: .warrantyCard
        case .service(let document): document.kind
        }
    }

    public var locale: DocumentLocale {
        switch self {
        case .warrantyCard(let card): card.locale
        case .service(let document): document.locale
        }
    }
}

extension DocumentKind {
    /// Decodes and validates input for this kind, reporting every problem at once.
    public func decode(json data: Data, calendars: [BusinessCalendar] = ServiceDocument.defaultCalendars)
        throws(ValidationError) -> WarrantyDocument
    {
        try decode(JSONValue.parse(data), calendars: calendars)
    }

    /// Decodes an already parsed value.
    public func decode(_ value: JSONValue, calendars: [BusinessCalendar] = ServiceDocument.defaultCalendars)
        throws(ValidationError) -> WarrantyDocument
    {
        switch self {
        case .warrantyCard: .warrantyCard(try WarrantyCard.decode(value))
        default: .service(try ServiceDocument.decode(kind: self, value, calendars: calendars))
        }
    }
}
