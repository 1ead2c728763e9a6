import Foundation
import TalonDocuments
import TalonPrimitives
import Warranty

/// What a claim step produced.
public struct ClaimStepResult: Sendable {
    public var rma: String
    public var state: ClaimState
    /// The document issued (none for `repair`: the repair record comes with the return).
    public var issued: IssuedPDF?
    /// The Message-ID of the notice queued, if the customer has an e-mail address.
    public var noticeMessageID: String?
}

extension Journal {
    /// Opens a claim: `data` is an RMA form's JSON (service centre, claim as received, no
    /// later stages). The RMA number is taken from the series of the year received and set
    /// as `claim.rma`; attachments with a `path` (relative to `baseDirectory`) are copied in.
    public func openClaim(_ data: Data, baseDirectory: URL? = nil) throws(JournalError) -> ClaimStepResult {
        var value = try parse(data).setting(.string("RMA-0000-00000"), at: ["claim", "rma"])
        guard case .service(let draft) = try decode(value.data, kind: .rma) else { throw .store("not an RMA form") }
        guard draft.claim.state == .received else {
            throw .input(path: "$.claim", reason: "a new claim holds no later stages (it is \(draft.claim.state.rawValue)); add them with 'talon claim <step>'")
        }
        let copied = try readAttachments(value, baseDirectory: baseDirectory)
        value = copied.value
        return try store.write { (transaction) throws(JournalError) -> ClaimStepResult in
            for (hash, bytes) in copied.files { try transaction.storeAttachment(sha256: hash, bytes: bytes) }
            let rma = try transaction.takeNumber(.rma, year: draft.claim.received.year)
            let numbered = value.setting(.string(rma), at: ["claim", "rma"]).data
            try transaction.insertClaim(rma: rma, locale: draft.locale, state: .received,
                                        received: draft.claim.received, data: numbered)
            let issued = try issue(.rma, number: rma, rma: rma, data: numbered, date: draft.documentDate,
                                   locale: draft.locale, in: transaction)
            try transaction.appendEvent(rma: rma, ClaimEvent(state: .received, date: draft.claim.received, documentNumber: rma))
            let notice = try queueNotice(.open, rma: rma, data: numbered, document: issued, in: transaction)
            return ClaimStepResult(rma: rma, state: .received, issued: issued, noticeMessageID: notice)
        }
    }

    /// Takes a claim one step on. `data` is the JSON object of the step's section
    /// (`claim.diagnosis`, `claim.invoice`, …; for approve/decline the `decision` is set by
    /// the step). A step the claim's state does not allow is refused with that state.
    public func advanceClaim(_ rma: String, step: ClaimStep, data: Data?) throws(JournalError) -> ClaimStepResult {
        guard step != .open, let section = step.section else {
            throw .input(path: rma, reason: "use openClaim for a new claim")
        }
        var sectionValue = try data.map { (data) throws(JournalError) in try parse(data) } ?? .object([])
        if step == .approve || step == .decline {
            sectionValue = sectionValue.setting(.string(step == .approve ? "approved" : "declined"), at: ["decision"])
        }
        return try store.write { (transaction) throws(JournalError) -> ClaimStepResult in
            guard let stored = try transaction.claim(rma: rma) else { throw .notFound("claim \(rma)") }
            guard step.allowedFrom.contains(stored.state) else {
                throw .transitionRefused(rma: rma, state: stored.state, step: step)
            }
            var value = try parse(stored.data).setting(sectionValue, at: ["claim", section])
            var number = step.documentKind.map { _ in "\(rma)/\(step == .return ? "repair-record" : section)" }
            if step == .invoice {
                value = value.setting(.string("РХ-0000-0000"), at: ["claim", "invoice", "number"])
            }
            guard case .service(let draft) = try decode(value.data, kind: step.documentKind ?? .rma) else {
                throw .store("not a service document")
            }
            if step == .invoice, let invoice = draft.claim.invoice {
                let taken = try transaction.takeNumber(.invoice, year: invoice.date.year)
                value = value.setting(.string(taken), at: ["claim", "invoice", "number"])
                number = taken
            } else if step == .approve || step == .decline, let invoice = value.value(at: ["claim", "invoice", "number"])?.stringValue {
                number = "\(invoice)/\(step == .approve ? "approved" : "declined")"
            }
            let updated = value.data
            var issued: IssuedPDF?
            if let kind = step.documentKind, let number {
                issued = try issue(kind, number: number, rma: rma, data: updated, date: draft.documentDate,
                                   locale: draft.locale, in: transaction)
            }
            try transaction.updateClaim(rma: rma, state: step.resultingState, data: updated)
            try transaction.appendEvent(rma: rma, ClaimEvent(state: step.resultingState, date: Self.stepDate(step, draft.claim),
                                                             documentNumber: issued?.document.number))
            let notice = try queueNotice(step, rma: rma, data: updated, document: issued, in: transaction)
            return ClaimStepResult(rma: rma, state: step.resultingState, issued: issued, noticeMessageID: notice)
        }
    }

    /// The date a step happened, from its section.
    static func stepDate(_ step: ClaimStep, _ claim: Claim) -> CalendarDate {
        switch step {
        case .open: claim.received
        case .diagnose: claim.diagnosis?.date ?? claim.received
        case .invoice: claim.invoice?.date ?? claim.received
        case .approve, .decline: claim.approval?.date ?? claim.received
        case .repair: claim.repair?.completed ?? claim.received
        case .return: claim.returnInfo?.date ?? claim.received
        }
    }

    /// A claim with its history, documents and due dates; `asOf` (a date from the caller,
    /// e.g. today) marks open deadlines that have passed as late.
    public func claim(_ rma: String, asOf: CalendarDate? = nil) throws(JournalError) -> ClaimRecord {
        try store.read { (transaction) throws(JournalError) -> ClaimRecord in
            guard let stored = try transaction.claim(rma: rma) else { throw .notFound("claim \(rma)") }
            let claim = try decodedClaim(stored.data)
            return ClaimRecord(rma: rma, state: stored.state, locale: stored.locale, received: claim.received,
                               data: stored.data, history: try transaction.events(rma: rma),
                               documents: try transaction.documents(rma: rma), due: Self.dueDates(claim, asOf: asOf))
        }
    }

    /// Every claim, oldest first, with its deadlines.
    public func claims(asOf: CalendarDate? = nil) throws(JournalError) -> [ClaimSummary] {
        try store.read { (transaction) throws(JournalError) -> [ClaimSummary] in
            var result: [ClaimSummary] = []
            for (rma, data) in try transaction.claims() {
                let claim = try decodedClaim(data)
                result.append(ClaimSummary(rma: rma, state: claim.state, received: claim.received,
                                           customer: claim.customer.name ?? claim.customer.company ?? "",
                                           due: Self.dueDates(claim, asOf: asOf)))
            }
            return result
        }
    }

    func decodedClaim(_ data: Data) throws(JournalError) -> Claim {
        guard case .service(let document) = try decode(data, kind: .rma) else { throw .store("not a claim") }
        return document.claim
    }

    static func dueDates(_ claim: Claim, asOf: CalendarDate?) -> ClaimDueDates {
        let diagnosisLate = claim.diagnosis.map(\.isLate) ?? asOf.map { $0 > claim.diagnosisDue } ?? false
        let repairDue = claim.repairDue
        var repairLate = claim.isRepairLate
        if claim.repair == nil, claim.state == .approved, let repairDue, let asOf { repairLate = asOf > repairDue }
        return ClaimDueDates(diagnosis: claim.diagnosisDue, diagnosisLate: diagnosisLate,
                             repair: repairDue, repairLate: repairLate)
    }
}
