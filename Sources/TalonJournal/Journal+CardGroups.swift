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
    /// The numbers were not the ones rendered for; `last` is the counter taken last,
    /// `format` the series format read with it.
    case missed(Miss, last: Int, format: NumberFormat)

    enum Miss {
        /// Another writer took them.
        case overtaken
        /// The writers before did not take the numbers before them in time.
        case waitedInVain
        /// The series format changed (a journal imported meanwhile).
        case formatChanged
    }
}

extension Journal {
    /// Issues cards of one sale year in one write transaction (see `Journal+Cards.swift`).
    /// While the transaction commits, the `next` group (when of the same year) is rendered for
    /// the numbers after these and returned, to be passed back as `renderedAhead` with it.
    func issue(_ drafts: [CardDraft], renderedAhead: RenderedGroup? = nil, next: [CardDraft]? = nil,
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
            var ahead: RenderedGroup?
            let outcome = try commit(drafts, group, year: year, last: last, format: format, overlapped: following != nil) {
                // The numbers are taken: the next group is rendered for those this writer would
                // guess after them once committed.
                guard let following else { return }
                var guess = cardGuess
                let ours = group.first + drafts.count - 1
                guess.took(ours)
                // A render that fails is not lost: the next group is rendered again, and fails then.
                ahead = try? render(following, first: guess.counter(committed: ours, size: following.count),
                                    format: format, year: year)
            }
            switch outcome {
            case .issued(let issued):
                cardGuess.took(group.first + drafts.count - 1)
                try committed(issued)
                return ahead
            case .missed(let miss, let taken, let newFormat):
                (last, format) = (taken, newFormat)
                cardRendersRepeated += drafts.count
                switch miss {
                case .overtaken: cardGuess.wasOvertaken()
                case .waitedInVain: cardGuess.waitedInVain()
                case .formatChanged: break
                }
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

    /// Records `group` when the journal's next numbers are the ones it was rendered for. The
    /// write lock is taken only when a read shows the numbers before them taken: a group rendered
    /// ahead of the writers before it waits for them without the lock (which would keep the
    /// writer whose turn it is waiting) while they move, until none has committed for its
    /// patience; a writer that stopped is so given up after about the time of one group.
    /// When `overlapped`, `whileCommitting` runs, once the numbers are taken, while the
    /// transaction commits (on another thread: not worth it without work to overlap).
    private func commit(_ drafts: [CardDraft], _ group: RenderedGroup, year: Int, last: Int, format: NumberFormat,
                        overlapped: Bool, whileCommitting: () -> Void) throws(JournalError) -> GroupOutcome {
        var last = last, format = format
        var waitUntil = DispatchTime.now().uptimeNanoseconds + group.patience
        while true {
            while last + 1 < group.first, DispatchTime.now().uptimeNanoseconds < waitUntil {
                Thread.sleep(forTimeInterval: Self.earlyPoll)
                let seen = try store.read { (transaction) throws(JournalError) in try transaction.lastCounter(.card, year: year) }
                if seen > last { waitUntil = DispatchTime.now().uptimeNanoseconds + group.patience }  // they move: keep waiting
                last = seen
            }
            if last + 1 != group.first {
                return .missed(last + 1 > group.first ? .overtaken : .waitedInVain, last: last, format: format)
            }
            var taken = false
            func take(in transaction: any JournalTransaction) throws(JournalError) -> [IssuedPDF]? {
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
                taken = true
                return issued
            }
            let issued = if overlapped {
                try store.write(take, whileCommitting: { if taken { whileCommitting() } })
            } else {
                try store.write(take)
            }
            if let issued { return .issued(issued) }
            if last + 1 == group.first { return .missed(.formatChanged, last: last, format: format) }
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
