import Warranty

/// One step of a claim's life, as `talon claim <step>` names it. Each step checks the
/// claim's state, adds its section to the claim's data, issues its document and queues
/// its notice, all in one journal transaction.
public enum ClaimStep: String, Sendable, Hashable, CaseIterable {
    /// The device is received: the RMA number is taken and the RMA form issued.
    case open
    /// `claim.diagnosis`: the diagnosis conclusion.
    case diagnose
    /// `claim.invoice`: the repair invoice, numbered in its own series.
    case invoice
    /// `claim.approval` with decision "approved": the invoice with the decision.
    case approve
    /// `claim.approval` with decision "declined".
    case decline
    /// `claim.repair`: the work done; no document until the return (the repair record
    /// carries the return), the customer is told the device is ready.
    case repair
    /// `claim.return`: the repair record with the return.
    case `return`

    /// The states a claim must be in for this step.
    public var allowedFrom: [ClaimState] {
        switch self {
        case .open: []
        case .diagnose: [.received]
        case .invoice: [.diagnosed]
        case .approve, .decline: [.invoiceSent]
        case .repair: [.approved]
        case .return: [.repaired, .declined]
        }
    }

    /// The state the claim is in after this step.
    public var resultingState: ClaimState {
        switch self {
        case .open: .received
        case .diagnose: .diagnosed
        case .invoice: .invoiceSent
        case .approve: .approved
        case .decline: .declined
        case .repair: .repaired
        case .return: .returned
        }
    }

    /// The key under `claim` that this step's data fills.
    var section: String? {
        switch self {
        case .open: nil
        case .diagnose: "diagnosis"
        case .invoice: "invoice"
        case .approve, .decline: "approval"
        case .repair: "repair"
        case .return: "return"
        }
    }

    /// The document this step issues, if any.
    var documentKind: DocumentKind? {
        switch self {
        case .open: .rma
        case .diagnose: .diagnosis
        case .invoice, .approve, .decline: .invoice
        case .repair: nil
        case .return: .repairRecord
        }
    }

    /// The notice the customer is sent after this step, if any.
    var noticeEvent: Notice.Event? {
        switch self {
        case .open: .received
        case .diagnose: .diagnosisReady
        case .invoice: .invoice
        case .repair, .decline: .readyForPickup
        case .approve, .return: nil
        }
    }

    var allowedText: String {
        allowedFrom.isEmpty ? "a new claim" : "allowed when " + allowedFrom.map(\.rawValue).joined(separator: " or ")
    }
}
