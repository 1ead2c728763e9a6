import Foundation
import TalonPrimitives
import Warranty

/// A document the journal issued: what is needed to find it and to prove a reprint is the same.
public struct IssuedDocument: Sendable, Hashable {
    /// Its number: a series number (`ГТ-2025-000001`, `RMA-2025-00001`, `РХ-2025-0001`), or
    /// for a document of a numbered claim `<rma>/<kind>` (`RMA-2025-00001/diagnosis`).
    public var number: String
    public var kind: DocumentKind
    public var locale: DocumentLocale
    /// The claim it belongs to (nil for a warranty card).
    public var rma: String?
    /// The document's date, from its data (never the clock).
    public var date: CalendarDate
    /// SHA-256 (hex) of the template set it was made with, of its data, and of the PDF.
    public var templateHash: String
    public var dataHash: String
    public var pdfHash: String
    public var pageCount: Int

    public init(number: String, kind: DocumentKind, locale: DocumentLocale, rma: String?, date: CalendarDate,
                templateHash: String, dataHash: String, pdfHash: String, pageCount: Int) {
        self.number = number
        self.kind = kind
        self.locale = locale
        self.rma = rma
        self.date = date
        self.templateHash = templateHash
        self.dataHash = dataHash
        self.pdfHash = pdfHash
        self.pageCount = pageCount
    }
}

/// A document just issued, with its bytes.
public struct IssuedPDF: Sendable {
    public var document: IssuedDocument
    public var bytes: [UInt8]
}

/// One entry of a claim's state history.
public struct ClaimEvent: Sendable, Hashable {
    public var state: ClaimState
    /// The date of the step, from its data.
    public var date: CalendarDate
    /// The document issued with the step, if any.
    public var documentNumber: String?
}

/// A claim as the journal keeps it: its data, state, history, documents and due dates.
public struct ClaimRecord: Sendable {
    public var rma: String
    public var state: ClaimState
    public var locale: DocumentLocale
    public var received: CalendarDate
    /// The claim's whole document data (service centre, claim with every stage so far).
    public var data: Data
    public var history: [ClaimEvent]
    public var documents: [IssuedDocument]
    public var due: ClaimDueDates
}

/// The claim's deadlines and whether each was missed.
public struct ClaimDueDates: Sendable, Hashable {
    /// Diagnosis due: 3 business days after receipt.
    public var diagnosis: CalendarDate
    /// The diagnosis was (or, with `asOf`, is) late.
    public var diagnosisLate: Bool
    /// Repair due, once it can be known (after the diagnosis, and approval for standard repairs).
    public var repair: CalendarDate?
    public var repairLate: Bool
}

/// One line of the claim list.
public struct ClaimSummary: Sendable, Hashable {
    public var rma: String
    public var state: ClaimState
    public var received: CalendarDate
    public var customer: String
    public var due: ClaimDueDates
}

/// A notice waiting in, or sent from, the outbox.
public struct OutboxMessage: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case pending
        case sent
    }
    public var id: Int
    /// The idempotent `Message-ID` (without angle brackets): the same on every attempt.
    public var messageID: String
    public var rma: String?
    public var event: String
    public var sender: String
    public var recipient: String
    public var subject: String
    public var text: String
    public var html: String
    public var attachmentName: String?
    public var attachment: [UInt8]?
    public var status: Status
    public var attempts: Int
    /// Seconds since 1970 of the next try (retries back off).
    public var nextAttempt: Int
    public var lastError: String?
    public var channel: Channel = .email
}
