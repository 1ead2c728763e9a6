import Foundation
import HaruPDF
import Layout
import TalonPrimitives
import Warranty

/// Where a batch puts its documents.
public struct BatchDestination: Sendable {
    /// Folder for one PDF per record (created if missing); nil writes no per-record files.
    public var directory: URL?
    /// How each record's file is named inside `directory`.
    public var naming: FileNamePattern
    /// One PDF holding every written record's pages in input order; nil writes none.
    /// Its fonts are embedded once. The display lists of all records are kept in memory
    /// until the end (about 25 KB per page: some 50 MB for 1,000 two-page cards), so
    /// memory grows with the run's size.
    public var mergedFile: URL?

    /// Per-record files in `directory`, a merged file, or both.
    public init(directory: URL?, naming: FileNamePattern, mergedFile: URL? = nil) {
        self.directory = directory
        self.naming = naming
        self.mergedFile = mergedFile
    }
}

/// What happened to one record, reported in input order.
public enum BatchEvent: Sendable {
    /// The record's document was rendered; `path` is its file (nil when only merging) and
    /// `sha256` the SHA-256 (hex) of that file. `warnings` are lines such as `record 3
    /// (line 3): $.claim.attachments[0].path: warning: ...` (see `RenderedDocument.warnings`).
    /// `key` is the record's key (see `BatchSelection.key(of:)`).
    case rendered(record: Int, path: String?, pages: Int, warnings: [String], key: String, sha256: String?)
    /// The record produced no document.
    case failed(BatchFailure)
}

/// Counts so far, handed to the event handler with each event.
public struct BatchProgress: Sendable, Equatable {
    /// Records finished (rendered or failed).
    public var done = 0
    /// Records rendered.
    public var rendered = 0
    /// Records that failed.
    public var failed = 0
    /// How much of the input has been read (0...1), when its size is known.
    public var fractionRead: Double?
}

/// The outcome of a batch.
public struct BatchSummary: Sendable {
    /// Records this run took on (read, in its shard, not done before).
    public var records = 0
    /// Records read but left to another shard or done by an earlier run.
    public var skipped = 0
    /// Records whose document was rendered (and written, or merged).
    public var rendered = 0
    /// Records that failed.
    public var failed = 0
    /// Failures that were write errors (the document was fine; the disk was not).
    public var outputFailures = 0
    /// Pages in the merged file, when one was written.
    public var mergedPages: Int?
    /// What stopped the batch early (an input that breaks off) or prevented the merged
    /// file; records finished before it are still counted and written.
    public var error: TalonError?
}

/// Renders many records with one template, on several threads, streaming the input.
///
/// Records are read one at a time and handed to `jobs` worker threads through a bounded
/// queue: at most `4 × jobs + 8` records are in flight, so memory does not grow with the
/// input (except for the display lists kept for a merged file). Each PDF is written with
/// `AtomicFile` as soon as it is done. A record that fails is reported and the others go on.
/// Events arrive in input order whatever the threads do, and the files do not depend on
/// the number of jobs: the same input gives the same bytes.
///
/// Duplicate file names: the first record that renders with a name wins; a later record
/// whose name is taken fails with `BatchProblem.duplicateName`. Files are written in input
/// order, so the outcome never depends on timing. The names written are kept for the run
/// (a few dozen bytes each).
public struct BatchRenderer: Sendable {
    /// The renderer shared by every worker (templates and fonts are loaded once).
    public let renderer: DocumentRenderer
    /// The template every record is rendered with.
    public var template: TemplateReference
    /// The kind that validates each record; for a built-in template its own kind.
    public var kind: DocumentKind?
    /// Overrides each record's own `locale`.
    public var locale: DocumentLocale?
    /// Worker threads (at least 1).
    public var jobs: Int
    /// The attachments folder (see `RenderRequest.baseDirectory`).
    public var baseDirectory: URL?
    /// Passwords and PDF/A for every document.
    public var pdf = PDFOptions()
    /// The shard and the records done before (default: every record).
    public var selection = BatchSelection()

    /// A batch of `template` with `jobs` workers (default: the active processor count).
    public init(renderer: DocumentRenderer, template: TemplateReference, kind: DocumentKind? = nil,
                locale: DocumentLocale? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                baseDirectory: URL? = nil) {
        self.renderer = renderer
        self.template = template
        if case .builtIn(let builtIn) = template { self.kind = builtIn } else { self.kind = kind }
        self.locale = locale
        self.jobs = max(1, jobs)
        self.baseDirectory = baseDirectory
    }

    /// Renders every record of `reader` into `destination`.
    ///
    /// `events` is called for each record in input order, one call at a time, from the
    /// worker threads; keep it short. Throws only when the output folder cannot be created
    /// or another batch is writing into it; everything later is in the summary.
    public func run(_ reader: BatchReader, to destination: BatchDestination,
                    events: @escaping @Sendable (BatchEvent, BatchProgress) -> Void = { _, _ in })
        throws(TalonError) -> BatchSummary
    {
        var lock: FolderLock?
        if let directory = destination.directory {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw .output(path: directory.path, reason: "cannot create the folder: \(error.localizedDescription)")
            }
            // Shards of one input write disjoint records, so each shard locks only against itself.
            let shard = selection.shardCount > 1 ? ".shard-\(selection.shardIndex)-of-\(selection.shardCount)" : ""
            lock = try FolderLock(directory.path, name: ".talon-batch\(shard).lock")
        }
        defer { lock?.release() }
        let scheduler = BatchScheduler(batch: self, destination: destination, events: events)
        return scheduler.run(reader)
    }

    /// The document of one record: its display list, PDF bytes and file name. Writing
    /// happens later, in input order (`BatchScheduler.deliver`).
    func process(_ record: BatchRecord, destination: BatchDestination) -> BatchOutcome {
        let key = selection.key(of: record)
        func failure(_ problem: BatchProblem) -> BatchOutcome {
            .failed(BatchFailure(record: record.number, line: record.line, problem: problem, key: key))
        }
        let value: JSONValue
        switch record.value {
        case .success(let parsed): value = parsed
        case .failure(let error): return failure(.document(.validation(error)))
        }
        let request = RenderRequest(
            template: template, data: Data(value.serializedBytes(pretty: false)), dataName: record.label,
            locale: locale, kind: kind, format: .pdf, baseDirectory: baseDirectory, pdf: pdf)
        let list: DisplayList
        let warnings: [String]
        do {
            (list, warnings) = try renderer.displayListAndWarnings(for: request)
        } catch {
            return failure(.document(error))
        }
        // Name problems are reported only for data that is otherwise valid, so a missing
        // required field is reported by validation at its path.
        var file: (name: String, bytes: [UInt8], sha256: String)?
        if destination.directory != nil {
            switch destination.naming.fileName(for: value, record: record.number) {
            case .success(let name):
                do {
                    let bytes = try renderer.paint(list)
                    file = (name, bytes, AttachedDataReader.sha256(bytes))
                } catch {
                    return failure(.document(error))
                }
            case .failure(let problem):
                return failure(problem)
            }
        }
        return .rendered(RenderedRecord(
            record: record.number, line: record.line, key: key, file: file,
            list: destination.mergedFile == nil ? nil : list, pages: list.pages.count,
            warnings: warnings.map { "\(record.label): \($0)" }))
    }
}

/// A record rendered by a worker, waiting for its turn to be written.
struct RenderedRecord: Sendable {
    var record: Int
    var line: Int?
    var key: String
    var file: (name: String, bytes: [UInt8], sha256: String)?
    var list: DisplayList?
    var pages: Int
    var warnings: [String]
}

/// What a worker made of one record.
enum BatchOutcome: Sendable {
    case rendered(RenderedRecord)
    case failed(BatchFailure)
}
