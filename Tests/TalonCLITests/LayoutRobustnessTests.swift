import Foundation
import Testing
import TestSupport

/// Schema-valid data that used to kill `talon` with a trap (issue 11: exit 132 on a table row
/// taller than a page) and pagination a reader relies on (issue 12), from outside.
@Suite struct LayoutRobustnessTests {
    static let samples = TestSupport.packageRoot.appendingPathComponent("Samples")

    /// A sample as a mutable JSON object.
    static func sample(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: samples.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func render(_ kind: String, _ object: [String: Any]) throws -> (pdf: String, result: TestSupport.ProcessResult) {
        let folder = try TestSupport.temporaryDirectory()
        let data = folder.appendingPathComponent("data.json")
        try JSONSerialization.data(withJSONObject: object).write(to: data)
        let pdf = folder.appendingPathComponent("out.pdf").path
        return (pdf, try TestSupport.talon(["render", kind, data.path, "-o", pdf]))
    }

    @Test func aBuyerNameOfFiftyNineLineFeedsPrints() throws {
        var card = try Self.sample("warranty-card.uk.json")
        // 60 one-letter lines: 119 characters, 59 of them line feeds, as the issue found it.
        let name = Array(repeating: "Ω", count: 60).joined(separator: "\n")
        #expect(name.count == 119)
        var buyer = card["buyer"] as? [String: Any] ?? [:]
        buyer["name"] = name
        card["buyer"] = buyer
        let (pdf, result) = try Self.render("warranty-card", card)
        #expect(result.status == 0, "\(result.stderrText)")
        let text = try PDFTools.pageTexts(pdf).joined(separator: "\n")
        #expect(text.filter { $0 == "Ω" }.count == 60, "every line of the name is printed once")
    }

    /// 40 invoice lines of 12,000.00 each, one description of 249 line feeds: the document
    /// prints; every page names the invoice and its page; no amount breaks inside its
    /// digits; the totals are not stranded without the last line.
    @Test func aLongInvoicePaginatesAsAReaderNeeds() throws {
        var document = try Self.sample("invoice.en.json")
        var claim = try #require(document["claim"] as? [String: Any])
        var invoice = try #require(claim["invoice"] as? [String: Any])
        var lines: [[String: Any]] = (1...40).map { number in
            ["description": "Replacement part \(number)", "kind": "work", "quantity": "1", "unit": "h",
             "unit_price": "12000.00"]
        }
        lines[5]["description"] = String(repeating: "x\n", count: 249) + "e"
        invoice["lines"] = lines
        claim["invoice"] = invoice
        document["claim"] = claim
        let number = try #require(invoice["number"] as? String)
        let (pdf, result) = try Self.render("invoice", document)
        #expect(result.status == 0, "\(result.stderrText)")
        let pages = try PDFTools.pageTexts(pdf)
        #expect(pages.count > 2)
        for (index, page) in pages.enumerated() {
            #expect(page.contains(number) && page.contains("page \(index + 1) of \(pages.count)"),
                    "page \(index + 1): \(page.suffix(160))")
        }
        let all = pages.joined(separator: " ")
        #expect(all.components(separatedBy: "12,000.00").count - 1 == 80, "every price and net amount whole")
        #expect(!all.contains("12,000.0 "), "no amount cut before its last digit")
        let totals = try #require(pages.last { $0.contains("To pay") && $0.contains("Total including VAT") })
        #expect(totals.contains("Replacement part 40"), "the totals keep the last line with them")
    }
}
