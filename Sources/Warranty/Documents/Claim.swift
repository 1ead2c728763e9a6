import TalonPrimitives

/// A service claim (RMA): one device's way through the service centre.
///
/// States follow the input's sections: `received` (intake) → `diagnosed` (`diagnosis`)
/// → `invoiceSent` (`invoice`) → `approved` | `declined` (`approval`) → `repaired`
/// (`repair`) → `returned` (`return`). A declined claim may go straight to `returned`.
public struct Claim: Sendable, Hashable {
    public var rma: String
    public var received: CalendarDate
    public var customer: Party
    public var product: Product
    public var sale: Sale?
    /// Description of the complete set of equipment handed in.
    public var equipmentSet: String
    /// The customer's failure description.
    public var failure: String
    public var attachments: [Attachment]
    /// The device's condition and the arrangements recorded on intake.
    public var intake: Intake?
    /// Earlier warranty repairs of this device (they extend the warranty).
    public var previousRepairs: [RepairPeriod]
    /// The currency of estimates and the invoice (default UAH).
    public var currency: Currency
    public var diagnosis: Diagnosis?
    public var invoice: Invoice?
    public var approval: Approval?
    public var repair: RepairWork?
    public var returnInfo: ReturnInfo?

    /// The terms for this product (months from `product.warrantyMonths`).
    public var policy: WarrantyPolicy
    /// The calendar used for due dates.
    public var calendar: BusinessCalendar
    /// Received + 3 business days.
    public var diagnosisDue: CalendarDate

    /// Business days the service centre has for a diagnosis.
    public static let diagnosisBusinessDays = 3
    /// Business days for a repair with standard components.
    public static let standardRepairBusinessDays = 14
}

/// What is known about the sale.
public struct Sale: Sendable, Hashable {
    public var date: CalendarDate?
    public var cardNumber: String?
    public var seller: String?
}

/// A file the customer attached (photo, log).
public struct Attachment: Sendable, Hashable {
    public var name: String
    public var path: String?
}

/// The technician's conclusion.
public struct Diagnosis: Sendable, Hashable {
    /// How long the repair will take.
    public enum RepairEstimate: Sendable, Hashable {
        /// Standard components suffice: repair due = approval + 14 business days.
        case standardComponents
        /// Non-standard components: the technician gives the date.
        case technicianDate(CalendarDate)
    }

    /// The day the diagnosis was made.
    public var date: CalendarDate
    public var technician: String?
    public var findings: String
    public var cause: String?
    /// Cited exclusion clauses (any makes the repair not covered).
    public var clauses: [ExclusionClause]
    public var repairEstimate: RepairEstimate
    public var estimatedCost: Money?
    /// Received + 3 business days.
    public var due: CalendarDate
    /// Whether the diagnosis was made after `due`.
    public var isLate: Bool { date > due }
}

/// The purchaser's answer to the invoice.
public struct Approval: Sendable, Hashable {
    public enum Decision: String, Sendable, Hashable, CaseIterable {
        case approved
        case declined
    }

    public var decision: Decision
    public var date: CalendarDate
    /// Who approved or declined.
    public var by: String?
}

/// The repair as done.
public struct RepairWork: Sendable, Hashable {
    public struct Part: Sendable, Hashable {
        public var name: String
        public var partNumber: String?
        public var quantity: Int
    }

    public var workDone: String
    public var partsReplaced: [Part]
    public var completed: CalendarDate
    public var technician: String?
}

/// How and when the device went back to the customer.
public struct ReturnInfo: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable, CaseIterable {
        case pickup
        case courier
        case post
    }

    public var date: CalendarDate
    public var method: Method
    public var tracking: String?
}

/// Whether the warranty pays for this claim, and if not, why.
public enum Coverage: Sendable, Hashable {
    case covered
    case notCovered([NotCoveredReason])

    public var isCovered: Bool { self == .covered }
}

/// A reason a claim is not covered.
public enum NotCoveredReason: Sendable, Hashable {
    /// The diagnosis cites exclusion clauses.
    case clauses([ExclusionClause])
    /// Received after the last day of coverage.
    case warrantyExpired(validUntil: CalendarDate)
    /// No sale date, so coverage cannot be shown.
    case saleDateUnknown
}
