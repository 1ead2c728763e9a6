import Synchronization

/// The last few `pdfSubset` results of one font, so documents drawing the same characters
/// (every card of a language, with their data's letters) do not subset again. A subset
/// depends only on the immutable font and the request, so a kept result is the bytes a
/// fresh subset would give.
///
/// Bounded: at most `capacity` results (about 30 KB each for a card's faces), the least
/// recently used going first, so a long-running `talon serve` stays flat. Requests are
/// compared whole (a few hundred characters at most: cheap next to a subset).
final class PDFSubsetCache: Sendable {
    /// What a subset is made from (the font aside).
    struct Request: Hashable, Sendable {
        var scalars: [Unicode.Scalar]
        var postScriptName: String
        /// nil for the metrics file alone.
        var programUnitsPerEm: Int?
        var symbolicCodes: [UInt32: UInt8]?
    }

    typealias Files = (metrics: [UInt8], program: [UInt8])

    private struct Entry: Sendable {
        var request: Request
        var files: Files
    }

    static let capacity = 8
    /// Most recently used last.
    private let entries = Mutex<[Entry]>([])

    func files(for request: Request) -> Files? {
        entries.withLock { entries in
            guard let index = entries.lastIndex(where: { $0.request == request }) else { return nil }
            let entry = entries.remove(at: index)
            entries.append(entry)
            return entry.files
        }
    }

    func keep(_ files: Files, for request: Request) {
        entries.withLock { entries in
            guard !entries.contains(where: { $0.request == request }) else { return }
            if entries.count >= Self.capacity { entries.removeFirst(entries.count - Self.capacity + 1) }
            entries.append(Entry(request: request, files: files))
        }
    }
}
