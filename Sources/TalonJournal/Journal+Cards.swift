import Foundation
import TalonDocuments
import TalonPrimitives
import Warranty

/// Issuing cards renders them before taking the write lock: the PDFs are made for the
/// numbers the journal is expected to give, and the write transaction takes the numbers only
/// when they are still those (the series row locked, each number taken and its card recorded
/// in the same transaction, as for every document). When another writer took the numbers in
/// the meantime the cards are rendered again for a new guess; after `speculativeRenders`
/// misses they are rendered inside the lock, which always succeeds. So writers hold the lock
/// only to commit, and several processes render at once.
///
/// Cards issued together (`issueCards`) share commits: up to `cardGroupSize` cards of one
/// sale year are numbered and recorded in one transaction, so a commit's cost (an fsync with
/// synchronous FULL) is paid once per group. A crash loses the group not yet committed and
/// no number: the numbers are taken in the transaction that records the cards.
extension Journal {
    /// Renders made for guessed numbers before a group is rendered inside the write lock.
    static let speculativeRenders = 6
    /// A group rendered for numbers still ahead waits for the writers before it while they
    /// move: until none of them has committed for `earlyPatience` times the time this writer
    /// took to render the group (at least `earlyMinimum` seconds), looking every `earlyPoll`
    /// seconds. A writer that stopped (finished, killed) is so given up after about the time of
    /// one group, not a fixed wait per card.
    static let earlyPatience = 2.0, earlyMinimum = 0.01, earlyPoll = 0.0005
    /// Cards recorded in one write transaction by `issueCards`.
    public static let cardGroupSize = 16

    /// Numbers, stores and renders a warranty card. `data` is the card's JSON; its
    /// `card.number` is set from the card series of the sale's year.
    public func issueCard(_ data: Data) throws(JournalError) -> IssuedPDF {
        var issued: [IssuedPDF] = []
        try issue([try draft(data)]) { (group) throws(JournalError) in issued += group }
        guard let card = issued.first else { throw .store("no card was issued") }
        return card
    }

    /// Numbers, stores and renders several warranty cards, in their order, `groupSize` cards
    /// (of one sale year) per write transaction. Every card is checked before the first is
    /// issued: an invalid one stops everything with its `name`. `committed` receives each
    /// group once its transaction has committed (write the PDFs there); an error it throws
    /// stops the cards after that group, the ones committed stay issued.
    public func issueCards(_ cards: [(name: String, data: Data)], groupSize: Int = cardGroupSize,
                           committed: ([IssuedPDF]) throws(JournalError) -> Void) throws(JournalError) {
        var drafts: [CardDraft] = []
        for card in cards {
            do {
                drafts.append(try draft(card.data))
            } catch {
                throw .input(path: card.name, reason: "\(error)")
            }
        }
        var start = 0
        while start < drafts.count {
            var end = start + 1
            while end < drafts.count, end - start < max(1, groupSize), drafts[end].year == drafts[start].year { end += 1 }
            try issue(Array(drafts[start..<end]), committed: committed)
            start = end
        }
    }

    /// A card's JSON with a placeholder number, and what its record needs.
    private func draft(_ data: Data) throws(JournalError) -> CardDraft {
        let placeholder = try parse(data).setting(.string(CardDraft.placeholder), at: ["card", "number"])
        let card: WarrantyCard
        do {
            card = try WarrantyCard.decode(placeholder)  // the parsed value: no second parse of its bytes
        } catch {
            throw .document(.validation(error))
        }
        return CardDraft(json: placeholder, data: placeholder.data, card: card)
    }
}

/// A card to issue: its JSON with a placeholder number, and the card read from it.
/// Its compact JSON is made once: the bytes before and after the placeholder, between which
/// each number goes (a JSON string is written the same wherever it stands).
struct CardDraft {
    static let placeholder = "ГТ-0000-000000"
    var json: JSONValue
    var card: WarrantyCard
    var year: Int { card.saleDate.year }
    /// The compact JSON around the number; nil when the placeholder occurs elsewhere too.
    private let around: (prefix: [UInt8], suffix: [UInt8])?

    /// `data` is `json` serialized (compact).
    init(json: JSONValue, data: Data, card: WarrantyCard) {
        self.json = json
        self.card = card
        around = Self.split(Array(data), at: JSONValue.string(Self.placeholder).serializedBytes(pretty: false))
    }

    /// The card's JSON with its number: the bytes `json.setting(number)` serializes to.
    func numbered(_ number: String) -> Data {
        guard let around else { return json.setting(.string(number), at: ["card", "number"]).data }
        var bytes = around.prefix
        bytes += JSONValue.string(number).serializedBytes(pretty: false)
        bytes += around.suffix
        return Data(bytes)
    }

    /// The card as decoding `numbered(number)` reads it, for a number of letters, digits
    /// and `- / . _` (60 at most), which validation keeps as it is; nil for any other number
    /// (a series format with spaces, say), which is then decoded with the data.
    func card(numbered number: String) -> WarrantyCard? {
        guard number.unicodeScalars.count <= 60, number.unicodeScalars.allSatisfy({ scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-/._".unicodeScalars.contains(scalar)
        }) else { return nil }
        var card = card
        card.number = number
        return card
    }

    /// The bytes before and after the only occurrence of `marker`; nil unless there is exactly one.
    static func split(_ bytes: [UInt8], at marker: [UInt8]) -> (prefix: [UInt8], suffix: [UInt8])? {
        guard !marker.isEmpty, bytes.count >= marker.count else { return nil }
        var found: Int?
        for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0]
            && bytes[start..<start + marker.count].elementsEqual(marker) {
            guard found == nil else { return nil }
            found = start
        }
        guard let found else { return nil }
        return (Array(bytes[..<found]), Array(bytes[(found + marker.count)...]))
    }
}

/// Guesses the counters a writer will get, learning how many writers take turns: a writer
/// that was overtaken expects one more writer beside it (up to 8); one that waited in vain
/// for a number ahead expects one fewer. With `stride` writers taking turns with groups of
/// `size` cards, a writer's next group starts after its last number and the groups of the
/// `stride - 1` others, whatever they have committed so far. A wrong guess costs renders,
/// never a number: the write transaction checks it.
struct NumberGuess {
    private(set) var stride = 1
    private var lastTaken: Int?

    /// The first counter to render a group of `size` cards for, given the last committed one.
    func counter(committed: Int, size: Int = 1) -> Int {
        let others = (stride - 1) * max(1, size)
        // Without a number of its own yet, a writer leaves the next ones to those before it.
        let ahead = (lastTaken ?? committed) + others + 1
        // A guess behind the journal, or far ahead of it (the other writers stopped), starts again.
        return ahead > committed && ahead <= committed + others + 1 ? ahead : committed + 1
    }

    mutating func took(_ counter: Int) { lastTaken = counter }

    mutating func wasOvertaken() { stride = min(stride + 1, 8) }

    mutating func waitedInVain() {
        stride = max(stride - 1, 1)
        lastTaken = nil
    }
}
