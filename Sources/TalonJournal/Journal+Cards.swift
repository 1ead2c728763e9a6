import Foundation
import TalonDocuments
import Warranty

/// Issuing a card renders it before taking the write lock: the PDF is made for the number
/// the journal is expected to give, and the write transaction takes the number only when it
/// is still that one (the series row locked, the number taken and the document recorded in
/// the same transaction, as for every document). When another writer took the number in
/// the meantime the card is rendered again for a new guess; after `speculativeRenders`
/// misses it is rendered inside the lock, which always succeeds. So writers hold the lock
/// only to commit, and several processes render at once.
extension Journal {
    /// Renders made for guessed numbers before one is made inside the write lock.
    static let speculativeRenders = 6
    /// How long a card rendered for a number still ahead waits for the writers before it
    /// (seconds), and how often it looks (seconds).
    static let earlyWait = 0.05, earlyPoll = 0.0005

    /// Numbers, stores and renders a warranty card. `data` is the card's JSON; its
    /// `card.number` is set from the card series of the sale's year.
    public func issueCard(_ data: Data) throws(JournalError) -> IssuedPDF {
        let placeholder = try parse(data).setting(.string("ГТ-0000-000000"), at: ["card", "number"])
        guard case .warrantyCard(let draft) = try decode(placeholder.data, kind: .warrantyCard) else {
            throw .store("not a warranty card")
        }
        let year = draft.saleDate.year
        func numbered(_ number: String) -> Data { placeholder.setting(.string(number), at: ["card", "number"]).data }
        func record(_ number: String, _ rendered: RenderedDocument, _ transaction: any JournalTransaction)
            throws(JournalError) -> IssuedPDF {
            let issued = try self.record(.warrantyCard, number: number, rma: nil, data: numbered(number),
                                         date: draft.documentDate, locale: draft.locale, rendered: rendered, in: transaction)
            try transaction.insertCard(number: number, serial: draft.product.serial, saleDate: draft.saleDate)
            return issued
        }

        var (format, committed) = try store.read { (transaction) throws(JournalError) in
            (try transaction.numberFormat(.card), try transaction.lastCounter(.card, year: year))
        }
        for _ in 0..<Self.speculativeRenders {
            let counter = cardGuess.counter(committed: committed)
            let number = try format.number(of: .card, counter: counter, year: year)
            let rendered = try render(.warrantyCard, data: numbered(number), renderer: renderer, in: nil)
            let waitUntil = DispatchTime.now().uptimeNanoseconds + UInt64(Self.earlyWait * 1e9)
            while true {
                let outcome = try store.write { (transaction) throws(JournalError) -> SpeculativeOutcome in
                    let last = try transaction.lastCounter(.card, year: year)
                    format = try transaction.numberFormat(.card)
                    guard last + 1 == counter, try format.number(of: .card, counter: counter, year: year) == number else {
                        return .stale(last: last)
                    }
                    guard try transaction.takeNumber(.card, year: year) == number else {
                        throw .store("the card series moved inside a write transaction")
                    }
                    return .issued(try record(number, rendered, transaction))
                }
                switch outcome {
                case .issued(let issued):
                    cardGuess.took(counter)
                    return issued
                case .stale(let last):
                    committed = last
                }
                if committed + 1 > counter {
                    cardRendersRepeated += 1
                    cardGuess.wasOvertaken()
                    break
                }
                // Rendered ahead of the writers before it: the number comes up when they commit
                // (watched without the write lock); a writer that stopped is waited for only briefly.
                while committed + 1 < counter, DispatchTime.now().uptimeNanoseconds < waitUntil {
                    Thread.sleep(forTimeInterval: Self.earlyPoll)
                    committed = try store.read { (transaction) throws(JournalError) in try transaction.lastCounter(.card, year: year) }
                }
                if committed + 1 < counter {
                    cardRendersRepeated += 1
                    cardGuess.waitedInVain()
                    break
                }
            }
        }
        return try store.write { (transaction) throws(JournalError) -> IssuedPDF in
            let number = try transaction.takeNumber(.card, year: year)
            cardGuess.took(try transaction.lastCounter(.card, year: year))
            return try record(number, try render(.warrantyCard, data: numbered(number), renderer: renderer, in: transaction),
                              transaction)
        }
    }
}

/// What a write transaction did with a card rendered for a guessed number.
private enum SpeculativeOutcome {
    case issued(IssuedPDF)
    /// The guess no longer fits: `last` is the counter taken last.
    case stale(last: Int)
}

/// Guesses the counter a writer will get, learning how many writers take turns: a writer
/// that was overtaken expects one more writer beside it (up to 8); one that waited in vain
/// for a number ahead expects one fewer. With `stride` writers taking turns, a writer's
/// next number is its last one plus `stride`, whatever the others have committed so far.
/// A wrong guess costs a render, never a number: the write transaction checks it.
struct NumberGuess {
    private(set) var stride = 1
    private var lastTaken: Int?

    /// The counter to render for, given the last committed one.
    func counter(committed: Int) -> Int {
        // Without a number of its own yet, a writer leaves the next ones to those before it.
        let ahead = (lastTaken ?? committed) + stride
        // A guess behind the journal, or far ahead of it (the other writers stopped), starts again.
        return ahead > committed && ahead <= committed + stride ? ahead : committed + 1
    }

    mutating func took(_ counter: Int) { lastTaken = counter }

    mutating func wasOvertaken() { stride = min(stride + 1, 8) }

    mutating func waitedInVain() {
        stride = max(stride - 1, 1)
        lastTaken = nil
    }
}
