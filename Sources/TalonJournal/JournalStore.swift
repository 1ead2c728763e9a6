import Foundation
import TalonPrimitives
import Warranty

/// Where the journal keeps its rows: SQLite today (`SQLiteJournalStore`), another database
/// later behind the same interface. A store only stores; `Journal` decides what to store.
/// Every change happens inside `write`, which is one transaction: all of it or nothing.
public protocol JournalStore: AnyObject {
    /// Runs `body` in one write transaction that holds the store's write lock, so numbers
    /// taken inside it are unique and gap-free; an error rolls everything back.
    func write<T>(_ body: (any JournalTransaction) throws(JournalError) -> T) throws(JournalError) -> T
    /// `write`, with `work` run once `body` has returned and while the transaction commits
    /// (with SQLite's synchronous FULL an fsync, which would leave the processor idle). `work`
    /// must not use the store; an error of the commit is thrown after `work` has returned.
    func write<T>(_ body: (any JournalTransaction) throws(JournalError) -> T,
                  whileCommitting work: () -> Void) throws(JournalError) -> T
    /// Runs `body` on a consistent snapshot, without taking the write lock.
    func read<T>(_ body: (any JournalTransaction) throws(JournalError) -> T) throws(JournalError) -> T
}

extension JournalStore {
    /// Commits first, then runs `work`: for stores whose commit cannot run beside it.
    public func write<T>(_ body: (any JournalTransaction) throws(JournalError) -> T,
                         whileCommitting work: () -> Void) throws(JournalError) -> T {
        let result = try write(body)
        work()
        return result
    }
}

/// The rows a journal holds, as the operations `Journal` needs inside a transaction.
public protocol JournalTransaction {
    /// Takes the next number of `series` for `year` and formats it (`RMA-2025-00001`).
    func takeNumber(_ series: NumberSeries, year: Int) throws(JournalError) -> String
    /// The counter `takeNumber` last gave for `series` in `year` (0 before the first).
    /// Inside `write` the series row is locked, so the next `takeNumber` gives this + 1;
    /// inside `read` it is what was committed when the snapshot was taken.
    func lastCounter(_ series: NumberSeries, year: Int) throws(JournalError) -> Int
    /// The format of `series` (kept in the journal's `series_formats`).
    func numberFormat(_ series: NumberSeries) throws(JournalError) -> NumberFormat
    /// Stores a template set under its hash (nothing when already stored).
    func storeTemplateSet(_ set: TemplateSet) throws(JournalError)
    func templateSet(hash: String) throws(JournalError) -> TemplateSet?
    func insertDocument(_ document: IssuedDocument, data: Data) throws(JournalError)
    func document(number: String) throws(JournalError) -> (IssuedDocument, Data)?
    func documents(rma: String) throws(JournalError) -> [IssuedDocument]
    func insertCard(number: String, serial: String, saleDate: CalendarDate) throws(JournalError)
    func insertClaim(rma: String, locale: DocumentLocale, state: ClaimState, received: CalendarDate,
                     data: Data) throws(JournalError)
    func updateClaim(rma: String, state: ClaimState, data: Data) throws(JournalError)
    /// The claim's state, locale and data.
    func claim(rma: String) throws(JournalError) -> (state: ClaimState, locale: DocumentLocale, data: Data)?
    /// Every claim's number and data, oldest first.
    func claims() throws(JournalError) -> [(rma: String, data: Data)]
    func appendEvent(rma: String, _ event: ClaimEvent) throws(JournalError)
    func events(rma: String) throws(JournalError) -> [ClaimEvent]
    /// Stores an attachment's bytes under their SHA-256 (nothing when already stored).
    func storeAttachment(sha256: String, bytes: [UInt8]) throws(JournalError)
    func attachment(sha256: String) throws(JournalError) -> [UInt8]?
    /// Queues a message; a message whose Message-ID is already queued is left as it is.
    func enqueue(_ message: OutboxMessage) throws(JournalError)
    /// Pending messages whose next attempt is due at `now` (seconds since 1970), oldest first.
    func dueMessages(now: Int) throws(JournalError) -> [OutboxMessage]
    func allMessages() throws(JournalError) -> [OutboxMessage]
    /// How many messages of the channel are not sent yet.
    func pendingCount(channel: OutboxMessage.Channel) throws(JournalError) -> Int
    func markSent(id: Int, at time: Int) throws(JournalError)
    func markFailed(id: Int, error: String, nextAttempt: Int) throws(JournalError)
}
