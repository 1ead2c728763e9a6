import Foundation
import Mustache
import TalonPrimitives
import Warranty

/// Builds the parts of a service document's context from one claim.
struct ClaimPresenter {
    let claim: Claim
    let locale: DocumentLocale
    let options: PresentationOptions

    /// `1 234,56 грн` / `UAH 1,234.56`. In an SMS the no-break spaces become plain spaces:
    /// U+00A0 is not in the GSM 7-bit alphabet and would force the whole message to UCS-2.
    func money(_ money: Money?) -> TemplateValue {
        money.map { .string(smsSafe(text(of: $0, currency: true))) } ?? .null
    }

    /// The language's formats: its catalogue's (the renderer always gives them), else English.
    var formats: TemplateLocale { options.formats ?? .en }

    /// An amount in the same format the `money` formatter uses; with `currency: false` the
    /// digits only. Known currencies have 2 minor digits, so the formatter always applies.
    func text(of money: Money, currency: Bool) -> String {
        (try? formats.money(minor: money.minorUnits, currency: currency ? money.currency.code : nil))
            ?? money.decimalString
    }

    /// A date as the `date` formatter prints it by default.
    func text(of date: CalendarDate) -> String {
        formats.date(date)
    }

    func smsSafe(_ text: String) -> String {
        options.sms ? text.replacingOccurrences(of: "\u{00A0}", with: " ") : text
    }

    /// The same digits as `money` without the currency, for table cells whose header
    /// names the currency: `1 234,56` / `1,234.56`.
    func plain(_ money: Money) -> String {
        text(of: money, currency: false)
    }

    /// Business days from `start` (not counted) through `end`, nil when the calendar
    /// cannot count them.
    func businessDays(after start: CalendarDate, through end: CalendarDate) -> Int? {
        try? claim.calendar.businessDays(after: start, through: end)
    }

    func claimContext() -> TemplateValue {
        let attachments = attachmentList()
        let images = attachments.filter { $0["image"] == .bool(true) }
        return .map([
            "rma": .string(claim.rma),
            "state": .string(claim.state.rawValue),
            "received": TemplateContext.date(claim.received),
            "received_weekday": .string(formats.weekday(claim.received.weekday.rawValue)),
            "diagnosis_due": TemplateContext.date(claim.diagnosisDue),
            "customer": TemplateContext.party(claim.customer),
            "product": TemplateContext.product(claim.product),
            "sale": sale(),
            "equipment_set": .string(claim.equipmentSet),
            "failure": .string(claim.failure),
            "currency": .string(claim.currency.code),
            "attachments": .list(attachments),
            "intake": intake(),
            "images": .list(images),
            "image_rows": imageRows(images),
            "previous_repairs": .list(claim.previousRepairs.map(period)),
        ])
    }

    /// The intake record as flags a form ticks; `no_documents` only when both documents
    /// were recorded as not shown.
    func intake() -> TemplateValue {
        guard let intake = claim.intake else { return .null }
        return .map([
            "seals_intact": .bool(intake.seals == .intact),
            "seals_damaged": .bool(intake.seals == .damaged),
            "seals_absent": .bool(intake.seals == .absent),
            "damage": TemplateContext.text(intake.damage),
            "warranty_card_shown": .bool(intake.warrantyCardShown == true),
            "receipt_shown": .bool(intake.receiptShown == true),
            "no_documents": .bool(intake.warrantyCardShown == false && intake.receiptShown == false),
            "return_pickup": .bool(intake.returnMethod == .pickup),
            "return_courier": .bool(intake.returnMethod == .courier),
            "return_post": .bool(intake.returnMethod == .post),
            "return_ships": .bool(intake.returnMethod == .courier || intake.returnMethod == .post),
            "return_address": TemplateContext.text(intake.returnAddress),
            "consent": .bool(intake.personalDataConsent == true),
            "received_by": TemplateContext.text(intake.receivedBy),
        ])
    }

    func sale() -> TemplateValue {
        guard let sale = claim.sale else { return .null }
        return .map([
            "date": TemplateContext.date(sale.date),
            "card_number": TemplateContext.text(sale.cardNumber),
            "seller": TemplateContext.text(sale.seller),
        ])
    }

    func period(_ period: RepairPeriod) -> TemplateValue {
        .map([
            "rma": TemplateContext.text(period.rma),
            "received": TemplateContext.date(period.received),
            "returned": TemplateContext.date(period.returned),
            "days": .integer(period.days),
        ])
    }

    /// Warranty dates: the end before this claim (sale + months + earlier repairs), after
    /// it (extended by this repair when covered and returned), and the extension.
    func warranty() -> TemplateValue {
        let before = claim.warrantyEndBefore
        let after = claim.warrantyEndAfter
        let extensionDays = claim.extensionDays
        let earlierDays = claim.previousRepairs.reduce(0) { $0 + $1.days }
        return .map([
            "months": .integer(claim.policy.months),
            "sale_date": TemplateContext.date(claim.sale?.date),
            "base_end": TemplateContext.date(claim.sale?.date.map { claim.policy.baseEnd(saleDate: $0) }),
            "end_before": TemplateContext.date(before),
            "end_after": TemplateContext.date(after),
            "known": .bool(before != nil),
            "in_warranty": .bool(claim.isInWarranty == true),
            "expired": .bool(claim.isInWarranty == false),
            "extension_days": .integer(extensionDays),
            "extended": .bool(extensionDays > 0),
            "earlier_extension_days": .integer(earlierDays),
            "repair_period": claim.repairPeriod.map(period) ?? .null,
        ])
    }

    /// The coverage decision with its reasons; null before the diagnosis.
    func coverage() -> TemplateValue {
        guard let coverage = claim.coverage else { return .null }
        var members: [String: TemplateValue] = [
            "covered": .bool(coverage.isCovered),
            "not_covered": .bool(!coverage.isCovered),
            "clauses": .list([]),
            "has_clauses": .bool(false),
            "clause_numbers": .null,
            "expired": .null,
            "sale_date_unknown": .bool(false),
            "reasons": .list([]),
        ]
        if case .notCovered(let reasons) = coverage {
            members["reasons"] = .list(reasons.map { .map(["text": .string($0.text(options, date: text(of:)))]) })
            for reason in reasons {
                switch reason {
                case .clauses(let clauses):
                    members["clauses"] = TemplateContext.clauses(clauses, options: options)
                    members["has_clauses"] = .bool(!clauses.isEmpty)
                    members["clause_numbers"] = .string(clauses.map { String($0.number) }.joined(separator: ", "))
                case .warrantyExpired(let end): members["expired"] = .map(["valid_until": TemplateContext.date(end)])
                case .saleDateUnknown: members["sale_date_unknown"] = .bool(true)
                }
            }
        }
        return .map(members)
    }
}
