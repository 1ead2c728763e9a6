import Foundation
import TalonDocuments

/// The whole pipeline through the public API (JSON → template → markup → layout → PDF),
/// on one core: the warranty card sample 1,000 times, and a custom 2,000-row table
/// document (the register template of the CLI tests' fixtures).
func pipelineBenchmark() throws {
    let resources = try ResourceLocator.discover()
    let renderer = try DocumentRenderer(resources: resources)
    let root = resources.templates.deletingLastPathComponent()

    let cardData = try Data(contentsOf: root.appendingPathComponent("Samples/warranty-card.uk.json"))
    let card = RenderRequest(template: try TemplateReference(parsing: "warranty-card"), data: cardData, dataName: "warranty-card.uk.json")
    var document = try renderer.render(card)
    let cardRuns = 1_000
    let cardSeconds = try measure(cardRuns) { document = try renderer.render(card) }
    print(String(format: "warranty card (uk sample): %.3f ms/document (%d documents, one core), %d bytes, %d page(s)",
                 cardSeconds * 1000 / Double(cardRuns), cardRuns, document.bytes.count, document.pageCount))

    let rows = (1...2000).map { number in
        #"{"number":\#(number),"serial":"SN-\#(String(format: "%05d", number))","note":"запис \#(number) — ремонт | вентилятор"}"#
    }
    let tableData = Data((#"{"rows":["# + rows.joined(separator: ",") + "]}").utf8)
    let template = root.appendingPathComponent("Tests/TalonCLITests/Fixtures/register.mustache")
    let table = RenderRequest(template: .file(template), data: tableData, dataName: "register.json")
    document = try renderer.render(table)
    let tableRuns = 5
    let tableSeconds = try measure(tableRuns) { document = try renderer.render(table) }
    print(String(format: "2,000-row table (custom template): %.1f ms/document (%d runs), %d bytes (%.1f KiB), %d pages",
                 tableSeconds * 1000 / Double(tableRuns), tableRuns, document.bytes.count,
                 Double(document.bytes.count) / 1024, document.pageCount))
}

private func measure(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<runs { try body() }
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
