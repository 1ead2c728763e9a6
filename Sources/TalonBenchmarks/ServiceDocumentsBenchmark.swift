import Foundation
import TalonDocuments

/// Rendering speed of the service-centre documents from the samples, per stage mix:
/// PDF (validate, present, Mustache, markup, layout, paint) and SMS (no layout).
func serviceDocumentsBenchmark() throws {
    let renderer = try DocumentRenderer(resources: ResourceLocator.discover())
    let samples = renderer.resources.templates.deletingLastPathComponent().appendingPathComponent("Samples")
    for kind in ["rma", "diagnosis", "invoice", "repair-record", "notice"] {
        for locale in ["en", "uk"] {
            let url = samples.appendingPathComponent("\(kind).\(locale).json")
            let data = try Data(contentsOf: url)
            let request = RenderRequest(template: try TemplateReference(parsing: kind), data: data,
                                        baseDirectory: url.deletingLastPathComponent())
            try measure("\(kind).\(locale) pdf", iterations: 30) { _ = try renderer.render(request) }
        }
    }
    let blank = RenderRequest(template: .builtIn(.rma), data: nil, locale: .uk, blank: true)
    try measure("rma blank uk pdf", iterations: 30) { _ = try renderer.render(blank) }
    let notice = try Data(contentsOf: samples.appendingPathComponent("notice.uk.json"))
    let sms = RenderRequest(template: .builtIn(.notice), data: notice, format: .sms)
    try measure("notice.uk sms", iterations: 300) { _ = try renderer.render(sms) }
}
