import Foundation
import Testing
import TalonDocuments
import TestSupport

/// The library example of README.md, kept compiling and working.
@Suite struct ReadmeExampleTests {
    @Test func libraryExampleRuns() throws {
        let root = TestSupport.packageRoot.path
        let output = try TestSupport.temporaryDirectory()
        let renderer = try DocumentRenderer(resources: ResourceLocator.discover())
        let json = try Data(contentsOf: URL(fileURLWithPath: "\(root)/Samples/warranty-card.uk.json"))
        let card = try renderer.render(RenderRequest(template: .builtIn(.warrantyCard), data: json))
        try AtomicFile.write(card.bytes, to: output.appendingPathComponent("card.pdf").path)
        #expect(card.pageCount == 2)

        let notice = try Data(contentsOf: URL(fileURLWithPath: "\(root)/Samples/notice.en.json"))
        let email = try renderer.render(RenderRequest(template: .builtIn(.notice), data: notice, format: .html))
        #expect(String(decoding: email.bytes, as: UTF8.self).contains("<"))
        let batch = BatchRenderer(renderer: renderer, template: .builtIn(.warrantyCard), jobs: 2)
        let summary = try batch.run(try BatchReader(path: "\(root)/Samples/batch/cards.jsonl"),
                                    to: BatchDestination(directory: output.appendingPathComponent("out"),
                                                         naming: try FileNamePattern("{card.number}.pdf"))) { event, _ in
            if case .failed(let failure) = event { Issue.record("\(failure)") }
        }
        #expect(summary.failed == 0)
        #expect(summary.rendered == 20)
    }
}
