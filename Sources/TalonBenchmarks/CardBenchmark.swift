import Foundation
import TalonDocuments

/// The warranty card sample alone (JSON → PDF), 500 times after one warm-up render, on one
/// core. The loop is its own function (`cardRenders`), so a profiler can collect just it:
/// `valgrind --tool=callgrind --toggle-collect='*cardRenders*' TalonBenchmarks card`.
func cardBenchmark() throws {
    let resources = try ResourceLocator.discover()
    let renderer = try DocumentRenderer(resources: resources)
    let root = resources.templates.deletingLastPathComponent()
    let data = try Data(contentsOf: root.appendingPathComponent("Samples/warranty-card.uk.json"))
    let card = RenderRequest(template: try TemplateReference(parsing: "warranty-card"), data: data,
                             dataName: "warranty-card.uk.json")
    _ = try renderer.render(card)
    let runs = 500
    let start = DispatchTime.now().uptimeNanoseconds
    let bytes = try cardRenders(renderer, card, runs: runs)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(String(format: "warranty card: %.3f ms/document (%d documents, one core), %d bytes in all",
                 seconds * 1000 / Double(runs), runs, bytes))
}

@inline(never)
func cardRenders(_ renderer: DocumentRenderer, _ request: RenderRequest, runs: Int) throws -> Int {
    var bytes = 0
    for _ in 0..<runs { bytes += try renderer.render(request).bytes.count }
    return bytes
}
