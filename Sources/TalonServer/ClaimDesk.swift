import Foundation
import TalonDocuments
import Warranty

/// A document the journal has issued: its number and bytes.
public struct IssuedDocument: Sendable {
    public var number: String
    public var bytes: [UInt8]

    public init(number: String, bytes: [UInt8]) {
        self.number = number
        self.bytes = bytes
    }
}

/// A file handed in with a claim.
public struct ClaimAttachment: Sendable {
    public var name: String
    public var bytes: [UInt8]
}

/// What the server asks of the journal: numbering, storing and finding documents, and the
/// API's tokens. Every call is one journal transaction.
public protocol ClaimDesk: Sendable {
    /// Opens a claim from the RMA form: takes the next RMA number of `year`, builds the
    /// claim's data with it (`data(number)`), stores claim, attachments and RMA form, and
    /// queues the receipt notice when `notify`. Returns the number and the RMA form's PDF.
    func openClaim(year: Int, attachments: [ClaimAttachment], notify: Bool,
                   data: (String) -> Data) throws -> IssuedDocument
    /// The stored PDF of a document by its number, if there is one.
    func document(number: String) throws -> IssuedDocument?
    /// Whether an API token (by its SHA-256, hex) is known and not revoked.
    func acceptsToken(sha256 hex: String) -> Bool
    /// Whether the journal can be used now (for `/readyz`).
    var isReady: Bool { get }
}
