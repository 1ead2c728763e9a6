import Foundation
import Testing
import TalonDocuments
import TalonPrimitives
import TestSupport
import Warranty
@testable import TalonJournal

/// Issuing a card writes its number into JSON serialized once and hands the renderer the
/// card it validated: the stored data must be what serializing the numbered JSON gives, and
/// the PDF what rendering that data gives (a reprint renders it and checks the SHA-256),
/// also where the short cuts do not apply.
@Suite struct CardDraftTests {
    static func journal(in folder: URL) throws -> (Journal, SQLiteJournalStore) {
        let store = try SQLiteJournalStore(path: folder.appendingPathComponent("talon.db").path)
        return (Journal(store: store, renderer: try JournalConcurrencyTests.renderer()), store)
    }

    static func sample(productName: String? = nil) throws -> Data {
        let data = try Data(contentsOf: URL(fileURLWithPath: JournalConcurrencyTests.card))
        guard let productName else { return data }
        return try JSONValue.parse(data).setting(.string(productName), at: ["product", "name"]).data
    }

    /// The card's data as the journal stores it, made the slow way.
    static func numbered(_ data: Data, _ number: String) throws -> Data {
        try JSONValue.parse(data).setting(.string(number), at: ["card", "number"]).data
    }

    static func expectIssued(_ issued: IssuedPDF, from data: Data, journal: Journal) throws {
        let number = issued.document.number
        #expect(issued.document.dataHash == SHA256.hex(try Self.numbered(data, number)))
        #expect(try journal.reprint(number: number).bytes == issued.bytes)
        let pdf = try TestSupport.temporaryDirectory().appendingPathComponent("card.pdf")
        try Data(issued.bytes).write(to: pdf)
        #expect(try PDFTools.text(pdf.path).contains(number))
    }

    @Test func theNumberGoesWhereTheSerializationPutsIt() throws {
        let (journal, _) = try Self.journal(in: try TestSupport.temporaryDirectory())
        let data = try Self.sample()
        let issued = try journal.issueCard(data)
        #expect(issued.document.number == "ГТ-2024-000001")
        try Self.expectIssued(issued, from: data, journal: journal)
    }

    @Test func dataHoldingThePlaceholderElsewhereIsSerializedWhole() throws {
        let (journal, _) = try Self.journal(in: try TestSupport.temporaryDirectory())
        let data = try Self.sample(productName: "ГТ-0000-000000")
        let issued = try journal.issueCard(data)
        try Self.expectIssued(issued, from: data, journal: journal)
    }

    @Test func aNumberWithSpacesIsDecodedWithTheData() throws {
        let (journal, store) = try Self.journal(in: try TestSupport.temporaryDirectory())
        _ = try store.rows("UPDATE series_formats SET format = ? WHERE series = 'card'", [.text("Card {yyyy} {0000}")])
        let data = try Self.sample()
        let issued = try journal.issueCard(data)
        #expect(issued.document.number == "Card 2024 0001")
        try Self.expectIssued(issued, from: data, journal: journal)
    }
}
