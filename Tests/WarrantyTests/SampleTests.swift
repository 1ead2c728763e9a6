import Foundation
import Testing
@testable import Warranty

/// Every file in `Samples/` must decode without problems.
@Suite struct SampleTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples")

    @Test(arguments: ["warranty-card.en.json", "warranty-card.uk.json"])
    func warrantyCardSampleDecodes(_ name: String) throws {
        let data = try Data(contentsOf: SampleTests.samples.appendingPathComponent(name))
        let card = try WarrantyCard.decode(json: data)
        #expect(card.locale.rawValue == name.split(separator: ".")[1])
    }

    @Test func batchOfCardsDecodes() throws {
        let text = try String(contentsOf: SampleTests.samples.appendingPathComponent("batch/cards.jsonl"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 20)
        let cards = try lines.map { line throws(ValidationError) in try WarrantyCard.decode(json: Data(line.utf8)) }
        #expect(Set(cards.map(\.locale)) == [.en, .uk])
        #expect(Set(cards.map(\.number)).count == 20)
    }
}
