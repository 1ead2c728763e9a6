import Foundation
import Testing
@testable import Warranty
import TalonPrimitives

/// Every file in `Samples/` must decode without problems.
@Suite struct SampleTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = root.appendingPathComponent("Samples")

    static func calendars() throws -> [BusinessCalendar] {
        try ["ua.json", "ua-peacetime.json", "pl.json"].map {
            try BusinessCalendar.decode(json: Data(contentsOf: root.appendingPathComponent("Templates/calendars/\($0)")))
        }
    }

    static func load(_ name: String) throws -> WarrantyDocument {
        let kind = try #require(DocumentKind.allCases.first { name.hasPrefix($0.rawValue + ".") })
        let data = try Data(contentsOf: samples.appendingPathComponent(name))
        return try kind.decode(json: data, calendars: calendars())
    }

    static let names = DocumentKind.allCases.flatMap { kind in ["en", "uk"].map { "\(kind.rawValue).\($0).json" } }

    @Test(arguments: names)
    func sampleDecodes(_ name: String) throws {
        let document = try SampleTests.load(name)
        #expect(document.locale.rawValue == name.split(separator: ".")[1])
        #expect(name.hasPrefix(document.kind.rawValue + "."))
    }

    @Test func ukrainianSamplesUseUkrainianLetters() throws {
        for name in SampleTests.names where name.contains(".uk.") {
            let text = try String(contentsOf: SampleTests.samples.appendingPathComponent(name), encoding: .utf8)
            for letter in ["ї", "Ї", "є", "ґ"] { #expect(text.contains(letter), "\(name) lacks \(letter)") }
        }
    }

    @Test func repairRecordSampleStory() throws {
        guard case .service(let document) = try SampleTests.load("repair-record.uk.json") else { Issue.record(); return }
        let claim = document.claim
        #expect(claim.state == .returned)
        #expect(claim.coverage == .covered)
        #expect(claim.diagnosisDue == (try CalendarDate(iso: "2025-03-12")))
        #expect(claim.warrantyEndBefore == (try CalendarDate(iso: "2027-03-09")))   // 2027-02-28 + 9 days
        #expect(claim.warrantyEndAfter == (try CalendarDate(iso: "2027-03-27")))    // + 18 days (7–24 March)
        #expect(claim.repairDue == (try CalendarDate(iso: "2025-04-02")))
        #expect(!claim.isRepairLate)
        #expect(claim.invoice?.totals.toPay.isZero == true)
        #expect(claim.invoice?.totals.gross.minorUnits == 261_600)
        #expect(document.documentDate == (try CalendarDate(iso: "2025-03-24")))
    }

    @Test func englishInvoiceSampleIsNotCovered() throws {
        guard case .service(let document) = try SampleTests.load("invoice.en.json") else { Issue.record(); return }
        let claim = document.claim
        #expect(claim.coverage == .notCovered([.clauses([4, 8].compactMap(ExclusionClause.numbered))]))
        let invoice = try #require(claim.invoice)
        #expect(invoice.currency == .eur)
        #expect(invoice.lines[3].amount.minorUnits == 101)   // 3 × 0.335
        #expect(invoice.lines[1].net.minorUnits == 4_500)    // 1.25 × 40 − 10 %
        #expect(invoice.totals.vatBreakdown.map(\.rate.basisPoints) == [2000])   // a Lviv service center charges Ukrainian VAT
        #expect(invoice.totals.toPay == invoice.totals.gross)
        #expect(claim.estimatedRepairBusinessDays == 18)
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
