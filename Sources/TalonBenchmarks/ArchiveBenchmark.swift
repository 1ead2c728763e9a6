import Foundation
import TalonDocuments

/// Size and time of PDF/A and encryption, through the public API on one core: the
/// warranty card sample and a 1,000-line invoice (the most the invoice schema takes; the uk
/// sample's lines repeated), each plain, as PDF/A-3b with its data attached, and encrypted
/// (AES-256, print-only).
func archiveBenchmark() throws {
    let resources = try ResourceLocator.discover()
    let renderer = try DocumentRenderer(resources: resources)
    let root = resources.templates.deletingLastPathComponent()
    let card = try Data(contentsOf: root.appendingPathComponent("Samples/warranty-card.uk.json"))
    let invoice = try longInvoice(root.appendingPathComponent("Samples/invoice.uk.json"), lines: 1000)
    let variants: [(name: String, options: PDFOptions)] = [
        ("plain", PDFOptions(pdfa: false)),
        ("PDF/A-3b", PDFOptions(pdfa: true)),
        ("AES-256 print-only", PDFOptions(ownerPassword: "owner", userPassword: "reader", printOnly: true, pdfa: false)),
    ]
    for (label, kind, data, runs) in [("warranty card (uk sample)", "warranty-card", card, 200),
                                      ("invoice, 1,000 lines", "invoice", invoice, 5)] {
        for variant in variants {
            let request = RenderRequest(template: try TemplateReference(parsing: kind), data: data,
                                        dataName: "\(kind).json", pdf: variant.options)
            var document = try renderer.render(request)
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<runs { document = try renderer.render(request) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print(String(format: "%@, %@: %.2f ms/document (%d runs), %d bytes, %d page(s)", label, variant.name,
                         seconds * 1000 / Double(runs), runs, document.bytes.count, document.pageCount))
        }
    }
}

/// The invoice sample with its lines repeated up to `lines`.
private func longInvoice(_ sample: URL, lines count: Int) throws -> Data {
    guard var root = try JSONSerialization.jsonObject(with: Data(contentsOf: sample)) as? [String: Any],
          var claim = root["claim"] as? [String: Any], var invoice = claim["invoice"] as? [String: Any],
          let lines = invoice["lines"] as? [Any], !lines.isEmpty else {
        throw CocoaError(.fileReadCorruptFile)
    }
    invoice["lines"] = (0..<count).map { lines[$0 % lines.count] }
    claim["invoice"] = invoice
    root["claim"] = claim
    return try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])
}
