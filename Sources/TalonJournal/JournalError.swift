import Foundation
import TalonDocuments
import Warranty

/// Everything that can go wrong in the journal, as values a caller can match.
public enum JournalError: Error, Sendable, CustomStringConvertible {
    /// The file is not a Talon journal, or SQLite found it damaged; nothing was changed.
    case corrupt(path: String, reason: String)
    /// The file was written by a newer Talon; nothing was changed.
    case newerSchema(path: String, found: Int, supported: Int)
    /// The store failed (disk full, locked too long, I/O); the transaction was rolled back.
    case store(String)
    /// No claim, card or document with this number.
    case notFound(String)
    /// The claim's state does not allow this step.
    case transitionRefused(rma: String, state: ClaimState, step: ClaimStep)
    /// The data or template is wrong (validation problems with JSON paths, template errors).
    case document(TalonError)
    /// A file given to the journal is unusable (attachment too large, unreadable, import line).
    case input(path: String, reason: String)
    /// A reprint would not give the bytes first issued (fonts changed since).
    case reprintDiffers(number: String)

    public var description: String {
        switch self {
        case .corrupt(let path, let reason): "\(path): error: not a usable Talon journal: \(reason) (nothing was changed)"
        case .newerSchema(let path, let found, let supported):
            "\(path): error: journal schema version \(found) is newer than this talon supports (\(supported)); nothing was changed"
        case .store(let message): "error: journal: \(message)"
        case .notFound(let what): "error: \(what) is not in the journal"
        case .transitionRefused(let rma, let state, let step):
            "error: claim \(rma) is \(state.rawValue): cannot \(step.rawValue) (\(step.allowedText))"
        case .document(let error): error.description
        case .input(let path, let reason): "\(path): error: \(reason)"
        case .reprintDiffers(let number):
            "error: \(number): a reprint would differ from the document issued (fonts changed since); nothing was written"
        }
    }
}
