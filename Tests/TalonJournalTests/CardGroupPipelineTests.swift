import Foundation
import Testing
import TalonPrimitives
import TestSupport
@testable import TalonJournal

/// `issueCards` renders the next group while the group before it commits: the group rendered
/// ahead must carry the numbers it is then given (no card rendered twice with one writer), a
/// group of another sale year is not rendered ahead of its own series, and a group rendered
/// ahead but never committed takes no number.
@Suite struct CardGroupPipelineTests {
    /// The uk sample card sold on `date`.
    static func card(soldOn date: String) throws -> (name: String, data: Data) {
        let data = try CardDraftTests.sample()
        return ("card-\(date).json", try JSONValue.parse(data).setting(.string(date), at: ["sale", "date"]).data)
    }

    @Test func groupsRenderedAheadKeepTheirNumbersAcrossYears() throws {
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
        #expect(journal.cardRendersRepeated == 0, "a group rendered ahead was not given the numbers it was rendered for")
        for number in ["ГТ-2024-000001", "ГТ-2024-000006", "ГТ-2024-000009", "ГТ-2023-000003"] {
            let issued = try #require(try journal.document(number: number))
            #expect(SHA256.hex(try journal.reprint(number: number).bytes) == issued.pdfHash)
        }
    }

    @Test func aGroupRenderedAheadButNotCommittedTakesNoNumber() throws {
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
}
