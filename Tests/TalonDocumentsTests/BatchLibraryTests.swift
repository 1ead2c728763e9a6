import Foundation
import Testing
import TestSupport
@testable import TalonDocuments

/// The library used the way a server would: Swift values in, documents out.
@Suite struct BatchLibraryTests {
    struct Card: Encodable {
        struct Number: Encodable { var number: String }
        struct Company: Encodable { var company: String }
        struct Product: Encodable { var model: String; var serial: String; var warrantyMonths: Int }
        struct Sale: Encodable { var date: String }
        var locale = "uk"
        var card = Number(number: "ГТ-77")
        var seller = Company(company: "ТОВ «Крок»")
        var product = Product(model: "IPC-1", serial: "SN-77", warrantyMonths: 24)
        var sale = Sale(date: "2024-02-29")
    }

    @Test func swiftValuesRenderToPDFTextAndHTML() throws {
        let renderer = try #require(BatchRendererTests.renderer)
        let pdf = try renderer.render(RenderRequest(template: .builtIn(.warrantyCard), encoding: Card()))
        #expect(pdf.bytes.starts(with: Array("%PDF".utf8)))
        #expect(pdf.pageCount >= 1)
        let text = try renderer.render(RenderRequest(template: .builtIn(.warrantyCard), encoding: Card(), format: .text))
        #expect(String(decoding: text.bytes, as: UTF8.self).contains("ГТ-77"))
        #expect(String(decoding: text.bytes, as: UTF8.self).contains("24"))
        let html = try renderer.render(RenderRequest(template: .builtIn(.warrantyCard), encoding: Card(), format: .html))
        #expect(String(decoding: html.bytes, as: UTF8.self).contains("<"))
    }

    @Test func invalidValuesReportTheirPath() throws {
        let renderer = try #require(BatchRendererTests.renderer)
        var card = Card()
        card.sale.date = "29.02.2024"
        #expect {
            try renderer.render(RenderRequest(template: .builtIn(.warrantyCard), encoding: card))
        } throws: { error in
            guard case .validation(let problems) = error as? TalonError else { return false }
            return problems.contains(path: "$.sale.date")
        }
    }

    @Test func displayListAndPaintMatchRender() throws {
        let renderer = try #require(BatchRendererTests.renderer)
        let request = try RenderRequest(template: .builtIn(.warrantyCard), encoding: Card())
        let list = try renderer.displayList(for: request)
        #expect(try renderer.paint(list) == renderer.render(request).bytes)
    }

    @Test func aBatchOfSwiftValuesWritesOneFileEach() throws {
        let renderer = try #require(BatchRendererTests.renderer)
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cards = (1...3).map { index in
            var card = Card()
            card.card.number = "ГТ-\(index)"
            return card
        }
        let batch = BatchRenderer(renderer: renderer, template: .builtIn(.warrantyCard), jobs: 2)
        let summary = try batch.run(try BatchReader(encoding: cards),
                                    to: BatchDestination(directory: folder, naming: try FileNamePattern("card-{card.number}")))
        #expect(summary.rendered == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["card-ГТ-1.pdf", "card-ГТ-2.pdf", "card-ГТ-3.pdf"])
    }
}
