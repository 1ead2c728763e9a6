import Foundation
import TalonPrimitives

/// A service-centre document about one claim: RMA form, diagnosis, invoice, repair
/// record or notice. All five share one input shape:
/// ```json
/// {"locale": "uk", "document_date": "2025-03-12", "calendar": "ua",
///  "service_center": {"company": "…", "address": "…", "phone": "…", "email": "…"},
///  "claim": { … see Claim … },
///  "notice": {"event": "diagnosis-ready", "channel": "email", "to": "…"}}   // notice only
/// ```
/// - `document_date` defaults to the date of the stage the document reports (received,
///   diagnosis date, invoice date, return date, or the notice's event date); never the clock.
/// - `calendar` picks a business calendar by identifier (default `ua`, martial law; `pl`
///   for a Polish document when that calendar is installed).
/// - Each kind needs its claim to have reached a stage: `rma` → received; `diagnosis` →
///   `claim.diagnosis`; `invoice` → `claim.invoice` (which needs a diagnosis);
///   `repair-record` → `claim.return` and `claim.repair` (or a declined approval);
///   `notice` → whatever its event reports.
public struct ServiceDocument: Sendable, Hashable {
    public let kind: DocumentKind
    public let locale: DocumentLocale
    public let documentDate: CalendarDate
    public let serviceCenter: Party
    public let claim: Claim
    /// Present for `notice` documents only.
    public let notice: Notice?

    /// The default calendars: Ukraine under martial law.
    public static let defaultCalendars = [BusinessCalendar.ukraineMartialLaw]

    /// Decodes and validates a service document of `kind`, reporting every problem.
    /// `calendars` are the calendars `"calendar"` may name; the first is the default.
    public static func decode(
        kind: DocumentKind, json data: Data, calendars: [BusinessCalendar] = defaultCalendars
    ) throws(ValidationError) -> ServiceDocument {
        try decode(kind: kind, JSONValue.parse(data), calendars: calendars)
    }

    /// Decodes an already parsed document.
    public static func decode(
        kind: DocumentKind, _ root: JSONValue, calendars: [BusinessCalendar] = defaultCalendars
    ) throws(ValidationError) -> ServiceDocument {
        let log = ProblemLog()
        let document = read(kind: kind, JSONCursor(root: root, log: log), calendars: calendars)
        try log.finish()
        guard let document else { throw ValidationError(problems: [ValidationProblem(path: "$", reason: "invalid")]) }
        return document
    }

    static func read(kind: DocumentKind, _ root: JSONCursor, calendars: [BusinessCalendar]) -> ServiceDocument? {
        guard kind != .warrantyCard else {
            root.report("warranty-card is not a service document (use WarrantyCard.decode)")
            return nil
        }
        var keys = ["locale", "document_date", "calendar", "service_center", "claim"]
        if kind == .notice { keys.append("notice") }
        guard let object = root.object(required: true, keys: keys) else { return nil }
        let locale = DocumentLocale.read(object["locale"])
        let documentDate = object["document_date"].date(required: false)
        var calendar = calendars.first ?? .ukraineMartialLaw
        // A language's documents come from its country's service centres: the calendar
        // that names the language in `default_for` (Polish holidays for pl).
        if let own = calendars.first(where: { $0.defaultFor.contains(locale.rawValue) }) { calendar = own }
        if let name = object["calendar"].string(required: false, maxLength: 40) {
            if let found = calendars.first(where: { $0.identifier == name }) {
                calendar = found
            } else {
                object["calendar"].report("unknown calendar (known: \(calendars.map(\.identifier).joined(separator: ", ")))")
            }
        }
        let serviceCenter = Party.read(object["service_center"], required: true, requiring: ["company"], payee: true)
        let claim = Claim.read(object["claim"], calendar: calendar)
        if serviceCenter?.payee?.vatPayer == false, let invoice = claim?.invoice,
            let line = invoice.lines.firstIndex(where: { $0.vatRate.basisPoints != 0 }) {
            object["claim"]["invoice"].report(
                "line \(line + 1) charges VAT, but the service center is not a VAT payer ($.service_center.vat_payer is false)")
        }
        var notice: Notice?
        if kind == .notice, let claim {
            notice = Notice.read(object["notice"], claim: claim)
        }
        guard let serviceCenter, let claim else { return nil }
        guard let stageDate = requireStage(kind: kind, claim: claim, notice: notice, at: object["claim"]) else { return nil }
        if kind == .notice && notice == nil { return nil }
        return ServiceDocument(kind: kind, locale: locale, documentDate: documentDate ?? stageDate,
                               serviceCenter: serviceCenter, claim: claim, notice: notice)
    }

    /// Checks the claim has what `kind` needs and returns the date of that stage.
    static func requireStage(kind: DocumentKind, claim: Claim, notice: Notice?, at cursor: JSONCursor) -> CalendarDate? {
        func missing(_ key: String, _ what: String) -> CalendarDate? {
            if cursor[key].isMissing { cursor[key].report("required for \(what)") }
            return nil
        }
        switch kind {
        case .warrantyCard, .rma:
            return claim.received
        case .diagnosis:
            return claim.diagnosis?.date ?? missing("diagnosis", "a diagnosis document")
        case .invoice:
            // With an invoice but no diagnosis, the stage check has already said so.
            if claim.diagnosis == nil && cursor["invoice"].isMissing { _ = missing("diagnosis", "an invoice") }
            return claim.invoice?.date ?? missing("invoice", "an invoice document")
        case .repairRecord:
            if claim.repair == nil && claim.approval?.decision != .declined {
                _ = missing("repair", "a repair record (or a declined approval)")
            }
            guard let returned = claim.returnInfo?.date else { return missing("return", "a repair record") }
            return claim.repair == nil && claim.approval?.decision != .declined ? nil : returned
        case .notice:
            guard let notice else { return nil }
            switch notice.event {
            case .received: return claim.received
            case .diagnosisReady: return claim.diagnosis?.date ?? missing("diagnosis", "a diagnosis-ready notice")
            case .invoice: return claim.invoice?.date ?? missing("invoice", "an invoice notice")
            case .readyForPickup:
                if let repair = claim.repair { return repair.completed }
                if let approval = claim.approval, approval.decision == .declined { return approval.date }
                return missing("repair", "a ready-for-pickup notice (or a declined approval)")
            }
        }
    }
}
