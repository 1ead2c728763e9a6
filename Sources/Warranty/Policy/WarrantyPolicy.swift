import TalonPrimitives

/// The brand's warranty terms: how long a product is covered and what is excluded.
///
/// Rules (README.md, "Warranty rules"):
/// - **End of coverage.** The last day of coverage is the sale date plus `months`
///   calendar months, the day clamped to the end of a shorter month. Coverage includes
///   that day. 2024-02-29 + 36 → 2027-02-28; 2023-01-31 + 36 → 2026-01-31;
///   2023-11-30 + 3 → 2024-02-29.
/// - **Extension.** Each completed repair adds the days the device spent in the
///   service centre, counting both the day it was received and the day it was returned
///   (received 2025-03-03, returned 2025-03-05 → 3 days). Each repair counts its own
///   days; the claim decoder rejects overlapping periods, so days are never counted twice
///   for valid input.
/// - **In warranty.** A device received on day D is in warranty when D ≤ the end date
///   extended by all repairs completed before D.
public struct WarrantyPolicy: Sendable, Hashable {
    /// Months of coverage from the date of sale (default 36).
    public var months: Int
    /// The clauses a diagnosis may cite.
    public var exclusions: [ExclusionClause]

    /// The months of coverage when the product does not say.
    public static let defaultMonths = 36

    /// The accepted range of `warranty_months` in input.
    public static let monthsRange = 1...240

    public init(months: Int = WarrantyPolicy.defaultMonths, exclusions: [ExclusionClause] = ExclusionClause.standard) {
        self.months = months
        self.exclusions = exclusions
    }

    /// The brand's standard terms: 36 months, clauses 1–14.
    public static let standard = WarrantyPolicy()

    /// The last day of coverage before any extension: `saleDate + months`, clamped.
    public func baseEnd(saleDate: CalendarDate) -> CalendarDate {
        saleDate.addingMonths(months)
    }

    /// The last day of coverage, extended by the days of each completed repair.
    public func validUntil(saleDate: CalendarDate, repairs: [RepairPeriod] = []) -> CalendarDate {
        let extra = repairs.reduce(0) { total, repair in
            let (sum, overflow) = total.addingReportingOverflow(repair.days)
            return overflow ? total : sum
        }
        return baseEnd(saleDate: saleDate).addingDays(extra)
    }

    /// Whether a device received on `receivedOn` is in warranty, counting only repairs
    /// returned before that day.
    public func isInWarranty(receivedOn: CalendarDate, saleDate: CalendarDate, repairs: [RepairPeriod] = []) -> Bool {
        guard receivedOn >= saleDate else { return false }
        let completed = repairs.filter { $0.returned < receivedOn }
        return receivedOn <= validUntil(saleDate: saleDate, repairs: completed)
    }

    /// The clause numbered `number` in these terms.
    public func clause(_ number: Int) -> ExclusionClause? {
        exclusions.first { $0.number == number }
    }
}

/// A completed repair: the device was in the service centre from `received` to
/// `returned`, both days included.
public struct RepairPeriod: Sendable, Hashable {
    public let received: CalendarDate
    public let returned: CalendarDate
    /// The RMA number, when known.
    public let rma: String?

    /// Throws when `returned` is before `received`.
    public init(received: CalendarDate, returned: CalendarDate, rma: String? = nil) throws(RepairPeriodError) {
        guard returned >= received else { throw .returnedBeforeReceived }
        self.received = received
        self.returned = returned
        self.rma = rma
    }

    /// Days in the service centre, both ends counted (same day = 1).
    public var days: Int { received.days(to: returned) + 1 }

    /// Whether the two periods share at least one day.
    public func overlaps(_ other: RepairPeriod) -> Bool {
        received <= other.returned && other.received <= returned
    }
}

/// Why a repair period is invalid.
public enum RepairPeriodError: Error, Equatable, Sendable, CustomStringConvertible {
    case returnedBeforeReceived

    public var description: String { "returned before it was received" }
}
