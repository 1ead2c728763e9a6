import Foundation
import TalonDocuments
import Warranty

/// One group of cards rendered for the numbers from `first` on, not yet recorded.
struct RenderedGroup {
    var first: Int
    var numbers: [String]
    var datas: [Data]
    var rendered: [RenderedDocument]
    /// How long the renders took: how long the group waits for the writers before it.
    var patience: UInt64
}

/// What became of a group's write transactions.
private enum GroupOutcome {
    case issued([IssuedPDF])
    /// The numbers went to another writer (`overtaken`) or did not come up in time;
    /// `last` is the counter taken last, `format` the series format read with it.
    case missed(last: Int, format: NumberFormat, overtaken: Bool)
}

extension Journal {
    /// Issues cards of one sale year in one write transaction (see `Journal+Cards.swift`).
    /// While the transaction waits for its numbers and commits, the `next` group (when of the
    /// same year) is rendered for the numbers after these and returned, to be passed back as
    /// `renderedAhead` with it; nil when this group's numbers were not the ones guessed.
    func issue(_ drafts: [CardDraft], renderedAhead: RenderedGroup?, next: [CardDraft]?,
               committed: ([IssuedPDF]) throws(JournalError) -> Void) throws(JournalError) -> RenderedGroup? {
        guard let year = drafts.first?.year else { return nil }
        var (format, last) = try store.read { (transaction) throws(JournalError) in
            (try transaction.numberFormat(.card), try transaction.lastCounter(.card, year: year))
        }
        let following = next.flatMap { $0.first?.year == year ? $0 : nil }
        var ready = renderedAhead
        for _ in 0..<Self.speculativeRenders {
            let group: RenderedGroup
            if let ready { group = ready } else {
                group = try render(drafts, first: cardGuess.counter(committed: last, size: drafts.count), format: format, year: year)
            }
            ready = nil
            let outcome: GroupOutcome, ahead: RenderedGroup?
            if let following {
                // The commit runs on another thread; this one renders the next group meanwhile and
                // touches neither the store nor the journal's state until the commit is back.
                let commit = BackgroundCall { () throws(JournalError) in
                    try self.commit(drafts, group, year: year, last: last, format: format)
                }
                var guess = cardGuess
                let ours = group.first + drafts.count - 1
                guess.took(ours)
                // A render that fails is not lost: the next group is rendered again, and fails then.
                ahead = try? render(following, first: guess.counter(committed: ours, size: following.count),
                                    format: format, year: year)
                outcome = try commit.wait()
            } else {
                outcome = try commit(drafts, group, year: year, last: last, format: format)
                ahead = nil
            }
            switch outcome {
            case .issued(let issued):
                cardGuess.took(group.first + drafts.count - 1)
                try committed(issued)
                return ahead
            case .missed(let taken, let newFormat, let overtaken):
                (last, format) = (taken, newFormat)
                cardRendersRepeated += drafts.count + (ahead?.rendered.count ?? 0)
                if overtaken { cardGuess.wasOvertaken() } else { cardGuess.waitedInVain() }
            }
        }
        let issued = try store.write { (transaction) throws(JournalError) -> [IssuedPDF] in
            var issued: [IssuedPDF] = []
            for draft in drafts {
                let number = try transaction.takeNumber(.card, year: year)
                let data = draft.numbered(number)
                issued.append(try record(draft, number, data, try render(draft, data, number, in: transaction), transaction))
            }
            cardGuess.took(try transaction.lastCounter(.card, year: year))
            return issued
        }
        try committed(issued)
        return nil
    }

    /// The cards rendered for the numbers from `first` on (nothing is written).
    private func render(_ drafts: [CardDraft], first: Int, format: NumberFormat, year: Int) throws(JournalError) -> RenderedGroup {
        let start = DispatchTime.now().uptimeNanoseconds
        var group = RenderedGroup(first: first, numbers: [], datas: [], rendered: [], patience: 0)
        for (offset, draft) in drafts.enumerated() {
            let number = try format.number(of: .card, counter: first + offset, year: year)
            let data = draft.numbered(number)
            group.numbers.append(number)
            group.datas.append(data)
            group.rendered.append(try render(draft, data, number, in: nil))
        }
        let took = DispatchTime.now().uptimeNanoseconds - start
        group.patience = max(UInt64(Self.earlyMinimum * 1e9), UInt64(Self.earlyPatience * Double(took)))
        return group
    }

    /// Records `group` when the journal's next numbers are the ones it was rendered for. A
    /// group rendered ahead of the writers before it waits for them while they move: until
    /// none has committed for its patience, watching without the write lock; a writer that
    /// stopped is so given up after about the time of one group.
    private func commit(_ drafts: [CardDraft], _ group: RenderedGroup, year: Int, last: Int,
                        format: NumberFormat) throws(JournalError) -> GroupOutcome {
        var last = last, format = format
        var waitUntil = DispatchTime.now().uptimeNanoseconds + group.patience
        while true {
            let issued = try store.write { (transaction) throws(JournalError) -> [IssuedPDF]? in
                last = try transaction.lastCounter(.card, year: year)
                format = try transaction.numberFormat(.card)
                guard last + 1 == group.first else { return nil }
                for (offset, number) in group.numbers.enumerated()
                where try format.number(of: .card, counter: group.first + offset, year: year) != number {
                    return nil
                }
                var issued: [IssuedPDF] = []
                for (index, draft) in drafts.enumerated() {
                    guard try transaction.takeNumber(.card, year: year) == group.numbers[index] else {
                        throw .store("the card series moved inside a write transaction")
                    }
                    issued.append(try record(draft, group.numbers[index], group.datas[index], group.rendered[index],
                                             transaction))
                }
                return issued
            }
            if let issued { return .issued(issued) }
            if last + 1 > group.first { return .missed(last: last, format: format, overtaken: true) }
            while last + 1 < group.first, DispatchTime.now().uptimeNanoseconds < waitUntil {
                Thread.sleep(forTimeInterval: Self.earlyPoll)
                let seen = try store.read { (transaction) throws(JournalError) in try transaction.lastCounter(.card, year: year) }
                if seen > last { waitUntil = DispatchTime.now().uptimeNanoseconds + group.patience }  // they move: keep waiting
                last = seen
            }
            if last + 1 < group.first { return .missed(last: last, format: format, overtaken: false) }
        }
    }

    /// A card rendered for `number`, its data `data` (`draft` numbered).
    private func render(_ draft: CardDraft, _ data: Data, _ number: String,
                        in transaction: (any JournalTransaction)?) throws(JournalError) -> RenderedDocument {
        try render(.warrantyCard, data: data, decoded: draft.card(numbered: number).map(WarrantyDocument.warrantyCard),
                   renderer: renderer, in: transaction)
    }

    private func record(_ draft: CardDraft, _ number: String, _ data: Data, _ rendered: RenderedDocument,
                        _ transaction: any JournalTransaction) throws(JournalError) -> IssuedPDF {
        let issued = try record(.warrantyCard, number: number, rma: nil, data: data, date: draft.card.documentDate,
                                locale: draft.card.locale, rendered: rendered, in: transaction)
        try transaction.insertCard(number: number, serial: draft.card.product.serial, saleDate: draft.card.saleDate)
        return issued
    }
}

/// A call run on another thread while the caller goes on; `wait()` gives its result. The
/// caller must not touch what the body uses until `wait()` has returned.
///
/// `@unchecked Sendable`: `result` is written by the other thread before it signals
/// `finished` and read only after `wait()` has seen that signal.
private final class BackgroundCall<Value>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var result: Result<Value, JournalError> = .failure(.store("a background commit did not finish"))

    init(_ body: @escaping () throws(JournalError) -> Value) {
        nonisolated(unsafe) let body = body
        DispatchQueue.global().async { [self] in
            result = Result { () throws(JournalError) -> Value in try body() }
            finished.signal()
        }
    }

    func wait() throws(JournalError) -> Value {
        finished.wait()
        return try result.get()
    }
}
