import TalonPrimitives

/// The claim's state.
public enum ClaimState: String, Sendable, Hashable, CaseIterable {
    case received
    case diagnosed
    case invoiceSent = "invoice-sent"
    case approved
    case declined
    case repaired
    case returned
}

extension Claim {
    /// The state given by the sections present.
    public var state: ClaimState {
        if returnInfo != nil { return .returned }
        if repair != nil { return .repaired }
        if let approval { return approval.decision == .approved ? .approved : .declined }
        if invoice != nil { return .invoiceSent }
        if diagnosis != nil { return .diagnosed }
        return .received
    }

    /// The last day of coverage before this claim: sale date + months, extended by the
    /// previous repairs. Nil when the sale date is unknown.
    public var warrantyEndBefore: CalendarDate? {
        sale?.date.map { policy.validUntil(saleDate: $0, repairs: previousRepairs) }
    }

    /// Whether the device was in warranty when received (nil when the sale date is unknown).
    public var isInWarranty: Bool? {
        guard let saleDate = sale?.date else { return nil }
        return policy.isInWarranty(receivedOn: received, saleDate: saleDate, repairs: previousRepairs)
    }

    /// The coverage decision; nil before the diagnosis.
    public var coverage: Coverage? {
        guard let diagnosis else { return nil }
        var reasons: [NotCoveredReason] = []
        if !diagnosis.clauses.isEmpty { reasons.append(.clauses(diagnosis.clauses)) }
        if let end = warrantyEndBefore {
            if isInWarranty == false { reasons.append(.warrantyExpired(validUntil: end)) }
        } else {
            reasons.append(.saleDateUnknown)
        }
        return reasons.isEmpty ? .covered : .notCovered(reasons)
    }

    /// This claim as a repair period, once returned.
    public var repairPeriod: RepairPeriod? {
        guard let returnInfo else { return nil }
        return try? RepairPeriod(received: received, returned: returnInfo.date, rma: rma)
    }

    /// The last day of coverage after this claim: extended by this repair's days when it
    /// was a covered repair and the device has been returned; otherwise the same as
    /// `warrantyEndBefore`.
    public var warrantyEndAfter: CalendarDate? {
        guard let before = warrantyEndBefore else { return nil }
        guard coverage == .covered, repair != nil, let period = repairPeriod else { return before }
        return before.addingDays(period.days)
    }

    /// Days this claim added to the warranty (0 unless covered, repaired and returned).
    public var extensionDays: Int {
        guard let before = warrantyEndBefore, let after = warrantyEndAfter else { return 0 }
        return before.days(to: after)
    }

    /// Business days the repair is estimated to take: 14 with standard components, or
    /// counted from the diagnosis to the technician's date.
    public var estimatedRepairBusinessDays: Int? {
        guard let diagnosis else { return nil }
        switch diagnosis.repairEstimate {
        case .standardComponents: return Claim.standardRepairBusinessDays
        case .technicianDate(let due): return try? calendar.businessDays(after: diagnosis.date, through: due)
        }
    }

    /// When the repair is due: approval + 14 business days (standard components) or the
    /// technician's date. Nil before approval for standard components, or when declined.
    public var repairDue: CalendarDate? {
        guard let diagnosis, approval?.decision != .declined else { return nil }
        switch diagnosis.repairEstimate {
        case .technicianDate(let date): return date
        case .standardComponents:
            guard let approval else { return nil }
            return try? calendar.addingBusinessDays(Claim.standardRepairBusinessDays, to: approval.date)
        }
    }

    /// Whether the repair was completed after it was due.
    public var isRepairLate: Bool {
        guard let repair, let due = repairDue else { return false }
        return repair.completed > due
    }
}
