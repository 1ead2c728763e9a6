import Foundation
import Warranty
import Layout
import Markup

extension DocumentRenderer {
    /// Lays out a PDF document without painting it: the display list that
    /// `render(_:)` would paint. Batches keep these to merge many records into one PDF
    /// (`DisplayList.append(_:)`) and paint once with `paint(_:)`.
    /// The request's `format` is ignored.
    public func displayList(for request: RenderRequest) throws(TalonError) -> DisplayList {
        try displayListAndWarnings(for: request).list
    }

    /// The display list and the warnings about the data (see `RenderedDocument.warnings`).
    public func displayListAndWarnings(for request: RenderRequest) throws(TalonError) -> (list: DisplayList, warnings: [String]) {
        let (markup, name, warnings, attachmentName) = try markupText(for: request)
        let document = try pipeline.parse(markup, file: name)
        var list = try layout(document, for: request)
        request.pdf.apply(to: &list.info, data: request.data, name: attachmentName)
        return (list, warnings)
    }

    /// Lays out a parsed document; characters the fonts lack are reported at the JSON
    /// paths of the fields that hold them, as `render(_:)` does.
    func layout(_ document: Document, for request: RenderRequest) throws(TalonError) -> DisplayList {
        do {
            return try pipeline.layout(document)
        } catch .layout(.missingGlyphs(let groups)) {
            let fields = UnprintableText.locate(groups, in: request.data)
            throw fields.isEmpty ? .layout(.missingGlyphs(groups)) : .unprintable(fields)
        }
    }

    /// Paints a display list into PDF bytes. Identical lists give identical bytes.
    public func paint(_ list: DisplayList) throws(TalonError) -> [UInt8] {
        try pipeline.paint(list)
    }
}

extension RenderRequest {
    /// A request whose data is a Swift value, encoded as JSON with snake_case keys
    /// (`warrantyMonths` → `warranty_months`), so a server can render from its own types.
    /// - Throws: `TalonError.input` when the value cannot be encoded.
    public init<Value: Encodable>(template: TemplateReference, encoding value: Value, locale: DocumentLocale? = nil,
                                  kind: DocumentKind? = nil, format: OutputFormat = .pdf) throws(TalonError) {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            throw .input(path: "\(Value.self)", reason: "cannot encode as JSON: \(error)")
        }
        self.init(template: template, data: data, dataName: "\(Value.self)", locale: locale, kind: kind, format: format)
    }
}
