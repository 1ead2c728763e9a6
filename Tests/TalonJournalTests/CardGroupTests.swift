import Foundation
import Testing
import TalonPrimitives
import TestSupport
@testable import TalonJournal

/// `issueCards` in one process: groups split at a change of sale year, each year's series
/// counts on across groups, one writer renders each card once (its guessed numbers are the ones
/// it is given), a group after a failing `committed` takes no number, and cards rendered with a
/// series format that changed before they were recorded are rendered again.
@Suite struct CardGroupTests {
    /// The uk sample card sold on `date`.
    static func card(soldOn date: String) throws -> (name: String, data: Data) {
        let data = try CardDraftTests.sample()
        return ("card-\(date).json", try JSONValue.parse(data).setting(.string(date), at: ["sale", "date"]).data)
    }

    @Test func groupsFollowEachYearsSeries() throws {
        let (journal, _) = try CardDraftTests.journal(in: try TestSupport.temporaryDirectory())
        let years = Array(repeating: "2024-02-29", count: 5) + Array(repeating: "2023-06-01", count: 3)
            + Array(repeating: "2024-03-01", count: 4)
        var groups: [[String]] = []
        try journal.issueCards(try years.map(Self.card), groupSize: 4) { (group) throws(JournalError) in
            groups.append(group.map(\.document.number))
        }
        #expect(groups == [(1...4).map { String(format: "ГТ-2024-%06d", $0) }, ["ГТ-2024-000005"],
                           (1...3).map { String(format: "ГТ-2023-%06d", $0) },
                           (6...9).map { String(format: "ГТ-2024-%06d", $0) }])
        #expect(journal.cardRendersRepeated == 0, "a card was rendered for numbers it was not given")
        for number in ["ГТ-2024-000001", "ГТ-2024-000006", "ГТ-2024-000009", "ГТ-2023-000003"] {
            let issued = try #require(try journal.document(number: number))
            #expect(SHA256.hex(try journal.reprint(number: number).bytes) == issued.pdfHash)
        }
    }

    @Test func groupsAfterAFailingCommittedTakeNoNumber() throws {
        let (journal, _) = try CardDraftTests.journal(in: try TestSupport.temporaryDirectory())
        let cards = try Array(repeating: Self.card(soldOn: "2024-02-29"), count: 8)
        var calls = 0
        #expect(throws: JournalError.self) {
            try journal.issueCards(cards, groupSize: 4) { (_) throws(JournalError) in
                calls += 1
                throw .store("the output folder is full")
            }
        }
        #expect(calls == 1)
        #expect(try JournalConcurrencyTests.issuedCount(journal) == 4)
        let next = try journal.issueCard(try CardDraftTests.sample())
        #expect(next.document.number == "ГТ-2024-000005")
    }

    @Test(.timeLimit(.minutes(1))) func aFormatChangedAfterTheRenderIsFollowed() throws {
        let (_, store) = try CardDraftTests.journal(in: try TestSupport.temporaryDirectory())
        let journal = Journal(store: FormatChangingStore(store), renderer: try JournalConcurrencyTests.renderer())
        var numbers: [String] = []
        try journal.issueCards(try Array(repeating: Self.card(soldOn: "2024-02-29"), count: 2)) { (group) throws(JournalError) in
            numbers += group.map(\.document.number)
        }
        #expect(numbers == ["GT-2024-0001", "GT-2024-0002"])
        #expect(journal.cardRendersRepeated == 2, "rendered once with the old format, once with the new")
        #expect(try journal.document(number: "GT-2024-0002") != nil)
    }
}

/// A store whose card series format changes (as a `journal import` in another process would
/// change it) just before its first write transaction.
private final class FormatChangingStore: JournalStore {
    let inner: SQLiteJournalStore
    var changed = false

    init(_ inner: SQLiteJournalStore) { self.inner = inner }

    func write<T>(_ body: (any JournalTransaction) throws(JournalError) -> T) throws(JournalError) -> T {
        if !changed {
            changed = true
            try inner.connection.execute("UPDATE series_formats SET format = 'GT-{yyyy}-{0000}' WHERE series = 'card'")
        }
        return try inner.write(body)
    }

    func read<T>(_ body: (any JournalTransaction) throws(JournalError) -> T) throws(JournalError) -> T {
        try inner.read(body)
    }
}
