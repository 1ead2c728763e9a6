import Foundation
import TalonDocuments
import TalonPrimitives
import Warranty

/// The claim journal: issues warranty cards and walks claims through their states, each
/// step one transaction of its `JournalStore` that takes the document's number, stores the
/// data and the document's hashes, records the state and queues the customer's notice.
/// Not Sendable (its store holds a connection): one per thread or task.
public final class Journal {
    public let store: any JournalStore
    public let renderer: DocumentRenderer
    /// Largest attachment copied in (bytes).
    public var attachmentLimit = 20 * 1024 * 1024
    /// Template sets of the installed templates, per locale, read once.
    private var templateSets: [DocumentLocale: TemplateSet] = [:]
    /// How this journal guesses the card numbers it renders before taking them.
    var cardGuess = NumberGuess()
    /// Cards rendered for a number that another writer took first, or again inside the lock
    /// (each cost one render, never a number); the journal benchmark reports it.
    public internal(set) var cardRendersRepeated = 0

    public init(store: any JournalStore, renderer: DocumentRenderer) {
        self.store = store
        self.renderer = renderer
    }

    /// Opens the journal at `path`: a `postgres://` URL (the database must exist; its tables
    /// are made or migrated), else the SQLite file (created when missing and `create`).
    public convenience init(path: String, renderer: DocumentRenderer, create: Bool = true) throws(JournalError) {
        let store: any JournalStore = PostgresJournalStore.isURL(path)
            ? try PostgresJournalStore(url: path) : try SQLiteJournalStore(path: path, create: create)
        self.init(store: store, renderer: renderer)
    }

    /// `--journal`, then `$TALON_JOURNAL`, then `./talon.db`.
    public static func defaultPath(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let path = environment["TALON_JOURNAL"], !path.isEmpty { return path }
        return "talon.db"
    }

    func decode(_ data: Data, kind: DocumentKind) throws(JournalError) -> WarrantyDocument {
        do {
            return try renderer.decode(data, kind: kind)
        } catch {
            throw .document(error)
        }
    }

    func parse(_ data: Data) throws(JournalError) -> JSONValue {
        do {
            return try JSONValue.parse(data)
        } catch {
            throw .document(.validation(error))
        }
    }

    func templateSet(for locale: DocumentLocale) throws(JournalError) -> TemplateSet {
        if let cached = templateSets[locale] { return cached }
        let set = try TemplateSet.read(templates: renderer.resources.templates, locale: locale.rawValue)
        templateSets[locale] = set
        return set
    }

    /// Renders the PDF of `kind` from `data` and records it as document `number` in `transaction`.
    func issue(_ kind: DocumentKind, number: String, rma: String?, data: Data, date: CalendarDate,
               locale: DocumentLocale, in transaction: any JournalTransaction) throws(JournalError) -> IssuedPDF {
        try record(kind, number: number, rma: rma, data: data, date: date, locale: locale,
                   rendered: try render(kind, data: data, renderer: renderer, in: transaction), in: transaction)
    }

    /// Records a PDF rendered from `data` as document `number` in `transaction`.
    func record(_ kind: DocumentKind, number: String, rma: String?, data: Data, date: CalendarDate,
                locale: DocumentLocale, rendered: RenderedDocument,
                in transaction: any JournalTransaction) throws(JournalError) -> IssuedPDF {
        let set = try templateSet(for: locale)
        let document = IssuedDocument(number: number, kind: kind, locale: locale, rma: rma, date: date,
                                      templateHash: set.hash, dataHash: SHA256.hex(data),
                                      pdfHash: SHA256.hex(rendered.bytes), pageCount: rendered.pageCount)
        try transaction.storeTemplateSet(set)
        try transaction.insertDocument(document, data: data)
        return IssuedPDF(document: document, bytes: rendered.bytes)
    }

    /// Renders with the claim's stored attachments on disk for the moment of rendering;
    /// `decoded` is `data` already decoded (see `RenderRequest.decoded`).
    func render(_ kind: DocumentKind, data: Data, decoded: WarrantyDocument? = nil, format: OutputFormat = .pdf,
                renderer: DocumentRenderer, in transaction: (any JournalTransaction)?) throws(JournalError) -> RenderedDocument {
        func rendered(base: URL?) throws(JournalError) -> RenderedDocument {
            var request = RenderRequest(template: .builtIn(kind), data: data, dataName: "$", format: format, baseDirectory: base)
            request.decoded = decoded
            return try Self.documentStep { () throws(TalonError) in try renderer.render(request) }
        }
        // A warranty card has no attachments (its schema has no claim): no need to look for them.
        guard kind != .warrantyCard else { return try rendered(base: nil) }
        return try withAttachments(of: data, in: transaction, rendered)
    }

    /// Runs a rendering step, its error becoming `JournalError.document`.
    static func documentStep<T>(_ body: () throws(TalonError) -> T) throws(JournalError) -> T {
        do {
            return try body()
        } catch {
            throw .document(error)
        }
    }

    // MARK: Documents

    /// The document issued under `number`, if any.
    public func document(number: String) throws(JournalError) -> IssuedDocument? {
        try store.read { (transaction) throws(JournalError) in try transaction.document(number: number)?.0 }
    }
}
