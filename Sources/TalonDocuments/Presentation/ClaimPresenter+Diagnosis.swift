import Mustache
import TalonPrimitives
import Warranty

/// The technician's conclusion: findings, the due date and whether it was met, the cited
/// clauses, and the repair estimate counted with the claim's business calendar.
extension ClaimPresenter {
    func diagnosis() -> TemplateValue {
        guard let diagnosis = claim.diagnosis else { return .null }
        let lateBusinessDays = diagnosis.isLate ? businessDays(after: diagnosis.due, through: diagnosis.date) : nil
        return .map([
            "date": TemplateContext.date(diagnosis.date),
            "technician": TemplateContext.text(diagnosis.technician),
            "findings": .string(diagnosis.findings),
            "cause": TemplateContext.text(diagnosis.cause),
            "due": TemplateContext.date(diagnosis.due),
            "late": .bool(diagnosis.isLate),
            "on_time": .bool(!diagnosis.isLate),
            "late_days": .integer(diagnosis.isLate ? diagnosis.due.days(to: diagnosis.date) : 0),
            "late_business_days": lateBusinessDays.map(TemplateValue.integer) ?? .null,
            "clauses": TemplateContext.clauses(diagnosis.clauses, options: options),
            "estimated_cost": money(diagnosis.estimatedCost),
            "repair": repairEstimate(diagnosis),
        ])
    }

    /// How long the repair takes and when it is due.
    ///
    /// - Technician's date: the business days from the diagnosis through that date.
    /// - Standard components: 14 business days counted from the approval; before the
    ///   customer approves, `due` is the date it would be if approved on the diagnosis day
    ///   (`if_approved_on`) and `after_approval` is true.
    func repairEstimate(_ diagnosis: Diagnosis) -> TemplateValue {
        let days = claim.estimatedRepairBusinessDays
        var members: [String: TemplateValue] = [
            "business_days": days.map(TemplateValue.integer) ?? .null,
            "standard": .bool(diagnosis.repairEstimate == .standardComponents),
            "technician_date": .bool(diagnosis.repairEstimate != .standardComponents),
            "declined": .bool(claim.approval?.decision == .declined),
            "after_approval": .bool(false),
            "if_approved_on": .null,
            "approved_on": .null,
        ]
        switch diagnosis.repairEstimate {
        case .technicianDate(let date):
            members["due"] = TemplateContext.date(date)
        case .standardComponents:
            if let approval = claim.approval, approval.decision == .approved {
                members["approved_on"] = TemplateContext.date(approval.date)
                members["due"] = TemplateContext.date(claim.repairDue)
            } else if claim.approval == nil {
                members["after_approval"] = .bool(true)
                members["if_approved_on"] = TemplateContext.date(diagnosis.date)
                members["due"] = TemplateContext.date(
                    try? claim.calendar.addingBusinessDays(Claim.standardRepairBusinessDays, to: diagnosis.date))
            } else {
                members["due"] = .null
            }
        }
        return .map(members)
    }

    func approval() -> TemplateValue {
        guard let approval = claim.approval else { return .null }
        return .map([
            "decision": .string(approval.decision.rawValue),
            "approved": .bool(approval.decision == .approved),
            "declined": .bool(approval.decision == .declined),
            "date": TemplateContext.date(approval.date),
            "by": TemplateContext.text(approval.by),
        ])
    }

    /// The repair as done, with its due date and whether it was late.
    func repair() -> TemplateValue {
        guard let repair = claim.repair else { return .null }
        return .map([
            "work_done": .string(repair.workDone),
            "parts": .list(repair.partsReplaced.enumerated().map { index, part in
                .map([
                    "number": .integer(index + 1),
                    "name": .string(part.name),
                    "part_number": TemplateContext.text(part.partNumber),
                    "quantity": .integer(part.quantity),
                ])
            }),
            "completed": TemplateContext.date(repair.completed),
            "technician": TemplateContext.text(repair.technician),
            "due": TemplateContext.date(claim.repairDue),
            "late": .bool(claim.isRepairLate),
        ])
    }

    func returnInfo() -> TemplateValue {
        guard let info = claim.returnInfo else { return .null }
        return .map([
            "date": TemplateContext.date(info.date),
            "method": .string(info.method.rawValue),
            "pickup": .bool(info.method == .pickup),
            "courier": .bool(info.method == .courier),
            "post": .bool(info.method == .post),
            "tracking": TemplateContext.text(info.tracking),
        ])
    }

    /// The date of every stage reached, for the repair record's timeline.
    func dates() -> TemplateValue {
        .map([
            "received": TemplateContext.date(claim.received),
            "diagnosis_due": TemplateContext.date(claim.diagnosisDue),
            "diagnosed": TemplateContext.date(claim.diagnosis?.date),
            "invoiced": TemplateContext.date(claim.invoice?.date),
            "approved": TemplateContext.date(claim.approval?.decision == .approved ? claim.approval?.date : nil),
            "declined": TemplateContext.date(claim.approval?.decision == .declined ? claim.approval?.date : nil),
            "repair_due": TemplateContext.date(claim.repairDue),
            "completed": TemplateContext.date(claim.repair?.completed),
            "returned": TemplateContext.date(claim.returnInfo?.date),
        ])
    }

    func notice(_ notice: Notice, date: CalendarDate) -> TemplateValue {
        .map([
            "event": .string(notice.event.rawValue),
            "received": .bool(notice.event == .received),
            "diagnosis_ready": .bool(notice.event == .diagnosisReady),
            "invoice": .bool(notice.event == .invoice),
            "ready_for_pickup": .bool(notice.event == .readyForPickup),
            "channel": .string(notice.channel.rawValue),
            "email": .bool(notice.channel == .email),
            "to": .string(notice.recipient),
            "date": TemplateContext.date(date),
        ])
    }
}
