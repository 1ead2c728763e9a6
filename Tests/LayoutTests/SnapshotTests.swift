import Foundation
import Markup
import Testing
@testable import Layout

/// Compares display-list dumps with files in Snapshots/; `TALON_RECORD_SNAPSHOTS=1` re-records.
@Suite struct SnapshotTests {
    typealias F = LayoutFixtures

    static func cell(_ text: String) -> TableCell { TableCell(content: [.text(text)]) }

    /// A small A5 warranty card: table, barcode, list, signature, stamp, cut line, coupons.
    static var card: Document {
        let setup = PageSetup(marginTop: 28.35, marginRight: 28.35, marginBottom: 28.35, marginLeft: 28.35,
                              fontSize: 9, title: "Warranty card 0042", creationDate: "2024-03-15",
                              footer: [.text("Warranty card 0042 · page "), .pageNumber, .text(" of "), .pageCount])
        let details = Table(
            columns: [TableColumn(width: .auto), TableColumn(width: .fraction(1))], headerRows: [],
            rows: [[cell("Model"), cell("Camera IPC-T54 4MP")], [cell("Serial number"), cell("SN4K2X9QZ7781234567")],
                   [cell("Date of sale"), cell("15.03.2024")], [cell("Valid until"), cell("15.03.2027")]])
        let spec = BarcodeSpec(symbology: .code128, data: "SN4K2X9QZ7781234567", moduleWidth: 1, height: 24,
                               alignment: .center, location: F.location)
        var blocks: [Block] = [
            .heading(level: 1, content: [.text("Warranty card № 0042")]), .table(details), .barcode(spec),
            .heading(level: 2, content: [.text("The product is not covered if")]),
            .list(ordered: true, start: 1, items: [
                [F.paragraph("the warranty card is lost;")],
                [F.paragraph("it was used outside the manufacturer's conditions or above the recommended load;")],
                [.paragraph(content: [.text("it has "), .bold([.text("mechanical damage")]),
                                      .text(" (dents, cracks, chips);")], alignment: nil)],
            ]),
            .paragraph(content: [.text("Diagnosis takes up to 3 business days; repair up to 14\u{00A0}business days. "),
                                 .italic([.text("Transport costs are the buyer's.")])], alignment: .justify),
            .columns(widths: [0.6, 0.4], columns: [[.signature(caption: [.text("Seller")])], [.stamp(label: [.text("М.П.")])]]),
        ]
        for number in 1...3 {
            blocks.append(.cutLine(label: [.text("✂ cut here")]))
            blocks.append(.keepTogether([
                .heading(level: 3, content: [.text("Repair coupon \(number)")]),
                .field(label: [.text("Date received:")], value: [], style: .line, width: nil),
                .field(label: [.text("Work done:")], value: [], style: .line, width: nil),
                .checkbox(checked: number == 1, label: [.text("Warranty repair")]),
            ]))
        }
        return Document(setup: setup, blocks: blocks)
    }

    static func assertSnapshot(_ dump: String, named name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Snapshots/\(name).txt")
        if ProcessInfo.processInfo.environment["TALON_RECORD_SNAPSHOTS"] == "1" {
            try dump.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let stored = try #require(try? String(contentsOf: url, encoding: .utf8),
                                  "no snapshot \(name); record with TALON_RECORD_SNAPSHOTS=1")
        #expect(stored == dump, "display list of \(name) changed; re-record with TALON_RECORD_SNAPSHOTS=1 if intended")
    }

    @Test func cardSnapshot() throws {
        let list = try F.engine().layout(Self.card)
        try Self.assertSnapshot(list.debugDump(), named: "card")
    }

    @Test func cardHasEveryPieceAndOnlyDrawableText() throws {
        let list = try F.engine().layout(Self.card)
        let texts = F.allTexts(list)
        for expected in ["SN4K2X9QZ7781234567", "Seller", "М.П.", "Repair coupon 1", "Repair coupon 3", "1.", "3."] {
            #expect(texts.contains(expected), "missing \(expected)")
        }
        for page in list.pages {
            for case let .text(_, _, font, _, text, _) in page.ops {
                let face = list.fonts[font]
                #expect(text.unicodeScalars.allSatisfy { face.font.glyph(for: $0) != nil })
                #expect(text.unicodeScalars.allSatisfy { face.usedScalars.contains($0) })
            }
        }
        #expect(list.info.creationDate?.day == 15)
        #expect(try F.engine().layout(Self.card) == list, "layout is deterministic")
    }
}

extension SnapshotTests {
    @Test func oneEngineLaysOutConcurrently() async throws {
        let engine = F.engine()
        let expected = try engine.layout(Self.card)
        let results = try await withThrowingTaskGroup(of: DisplayList.self) { group in
            for _ in 0..<8 { group.addTask { try engine.layout(Self.card) } }
            var lists: [DisplayList] = []
            for try await list in group { lists.append(list) }
            return lists
        }
        #expect(results.count == 8 && results.allSatisfy { $0 == expected })
    }
}
