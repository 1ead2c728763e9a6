import Foundation
import Warranty

extension DocumentRenderer {
    /// Validates `data` as a document of `kind` with this renderer's calendars, without
    /// rendering: the values a journal keeps (numbers, dates, due dates, state).
    public func decode(_ data: Data, kind: DocumentKind) throws(TalonError) -> WarrantyDocument {
        let calendars = try calendars.calendars(for: kind)
        do {
            return try kind.decode(json: data, calendars: calendars)
        } catch {
            throw .validation(error)
        }
    }
}
